/** /calendar: a week of meetings for the reader or a centre, booking meetings and drop-in hours, and the iCal subscription. */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../core/outreach.js';
import { ApiError } from '../../api/client.js';
import { calendarApi } from '../../api/outreachEndpoints.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { FormField, TextField } from '../../components/FormField.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useLoad } from '../../hooks/useLoad.js';
import { todayIso, useFormat } from '../../i18n/format.js';
import { isoOf } from '../contact/MeetingForm.js';
import { useFieldErrors } from '../contact/useFieldErrors.js';
import { CalendarFeedPanel } from './CalendarFeedPanel.js';

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
  const meetings = useLoad(() => calendarApi.meetings({ from, to: addDays(from, 6), centreId: centreId || undefined }), [from, centreId]);
  const [cancelled, setCancelled] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);

  async function cancel(id: string, version: number) {
    try {
      await calendarApi.cancel(id, version);
      setCancelled(true);
      setProblem(null);
      await meetings.reload();
    } catch (err) {
      setProblem(err instanceof ApiError ? err : new ApiError(0, 'internal_error', ''));
    }
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
        <div className="form-actions">
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
                    <td>{m.person ? <Link to={`/persons/${m.person.id}/outreach`}>{t('persons.fullName', { given: m.person.givenName, family: m.person.familyName })}</Link> : ''}</td>
                    <td>
                      <button type="button" className="button button--secondary button--small" onClick={() => void cancel(m.id, m.version)} aria-label={`${t('calendar.cancel')}: ${t(`calendar.kinds.${m.kind}`)} ${format.dateTime(m.startsAt)}`}>
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
      <BookingForm centres={centres.data ?? []} onBooked={meetings.reload} />
      <CalendarFeedPanel />
    </>
  );
}

/** Book a meeting without a young person, or drop-in hours at a centre. */
function BookingForm({ centres, onBooked }: { centres: { id: string; name: string }[]; onBooked: () => Promise<void> }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'meeting' | 'drop_in'>('drop_in');
  const [date, setDate] = useState(todayIso());
  const [start, setStart] = useState('13:00');
  const [end, setEnd] = useState('16:00');
  const [centreId, setCentreId] = useState('');
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [booked, setBooked] = useState(false);
  const fieldErrors = useFieldErrors(problem);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBooked(false);
    try {
      await calendarApi.book({ kind, startsAt: isoOf(date, start), endsAt: isoOf(date, end), centreId: centreId || null });
      setProblem(null);
      setBooked(true);
      await onBooked();
    } catch (err) {
      setProblem(err instanceof ApiError ? err : new ApiError(0, 'internal_error', ''));
    }
  }

  return (
    <section className="panel" aria-labelledby="book-title">
      <h2 id="book-title">{t('calendar.book.title')}</h2>
      {booked ? <Alert tone="success">{t('calendar.book.booked')}</Alert> : null}
      <ProblemAlert error={problem} />
      <form onSubmit={submit} noValidate>
        <div className="field-row">
          <FormField id="book-kind" label={t('contact.meeting.kind')}>
            {(control) => (
              <select {...control} value={kind} onChange={(e) => setKind(e.target.value as 'meeting' | 'drop_in')}>
                <option value="drop_in">{t('calendar.kinds.drop_in')}</option>
                <option value="meeting">{t('calendar.kinds.meeting')}</option>
              </select>
            )}
          </FormField>
          <FormField id="book-centre" label={t('contact.meeting.centre')} error={fieldErrors.centreId}>
            {(control) => (
              <select {...control} value={centreId} onChange={(e) => setCentreId(e.target.value)}>
                <option value="">{t('contact.meeting.noCentre')}</option>
                {centres.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <div className="field-row">
          <TextField id="book-date" type="date" label={t('contact.meeting.date')} value={date} onChange={setDate} />
          <FormField id="book-start" label={t('contact.meeting.start')}>
            {(control) => <input {...control} type="time" value={start} onChange={(e) => setStart(e.target.value)} />}
          </FormField>
          <FormField id="book-end" label={t('contact.meeting.end')} error={fieldErrors.endsAt}>
            {(control) => <input {...control} type="time" value={end} onChange={(e) => setEnd(e.target.value)} />}
          </FormField>
        </div>
        <button type="submit" className="button">
          {t('calendar.book.submit')}
        </button>
      </form>
    </section>
  );
}
