/** Typed functions for group activities, their sessions and attendance. */
import type { z } from 'zod';
import type {
  Activity,
  activityBody,
  AttendanceFiguresView,
  Enrolment,
  PersonAttendance,
  SessionAttendance,
  SessionOut,
  sessionChangeBody,
} from '../../core/activity-schemas.js';
import type { AttendanceStatus } from '../../core/activities.js';
import { request } from './client.js';

const enc = encodeURIComponent;
export type ActivityInput = z.input<typeof activityBody>;
export type SessionChangeInput = z.input<typeof sessionChangeBody>;
export type AttendanceLine =
  { personId: string; status: AttendanceStatus } | { anonymous: true | string; status: AttendanceStatus };

export const activitiesApi = {
  list: () => request<Activity[]>('/api/v1/activities'),
  create: (body: ActivityInput) => request<Activity>('/api/v1/activities', { method: 'POST', body }),
  update: (id: string, body: Partial<ActivityInput> & { active?: boolean; version: number }) =>
    request<Activity>(`/api/v1/activities/${enc(id)}`, { method: 'PATCH', body }),
  sessions: (id: string, from: string, to: string) =>
    request<SessionOut[]>(`/api/v1/activities/${enc(id)}/sessions`, { query: { from, to } }),
  enrol: (id: string, body: { personId: string; from: string; to: string | null }) =>
    request<Enrolment>(`/api/v1/activities/${enc(id)}/enrolments`, { method: 'POST', body }),
  attendance: (sessionId: string) => request<SessionAttendance>(`/api/v1/sessions/${enc(sessionId)}/attendance`),
  /** Cancels a session (or takes that back) or moves it; `movedTo: null` puts it back on its planned day. */
  changeSession: (sessionId: string, body: SessionChangeInput) =>
    request<SessionOut>(`/api/v1/sessions/${enc(sessionId)}`, { method: 'PATCH', body }),
  takeAttendance: (sessionId: string, lines: AttendanceLine[]) =>
    request<SessionAttendance>(`/api/v1/sessions/${enc(sessionId)}/attendance`, { method: 'PUT', body: lines }),
  endEnrolment: (enrolmentId: string, to: string) =>
    request<Enrolment>(`/api/v1/enrolments/${enc(enrolmentId)}`, { method: 'PATCH', body: { to } }),
  personAttendance: (personId: string, from: string, to: string) =>
    request<PersonAttendance>(`/api/v1/persons/${enc(personId)}/attendance`, { query: { from, to } }),
  /** Closes every active activity of the municipality (or of one unit) for a period. */
  closeCentre: (body: { from: string; to: string; reason: string | null; unitId: string | null }) =>
    request<{ activities: number }>('/api/v1/activities/closed-periods', { method: 'POST', body }),
  /** Attendance over a period per activity and young people by band of their rate (counts only). */
  attendanceFigures: (from: string, to: string) =>
    request<AttendanceFiguresView>('/api/v1/reports/attendance', { query: { from, to } }),
  attendanceFiguresUrl: (from: string, to: string, format: 'csv' | 'xlsx', lang: 'sv' | 'en') =>
    `/api/v1/reports/attendance?from=${from}&to=${to}&format=${format}&lang=${lang}`,
  personAttendancePdfUrl: (personId: string, from: string, to: string, lang: 'sv' | 'en') =>
    `/api/v1/persons/${enc(personId)}/attendance?from=${from}&to=${to}&format=pdf&lang=${lang}`,
};

/** Query keys per resource. */
export const activityKeys = {
  list: () => ['activities'] as const,
  sessions: (id: string, from: string, to: string) => ['activities', id, 'sessions', { from, to }] as const,
  figures: (from: string, to: string) => ['figures', 'attendance', { from, to }] as const,
  enrol: (id: string, body: { personId: string; from: string; to: string | null }) =>
    request<Enrolment>(`/api/v1/activities/${enc(id)}/enrolments`, { method: 'POST', body }),
  attendance: (sessionId: string) => ['sessions', sessionId, 'attendance'] as const,
  /** Under the person's key, so a change to the person (an enrolment) refreshes it. */
  personAttendance: (personId: string, from: string, to: string) =>
    ['persons', personId, 'attendance', { from, to }] as const,
};
