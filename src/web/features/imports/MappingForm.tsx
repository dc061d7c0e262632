/**
 * The mapping step of a file in another layout: for each of Lotsa's fields, the column of the file
 * that holds it ("— saknas —" for an optional field the file lacks). The choice can be saved under a
 * name, so the next file with the same columns is read straight away.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../core/register-schemas.js';
import { COLUMNS, REQUIRED } from '../../../core/source-lists.js';
import { messageOf, useMessages, type FieldMessages, type Message } from '../../api/fieldErrors.js';
import { importKeys } from '../../api/queryKeys.js';
import { importsApi } from '../../api/registerEndpoints.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormField, TextField } from '../../components/FormField.js';

type Props = { summary: ImportSummary };

const normal = (s: string) => s.trim().toLowerCase();

/** The mapping form; once mapped, the import is asked for again, and is then checked again. */
export function MappingForm({ summary }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const messages = useMessages();
  const headers = summary.headers ?? [];
  const fields: readonly string[] = COLUMNS[summary.kind];
  const required: readonly string[] = REQUIRED[summary.kind];
  // Start from an earlier choice, else from headers named like the field or its label.
  const guess = (field: string) => {
    const earlier = summary.mapping?.[field];
    if (earlier && headers.includes(earlier)) return earlier;
    return headers.find((h) => normal(h) === field || normal(h) === normal(t(`imports.fields.${field}`))) ?? '';
  };
  const [mapping, setMapping] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f, guess(f)])),
  );
  const [save, setSave] = useState(false);
  const [name, setName] = useState(summary.fileName);
  const [local, setLocal] = useState<FieldMessages>({});
  const [problem, setProblem] = useState<Message | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldMessages = {};
    for (const field of required)
      if (!mapping[field]) missing[`mapping.${field}`] = { key: 'imports.mapping.requiredMissing' };
    if (save && !name.trim()) missing.saveAs = { key: 'imports.mapping.nameMissing' };
    setLocal(missing);
    setProblem(null);
    setAttempt((n) => n + 1);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      const body = Object.fromEntries(fields.map((f) => [f, mapping[f] || null]));
      await importsApi.setMapping(summary.id, body, save ? name.trim() : undefined);
      await queryClient.invalidateQueries({ queryKey: importKeys.one(summary.id) });
    } catch (err) {
      setProblem(messageOf(err));
      setBusy(false);
    }
  }

  const errors = messages.fields(local, problem);
  const idOf = (field: string) =>
    field === 'saveAs' ? 'mapping-save-name' : `mapping-${field.replace(/^mapping\./, '')}`;
  const labelOf = (field: string) =>
    field === 'saveAs' ? t('imports.mapping.name') : t(`imports.fields.${field.replace(/^mapping\./, '')}`);
  return (
    <section className="panel panel--highlight" aria-labelledby="mapping-title">
      <h2 id="mapping-title">{t('imports.mapping.title')}</h2>
      <p>{t('imports.mapping.intro')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          message={messages.text(problem)}
          focusKey={attempt}
          items={Object.entries(errors).map(([f, message]) => ({ fieldId: idOf(f), label: labelOf(f), message }))}
        />
        <fieldset>
          <legend>{t('imports.mapping.legend')}</legend>
          <div className="mapping-fields">
            {fields.map((field) => (
              <FormField
                key={field}
                id={idOf(field)}
                label={t(`imports.fields.${field}`)}
                hint={t('imports.mapping.fieldHint', { column: field })}
                error={errors[`mapping.${field}`]}
                required={required.includes(field)}
              >
                {(control) => (
                  <select
                    {...control}
                    value={mapping[field]}
                    onChange={(e) => setMapping((m) => ({ ...m, [field]: e.target.value }))}
                  >
                    <option value="">
                      {required.includes(field) ? t('imports.mapping.choose') : t('imports.mapping.missing')}
                    </option>
                    {headers.map((h, i) => (
                      <option key={`${i}-${h}`} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
            ))}
          </div>
        </fieldset>
        <div className="field checkbox">
          <input
            id="mapping-save"
            type="checkbox"
            checked={save}
            aria-describedby="mapping-save-hint"
            onChange={(e) => setSave(e.target.checked)}
          />
          <label htmlFor="mapping-save">{t('imports.mapping.save')}</label>
          <p id="mapping-save-hint" className="field__hint">
            {t('imports.mapping.saveHint')}
          </p>
        </div>
        {save ? (
          <TextField
            id="mapping-save-name"
            label={t('imports.mapping.name')}
            value={name}
            onChange={setName}
            error={errors.saveAs}
            required
            autoComplete="off"
          />
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          {t('imports.mapping.submit')}
        </button>
      </form>
    </section>
  );
}
