/**
 * The form to create an activity or change one: what, where, for how many, which weekdays and times, from when, who
 * leads.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_KINDS,
  WEEKDAYS,
  type ActivityKind,
  type ClosedPeriod,
  type Weekday,
} from '../../../core/activities.js';
import type { Activity } from '../../../core/activity-schemas.js';
import { activitiesApi, type ActivityInput } from '../../api/activityEndpoints.js';
import { messageOf, useMessages, type FieldMessages } from '../../api/fieldErrors.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormActions } from '../../components/FormActions.js';
import { FormField, TextField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';
import { todayIso } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';
import { ClosedPeriodsField } from './ClosedPeriodsField.js';

/**
 * The activity form; `activity` given: change it, otherwise create one. Weekly activities meet at one time on each
 * chosen weekday.
 */
export function ActivityForm({ activity, onDone }: { activity?: Activity; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const slots = activity?.recurrence.type === 'weekly' ? activity.recurrence.slots : [];
  const [title, setTitle] = useState(activity?.title ?? '');
  const [kind, setKind] = useState<ActivityKind | ''>(activity?.kind ?? '');
  const [place, setPlace] = useState(activity?.place ?? '');
  const [capacity, setCapacity] = useState(activity?.capacity ? String(activity.capacity) : '');
  const [days, setDays] = useState<Weekday[]>(slots.map((s) => s.weekday as Weekday));
  const [start, setStart] = useState(slots[0]?.start ?? '09:00');
  const [end, setEnd] = useState(slots[0]?.end ?? '12:00');
  const [startsOn, setStartsOn] = useState(activity?.startsOn ?? todayIso());
  const [endsOn, setEndsOn] = useState(activity?.endsOn ?? '');
  const [dropIn, setDropIn] = useState(activity?.dropIn ?? false);
  const [leads, setLeads] = useState(activity ? activity.leaders.some((l) => l.staffId === me?.id) : true);
  const [guests, setGuests] = useState((activity?.guestLeaders ?? []).join(', '));
  const [closedPeriods, setClosedPeriods] = useState<ClosedPeriod[]>(activity?.closedPeriods ?? []);
  const [local, setLocal] = useState<FieldMessages>({});
  const [attempts, setAttempts] = useState(0);

  const save = useMutation({
    mutationFn: (body: ActivityInput) =>
      activity ? activitiesApi.update(activity.id, { ...body, version: activity.version }) : activitiesApi.create(body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['activities'] });
      onDone(true);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempts((n) => n + 1);
    const checks: FieldMessages = {};
    if (!title.trim()) checks.title = { key: 'fieldErrors.required' };
    if (!kind) checks.kind = { key: 'fieldErrors.required' };
    if (days.length === 0) checks['recurrence.slots'] = { key: 'fieldErrors.required' };
    setLocal(checks);
    save.reset();
    if (Object.keys(checks).length) return;
    const others = (activity?.leaders ?? []).map((l) => l.staffId).filter((id) => id !== me?.id);
    save.mutate({
      title,
      kind: kind as ActivityKind,
      place: place.trim() || null,
      capacity: capacity === '' ? null : Number(capacity),
      recurrence: { type: 'weekly', slots: [...days].sort().map((weekday) => ({ weekday, start, end })) },
      startsOn,
      endsOn: endsOn || null,
      dropIn,
      closedPeriods,
      leaderStaffIds: leads && me ? [...others, me.id] : others,
      guestLeaders: guests
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean),
    });
  }

  const apiError = save.error ? messageOf(save.error) : null;
  const fields = messages.fields(local, apiError);
  const fieldId = (f: string) =>
    f.startsWith('recurrence')
      ? 'activity-days'
      : f.startsWith('closedPeriods')
        ? 'activity-closedPeriods'
        : f.startsWith('endsOn')
          ? 'activity-endsOn'
          : `activity-${f}`;
  const summary = Object.entries(fields).map(([field, message]) => ({
    fieldId: fieldId(field),
    label: t(`activities.fields.${field.split('.')[0]}`, { defaultValue: field }),
    message,
  }));
  const heading = activity ? t('activities.editTitle', { title: activity.title }) : t('activities.new');
  const daysError = Object.entries(fields).find(([f]) => f.startsWith('recurrence'))?.[1];
  return (
    <form onSubmit={submit} noValidate aria-label={heading} className="activity-form">
      <h2>{heading}</h2>
      <ErrorSummary
        items={summary}
        message={apiError && summary.length === 0 ? messages.text(apiError) : undefined}
        focusKey={attempts}
      />
      <TextField
        id="activity-title"
        label={t('activities.fields.title')}
        value={title}
        onChange={setTitle}
        error={fields.title}
        required
      />
      <SelectField
        id="activity-kind"
        label={t('activities.fields.kind')}
        value={kind}
        onChange={setKind}
        empty={t('activities.pickKind')}
        options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activities.kinds.${k}`) }))}
        error={fields.kind}
        required
      />
      <TextField
        id="activity-place"
        label={t('activities.fields.place')}
        value={place}
        onChange={setPlace}
        error={fields.place}
      />
      <FormField id="activity-capacity" label={t('activities.fields.capacity')} error={fields.capacity}>
        {(control) => (
          <input
            {...control}
            type="number"
            min={1}
            step={1}
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
          />
        )}
      </FormField>
      <fieldset id="activity-days" className={daysError ? 'field field--error' : 'field'} tabIndex={-1}>
        <legend>{t('activities.fields.recurrence')}</legend>
        {daysError ? <p className="field__error">{daysError}</p> : null}
        {WEEKDAYS.map((d) => (
          <span key={d} className="checkbox">
            <input
              id={`activity-day-${d}`}
              type="checkbox"
              checked={days.includes(d)}
              onChange={(e) => setDays(e.target.checked ? [...days, d] : days.filter((x) => x !== d))}
            />
            <label htmlFor={`activity-day-${d}`}>{t(`activities.weekdays.${d}`)}</label>
          </span>
        ))}
      </fieldset>
      <FormField id="activity-start" label={t('activities.fields.start')}>
        {(control) => <input {...control} type="time" value={start} onChange={(e) => setStart(e.target.value)} />}
      </FormField>
      <FormField id="activity-end" label={t('activities.fields.end')}>
        {(control) => <input {...control} type="time" value={end} onChange={(e) => setEnd(e.target.value)} />}
      </FormField>
      <TextField
        id="activity-startsOn"
        type="date"
        label={t('activities.fields.startsOn')}
        value={startsOn}
        onChange={setStartsOn}
        error={fields.startsOn}
        required
      />
      <TextField
        id="activity-endsOn"
        type="date"
        label={t('activities.fields.endsOn')}
        value={endsOn}
        onChange={setEndsOn}
        error={fields.endsOn}
      />
      <ClosedPeriodsField periods={closedPeriods} onChange={setClosedPeriods} errors={fields} />
      <TextField
        id="activity-guestLeaders"
        label={t('activities.fields.guestLeaders')}
        hint={t('activities.guestHint')}
        value={guests}
        onChange={setGuests}
        error={fields.guestLeaders}
      />
      <div className="field checkbox">
        <input id="activity-leads" type="checkbox" checked={leads} onChange={(e) => setLeads(e.target.checked)} />
        <label htmlFor="activity-leads">{t('activities.iLead')}</label>
      </div>
      <div className="field checkbox">
        <input id="activity-dropIn" type="checkbox" checked={dropIn} onChange={(e) => setDropIn(e.target.checked)} />
        <label htmlFor="activity-dropIn">{t('activities.fields.dropIn')}</label>
      </div>
      <FormActions
        submit={activity ? t('activities.saveChanges') : t('activities.create')}
        busy={save.isPending}
        onCancel={() => onDone(false)}
      />
    </form>
  );
}
