/** Withdraw a consent: a short optional note, then it stops giving access at once. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { consentsApi } from '../../api/consentEndpoints.js';
import { messageOf, useMessages, type Message } from '../../api/fieldErrors.js';
import { FormField } from '../../components/FormField.js';

/** The withdraw button and, once pressed, its confirmation form. */
export function WithdrawConsent({ consentId, onWithdrawn }: { consentId: string; onWithdrawn: () => Promise<void> }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await consentsApi.withdraw(consentId, note.trim() || null);
      await onWithdrawn();
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <button type="button" className="button button--secondary button--small" onClick={() => setOpen(true)}>
        {t('consent.withdraw')}
      </button>
    );
  }
  return (
    <form onSubmit={submit} className="inline-form" noValidate>
      <p>{t('consent.withdrawHint')}</p>
      <FormField id={`withdraw-${consentId}`} label={t('consent.withdrawNote')} error={messages.text(error)} announce>
        {(control) => <input {...control} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button--danger" disabled={busy}>
          {t('consent.withdrawConfirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
