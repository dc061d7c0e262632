/** Withdraw a consent: a short optional note, then it stops giving access at once. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { consentsApi } from '../../api/consentEndpoints.js';
import { useMessages } from '../../api/fieldErrors.js';
import { FormActions } from '../../components/FormActions.js';
import { TextField } from '../../components/FormField.js';
import { useAction } from '../../hooks/useAction.js';

/** The withdraw button and, once pressed, its confirmation form. */
export function WithdrawConsent({ consentId, onWithdrawn }: { consentId: string; onWithdrawn: () => Promise<void> }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const action = useAction();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await action.run(() => consentsApi.withdraw(consentId, note.trim() || null))) await onWithdrawn();
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
      <TextField
        id={`withdraw-${consentId}`}
        label={t('consent.withdrawNote')}
        value={note}
        onChange={setNote}
        error={messages.text(action.error)}
      />
      <FormActions submit={t('consent.withdrawConfirm')} busy={action.busy} onCancel={() => setOpen(false)} danger />
    </form>
  );
}
