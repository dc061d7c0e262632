/**
 * Book a calendar entry: a meeting (with the young person when `personId` is given), drop-in hours
 * at a centre, or an announced home visit with a second staff member.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../core/outreach-schemas.js';
import { staffApi } from '../../api/endpoints.js';
import { calendarApi } from '../../api/outreachEndpoints.js';
import { calendarKeys, staffKeys } from '../../api/queryKeys.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { CONTACT_PERSON_ROLES } from '../../../core/roles.js';
import { FormField, TextField } from '../../components/FormField.js';
import { useAction } from '../../hooks/useAction.js';
import { todayIso } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';
import { apiErrorOf, useFieldErrors } from '../contact/useFieldErrors.js';
import { useOutreachChanged } from '../contact/useOutreachChanged.js';

type Kind = Meeting['kind'];
type Props = {
  id: string;
  title: string;
  kinds: Kind[];
  personId?: string;
  noticeDays?: number;
};

/** The date and time inputs as an ISO timestamp in the browser's time zone. */
const isoOf = (date: string, time: string) => new Date(`${date}T${time}`).toISOString();

/** The booking form; `id` prefixes its field ids. A booking refreshes the calendar and the person's next step. */
export function BookingForm({ id, title, kinds, personId, noticeDays }: Props) {
  const { t } = useTranslation();
  const { me } = useSession();
  // Team members may not list staff (refused: no choices); a colleague plans the home visit then.
  const activeStaff = useQuery({
    queryKey: staffKeys.active,
    queryFn: () => staffApi.list({ active: 'true' }),
    enabled: kinds.includes('home_visit'),
  });
  const staffChoices = (activeStaff.data ?? []).filter(
    (s) => (CONTACT_PERSON_ROLES as readonly string[]).includes(s.role) && s.id !== me?.id,
  );
  const centres = useQuery({ queryKey: calendarKeys.centres, queryFn: () => calendarApi.centres() });
  const queryClient = useQueryClient();
  const outreachChanged = useOutreachChanged();
  const [kind, setKind] = useState<Kind>(kinds[0]!);
  const [date, setDate] = useState(todayIso());
  const [start, setStart] = useState('10:00');
  const [end, setEnd] = useState('11:00');
  const [centreId, setCentreId] = useState('');
  const [secondStaffId, setSecondStaffId] = useState('');
  const [booked, setBooked] = useState(false);
  const { error, run } = useAction();
  const problem = apiErrorOf(error);
  const fieldErrors = useFieldErrors(problem);
  const homeVisit = kind === 'home_visit';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBooked(false);
    const body = {
      kind,
      startsAt: isoOf(date, start),
      endsAt: isoOf(date, end),
      personId: personId ?? null,
      centreId: homeVisit ? null : centreId || null,
      secondStaffId: homeVisit ? secondStaffId || null : null,
    };
    if (await run(() => calendarApi.book(body))) {
      setBooked(true);
      await (personId ? outreachChanged(personId) : queryClient.invalidateQueries({ queryKey: calendarKeys.all }));
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {booked ? <Alert tone="success">{t('contact.meeting.booked')}</Alert> : null}
      <ProblemAlert error={problem} />
      <form onSubmit={submit} noValidate>
        <FormField id={`${id}-kind`} label={t('contact.meeting.kind')}>
          {(control) => (
            <select {...control} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`calendar.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {homeVisit ? <p className="field__hint">{t('contact.meeting.noticeHint', { days: noticeDays ?? 5 })}</p> : null}
        <div className="field-row">
          <TextField
            id={`${id}-date`}
            type="date"
            label={t('contact.meeting.date')}
            value={date}
            onChange={setDate}
            error={fieldErrors.startsAt}
          />
          <FormField id={`${id}-start`} label={t('contact.meeting.start')}>
            {(control) => <input {...control} type="time" value={start} onChange={(e) => setStart(e.target.value)} />}
          </FormField>
          <FormField id={`${id}-end`} label={t('contact.meeting.end')} error={fieldErrors.endsAt}>
            {(control) => <input {...control} type="time" value={end} onChange={(e) => setEnd(e.target.value)} />}
          </FormField>
        </div>
        {homeVisit ? (
          <FormField
            id={`${id}-second`}
            label={t('contact.meeting.secondStaff')}
            hint={t('contact.meeting.secondStaffHint')}
            error={fieldErrors.secondStaffId}
          >
            {(control) => (
              <select {...control} value={secondStaffId} onChange={(e) => setSecondStaffId(e.target.value)}>
                <option value="">{t('contact.meeting.choose')}</option>
                {staffChoices.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : (
          <FormField id={`${id}-centre`} label={t('contact.meeting.centre')} error={fieldErrors.centreId}>
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
