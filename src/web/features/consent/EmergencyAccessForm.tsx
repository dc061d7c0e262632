/** Break the glass: a stated reason opens everything about one person for the municipality's emergency-access hours. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { emergencyApi } from '../../api/consentEndpoints.js';
import { messageOf, useMessages, type Message } from '../../api/fieldErrors.js';
import { FormField } from '../../components/FormField.js';

type Props = {
  /** The person, when known; otherwise the form asks for the identity number. */
  personId?: string;
  onOpened: (personId: string) => Promise<void> | void;
};

/** The emergency-access form. */
export function EmergencyAccessForm({ personId, onOpened }: Props) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [reason, setReason] = useState('');
  const [pnr, setPnr] = useState('');
  const [error, setError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError({ key: 'emergency.reasonRequired' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const opened = personId ? await emergencyApi.open(personId, reason.trim()) : await emergencyApi.openByNumber(pnr.trim(), reason.trim());
      await onOpened(opened.personId);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const fields = messages.fields({}, error);
  const local = error && !(error instanceof ApiError) ? messages.text(error) : undefined;
  const general = error instanceof ApiError && !fields.reason && !fields.personalIdentityNumber ? messages.text(error) : undefined;
  return (
    <form onSubmit={submit} className="emergency-form" noValidate aria-labelledby="emergency-form-title">
      <h3 id="emergency-form-title">{t('emergency.title')}</h3>
      {personId ? <p>{t('emergency.introShort')}</p> : null}
      {general ? (
        <p className="field__error" role="alert">
          {general}
        </p>
      ) : null}
      {personId ? null : (
        <FormField id="emergency-pnr" label={t('emergency.pnr')} hint={t('emergency.pnrHint')} error={fields.personalIdentityNumber} required>
          {(control) => <input {...control} value={pnr} onChange={(e) => setPnr(e.target.value)} inputMode="numeric" autoComplete="off" />}
        </FormField>
      )}
      <FormField id="emergency-reason" label={t('emergency.reason')} hint={t('emergency.reasonHint')} error={local ?? fields.reason} required announce>
        {(control) => <textarea {...control} rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FormField>
      <button type="submit" className="button button--danger" disabled={busy}>
        {t('emergency.open')}
      </button>
    </form>
  );
}
