/** Record what verifying a notification with the leaving school showed; the notification then leaves the inbox. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf, useMessages, type Message } from '../../api/fieldErrors.js';
import { notificationsApi, type NotificationOutcome } from '../../api/registerEndpoints.js';
import { NOTIFICATION_OUTCOMES } from '../../../core/register.js';
import { FormField } from '../../components/FormField.js';

type Props = { id: string; describedBy: string; onHandled: () => Promise<void> };

/** The handle form of one inbox notification; `describedBy` names the notification for the button. */
export function HandleForm({ id, describedBy, onHandled }: Props) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [outcome, setOutcome] = useState<NotificationOutcome | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!outcome) {
      setError({ key: 'notifications.handle.outcomeMissing' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await notificationsApi.handle(id, outcome, note.trim() || null);
      await onHandled();
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="handle-form">
      <FormField
        id={`handle-${id}-outcome`}
        label={t('notifications.handle.outcome')}
        error={messages.text(error)}
        required
        announce
      >
        {(control) => (
          <select {...control} value={outcome} onChange={(e) => setOutcome(e.target.value as NotificationOutcome | '')}>
            <option value="">{t('notifications.handle.choose')}</option>
            {NOTIFICATION_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`notifications.outcomes.${o}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id={`handle-${id}-note`}
        label={t('notifications.handle.note')}
        hint={t('notifications.handle.noteHint')}
      >
        {(control) => (
          <textarea {...control} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </FormField>
      <button type="submit" className="button" disabled={busy} aria-describedby={describedBy}>
        {t('notifications.handle.submit')}
      </button>
    </form>
  );
}
