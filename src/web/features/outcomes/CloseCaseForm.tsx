/**
 * Close a case with an outcome (core's versioned list), the day and a note. Running measures end with
 * the reason the outcome implies; the server refuses a day before the case opened or after today.
 */
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { STUDY_FORMS, type StudyForm } from '../../../core/measures.js';
import { OUTCOME_CODES, type Outcome } from '../../../core/outcomes.js';
import { messageOf, useMessages, type FieldMessages } from '../../api/fieldErrors.js';
import { outcomeApi } from '../../api/outcomeEndpoints.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormActions } from '../../components/FormActions.js';
import { FormField, TextField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';
import { todayIso } from '../../i18n/format.js';

type Props = { caseId: string; version: number; onClosed: () => Promise<void> };

/** The close-case form of the person page. */
export function CloseCaseForm({ caseId, version, onClosed }: Props) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [studyForm, setStudyForm] = useState<StudyForm | ''>('');
  const [closedOn, setClosedOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<FieldMessages>({});
  const [attempts, setAttempts] = useState(0);

  const save = useMutation({
    mutationFn: () =>
      outcomeApi.close(caseId, {
        outcome: outcome as Outcome,
        closedOn,
        note: note.trim() || null,
        studyForm: outcome === 'studies' && studyForm ? studyForm : null,
        version,
      }),
    onSuccess: onClosed,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempts((n) => n + 1);
    const checks: FieldMessages = {};
    if (!outcome) checks.outcome = { key: 'fieldErrors.required' };
    if (!closedOn) checks.closedOn = { key: 'fieldErrors.required' };
    setLocal(checks);
    save.reset();
    if (Object.keys(checks).length === 0) save.mutate();
  }

  const apiError = save.error ? messageOf(save.error) : null;
  const fields = messages.fields(local, apiError);
  const labels: Record<string, string> = {
    outcome: t('outcomes.outcome'),
    studyForm: t('outcomes.studyForm'),
    closedOn: t('outcomes.closedOn'),
    note: t('outcomes.note'),
  };
  const summary = Object.entries(fields).map(([field, message]) => ({
    fieldId: `close-${field}`,
    label: labels[field] ?? field,
    message,
  }));
  return (
    <form onSubmit={submit} noValidate aria-labelledby="close-case-title" className="close-case-form">
      <h3 id="close-case-title">{t('outcomes.closeTitle')}</h3>
      <p className="muted">{t('outcomes.closeIntro')}</p>
      <ErrorSummary
        items={summary}
        message={apiError && summary.length === 0 ? messages.text(apiError) : undefined}
        focusKey={attempts}
      />
      <SelectField
        id="close-outcome"
        label={t('outcomes.outcome')}
        value={outcome}
        onChange={setOutcome}
        empty={t('outcomes.pickOutcome')}
        options={OUTCOME_CODES.map((c) => ({ value: c, label: t(`outcomes.codes.${c}`) }))}
        error={fields.outcome}
        required
      />
      {outcome === 'studies' ? (
        <SelectField
          id="close-studyForm"
          label={t('outcomes.studyForm')}
          value={studyForm}
          onChange={setStudyForm}
          empty={t('outcomes.noStudyForm')}
          options={STUDY_FORMS.map((f) => ({ value: f, label: t(`offers.studyForms.${f}`) }))}
          error={fields.studyForm}
        />
      ) : null}
      <TextField
        id="close-closedOn"
        label={t('outcomes.closedOn')}
        type="date"
        value={closedOn}
        onChange={setClosedOn}
        error={fields.closedOn}
        required
      />
      <FormField id="close-note" label={t('outcomes.note')} hint={t('outcomes.noteHint')} error={fields.note}>
        {(control) => (
          <textarea {...control} rows={3} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </FormField>
      <FormActions submit={t('outcomes.close')} busy={save.isPending} />
    </form>
  );
}
