/**
 * /activities: the municipality's group activities: when and where they meet, who leads, how many are
 * enrolled. Those who run activities create and change them; a leader sees the coming sessions and
 * takes attendance on a phone from there (/sessions/:id).
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Activity, SessionOut } from '../../../core/activity-schemas.js';
import { addDays } from '../../../core/outreach.js';
import { activitiesApi, activityKeys } from '../../api/activityEndpoints.js';
import { ApiError } from '../../api/client.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { todayIso, useFormat } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';
import { ActivityForm } from './ActivityForm.js';
import { CentreClosureForm } from './CentreClosureForm.js';
import { SessionChangeForm } from './SessionChangeForm.js';

/** When an activity meets, in words: "Monday, Wednesday 09:00–12:00". */
function useWhen() {
  const { t } = useTranslation();
  const format = useFormat();
  return (a: Activity) =>
    a.recurrence.type === 'weekly'
      ? a.recurrence.slots.map((s) => `${t(`activities.weekdays.${s.weekday}`)} ${s.start}–${s.end}`).join(', ')
      : a.recurrence.dates.map((d) => `${format.date(d.date)} ${d.start}–${d.end}`).join(', ');
}

/**
 * The sessions of the coming two weeks (and the past week): to those who staff the activity each with a link to take
 * its attendance, and a button to cancel or move it (for them and those who manage activities).
 */
