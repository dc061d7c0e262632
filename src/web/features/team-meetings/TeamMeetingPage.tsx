/**
 * /meetings/team/:meetingId: one team meeting: who attended, the agenda Lotsa builds (each young person
 * shown only as far as the reader may see them), the decisions, and the minutes to download. The lead
 * (or a coordinator) records attendance and decisions; every member may add an item.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { meetingKey, teamMeetingsApi } from '../../api/teamMeetingEndpoints.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useFormat } from '../../i18n/format.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { AgendaPanel } from './AgendaPanel.js';
import { AttendancePanel } from './AttendancePanel.js';
import { DecisionsPanel, type DecisionDraft } from './DecisionsPanel.js';

/** The team meeting page. */
export function TeamMeetingPage() {
  const { meetingId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const meeting = useQuery({ queryKey: meetingKey(meetingId), queryFn: () => teamMeetingsApi.get(meetingId) });
  // What the lead chose to decide on from the agenda; the decision form starts from it.
  const [draft, setDraft] = useState<DecisionDraft | null>(null);
  if (meeting.error instanceof ApiError && meeting.error.status === 404) return <NotFoundPage />;
  if (meeting.error instanceof ApiError) return <ProblemAlert error={meeting.error} />;
  if (!meeting.data) return <Loading />;
  const m = meeting.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/teams/${m.team.id}/meetings`}>{t('teamMeetings.backToMeetings', { team: m.team.name })}</Link>
      </p>
      <PageHeading title={t('teamMeetings.meetingTitle', { team: m.team.name, date: format.date(m.heldOn) })}>
        <a
          className="button button--secondary"
          href={teamMeetingsApi.minutesUrl(m.id, 'sv')}
          target="_blank"
          rel="noreferrer"
          lang="sv"
        >
          {t('teamMeetings.minutesSv')}
        </a>{' '}
        <a
          className="button button--secondary"
          href={teamMeetingsApi.minutesUrl(m.id, 'en')}
          target="_blank"
          rel="noreferrer"
          lang="en"
        >
          {t('teamMeetings.minutesEn')}
        </a>
      </PageHeading>
      <p className="lead">
        {[
          m.time ? t('teamMeetings.atTime', { time: m.time }) : null,
          m.place,
          m.lead ? t('teamMeetings.leadLine', { name: m.lead.name }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p className="muted">{t('teamMeetings.secrecyNote')}</p>
      <AttendancePanel meeting={m} />
      <AgendaPanel meeting={m} onDecide={m.mayDecide ? setDraft : undefined} />
      <DecisionsPanel meeting={m} draft={draft} />
    </>
  );
}
