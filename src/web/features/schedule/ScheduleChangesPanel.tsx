/**
 * "Ändrade aktiviteter för dina ungdomar" on the calendar page: cancelled and moved activity sessions
 * of the coming two weeks, each with the young people of the reader's own cases it touches, linked
 * to their person page (where the week shows the change).
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { scheduleApi, scheduleKeys } from '../../api/scheduleEndpoints.js';
import { ProblemAlert } from '../../components/Alert.js';
import { useFormat } from '../../i18n/format.js';

/** The panel. */
export function ScheduleChangesPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const changes = useQuery({ queryKey: scheduleKeys.changes(), queryFn: () => scheduleApi.changes() });
  return (
    <section className="panel" aria-labelledby="schedule-changes-title">
      <h2 id="schedule-changes-title">{t('schedule.changes.title')}</h2>
      <ProblemAlert error={changes.error instanceof ApiError ? changes.error : null} />
      {changes.data?.length === 0 ? <p className="muted">{t('schedule.changes.none')}</p> : null}
      {changes.data?.length ? (
        <ul className="plain-list">
          {changes.data.map((c) => (
            <li key={`${c.activityId}_${c.occursOn}`} className="schedule__change">
              <strong>{c.title}</strong>{' '}
              {c.movedTo
                ? t('schedule.changes.moved', {
                    from: format.date(c.occursOn),
                    to: format.date(c.movedTo.date),
                    start: c.movedTo.start,
                  })
                : t('schedule.changes.cancelled', { day: format.date(c.occursOn) })}
              {c.cancelled && c.movedTo ? ` (${t('schedule.statuses.cancelled')})` : null}
              <span className="block small">
                {t('schedule.changes.touches')}{' '}
                {c.persons.map((p, i) => (
                  <span key={p.id}>
                    {i ? ', ' : ''}
                    <Link to={`/persons/${p.id}`}>
                      {t('persons.fullName', { given: p.givenName, family: p.familyName })}
                    </Link>
                  </span>
                ))}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
