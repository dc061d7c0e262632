/**
 * The form to book or change a measure: the offer, the plan goal, the dates, why it ended, follow-ups
 * and the evaluation; for a work placement also the employer, supervisor, hours and visits. Checks in
 * the browser with core's rules, and shows the server's field errors by the fields they name.
 */
import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { END_REASONS, isOrganisationNumber, measureDateProblems, type EndReason } from '../../../core/measures.js';
import type { Measure, MeasureInput } from '../../../core/measure-schemas.js';
import { measureKeys, measuresApi, offersApi } from '../../api/measureEndpoints.js';
import type { FieldMessages } from '../../api/fieldErrors.js';
import { CheckedForm } from '../../components/CheckedForm.js';
import { FormField, TextAreaField, TextField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';
import { useCheckedForm } from '../../hooks/useCheckedForm.js';
import { todayIso } from '../../i18n/format.js';
import { DateList, datedNotesOut, type DatedNote } from './DateList.js';
import { hoursOut, WeeklyHoursFields, type HourRow } from '../schedule/WeeklyHoursFields.js';

const asNotes = (list: { on: string; note: string | null }[] | undefined): DatedNote[] =>
  (list ?? []).map((f) => ({ on: f.on, note: f.note ?? '' }));

/** Field name as the API names it → the id of its control, for the error summary's links. */
const controlId = (field: string) => `measure-${field.replace(/\./g, '-')}`;

/** The measure form; `measure` given: edit it, otherwise book a new one. */
export function MeasureForm({
  personId,
  measure,
  onDone,
}: {
  personId: string;
  measure?: Measure;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const offers = useQuery({ queryKey: measureKeys.offers(), queryFn: () => offersApi.list() });
  const goals = useQuery({ queryKey: measureKeys.goals(personId), queryFn: () => measuresApi.goals(personId) });
  const form = useCheckedForm({
    initial: () => ({
      offerId: measure?.offer.id ?? '',
      goalId: measure?.goal?.id ?? '',
      startsOn: measure?.startsOn ?? todayIso(),
      plannedEndOn: measure?.plannedEndOn ?? '',
      endedOn: measure?.endedOn ?? '',
      endReason: (measure?.endReason ?? '') as EndReason | '',
      evaluation: measure?.evaluation ?? '',
    }),
    fieldId: controlId,
    send: (body: MeasureInput) =>
      measure
        ? measuresApi.update(measure.id, { ...body, version: measure.version })
        : measuresApi.create(personId, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['persons', personId] });
      await queryClient.invalidateQueries({ queryKey: ['offers'] });
      onDone(true);
    },
  });
  const { offerId, startsOn, plannedEndOn, endedOn, endReason } = form.values;
  const [followUps, setFollowUps] = useState<DatedNote[]>(asNotes(measure?.followUps));
  const p = measure?.placement;
  const [placement, setPlacement] = useState({
    employerName: p?.employerName ?? '',
    organisationNumber: p?.organisationNumber ?? '',
    employerAddress: p?.employerAddress ?? '',
    supervisorName: p?.supervisorName ?? '',
    supervisorPhone: p?.supervisorPhone ?? '',
    supervisorEmail: p?.supervisorEmail ?? '',
    hoursPerWeek: p ? String(p.hoursPerWeek) : '',
  });
  const [visits, setVisits] = useState<DatedNote[]>(asNotes(p?.visits));
  const [hours, setHours] = useState<HourRow[]>(
    (measure?.weeklyHours ?? []).map((h) => ({ ...h, weekday: String(h.weekday) })),
  );

  // The offer list holds active offers; a measure on an offer taken out keeps it as a choice.
  const offerOptions = [...(offers.data ?? [])];
  if (measure && !offerOptions.some((o) => o.id === measure.offer.id))
    offerOptions.push({ ...measure.offer, provider: { unitId: null, name: measure.offer.provider } } as never);
  const kind = offerOptions.find((o) => o.id === offerId)?.kind;
  const isPlacement = kind === 'work_placement';

  function submit(event: FormEvent) {
    event.preventDefault();
    const checks: FieldMessages = {};
    if (!offerId) checks.offerId = { key: 'fieldErrors.required' };
    if (!startsOn) checks.startsOn = { key: 'fieldErrors.required' };
    for (const problem of measureDateProblems({
      startsOn,
      plannedEndOn: plannedEndOn || null,
      endedOn: endedOn || null,
      endReason: endReason || null,
      followUps: datedNotesOut(followUps),
    })) {
      checks[problem.field] = { key: `fieldErrors.${problem.code}` };
    }
    if (isPlacement) {
      if (!placement.employerName.trim()) checks['placement.employerName'] = { key: 'fieldErrors.required' };
      if (!isOrganisationNumber(placement.organisationNumber))
        checks['placement.organisationNumber'] = { key: 'fieldErrors.org_number' };
      if (!placement.supervisorName.trim()) checks['placement.supervisorName'] = { key: 'fieldErrors.required' };
      if (!placement.hoursPerWeek) checks['placement.hoursPerWeek'] = { key: 'fieldErrors.required' };
    }
    form.submit(checks, () => ({
      offerId,
      goalId: form.values.goalId || null,
      startsOn,
      plannedEndOn: plannedEndOn || null,
      endedOn: endedOn || null,
      endReason: endedOn ? endReason || null : null,
      followUps: datedNotesOut(followUps),
      evaluation: form.values.evaluation.trim() || null,
      placement: isPlacement
        ? {
            employerName: placement.employerName,
            organisationNumber: placement.organisationNumber,
            employerAddress: placement.employerAddress || null,
            supervisorName: placement.supervisorName,
            supervisorPhone: placement.supervisorPhone || null,
            supervisorEmail: placement.supervisorEmail || null,
            hoursPerWeek: Number(placement.hoursPerWeek),
            visits: datedNotesOut(visits),
          }
        : null,
      weeklyHours: hoursOut(hours),
    }));
  }

  const fields = form.errors;
  const labels: Record<string, string> = {
    offerId: t('measures.offer'),
    goalId: t('measures.goal'),
    startsOn: t('measures.startsOn'),
    plannedEndOn: t('measures.plannedEndOn'),
    endedOn: t('measures.endedOn'),
    endReason: t('measures.endReason'),
    followUps: t('measures.followUps'),
    evaluation: t('measures.evaluation'),
    placement: t('measures.placement.title'),
    'placement.visits': t('measures.placement.visits'),
  };
  const labelOf = (field: string) =>
    labels[field] ??
    (field.startsWith('weeklyHours')
      ? t('schedule.hours.legend')
      : t(`measures.placement.${field.split('.')[1] ?? ''}`, { defaultValue: field }));
  const placementField = (key: keyof typeof placement, type: 'text' | 'tel' | 'email' = 'text', required = false) => (
    <TextField
      id={controlId(`placement.${key}`)}
      label={t(`measures.placement.${key}`)}
      type={type}
      value={placement[key]}
      onChange={(v) => setPlacement((s) => ({ ...s, [key]: v }))}
      error={fields[`placement.${key}`]}
      required={required}
    />
  );
  const title = measure ? t('measures.editTitle', { name: measure.offer.name }) : t('measures.new');

  return (
    <CheckedForm
      title={title}
      className="measure-form"
      form={form}
      onSubmit={submit}
      labelOf={labelOf}
      submit={measure ? t('measures.saveChanges') : t('measures.book')}
      onCancel={() => onDone(false)}
    >
      <SelectField
        {...form.bind('offerId')}
        label={t('measures.offer')}
        empty={t('measures.pickOffer')}
        options={offerOptions.map((o) => ({
          value: o.id,
          label: `${o.name} (${t(`offers.kinds.${o.kind}`)}, ${o.provider.name})`,
        }))}
        required
      />
      <SelectField
        {...form.bind('goalId')}
        label={t('measures.goal')}
        hint={goals.data?.length ? undefined : t('measures.noGoals')}
        empty={t('measures.noGoal')}
        options={(goals.data ?? []).map((g) => ({ value: g.id, label: g.title }))}
      />
      <TextField {...form.bind('startsOn')} label={t('measures.startsOn')} type="date" required />
      <TextField {...form.bind('plannedEndOn')} label={t('measures.plannedEndOn')} type="date" />
      {isPlacement ? (
        <fieldset id="measure-placement" tabIndex={-1}>
          <legend>{t('measures.placement.title')}</legend>
          {fields.placement ? <p className="field__error">{fields.placement}</p> : null}
          {placementField('employerName', 'text', true)}
          <TextField
            id={controlId('placement.organisationNumber')}
            label={t('measures.placement.organisationNumber')}
            hint={t('measures.placement.organisationNumberHint')}
            value={placement.organisationNumber}
            onChange={(v) => setPlacement((s) => ({ ...s, organisationNumber: v }))}
            error={fields['placement.organisationNumber']}
            inputMode="numeric"
            required
          />
          {placementField('employerAddress')}
          {placementField('supervisorName', 'text', true)}
          {placementField('supervisorPhone', 'tel')}
          {placementField('supervisorEmail', 'email')}
          <FormField
            id={controlId('placement.hoursPerWeek')}
            label={t('measures.placement.hoursPerWeek')}
            error={fields['placement.hoursPerWeek']}
            required
          >
            {(control) => (
              <input
                {...control}
                type="number"
                min={1}
                max={40}
                step={0.5}
                value={placement.hoursPerWeek}
                onChange={(e) => setPlacement((s) => ({ ...s, hoursPerWeek: e.target.value }))}
              />
            )}
          </FormField>
          <DateList
            idPrefix={controlId('placement.visits')}
            legend={t('measures.placement.visits')}
            entryLabel={t('measures.placement.visit')}
            items={visits}
            onChange={setVisits}
            error={fields['placement.visits']}
          />
        </fieldset>
      ) : null}
      <WeeklyHoursFields rows={hours} onChange={setHours} errors={fields} />
      <DateList
        idPrefix={controlId('followUps')}
        legend={t('measures.followUps')}
        entryLabel={t('measures.followUp')}
        items={followUps}
        onChange={setFollowUps}
        error={fields.followUps}
      />
      {measure ? (
        <>
          <TextField {...form.bind('endedOn')} label={t('measures.endedOn')} type="date" />
          <SelectField
            {...form.bind('endReason')}
            label={t('measures.endReason')}
            empty={t('measures.noEndReason')}
            options={END_REASONS.map((r) => ({ value: r, label: t(`measures.endReasons.${r}`) }))}
          />
          <TextAreaField {...form.bind('evaluation')} label={t('measures.evaluation')} rows={3} maxLength={4000} />
        </>
      ) : null}
    </CheckedForm>
  );
}
