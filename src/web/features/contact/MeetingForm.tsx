/** Book a meeting with the person, or an announced home visit with a second staff member. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { staffApi } from '../../api/endpoints.js';
import { calendarApi } from '../../api/outreachEndpoints.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { CONTACT_PERSON_ROLES } from '../../components/constants.js';
import { FormField, TextField } from '../../components/FormField.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useFieldErrors } from './useFieldErrors.js';
import { useSession } from '../auth/session.js';

/** The date and time inputs as an ISO timestamp in the browser's time zone. */
export const isoOf = (date: string, time: string) => new Date(`${date}T${time}`).toISOString();

/** The booking form of the next-step view. */
export function MeetingForm({ personId, noticeDays, onBooked }: { personId: string; noticeDays: number; onBooked: () => Promise<void> }) {
  const { t } = useTranslation();
  const { me } = useSession();
  // Team members may not list staff; they book meetings, and a colleague plans the home visit.
  const staff = useLoad(async () => (await staffApi.list({ active: 'true' }).catch(() => [])).filter((s) => (CONTACT_PERSON_ROLES as readonly string[]).includes(s.role) && s.id !== me?.id), [me?.id]);
  const centres = useLoad(() => calendarApi.centres(), []);
  const [kind, setKind] = useState<'meeting' | 'home_visit'>('meeting');
  const [date, setDate] = useState('');
  const [start, setStart] = useState('10:00');
  const [end, setEnd] = useState('11:00');
  const [centreId, setCentreId] = useState('');
  const [secondStaffId, setSecondStaffId] = useState('');
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [booked, setBooked] = useState(false);
  const fieldErrors = useFieldErrors(problem);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBooked(false);
    try {
      await calendarApi.book({ kind, startsAt: isoOf(date, start), endsAt: isoOf(date, end), personId, centreId: kind === 'meeting' ? centreId || null : null, secondStaffId: kind === 'home_visit' ? secondStaffId || null : null });
      setProblem(null);
      setBooked(true);
      await onBooked();
    } catch (err) {
      setProblem(err instanceof ApiError ? err : new ApiError(0, 'internal_error', ''));
    }
  }

  return (
    <section className="panel" aria-labelledby="meeting-title">
      <h2 id="meeting-title">{t('contact.meeting.title')}</h2>
      {booked ? <Alert tone="success">{t('contact.meeting.booked')}</Alert> : null}
      <ProblemAlert error={problem} />
      <form onSubmit={submit} noValidate>
        <FormField id="meeting-kind" label={t('contact.meeting.kind')}>
          {(control) => (
            <select {...control} value={kind} onChange={(e) => setKind(e.target.value as 'meeting' | 'home_visit')}>
              <option value="meeting">{t('calendar.kinds.meeting')}</option>
              <option value="home_visit">{t('calendar.kinds.home_visit')}</option>
            </select>
          )}
        </FormField>
        {kind === 'home_visit' ? <p className="field__hint">{t('contact.meeting.noticeHint', { days: noticeDays })}</p> : null}
        <div className="field-row">
          <TextField id="meeting-date" type="date" label={t('contact.meeting.date')} value={date} onChange={setDate} error={fieldErrors.startsAt} />
          <FormField id="meeting-start" label={t('contact.meeting.start')}>
            {(control) => <input {...control} type="time" value={start} onChange={(e) => setStart(e.target.value)} />}
          </FormField>
          <FormField id="meeting-end" label={t('contact.meeting.end')} error={fieldErrors.endsAt}>
            {(control) => <input {...control} type="time" value={end} onChange={(e) => setEnd(e.target.value)} />}
          </FormField>
        </div>
        {kind === 'home_visit' ? (
          <FormField id="meeting-second" label={t('contact.meeting.secondStaff')} hint={t('contact.meeting.secondStaffHint')} error={fieldErrors.secondStaffId}>
            {(control) => (
              <select {...control} value={secondStaffId} onChange={(e) => setSecondStaffId(e.target.value)}>
                <option value="">{t('contact.meeting.choose')}</option>
                {(staff.data ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : (
          <FormField id="meeting-centre" label={t('contact.meeting.centre')}>
            {(control) => (
              <select {...control} value={centreId} onChange={(e) => setCentreId(e.target.value)}>
                <option value="">{t('contact.meeting.noCentre')}</option>
                {(centres.data ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <button type="submit" className="button button--secondary">
          {t('contact.meeting.submit')}
        </button>
      </form>
    </section>
  );
}
