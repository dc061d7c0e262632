/**
 * /sessions/:id: taking a session's attendance on a phone, in a few taps: one row per enrolled (or
 * already recorded) person with present, late, absent and excused as toggle buttons, each tap saved
 * at once (a change is a new entry; the latest wins), and a button to count an anonymous visit.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../core/activities.js';
import { activitiesApi, activityKeys, type AttendanceLine } from '../../api/activityEndpoints.js';
import { ApiError } from '../../api/client.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useFormat } from '../../i18n/format.js';

/** The attendance page of one session. */
export function SessionAttendancePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const attendance = useQuery({ queryKey: activityKeys.attendance(id), queryFn: () => activitiesApi.attendance(id) });
  const save = useMutation({
    mutationFn: (lines: AttendanceLine[]) => activitiesApi.takeAttendance(id, lines),
    onSuccess: (data) => queryClient.setQueryData(activityKeys.attendance(id), data),
  });
  const data = attendance.data;
  const present = data?.anonymous.filter((a) => a.status === 'present' || a.status === 'late').length ?? 0;
  return (
    <>
      <PageHeading title={data ? data.activity.title : t('activities.attendanceTitle')} />
      <p>
        <Link to="/activities">{t('activities.back')}</Link>
      </p>
      <ProblemAlert error={attendance.error instanceof ApiError ? attendance.error : null} />
      <ProblemAlert error={save.error instanceof ApiError ? save.error : null} />
      {attendance.isPending ? <Loading /> : null}
      {data ? (
        <>
          <p className="session-when">
            {t('activities.sessionOn', {
              date: format.date(data.session.date),
              start: data.session.start,
              end: data.session.end,
            })}
            {data.session.cancelled ? <span className="badge badge--closed">{t('activities.cancelled')}</span> : null}
          </p>
          {data.persons.length === 0 ? <p className="muted">{t('activities.nobodyEnrolled')}</p> : null}
          <ul className="attendance-list" aria-label={t('activities.attendanceTitle')}>
            {data.persons.map((p) => (
              <li key={p.personId} className="attendance-row">
                <span className="attendance-row__name" id={`attendance-${p.personId}`}>
                  {p.name}
                  {p.enrolled ? null : <span className="small muted"> ({t('activities.dropInVisit')})</span>}
                </span>
                <span role="group" aria-labelledby={`attendance-${p.personId}`} className="attendance-row__buttons">
                  {ATTENDANCE_STATUSES.map((s: AttendanceStatus) => (
                    <button
                      key={s}
                      type="button"
                      className={
                        p.status === s ? 'button attendance-button' : 'button button--secondary attendance-button'
                      }
                      aria-pressed={p.status === s}
                      disabled={save.isPending || data.session.cancelled}
                      onClick={() => save.mutate([{ personId: p.personId, status: s }])}
                    >
                      {t(`activities.status.${s}`)}
                    </button>
                  ))}
                </span>
              </li>
            ))}
          </ul>
          <p aria-live="polite">{t('activities.anonymousCount', { count: present })}</p>
          <button
            type="button"
            className="button button--secondary"
            disabled={save.isPending || data.session.cancelled}
            onClick={() => save.mutate([{ anonymous: true, status: 'present' }])}
          >
            {t('activities.addAnonymous')}
          </button>
          {save.isSuccess ? <Alert tone="success">{t('activities.saved')}</Alert> : null}
        </>
      ) : null}
    </>
  );
}
