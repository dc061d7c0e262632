/**
 * The young person's consents: those their contact person prepared for them to sign (they count only
 * once signed), and those given: to whom, what, since and until when; take one back at once.
 */
import type { MeConsent } from '../../core/me-schemas.js';
import { meApi } from './api.js';

type T = (key: string, values?: Record<string, string>) => string;
type Props = {
  consents: MeConsent[] | null;
  t: T;
  act: (work: () => Promise<void>) => void;
  /** Loads the consents and the access log again after a change. */
  onChanged: () => Promise<void>;
};

/** The consents section. */
export function YoungConsents({ consents, t, act, onChanged }: Props) {
  return (
    <section aria-labelledby="y-consents" className="y-card">
      <h2 id="y-consents">{t('consentsTitle')}</h2>
      <p>{t('consentsIntro')}</p>
      {consents === null ? (
        <p role="status">{t('loading')}</p>
      ) : consents.length === 0 ? (
        <p>{t('noConsents')}</p>
      ) : (
        <ul className="y-list">
          {consents.map((c) => (
            <li key={c.id} className={c.state === 'awaiting_signature' ? 'y-awaiting' : undefined}>
              {c.state === 'awaiting_signature' ? (
                <>
                  <strong>{t('consentAwaiting')}</strong>
                  <br />
                  {t('consentAwaitingHint')}
                  <br />
                </>
              ) : null}
              <strong>{t('consentTo', { names: c.recipients.join(', ') })}</strong>
              <br />
              {t('consentWhat', { what: c.categories.map((x) => t(`category.${x}`)).join(', ') })}
              <br />
              {c.state === 'awaiting_signature' ? t('consentWhy', { purpose: c.purpose }) : null}
              {c.givenOn ? t('consentSince', { date: c.givenOn }) : null}
              {c.validUntil ? ` · ${t('consentUntil', { date: c.validUntil })}` : ''}
              <br />
              {c.state === 'awaiting_signature' ? (
                <button
                  type="button"
                  className="y-button y-button--small"
                  onClick={() => act(async () => (await meApi.signConsent(c.id), await onChanged()))}
                >
                  {t('signConsent')}
                  <span className="y-visually-hidden">: {c.recipients.join(', ')}</span>
                </button>
              ) : c.state === 'valid' ? (
                <button
                  type="button"
                  className="y-button y-button--small"
                  onClick={() => act(async () => (await meApi.withdraw(c.id), await onChanged()))}
                >
                  {t('withdraw')}
                  <span className="y-visually-hidden">: {c.recipients.join(', ')}</span>
                </button>
              ) : (
                <em>{c.state === 'withdrawn' ? t('withdrawn') : t('expired')}</em>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
