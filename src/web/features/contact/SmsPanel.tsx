/**
 * Send the template text message to the young person or the guardian. With a gateway it is recorded
 * as a contact attempt when the gateway takes it; a message kept in Lotsa's outbox is recorded only
 * when the coach confirms (listed here, on the person page and in the outbox) that they sent it by other means.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outreach, SmsMessage } from '../../../core/outreach-schemas.js';
import { ApiError } from '../../api/client.js';
import { contactApi, newIdempotencyKey } from '../../api/outreachEndpoints.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { FormField } from '../../components/FormField.js';
import { useAction } from '../../hooks/useAction.js';
import { apiErrorOf } from './useFieldErrors.js';
import { AwaitingSms } from './AwaitingSms.js';
import { useOutreachChanged } from './useOutreachChanged.js';

/** The SMS panel of the next-step view. */
export function SmsPanel({
  personId,
  hasGuardian,
  awaiting,
}: {
  personId: string;
  hasGuardian: boolean;
  awaiting: Outreach['awaitingSms'];
}) {
  const { t } = useTranslation();
  const outreachChanged = useOutreachChanged();
  const [recipient, setRecipient] = useState<'young_person' | 'guardian'>('young_person');
  const [sent, setSent] = useState<SmsMessage | null>(null);
  const { busy, error, run } = useAction();
  const problem = apiErrorOf(error);
  const key = useRef(newIdempotencyKey());

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(null);
    let failedAtGateway = false;
    const ok = await run(async () => {
      try {
        setSent(await contactApi.sendSms(personId, recipient, key.current));
      } catch (err) {
        failedAtGateway = err instanceof ApiError && err.code === 'sms_failed';
        throw err;
      }
    });
    // A message the gateway did not confirm is kept as failed: sending again is a new message, under a new key.
    if (ok || failedAtGateway) key.current = newIdempotencyKey();
    if (ok) await outreachChanged(personId);
  }

  return (
    <section className="panel" aria-labelledby="sms-title">
      <h2 id="sms-title">{t('contact.sms.title')}</h2>
      <p className="muted small">{t('contact.sms.hint')}</p>
      {sent ? (
        <Alert tone="success">
          <p>{sent.status === 'stored' ? t('contact.sms.stored') : t('contact.sms.sent')}</p>
          <blockquote className="note-text">{sent.body}</blockquote>
        </Alert>
      ) : null}
      <AwaitingSms personId={personId} items={awaiting} onConfirmed={() => setSent(null)} />
      <ProblemAlert error={problem} />
      <form onSubmit={submit} noValidate>
        {hasGuardian ? (
          <FormField id="sms-recipient" label={t('contact.sms.recipient')}>
            {(control) => (
              <select
                {...control}
                value={recipient}
                onChange={(e) => setRecipient(e.target.value as 'young_person' | 'guardian')}
              >
                <option value="young_person">{t('contact.sms.youngPerson')}</option>
                <option value="guardian">{t('contact.sms.guardian')}</option>
              </select>
            )}
          </FormField>
        ) : null}
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t('contact.sms.submit')}
        </button>
      </form>
    </section>
  );
}
