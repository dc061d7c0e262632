/** Sign in with e-mail and password; shows the API's reason when it fails (wrong details, throttled). */
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { messageOf, useMessages, type Message } from '../../api/fieldErrors.js';
import { Alert } from '../../components/Alert.js';
import { TextField } from '../../components/FormField.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useSession } from './session.js';

/** Where to go after sign-in: the `next` parameter when it is a local path, else the start page. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** The sign-in page. */
export function LoginPage() {
  const { t } = useTranslation();
  const messages = useMessages();
  const { me, signIn, endedBecause } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  if (me && !busy)
    return <Navigate to={me.mustChangePassword ? '/change-password' : safeNext(params.get('next'))} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError({ key: 'login.missing' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const current = await signIn(email.trim(), password);
      navigate(current.mustChangePassword ? '/change-password' : safeNext(params.get('next')), { replace: true });
    } catch (err) {
      // Refused for this address only: say for how long, and that another computer works meanwhile.
      if (err instanceof ApiError && err.code === 'too_many_attempts' && err.retryAfterSeconds)
        setError({ key: 'signInThrottle.tryAgainIn', params: { minutes: Math.ceil(err.retryAfterSeconds / 60) } });
      else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel narrow" aria-labelledby="page-title">
      <PageHeading title={t('login.title')} />
      <p>{t('login.intro')}</p>
      {endedBecause === 'session_expired' && !error ? <Alert tone="info">{t('errors.session_expired')}</Alert> : null}
      {error ? <Alert tone="error">{messages.text(error)}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <TextField
          id="login-email"
          label={t('login.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          required
        />
        <TextField
          id="login-password"
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          required
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('login.signingIn') : t('login.submit')}
        </button>
      </form>
    </section>
  );
}
