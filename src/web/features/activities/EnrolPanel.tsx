/**
 * On the person page: enrol the young person in one of the centre's activities, from a day (to a day or on).
 * Their week shows the activity's sessions at once; the roster of each session lists them.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { enrolmentBody } from '../../../core/activity-schemas.js';
import { todayInSweden } from '../../../core/dates.js';
import { activitiesApi, activityKeys } from '../../api/activityEndpoints.js';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormActions } from '../../components/FormActions.js';
import { FormField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';
import { useSchemaForm } from '../../hooks/useSchemaForm.js';

/** The enrolment the server takes, and the activity it is for. */
const enrolForm = enrolmentBody.extend({ activityId: z.string().min(1) });

/** A new enrolment's draft: no activity, from today in Sweden (not the browser's day), on. */
export function newEnrolDraft(now: Date = new Date()) {
  return { activityId: '', from: todayInSweden(now), to: '' };
}

/** The enrol panel for one person, for staff who run activities and manage the person. */
export function EnrolPanel({ personId, onEnrolled }: { personId: string; onEnrolled?: () => Promise<void> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const activities = useQuery({ queryKey: activityKeys.list(), queryFn: () => activitiesApi.list() });
  const [draft, setDraft] = useState(() => newEnrolDraft());
  const [enrolledIn, setEnrolledIn] = useState<string | null>(null);
  const form = useSchemaForm(enrolForm, ({ activityId, ...body }) => activitiesApi.enrol(activityId, body), {
    onSuccess: async (enrolment) => {
      setEnrolledIn(activities.data?.find((a) => a.id === enrolment.activityId)?.title ?? null);
      setDraft((d) => ({ ...d, activityId: '', to: '' }));
      // The week is under the person's key; the activity's count of enrolled under the activities'.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['persons', personId] }),
        queryClient.invalidateQueries({ queryKey: activityKeys.list() }),
        onEnrolled?.(),
      ]);
    },
  });
  const open = (activities.data ?? []).filter((a) => a.active);
  if (open.length === 0) return null;
  const labels: Record<string, string> = {
    activityId: t('activities.enrol.activity'),
    from: t('activities.enrol.from'),
    to: t('activities.enrol.to'),
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setEnrolledIn(null);
    form.submit({ personId, activityId: draft.activityId, from: draft.from, to: draft.to || null });
  }

  return (
    <section className="panel" aria-labelledby="enrol-title">
      <h2 id="enrol-title">{t('activities.enrol.title')}</h2>
      {enrolledIn ? <Alert tone="success">{t('activities.enrol.done', { title: enrolledIn })}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          message={form.problem}
          focusKey={form.attempt}
          items={Object.entries(form.errors).map(([f, message]) => ({
            fieldId: `enrol-${f}`,
            label: labels[f] ?? f,
            message,
          }))}
        />
        <SelectField
          id="enrol-activityId"
          label={labels.activityId!}
          required
          value={draft.activityId}
          empty={t('activities.enrol.choose')}
          options={open.map((a) => ({ value: a.id, label: a.title }))}
          error={form.errors.activityId}
          onChange={(activityId) => setDraft({ ...draft, activityId })}
        />
        <FormField id="enrol-from" label={labels.from!} required error={form.errors.from}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            />
          )}
        </FormField>
        <FormField id="enrol-to" label={labels.to!} hint={t('activities.enrol.toHint')} error={form.errors.to}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            />
          )}
        </FormField>
        <FormActions submit={t('activities.enrol.submit')} busy={form.busy} />
      </form>
    </section>
  );
}
