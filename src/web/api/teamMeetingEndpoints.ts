/** Typed functions for the team meeting: series and meetings, one meeting, attendance, items, decisions, minutes. */
import type { z } from 'zod';
import type {
  agendaItemBody,
  attendanceBody,
  decisionBody,
  meetingSeriesBody,
  teamMeetingBody,
  TeamMeeting,
  TeamMeetings,
} from '../../core/team-meeting-schemas.js';
import { request } from './client.js';

const enc = encodeURIComponent;

/** Query keys: ['teams', teamId, 'meetings'] and ['meetings', 'team', meetingId]. */
export const teamMeetingsApi = {
  list: (teamId: string) => request<TeamMeetings>(`/api/v1/teams/${enc(teamId)}/meetings`),
  create: (teamId: string, body: z.input<typeof teamMeetingBody>) =>
    request<{ id: string }>(`/api/v1/teams/${enc(teamId)}/meetings`, { method: 'POST', body }),
  setSeries: (teamId: string, body: z.input<typeof meetingSeriesBody>) =>
    request<void>(`/api/v1/teams/${enc(teamId)}/meeting-series`, { method: 'PUT', body }),
  get: (meetingId: string) => request<TeamMeeting>(`/api/v1/meetings/team/${enc(meetingId)}`),
  setAttendance: (meetingId: string, body: z.input<typeof attendanceBody>) =>
    request<void>(`/api/v1/meetings/team/${enc(meetingId)}/attendance`, { method: 'PUT', body }),
  addItem: (meetingId: string, body: z.input<typeof agendaItemBody>) =>
    request<{ id: string }>(`/api/v1/meetings/team/${enc(meetingId)}/items`, { method: 'POST', body }),
  decide: (meetingId: string, body: z.input<typeof decisionBody>) =>
    request<{ id: string }>(`/api/v1/meetings/team/${enc(meetingId)}/decisions`, { method: 'POST', body }),
  minutesUrl: (meetingId: string, lang: 'sv' | 'en') =>
    `/api/v1/meetings/team/${enc(meetingId)}/minutes.pdf?lang=${lang}`,
};

/** The query key of one meeting, invalidated after every change to it. */
export const meetingKey = (meetingId: string) => ['meetings', 'team', meetingId];
