/** Who attended a team meeting: members present (ticked) and guests by name and role; the lead records it. */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMeeting } from '../../../core/team-meeting-schemas.js';
import { useMessages } from '../../api/fieldErrors.js';
import { meetingKey, teamMeetingsApi } from '../../api/teamMeetingEndpoints.js';
import { Alert } from '../../components/Alert.js';
import { FormActions } from '../../components/FormActions.js';
import { TextField } from '../../components/FormField.js';
import { useAction } from '../../hooks/useAction.js';

type Guest = { name: string; role: string | null };

/** The attendance panel: a form for the lead, a list for everyone else. */
export function AttendancePanel({ meeting }: { meeting: TeamMeeting }) {
  const { t } = useTranslation();
  const present = meeting.members.filter((m) => m.present);
  return (
    <section className="panel" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('teamMeetings.attendanceTitle')}</h2>
      {meeting.mayDecide ? (
        <AttendanceForm meeting={meeting} />
      ) : (
        <>
          {present.length === 0 && meeting.guests.length === 0 ? (
            <p className="muted">{t('teamMeetings.noAttendance')}</p>
          ) : null}
          <ul className="plain-list">
            {present.map((m) => (
              <li key={m.id}>{m.unit ? `${m.name} (${m.unit})` : m.name}</li>
            ))}
            {meeting.guests.map((g, i) => (
              <li key={`guest-${i}`}>
                {t('teamMeetings.guestLine', { name: g.name, role: g.role ?? t('teamMeetings.guest') })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function AttendanceForm({ meeting }: { meeting: TeamMeeting }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const action = useAction();
  const queryClient = useQueryClient();
  const [present, setPresent] = useState(() => new Set(meeting.members.filter((m) => m.present).map((m) => m.id)));
  const [guests, setGuests] = useState<Guest[]>(meeting.guests);
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [saved, setSaved] = useState(false);
  const toggle = (id: string, on: boolean) =>
    setPresent((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  function addGuest() {
    if (!name.trim()) return;
    setGuests((g) => [...g, { name: name.trim(), role: role.trim() || null }]);
    setName('');
    setRole('');
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (await action.run(() => teamMeetingsApi.setAttendance(meeting.id, { members: [...present], guests }))) {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: meetingKey(meeting.id) });
    }
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('teamMeetings.attendanceTitle')}>
      {saved ? <Alert tone="success">{t('teamMeetings.attendanceSaved')}</Alert> : null}
      {action.error ? <Alert tone="error">{messages.text(action.error)}</Alert> : null}
      <fieldset>
        <legend>{t('teamMeetings.membersPresent')}</legend>
        {meeting.members.map((m) => (
          <div key={m.id} className="checkbox">
            <input
              id={`present-${m.id}`}
              type="checkbox"
              checked={present.has(m.id)}
              onChange={(e) => toggle(m.id, e.target.checked)}
            />
            <label htmlFor={`present-${m.id}`}>{m.unit ? `${m.name} (${m.unit})` : m.name}</label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('teamMeetings.guests')}</legend>
        {guests.length === 0 ? <p className="muted">{t('teamMeetings.noGuests')}</p> : null}
        <ul className="plain-list">
          {guests.map((g, i) => (
            <li key={`${g.name}-${i}`}>
              {t('teamMeetings.guestLine', { name: g.name, role: g.role ?? t('teamMeetings.guest') })}{' '}
              <button
                type="button"
                className="button button--secondary button--small inline-button"
                onClick={() => setGuests((all) => all.filter((_, j) => j !== i))}
              >
                {t('teamMeetings.removeGuest', { name: g.name })}
              </button>
            </li>
          ))}
        </ul>
        <TextField
          id="guest-name"
          label={t('teamMeetings.guestName')}
          hint={t('teamMeetings.guestNameHint')}
          value={name}
          onChange={setName}
        />
        <TextField id="guest-role" label={t('teamMeetings.guestRole')} value={role} onChange={setRole} />
        <button type="button" className="button button--secondary" onClick={addGuest} disabled={!name.trim()}>
          {t('teamMeetings.addGuest')}
        </button>
      </fieldset>
      <FormActions submit={t('teamMeetings.saveAttendance')} busy={action.busy} />
    </form>
  );
}
