/**
 * /teams/:teamId/meetings: a team's meeting series (when, where, who leads) and its meetings. A
 * coordinator or the lead sets the series and creates a meeting; everyone in the team opens one.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { WEEKDAYS } from '../../../core/team-meeting.js';
import type { TeamMeetings } from '../../../core/team-meeting-schemas.js';
import { ApiError } from '../../api/client.js';
import { teamsApi } from '../../api/consentEndpoints.js';
import { useMessages } from '../../api/fieldErrors.js';
import { teamMeetingsApi } from '../../api/teamMeetingEndpoints.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { FormActions } from '../../components/FormActions.js';
import { TextField } from '../../components/FormField.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ScrollableTable } from '../../components/ScrollableTable.js';
import { SelectField } from '../../components/SelectField.js';
import { useAction } from '../../hooks/useAction.js';
import { todayIso, useFormat } from '../../i18n/format.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';

/** The team's meetings page. */
export function TeamMeetingsPage() {
  const { teamId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const data = useQuery({ queryKey: ['teams', teamId, 'meetings'], queryFn: () => teamMeetingsApi.list(teamId) });
  if (data.error instanceof ApiError && data.error.status === 404) return <NotFoundPage />;
  if (data.error instanceof ApiError) return <ProblemAlert error={data.error} />;
  if (!data.data) return <Loading />;
  const d = data.data;
  const s = d.series;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/teams">{t('teamMeetings.backToTeams')}</Link>
      </p>
      <PageHeading title={t('teamMeetings.listTitle', { team: d.team.name })} />
      <p className="lead">{t('teamMeetings.intro')}</p>
      <section className="panel" aria-labelledby="series-title">
        <h2 id="series-title">{t('teamMeetings.seriesTitle')}</h2>
        <p>
          {s.weekday && s.time
            ? t('teamMeetings.seriesLine', {
                weekday: t(`teamMeetings.weekdays.${s.weekday}`),
                time: s.time,
                place: s.place ?? '',
              })
            : t('teamMeetings.noSeries')}
        </p>
        <p>{t('teamMeetings.leadLine', { name: s.lead?.name ?? t('common.missing') })}</p>
        {d.mayManage ? <SeriesForm teamId={teamId} data={d} /> : null}
      </section>
      <section className="panel" aria-labelledby="meetings-title">
        <h2 id="meetings-title">{t('teamMeetings.meetingsTitle')}</h2>
        {d.meetings.length === 0 ? (
          <p className="muted">{t('teamMeetings.noMeetings')}</p>
        ) : (
          <ScrollableTable label={t('teamMeetings.meetingsTitle')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('teamMeetings.date')}</th>
                  <th scope="col">{t('teamMeetings.time')}</th>
                  <th scope="col">{t('teamMeetings.place')}</th>
                  <th scope="col">{t('teamMeetings.lead')}</th>
                  <th scope="col">{t('teamMeetings.decisionCount')}</th>
                </tr>
              </thead>
              <tbody>
                {d.meetings.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <Link to={`/meetings/team/${m.id}`}>{format.date(m.heldOn)}</Link>
                    </td>
                    <td>{m.time ?? ''}</td>
                    <td>{m.place ?? ''}</td>
                    <td>{m.lead?.name ?? ''}</td>
                    <td>{m.decisions}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        )}
        {d.mayManage ? <NewMeeting teamId={teamId} /> : null}
      </section>
    </>
  );
}

function SeriesForm({ teamId, data }: { teamId: string; data: TeamMeetings }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const action = useAction();
  const queryClient = useQueryClient();
  const team = useQuery({ queryKey: ['teams'], queryFn: () => teamsApi.list() });
  const s = data.series;
  const [weekday, setWeekday] = useState(String(s.weekday ?? ''));
  const [time, setTime] = useState(s.time ?? '');
  const [place, setPlace] = useState(s.place ?? '');
  const [leadId, setLeadId] = useState(s.lead?.id ?? '');
  const [saved, setSaved] = useState(false);
  const members = team.data?.find((x) => x.id === teamId)?.members ?? [];
  const leads = [...members.map((m) => ({ value: m.id, label: m.name }))];
  if (s.lead && !members.some((m) => m.id === s.lead!.id)) leads.push({ value: s.lead.id, label: s.lead.name });
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const body = { weekday: Number(weekday), time, place: place.trim(), leadId, version: data.series.version };
    if (await action.run(() => teamMeetingsApi.setSeries(teamId, body))) {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['teams', teamId, 'meetings'] });
    }
  }
  const fields = messages.fields({}, action.error);
  const weekdays = WEEKDAYS.map((w) => ({ value: String(w), label: t(`teamMeetings.weekdays.${w}`) }));
  return (
    <form onSubmit={submit} noValidate aria-label={t('teamMeetings.seriesForm')}>
      {saved ? <Alert tone="success">{t('teamMeetings.seriesSaved')}</Alert> : null}
      {action.error && !Object.keys(fields).length ? <Alert tone="error">{messages.text(action.error)}</Alert> : null}
      <SelectField
        id="series-weekday"
        label={t('teamMeetings.weekday')}
        value={weekday}
        onChange={setWeekday}
        empty={t('teamMeetings.pick')}
        options={weekdays}
        error={fields.weekday}
        required
      />
      <TextField
        id="series-time"
        label={t('teamMeetings.time')}
        hint={t('teamMeetings.timeHint')}
        value={time}
        onChange={setTime}
        error={fields.time}
        required
      />
      <TextField
        id="series-place"
        label={t('teamMeetings.place')}
        value={place}
        onChange={setPlace}
        error={fields.place}
        required
      />
      <SelectField
        id="series-lead"
        label={t('teamMeetings.lead')}
        value={leadId}
        onChange={setLeadId}
        empty={t('teamMeetings.pick')}
        options={leads}
        error={fields.leadId}
        required
      />
      <FormActions submit={t('teamMeetings.saveSeries')} busy={action.busy} />
    </form>
  );
}

function NewMeeting({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const action = useAction();
  const navigate = useNavigate();
  const [heldOn, setHeldOn] = useState(todayIso());
  async function submit(event: FormEvent) {
    event.preventDefault();
    let id = '';
    if (await action.run(async () => (id = (await teamMeetingsApi.create(teamId, { heldOn })).id)))
      navigate(`/meetings/team/${id}`);
  }
  const fields = messages.fields({}, action.error);
  return (
    <form onSubmit={submit} noValidate aria-label={t('teamMeetings.newMeeting')}>
      <h3>{t('teamMeetings.newMeeting')}</h3>
      {action.error && !fields.heldOn ? <Alert tone="error">{messages.text(action.error)}</Alert> : null}
      <TextField
        id="meeting-date"
        type="date"
        label={t('teamMeetings.date')}
        value={heldOn}
        onChange={setHeldOn}
        error={fields.heldOn}
        required
      />
      <FormActions submit={t('teamMeetings.create')} busy={action.busy} />
    </form>
  );
}
