/**
 * On the person page: the young person's enrolments in activities and their attendance over a period (the last
 * eight weeks until another is chosen), session by session, with the figures and the attendance report as a PDF.
 * Read through the person's attendance report (`GET /persons/{id}/attendance`), so it shows what that report shows,
 * to whom it shows it; those who manage the person (`mayChange`) can end an enrolment.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInSweden } from '../../../core/dates.js';
import { addDays } from '../../../core/outreach.js';
import { MAX_RANGE_DAYS } from '../../../core/activities.js';
import type { PersonAttendance } from '../../../core/activity-schemas.js';
import { ApiError } from '../../api/client.js';
import { activitiesApi, activityKeys } from '../../api/activityEndpoints.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { ScrollableTable } from '../../components/ScrollableTable.js';
import { useFormat } from '../../i18n/format.js';

/** How far back the panel shows attendance. */
const WEEKS_BACK = 8;
type Enrolment = PersonAttendance['enrolments'][number];

/** The panel; `onChanged` reloads the timeline after an enrolment was ended. */
export function AttendancePanel({ personId, onChanged }: { personId: string; onChanged?: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const today = todayInSweden();
  // The period shown: the last eight weeks until another is chosen (at most MAX_RANGE_DAYS).
  const [period, setPeriod] = useState({ from: addDays(today, -7 * WEEKS_BACK), to: today });
  const [draft, setDraft] = useState(period);
  const [periodError, setPeriodError] = useState(false);
  const { from, to } = period;
  const report = useQuery({
    queryKey: activityKeys.personAttendance(personId, from, to),
    queryFn: () => activitiesApi.personAttendance(personId, from, to),
  });
  const [ending, setEnding] = useState<{ enrolment: Enrolment; to: string } | null>(null);
  const [ended, setEnded] = useState<string | null>(null);
  const end = useMutation({
    mutationFn: ({ enrolment, to: last }: { enrolment: Enrolment; to: string }) =>
      activitiesApi.endEnrolment(enrolment.id, last),
    onSuccess: async (enrolment, { enrolment: was }) => {
      setEnding(null);
      setEnded(t('activityEvents.ended', { activity: was.activityTitle, to: format.date(enrolment.to!) }));
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['persons', personId] }), onChanged?.()]);
    },
  });
  const data = report.data;
  if (report.error) return <ProblemAlert error={report.error instanceof ApiError ? report.error : null} />;
  if (!data) return null;

  function showPeriod(event: FormEvent) {
    event.preventDefault();
    const fits = draft.from !== '' && draft.to >= draft.from && draft.to <= addDays(draft.from, MAX_RANGE_DAYS);
    setPeriodError(!fits);
    if (fits) setPeriod(draft);
  }

  function submitEnd(event: FormEvent) {
    event.preventDefault();
    if (ending) end.mutate(ending);
  }
  const entries = [...data.entries].reverse();
  const { figures } = data;

  return (
    <section className="panel" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('activityEvents.panelTitle')}</h2>
      <p className="muted">{t('activityEvents.panelIntro')}</p>
      {ended ? <Alert tone="success">{ended}</Alert> : null}
      <h3>{t('activityEvents.enrolmentsTitle')}</h3>
      {data.enrolments.length === 0 ? (
        <p className="muted">{t('activityEvents.noEnrolments')}</p>
      ) : (
        <ul className="plain-list">
          {data.enrolments.map((e) => (
            <li key={e.id}>
              <strong>{e.activityTitle}</strong> {format.date(e.from)}–
              {e.to ? format.date(e.to) : t('activityEvents.onwards')}
              {data.mayChange && (e.to === null || e.to >= today) && ending?.enrolment.id !== e.id ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('activityEvents.endLabel', { activity: e.activityTitle })}
                    onClick={() => (end.reset(), setEnded(null), setEnding({ enrolment: e, to: today }))}
                  >
                    {t('activityEvents.end')}
                  </button>
                </>
              ) : null}
              {ending?.enrolment.id === e.id ? (
                <form onSubmit={submitEnd} noValidate className="inline-form">
                  <ProblemAlert error={end.error instanceof ApiError ? end.error : null} />
                  <label htmlFor={`end-${e.id}`}>{t('activityEvents.endOn')}</label>{' '}
                  <input
                    id={`end-${e.id}`}
                    type="date"
                    value={ending.to}
                    onChange={(ev) => setEnding({ enrolment: e, to: ev.target.value })}
                  />{' '}
                  <button type="submit" className="button button--small" disabled={end.isPending}>
                    {t('activityEvents.endSubmit')}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('activityEvents.attendanceTitle')}</h3>
      <form onSubmit={showPeriod} noValidate className="inline-form" aria-label={t('activityEvents.period')}>
        {periodError ? <Alert>{t('activityEvents.periodInvalid', { days: MAX_RANGE_DAYS })}</Alert> : null}
        <label htmlFor={`attendance-from-${personId}`}>{t('activityEvents.periodFrom')}</label>{' '}
        <input
          id={`attendance-from-${personId}`}
          type="date"
          value={draft.from}
          onChange={(ev) => setDraft({ ...draft, from: ev.target.value })}
        />{' '}
        <label htmlFor={`attendance-to-${personId}`}>{t('activityEvents.periodTo')}</label>{' '}
        <input
          id={`attendance-to-${personId}`}
          type="date"
          value={draft.to}
          onChange={(ev) => setDraft({ ...draft, to: ev.target.value })}
        />{' '}
        <button type="submit" className="button button--secondary button--small">
          {t('activityEvents.showPeriod')}
        </button>
      </form>
      {entries.length === 0 ? (
        <p className="muted">{t('activityEvents.noAttendance')}</p>
      ) : (
        <>
          <p>
            {t('activityEvents.rate', {
              rate: figures.rate === null ? '–' : Math.round(figures.rate * 100),
              present: figures.present,
              late: figures.late,
              absent: figures.absent,
              excused: figures.excused,
            })}
          </p>
          <ScrollableTable label={t('activityEvents.attendanceTitle')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('activityEvents.date')}</th>
                  <th scope="col">{t('activityEvents.activity')}</th>
                  <th scope="col">{t('activityEvents.status')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.sessionId}>
                    <td>{format.date(e.date)}</td>
                    <td>{e.activityTitle}</td>
                    <td>{t(`activities.status.${e.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        </>
      )}
      <p className="button-row">
        <a
          className="button button--secondary"
          href={activitiesApi.personAttendancePdfUrl(personId, from, to, i18n.language === 'en' ? 'en' : 'sv')}
          target="_blank"
          rel="noreferrer"
        >
          {t('activityEvents.report')}
        </a>
      </p>
    </section>
  );
}
