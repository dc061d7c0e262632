/**
 * The contact person's form to add something to the young person's week: a day (or every week from
 * that day, until a last day), a time or the whole day, what and where. The server's field errors
 * show by the fields they name.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AdditionInput } from '../../../core/schedule-schemas.js';
import { messageOf, useMessages, type FieldMessages } from '../../api/fieldErrors.js';
import { scheduleApi } from '../../api/scheduleEndpoints.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormActions } from '../../components/FormActions.js';
import { FormField, TextField } from '../../components/FormField.js';

const controlId = (field: string) => `addition-${field}`;

/** The form; `firstDay` is the shown week's Monday, the day it starts with. */
export function AdditionForm({
  personId,
  firstDay,
  onDone,
}: {
  personId: string;
  firstDay: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const messages = useMessages();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(firstDay);
  const [weekly, setWeekly] = useState(false);
  const [until, setUntil] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [local, setLocal] = useState<FieldMessages>({});
  const [attempts, setAttempts] = useState(0);
  const save = useMutation({
    mutationFn: (body: AdditionInput) => scheduleApi.add(personId, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['persons', personId, 'schedule'] });
      onDone();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempts((n) => n + 1);
    const checks: FieldMessages = {};
    if (!date) checks.date = { key: 'fieldErrors.required' };
    if (!title.trim()) checks.title = { key: 'fieldErrors.required' };
    if (end && !start) checks.start = { key: 'fieldErrors.required' };
    setLocal(checks);
    save.reset();
    if (Object.keys(checks).length) return;
    save.mutate({
      date,
      weekly,
      until: weekly && until ? until : null,
      start: start || null,
      end: end || null,
      title,
      place: place.trim() || null,
    });
  }

  const apiError = save.error ? messageOf(save.error) : null;
  const fields = messages.fields(local, apiError);
  const labels: Record<string, string> = {
    date: t('schedule.form.date'),
    until: t('schedule.form.until'),
    start: t('schedule.form.start'),
    end: t('schedule.form.end'),
    title: t('schedule.form.title'),
    place: t('schedule.form.place'),
  };
  const summary = Object.entries(fields).map(([field, message]) => ({
    fieldId: controlId(field),
    label: labels[field] ?? field,
    message,
  }));
  const timeField = (field: 'start' | 'end', value: string, set: (v: string) => void) => (
    <FormField
      id={controlId(field)}
      label={labels[field]!}
      hint={field === 'start' ? t('schedule.form.timeHint') : undefined}
      error={fields[field]}
    >
      {(control) => <input {...control} type="time" value={value} onChange={(e) => set(e.target.value)} />}
    </FormField>
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('schedule.form.heading')} className="addition-form">
      <h3>{t('schedule.form.heading')}</h3>
      <ErrorSummary
        items={summary}
        message={apiError && summary.length === 0 ? messages.text(apiError) : undefined}
        focusKey={attempts}
      />
      <TextField
        id={controlId('title')}
        label={labels.title!}
        value={title}
        onChange={setTitle}
        error={fields.title}
        required
      />
      <TextField
        id={controlId('date')}
        label={labels.date!}
        type="date"
        value={date}
        onChange={setDate}
        error={fields.date}
        required
      />
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" checked={weekly} onChange={(e) => setWeekly(e.target.checked)} />{' '}
          {t('schedule.form.weekly')}
        </label>
      </div>
      {weekly ? (
        <TextField
          id={controlId('until')}
          label={labels.until!}
          type="date"
          value={until}
          onChange={setUntil}
          error={fields.until}
        />
      ) : null}
      {timeField('start', start, setStart)}
      {timeField('end', end, setEnd)}
      <TextField id={controlId('place')} label={labels.place!} value={place} onChange={setPlace} error={fields.place} />
      <FormActions submit={t('schedule.form.save')} busy={save.isPending} onCancel={onDone} />
    </form>
  );
}
