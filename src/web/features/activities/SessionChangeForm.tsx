/**
 * The form to change one session of an activity: as planned, cancelled, or moved to another day and time, with a
 * note. Saved through `PATCH /sessions/{id}`; the session keeps its id. The enrolled young people's weeks show the
 * change, and their contact persons see it under "Ändrade aktiviteter för dina ungdomar" in the calendar.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SessionOut } from '../../../core/activity-schemas.js';
import { activitiesApi, type SessionChangeInput } from '../../api/activityEndpoints.js';
import { messageOf, useMessages, type FieldMessages } from '../../api/fieldErrors.js';
import { scheduleKeys } from '../../api/scheduleEndpoints.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormActions } from '../../components/FormActions.js';
import { FormField, TextField } from '../../components/FormField.js';
import { useFormat } from '../../i18n/format.js';

type Choice = 'planned' | 'cancelled' | 'moved';
const CHOICES: Choice[] = ['planned', 'cancelled', 'moved'];

/** The form for `session` of the activity titled `title`; `onDone(saved)` closes it. */
export function SessionChangeForm({
  session,
  title,
  onDone,
}: {
  session: SessionOut;
  title: string;
  onDone: (saved: SessionOut | null) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const messages = useMessages();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<Choice>(session.cancelled ? 'cancelled' : session.moved ? 'moved' : 'planned');
  const [date, setDate] = useState(session.date);
  const [start, setStart] = useState(session.start);
  const [end, setEnd] = useState(session.end);
  const [note, setNote] = useState(session.note ?? '');
  const [local, setLocal] = useState<FieldMessages>({});
  const [attempts, setAttempts] = useState(0);
  const id = `session-${session.id}`;

  const save = useMutation({
    mutationFn: (body: SessionChangeInput) => activitiesApi.changeSession(session.id, body),
    onSuccess: async (saved) => {
      // The activity's sessions, every enrolled person's week, and the contact persons' list of changes.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['activities', saved.activityId] }),
        queryClient.invalidateQueries({ queryKey: scheduleKeys.changes() }),
        queryClient.invalidateQueries({ queryKey: ['persons'] }),
      ]);
      onDone(saved);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempts((n) => n + 1);
    const checks: FieldMessages = {};
    if (choice === 'moved') {
      if (!date) checks['movedTo.date'] = { key: 'fieldErrors.required' };
      if (start && end && end <= start) checks['movedTo.end'] = { key: 'fieldErrors.end_before_start' };
    }
    setLocal(checks);
    save.reset();
    if (Object.keys(checks).length) return;
    save.mutate({
      cancelled: choice === 'cancelled',
      movedTo: choice === 'moved' ? { date, start, end } : null,
      note: note.trim() || null,
    });
  }

  const apiError = save.error ? messageOf(save.error) : null;
  const fields = messages.fields(local, apiError);
  const fieldIds: Record<string, string> = {
    'movedTo.date': `${id}-date`,
    'movedTo.start': `${id}-start`,
    'movedTo.end': `${id}-end`,
    note: `${id}-note`,
  };
  const summary = Object.entries(fields).map(([field, message]) => ({
    fieldId: fieldIds[field] ?? `${id}-choice`,
    label: t(`activities.sessionChange.fields.${field}`, { defaultValue: field }),
    message,
  }));
  const heading = t('activities.sessionChange.title', { title, date: format.date(session.occursOn) });
  return (
    <form onSubmit={submit} noValidate aria-label={heading} className="session-change">
      <h3>{heading}</h3>
      <ErrorSummary
        items={summary}
        message={apiError && summary.length === 0 ? messages.text(apiError) : undefined}
        focusKey={attempts}
      />
      <fieldset id={`${id}-choice`} className="radio-group" tabIndex={-1}>
        <legend>{t('activities.sessionChange.what')}</legend>
        {CHOICES.map((c) => (
          <div key={c} className="field checkbox">
            <input
              id={`${id}-${c}`}
              type="radio"
              name={`${id}-choice`}
              checked={choice === c}
              onChange={() => setChoice(c)}
            />
            <label htmlFor={`${id}-${c}`}>{t(`activities.sessionChange.choices.${c}`)}</label>
          </div>
        ))}
      </fieldset>
      {choice === 'moved' ? (
        <>
          <TextField
            id={`${id}-date`}
            type="date"
            label={t('activities.sessionChange.fields.movedTo.date')}
            value={date}
            onChange={setDate}
            error={fields['movedTo.date']}
            required
          />
          <FormField
            id={`${id}-start`}
            label={t('activities.sessionChange.fields.movedTo.start')}
            error={fields['movedTo.start']}
          >
            {(control) => <input {...control} type="time" value={start} onChange={(e) => setStart(e.target.value)} />}
          </FormField>
          <FormField
            id={`${id}-end`}
            label={t('activities.sessionChange.fields.movedTo.end')}
            error={fields['movedTo.end']}
          >
            {(control) => <input {...control} type="time" value={end} onChange={(e) => setEnd(e.target.value)} />}
          </FormField>
        </>
      ) : null}
      <TextField
        id={`${id}-note`}
        label={t('activities.sessionChange.fields.note')}
        hint={t('activities.sessionChange.noteHint')}
        value={note}
        onChange={setNote}
        error={fields.note}
      />
      <FormActions submit={t('activities.sessionChange.save')} busy={save.isPending} onCancel={() => onDone(null)} />
    </form>
  );
}
