/** Typed functions for a young person's week, the contact person's additions and the young person's feed. */
import type {
  Addition,
  AdditionInput,
  ScheduleChange,
  ScheduleFeed,
  ScheduleWeek,
} from '../../core/schedule-schemas.js';
import { request } from './client.js';

const enc = encodeURIComponent;

/** A person's week and what may be changed in it. */
export const scheduleApi = {
  week: (personId: string, week?: string) =>
    request<ScheduleWeek>(`/api/v1/persons/${enc(personId)}/schedule`, { query: { week } }),
  /** The printed week in Swedish or English. */
  pdfUrl: (personId: string, week: string, lang: 'sv' | 'en') =>
    `/api/v1/persons/${enc(personId)}/schedule.pdf?week=${enc(week)}&lang=${lang}`,
  add: (personId: string, body: AdditionInput) =>
    request<Addition>(`/api/v1/persons/${enc(personId)}/schedule/additions`, { method: 'POST', body }),
  remove: (personId: string, additionId: string) =>
    request<void>(`/api/v1/persons/${enc(personId)}/schedule/additions/${enc(additionId)}`, { method: 'DELETE' }),
  feed: (personId: string) => request<ScheduleFeed>(`/api/v1/persons/${enc(personId)}/schedule/feed`),
  renewFeed: (personId: string, lang: 'sv' | 'en') =>
    request<ScheduleFeed>(`/api/v1/persons/${enc(personId)}/schedule/feed`, { method: 'POST', body: { lang } }),
  /** Changed activity sessions of the coming two weeks and which of the reader's young people they touch. */
  changes: () => request<ScheduleChange[]>('/api/v1/schedule/changes'),
  revokeFeed: (personId: string) =>
    request<void>(`/api/v1/persons/${enc(personId)}/schedule/feed`, { method: 'DELETE' }),
};

/** Query keys: under the person, so a change to the person's measures or meetings refreshes the week too. */
export const scheduleKeys = {
  week: (personId: string, week: string | undefined) => ['persons', personId, 'schedule', week ?? 'current'] as const,
  feed: (personId: string) => ['persons', personId, 'schedule-feed'] as const,
  changes: () => ['schedule-changes'] as const,
};
