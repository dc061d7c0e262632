/**
 * /calendar: a week of meetings for the reader or a centre, booking meetings and drop-in hours, and the iCal
 * subscription.
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../core/outreach.js';
import { calendarApi } from '../../api/outreachEndpoints.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { FormField } from '../../components/FormField.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useAction } from '../../hooks/useAction.js';
import { apiErrorOf } from '../contact/useFieldErrors.js';
import { useLoad } from '../../hooks/useLoad.js';
import { todayIso, useFormat } from '../../i18n/format.js';
import { BookingForm } from './BookingForm.js';
import { CalendarFeedPanel } from './CalendarFeedPanel.js';
import { ScheduleChangesPanel } from '../schedule/ScheduleChangesPanel.js';

/** Monday of the week that holds `day`. */
function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The calendar page. */
export function CalendarPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [from, setFrom] = useState(() => mondayOf(todayIso()));
  const [centreId, setCentreId] = useState('');
  const centres = useLoad(() => calendarApi.centres(), []);
  const meetings = useLoad(
    () => calendarApi.meetings({ from, to: addDays(from, 6), centreId: centreId || undefined }),
    [from, centreId],
  );
  const [cancelled, setCancelled] = useState(false);
  const { error, run } = useAction();
  const problem = apiErrorOf(error);

  async function cancel(id: string, version: number) {
    setCancelled(await run(() => calendarApi.cancel(id, version)));
    await meetings.reload();
  }

  return (
    <>
      <PageHeading title={t('calendar.title')} />
      <div className="search-bar">
        <FormField id="calendar-show" label={t('calendar.show')}>
          {(control) => (
            <select {...control} value={centreId} onChange={(e) => setCentreId(e.target.value)}>
              <option value="">{t('calendar.mine')}</option>
              {(centres.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {t('calendar.centre', { name: c.name })}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => setFrom(addDays(from, -7))}>
            {t('calendar.previous')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setFrom(addDays(from, 7))}>
            {t('calendar.next')}
          </button>
        </div>
      </div>
      <section className="panel" aria-labelledby="week-title">
        <h2 id="week-title">{t('calendar.week', { date: format.date(from) })}</h2>
        {cancelled ? <Alert tone="success">{t('calendar.cancelled')}</Alert> : null}
        <ProblemAlert error={problem ?? meetings.error} />
        {!meetings.data ? (
          <Loading />
        ) : meetings.data.length === 0 ? (
          <p>{t('calendar.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--compact">
              <caption className="visually-hidden">{t('calendar.caption', { date: format.date(from) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('calendar.when')}</th>
                  <th scope="col">{t('calendar.kind')}</th>
                  <th scope="col">{t('calendar.staff')}</th>
                  <th scope="col">{t('calendar.where')}</th>
                  <th scope="col">{t('calendar.person')}</th>
                  <td />
                </tr>
              </thead>
              <tbody>
                {meetings.data.map((m) => (
                  <tr key={m.id}>
                    <th scope="row" className="nowrap">
                      {format.dateTime(m.startsAt)}–{format.time(m.endsAt)}
                    </th>
                    <td>{t(`calendar.kinds.${m.kind}`)}</td>
                    <td>{[m.staff.name, m.secondStaff?.name].filter(Boolean).join(', ')}</td>
                    <td>{m.centre?.name ?? ''}</td>
                    <td>
                      {m.person ? (
                        <Link to={`/persons/${m.person.id}/outreach`}>
                          {t('persons.fullName', { given: m.person.givenName, family: m.person.familyName })}
                        </Link>
                      ) : (
                        ''
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => void cancel(m.id, m.version)}
                        aria-label={
                          `${t('calendar.cancel')}: ${t(`calendar.kinds.${m.kind}`)} ` + format.dateTime(m.startsAt)
                        }
                      >
                        {t('calendar.cancel')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <BookingForm
        id="book"
        title={t('calendar.book.title')}
        kinds={['drop_in', 'meeting']}
        onBooked={meetings.reload}
      />
      <ScheduleChangesPanel />
      <CalendarFeedPanel />
    </>
  );
}
