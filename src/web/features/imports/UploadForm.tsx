/**
 * Upload a population or enrolment list (CSV or XLSX). The file goes to the API as it is; the
 * server checks it in the background and the user is taken to the import's page to follow it.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LIST_KINDS, type ListKind } from '../../../core/source-lists.js';
import { messageOf, useMessages, type FieldMessages, type Message } from '../../api/fieldErrors.js';
import { importsApi } from '../../api/registerEndpoints.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormField } from '../../components/FormField.js';

const ACCEPTED = /\.(csv|xlsx)$/i;

/** The upload form. */
export function UploadForm() {
  const { t } = useTranslation();
  const messages = useMessages();
  const navigate = useNavigate();
  const fileInput = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<ListKind>('population');
  const [local, setLocal] = useState<FieldMessages>({});
  const [problem, setProblem] = useState<Message | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    const missing: FieldMessages = {};
    if (!file) missing.file = { key: 'imports.upload.noFile' };
    else if (!ACCEPTED.test(file.name)) missing.file = { key: 'imports.upload.wrongType' };
    setLocal(missing);
    setProblem(null);
    setAttempt((n) => n + 1);
    if (!file || missing.file) return;
    setBusy(true);
    try {
      const { id, alreadyImported } = await importsApi.upload(kind, file);
      navigate(`/register/imports/${id}`, { state: { alreadyImported } });
    } catch (err) {
      setProblem(messageOf(err));
      setBusy(false);
    }
  }

  const errors = messages.fields(local, null);
  return (
    <section className="panel" aria-labelledby="upload-title">
      <h2 id="upload-title">{t('imports.upload.title')}</h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          message={messages.text(problem)}
          focusKey={attempt}
          items={errors.file ? [{ fieldId: 'import-file', label: t('imports.upload.file'), message: errors.file }] : []}
        />
        <fieldset className="radio-group">
          <legend>{t('imports.upload.kind')}</legend>
          {LIST_KINDS.map((k) => (
            <div key={k} className="field checkbox">
              <input
                id={`import-kind-${k}`}
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
                aria-describedby={`import-kind-${k}-hint`}
              />
              <label htmlFor={`import-kind-${k}`}>{t(`imports.kinds.${k}`)}</label>
              <p id={`import-kind-${k}-hint`} className="field__hint">
                {t(`imports.kindHints.${k}`)}
              </p>
            </div>
          ))}
        </fieldset>
        <FormField
          id="import-file"
          label={t('imports.upload.file')}
          hint={t('imports.upload.fileHint')}
          error={errors.file}
          required
        >
          {(control) => (
            <input
              {...control}
              ref={fileInput}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={() => setLocal({})}
            />
          )}
        </FormField>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('imports.upload.busy') : t('imports.upload.submit')}
        </button>
      </form>
    </section>
  );
}
