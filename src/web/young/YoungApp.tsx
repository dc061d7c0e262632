/**
 * The young person's own Lotsa: sign in with the identity number and a code by SMS, then their
 * page (loaded only after signing in). Plain language, one column, from 320 px wide.
 */
import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import type { MeSummary } from '../../core/me-schemas.js';
import { MeError, meApi, setMeLanguage } from './api.js';
import { saveLang, storedLang, text, type Lang } from './texts.js';

const YoungHome = lazy(() => import('./YoungHome.js').then((m) => ({ default: m.YoungHome })));

/** The whole young person's app: who is signed in decides what shows. */
export function YoungApp() {
  const [lang, setLang] = useState<Lang>(storedLang);
  const [me, setMe] = useState<MeSummary | null | undefined>(undefined);
  const t = (key: string, values?: Record<string, string>) => text(lang, key, values);

  useEffect(() => {
    saveLang(lang);
    setMeLanguage(lang);
    document.title = text(lang, 'title');
  }, [lang]);

  useEffect(() => {
    meApi.summary().then(setMe, () => setMe(null));
  }, []);

  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  return (
    <>
      <header className="y-header">
        <p className="y-brand">{t('title')}</p>
        <button type="button" className="y-link" lang={other} onClick={() => setLang(other)}>
          {other === 'en' ? 'English' : 'Svenska'}
        </button>
      </header>
      <main id="main" className="y-main">
        {me === undefined ? (
          <p role="status">{t('loading')}</p>
        ) : me === null ? (
          <SignIn t={t} onSignedIn={async () => setMe(await meApi.summary())} />
        ) : (
          <Suspense fallback={<p role="status">{t('loading')}</p>}>
            <YoungHome me={me} lang={lang} t={t} onSignedOut={() => setMe(null)} />
          </Suspense>
        )}
      </main>
    </>
  );
}

type T = (key: string, values?: Record<string, string>) => string;

/** Two steps: the identity number, then the code from the text message or e-mail. */
function SignIn({ t, onSignedIn }: { t: T; onSignedIn: () => Promise<void> }) {
  const [pin, setPin] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err instanceof MeError ? err.message : t('error'));
    } finally {
      setBusy(false);
    }
  }

  const ask = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await meApi.requestCode(pin.trim());
      setSent(true);
    });
  };
  const signIn = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await meApi.login(pin.trim(), code.trim());
      await onSignedIn();
    });
  };

  return (
    <section aria-labelledby="y-signin">
      <h1 id="y-signin">{t('title')}</h1>
      <p>{t('intro')}</p>
      {error ? (
        <p className="y-error" role="alert">
          {error}
        </p>
      ) : null}
      {!sent ? (
        <form onSubmit={ask} noValidate>
          <label htmlFor="y-pin">{t('pinLabel')}</label>
          <p id="y-pin-hint" className="y-hint">
            {t('pinHint')}
          </p>
          <input
            id="y-pin"
            inputMode="numeric"
            autoComplete="off"
            aria-describedby="y-pin-hint"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
          <button type="submit" className="y-button" disabled={busy}>
            {t('sendCode')}
          </button>
        </form>
      ) : (
        <form onSubmit={signIn} noValidate>
          <p role="status">{t('codeSent')}</p>
          <label htmlFor="y-code">{t('codeLabel')}</label>
          <input
            id="y-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <button type="submit" className="y-button" disabled={busy}>
            {t('signIn')}
          </button>
          <button type="button" className="y-link" onClick={() => setSent(false)}>
            {t('otherNumber')}
          </button>
        </form>
      )}
    </section>
  );
}
