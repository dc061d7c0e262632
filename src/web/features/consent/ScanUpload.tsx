/** Attach the scan of the signed paper consent form (PDF, JPEG or PNG). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { consentsApi } from '../../api/consentEndpoints.js';
import { useMessages } from '../../api/fieldErrors.js';
import { Alert } from '../../components/Alert.js';
import { FormField } from '../../components/FormField.js';
import { useAction } from '../../hooks/useAction.js';

/** The scan upload form of one consent. */
export function ScanUpload({ consentId, onSaved }: { consentId: string; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const action = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    if (await action.run(() => consentsApi.attachScan(consentId, file))) {
      setSaved(true);
      await onSaved();
    }
  }

  return (
    <form onSubmit={submit} className="inline-form" noValidate>
      {saved ? <Alert tone="success">{t('consent.scanSaved')}</Alert> : null}
      <FormField
        id={`scan-${consentId}`}
        label={t('consent.attachScan')}
        hint={t('consent.scanHint')}
        error={messages.text(action.error)}
        announce
      >
        {(control) => (
          <input
            {...control}
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </FormField>
      <button type="submit" className="button button--secondary button--small" disabled={action.busy || !file}>
        {t('consent.upload')}
      </button>
    </form>
  );
}
