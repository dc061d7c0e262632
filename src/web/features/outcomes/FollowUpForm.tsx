/**
 * Record what a follow-up after closure found. Someone back without occupation can be taken on again
 * in the same step (a new case that names the closed one).
 */
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../../core/outcome-schemas.js';
import { FOLLOW_UP_RESULTS, takesOnAgain, type FollowUpResult } from '../../../core/outcomes.js';
import { messageOf, useMessages, type FieldMessages } from '../../api/fieldErrors.js';
import { outcomeApi } from '../../api/outcomeEndpoints.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormActions } from '../../components/FormActions.js';
import { FormField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';

type Props = { followUp: Pick<FollowUp, 'id' | 'months' | 'version'>; onSaved: (saved: FollowUp) => Promise<void> };

/** The follow-up result form. */
export function FollowUpForm({ followUp, onSaved }: Props) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [result, setResult] = useState<FollowUpResult | ''>('');
  const [takeOn, setTakeOn] = useState(true);
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<FieldMessages>({});
  const [attempts, setAttempts] = useState(0);
  const id = `follow-up-${followUp.id}`;
  const save = useMutation({
    mutationFn: () =>
      outcomeApi.recordFollowUp(followUp.id, {
        result: result as FollowUpResult,
        note: note.trim() || null,
        takeOn: result !== '' && takesOnAgain(result) && takeOn,
        version: followUp.version,
      }),
    onSuccess: onSaved,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempts((n) => n + 1);
    const checks: FieldMessages = result ? {} : { result: { key: 'fieldErrors.required' } };
    setLocal(checks);
    save.reset();
    if (Object.keys(checks).length === 0) save.mutate();
  }
  const apiError = save.error ? messageOf(save.error) : null;
  const fields = messages.fields(local, apiError);
  const summary = Object.entries(fields).map(([field, message]) => ({
    fieldId: `${id}-${field}`,
    label: field === 'result' ? t('outcomes.followUpResult') : field,
    message,
  }));
  const title = t('outcomes.followUpTitle', { months: followUp.months });
  return (
    <form onSubmit={submit} noValidate aria-label={title} className="follow-up-form">
      <h4>{title}</h4>
      <ErrorSummary
        items={summary}
        message={apiError && summary.length === 0 ? messages.text(apiError) : undefined}
        focusKey={attempts}
      />
      <SelectField
        id={`${id}-result`}
        label={t('outcomes.followUpResult')}
        value={result}
        onChange={setResult}
        empty={t('outcomes.pickResult')}
        options={FOLLOW_UP_RESULTS.map((r) => ({ value: r, label: t(`outcomes.followUpResults.${r}`) }))}
        error={fields.result}
        required
      />
      {result !== '' && takesOnAgain(result) ? (
        <div className="field checkbox">
          <input id={`${id}-takeOn`} type="checkbox" checked={takeOn} onChange={(e) => setTakeOn(e.target.checked)} />
          <label htmlFor={`${id}-takeOn`}>{t('outcomes.takeOn')}</label>
        </div>
      ) : null}
      <FormField id={`${id}-note`} label={t('outcomes.note')} error={fields.note}>
        {(control) => (
          <textarea {...control} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </FormField>
      <FormActions submit={t('outcomes.recordFollowUp')} busy={save.isPending} />
    </form>
  );
}
