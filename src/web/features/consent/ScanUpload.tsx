/** Attach the scan of the signed paper consent form (PDF, JPEG or PNG). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { consentsApi } from '../../api/consentEndpoints.js';
import { messageOf, useMessages, type Message } from '../../api/fieldErrors.js';
import { Alert } from '../../components/Alert.js';
import { FormField } from '../../components/FormField.js';

/** The scan upload form of one consent. */
export function ScanUpload({ consentId, onSaved }: { consentId: string; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await consentsApi.attachScan(consentId, file);
      setSaved(true);
      await onSaved();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="inline-form" noValidate>
      {saved ? <Alert tone="success">{t('consent.scanSaved')}</Alert> : null}
      <FormField id={`scan-${consentId}`} label={t('consent.attachScan')} hint={t('consent.scanHint')} error={messages.text(error)} announce>
        {(control) => <input {...control} type="file" accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
      </FormField>
      <button type="submit" className="button button--secondary button--small" disabled={busy || !file}>
        {t('consent.upload')}
      </button>
    </form>
  );
}