function Sessions({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = todayIso();
  const [from, to] = [addDays(today, -7), addDays(today, 14)];
  const [changing, setChanging] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ session: SessionOut; was: string } | null>(null);
  const sessions = useQuery({
    queryKey: activityKeys.sessions(activity.id, from, to),
    queryFn: () => activitiesApi.sessions(activity.id, from, to),
  });
  if (!sessions.data) return <Loading />;
  const done = (id: string, was: string) => (session: SessionOut | null) => {
    setChanging(null);
    if (session) setSaved({ session, was });
    requestAnimationFrame(() => document.getElementById(`session-change-${id}`)?.focus());
  };
  const savedText = (s: SessionOut, was: string) =>
    s.cancelled
      ? t('activities.sessionChange.savedCancelled', { date: was })
      : s.moved
        ? t('activities.sessionChange.savedMoved', { date: was, to: format.date(s.date), start: s.start })
        : t('activities.sessionChange.savedPlanned', { date: was });
  return (
    <>
      {saved ? (
        <Alert tone="success">
          <p>{savedText(saved.session, saved.was)}</p>
          <p>{t('activities.sessionChange.touches')}</p>
        </Alert>
      ) : null}
      {sessions.data.length === 0 ? <p className="muted small">{t('activities.noSessions')}</p> : null}
      <ul className="activity-sessions">
        {sessions.data.map((s) => (
          <li key={s.id}>
            {format.date(s.date)} {s.start}–{s.end}
            {s.cancelled ? <span className="badge badge--closed">{t('activities.cancelled')}</span> : null}
            {s.moved ? <span className="badge">{t('activities.moved')}</span> : null}
            {s.note ? <span className="block small muted">{s.note}</span> : null}
            {s.cancelled || !activity.takesAttendance ? null : (
              <>
                {' '}
                <Link
                  to={`/sessions/${s.id}`}
                  aria-label={t('activities.takeAttendanceLabel', { title: activity.title, date: format.date(s.date) })}
                >
                  {t('activities.takeAttendance')}
                </Link>
              </>
            )}
            {changing !== s.id ? (
              <>
                {' '}
                <button
                  type="button"
                  id={`session-change-${s.id}`}
                  className="button button--secondary button--small"
                  aria-label={t('activities.sessionChange.openLabel', {
                    title: activity.title,
                    date: format.date(s.occursOn),
                  })}
                  onClick={() => (setSaved(null), setChanging(s.id))}
                >
                  {t('activities.sessionChange.open')}
                </button>
              </>
            ) : null}
            {changing === s.id ? (
              <SessionChangeForm session={s} title={activity.title} onDone={done(s.id, format.date(s.occursOn))} />
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The activities page. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const format = useFormat();
  const when = useWhen();
  const manages = can('activities.manage');
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [closing, setClosing] = useState(false);
  const [closedCount, setClosedCount] = useState<number | null>(null);
  const activities = useQuery({ queryKey: activityKeys.list(), queryFn: () => activitiesApi.list() });
  const done = (id: string) => () => {
    setEditing(null);
    requestAnimationFrame(() =>
      document.getElementById(id === 'new' ? 'activity-new' : `activity-edit-${id}`)?.focus(),
    );
  };
  const current = editing && editing !== 'new' ? activities.data?.find((a) => a.id === editing) : undefined;
  return (
    <>
      <PageHeading title={t('activities.title')}>
        {manages ? (
          <>
            <button type="button" id="activity-new" className="button" onClick={() => setEditing('new')}>
              {t('activities.new')}
            </button>{' '}
            <button
              type="button"
              id="centre-closure-open"
              className="button button--secondary"
              onClick={() => (setClosedCount(null), setClosing(true))}
            >
              {t('activities.centreClosure.open')}
            </button>
          </>
        ) : null}
      </PageHeading>
      <p>{t('activities.intro')}</p>
      {closedCount !== null ? (
        <Alert tone="success">{t('activities.centreClosure.done', { count: closedCount })}</Alert>
      ) : null}
      {closing ? (
        <section className="panel">
          <CentreClosureForm
            onDone={(n) => {
              setClosing(false);
              setClosedCount(n);
              requestAnimationFrame(() => document.getElementById('centre-closure-open')?.focus());
            }}
          />
        </section>
      ) : null}
      {editing === 'new' ? (
        <section className="panel">
          <ActivityForm onDone={done('new')} />
        </section>
      ) : null}
      {current ? (
        <section className="panel">
          <ActivityForm key={current.id} activity={current} onDone={done(current.id)} />
        </section>
      ) : null}
      <ProblemAlert error={activities.error instanceof ApiError ? activities.error : null} />
      {activities.isPending ? <Loading /> : null}
      {activities.data?.length === 0 ? <p className="muted">{t('activities.none')}</p> : null}
      <ul className="activity-list">
        {activities.data?.map((a) => (
          <li key={a.id} className="panel activity">
            <h2>{a.title}</h2>
            <p>
              {t(`activities.kinds.${a.kind}`)}
              {a.dropIn ? ` · ${t('activities.dropIn')}` : ''}
            </p>
            <dl className="activity-facts">
              <dt>{t('activities.when')}</dt>
              <dd>{when(a)}</dd>
              {a.place ? (
                <>
                  <dt>{t('activities.fields.place')}</dt>
                  <dd>{a.place}</dd>
                </>
              ) : null}
              {a.closedPeriods.length ? (
                <>
                  <dt>{t('activities.closed.title')}</dt>
                  <dd>
                    {a.closedPeriods
                      .map((p) => `${format.date(p.from)}–${format.date(p.to)}${p.reason ? ` (${p.reason})` : ''}`)
                      .join(', ')}
                  </dd>
                </>
              ) : null}
              <dt>{t('activities.leaders')}</dt>
              <dd>{[...a.leaders.map((l) => l.name), ...a.guestLeaders].join(', ') || t('activities.noLeaders')}</dd>
              <dt>{t('activities.enrolled')}</dt>
              <dd>
                {a.capacity === null
                  ? String(a.enrolled)
                  : t('activities.enrolledOf', { enrolled: a.enrolled, capacity: a.capacity })}
              </dd>
            </dl>
            {manages ? (
              <button
                type="button"
                id={`activity-edit-${a.id}`}
                className="button button--secondary"
                onClick={() => setEditing(a.id)}
                aria-label={t('activities.editLabel', { title: a.title })}
              >
                {t('activities.edit')}
              </button>
            ) : null}
            {a.takesAttendance || manages ? <Sessions activity={a} /> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
