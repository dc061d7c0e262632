/** Typed functions for consents, emergency access, applications, teams, the access follow-up, settings and alerts. */
import type { ConsentCategory } from '../../core/consent.js';
import type {
  AccessReviewRow,
  Application,
  Consent,
  EmergencyRequest,
  Settings,
  StaffAlert,
  Team,
} from '../../core/consent-schemas.js';
import type { Paged } from '../../core/schemas.js';
import type {
  PreparedApplication,
  PreparedConsent,
  PreparedConsentInput,
} from '../../core/signature-request-schemas.js';
import { request } from './client.js';

const enc = encodeURIComponent;

/** What the consent form sends. */
export type ConsentInput = {
  recipientUnitIds: string[];
  categories: ConsentCategory[];
  purpose: string;
  givenBy: Consent['givenBy'];
  method: Consent['method'];
  givenOn: string;
  validUntil: string | null;
};

/** Consents of a person, the form to print and the signed scan. */
export const consentsApi = {
  list: (personId: string) => request<Consent[]>(`/api/v1/persons/${enc(personId)}/consents`),
  record: (personId: string, body: ConsentInput) =>
    request<{ id: string }>(`/api/v1/persons/${enc(personId)}/consents`, { method: 'POST', body }),
  withdraw: (id: string, note: string | null) =>
    request<void>(`/api/v1/consents/${enc(id)}/withdraw`, { method: 'POST', body: { note } }),
  attachScan: (id: string, file: File) =>
    request<void>(`/api/v1/consents/${enc(id)}/scan?fileName=${enc(file.name)}`, {
      method: 'PUT',
      file: { data: file, contentType: file.type || 'application/pdf' },
    }),
  scanUrl: (id: string) => `/api/v1/consents/${enc(id)}/scan`,
  /** Consents prepared for the young person to sign in Mitt Lotsa, still waiting for the signature. */
  prepared: (personId: string) => request<PreparedConsent[]>(`/api/v1/persons/${enc(personId)}/prepared-consents`),
  prepare: (personId: string, body: PreparedConsentInput) =>
    request<{ id: string }>(`/api/v1/persons/${enc(personId)}/prepared-consents`, { method: 'POST', body }),
  cancelPrepared: (id: string) => request<void>(`/api/v1/signature-requests/${enc(id)}/cancel`, { method: 'POST' }),
  formUrl: (personId: string, lang: 'sv' | 'en') => `/api/v1/persons/${enc(personId)}/consent-form?lang=${lang}`,
  extractUrl: (personId: string, format: 'json' | 'pdf', lang: 'sv' | 'en') =>
    `/api/v1/persons/${enc(personId)}/extract?format=${format}&lang=${lang}`,
};

/** An opened emergency access, or (past the day's limit) a request that waits for a coordinator. */
export type EmergencyAnswer =
  { id: string; personId: string; endsAt: string } | { requestId: string; personId: string; status: 'pending' };

/** Emergency access and the alerts it sends. */
export const emergencyApi = {
  open: (personId: string, reason: string) =>
    request<EmergencyAnswer>(`/api/v1/persons/${enc(personId)}/emergency-access`, { method: 'POST', body: { reason } }),
  openByNumber: (personalIdentityNumber: string, reason: string) =>
    request<EmergencyAnswer>('/api/v1/emergency-access', { method: 'POST', body: { personalIdentityNumber, reason } }),
  requests: () => request<EmergencyRequest[]>('/api/v1/emergency-access/requests'),
  decide: (id: string, decision: 'approve' | 'deny') =>
    request<void>(`/api/v1/emergency-access/requests/${enc(id)}/${decision}`, { method: 'POST' }),
  alerts: () => request<StaffAlert[]>('/api/v1/alerts'),
  markRead: (id: string) => request<void>(`/api/v1/alerts/${enc(id)}/read`, { method: 'POST' }),
};

/** Applications to a team. */
export const applicationsApi = {
  list: (query: { show?: 'pending' | 'decided'; page?: number; pageSize?: number }) =>
    request<Paged<Application>>('/api/v1/applications', { query }),
  ofPerson: (personId: string) => request<Application[]>(`/api/v1/persons/${enc(personId)}/applications`),
  create: (
    personId: string,
    body: { teamId: string; referrer: Application['referrer']; signedOn: string; signedByYoungPerson: boolean },
  ) => request<{ id: string }>(`/api/v1/persons/${enc(personId)}/applications`, { method: 'POST', body }),
  update: (id: string, body: { status: Application['status']; decisionNote: string | null; version: number }) =>
    request<Application>(`/api/v1/applications/${enc(id)}`, { method: 'PATCH', body }),
  /** Applications prepared for the young person to sign in Mitt Lotsa, still waiting for the signature. */
  prepared: (personId: string) =>
    request<PreparedApplication[]>(`/api/v1/persons/${enc(personId)}/prepared-applications`),
  prepare: (personId: string, body: { teamId: string; referrer: Application['referrer'] }) =>
    request<{ id: string }>(`/api/v1/persons/${enc(personId)}/prepared-applications`, { method: 'POST', body }),
};

/** Teams and their members. */
export const teamsApi = {
  list: () => request<Team[]>('/api/v1/teams'),
  create: (name: string, unitId: string) =>
    request<{ id: string }>('/api/v1/teams', { method: 'POST', body: { name, unitId } }),
  addMember: (teamId: string, staffId: string) =>
    request<void>(`/api/v1/teams/${enc(teamId)}/members`, { method: 'POST', body: { staffId } }),
  removeMember: (teamId: string, staffId: string) =>
    request<void>(`/api/v1/teams/${enc(teamId)}/members/${enc(staffId)}`, { method: 'DELETE' }),
};

/** The access follow-up and the municipal settings. */
export const accessReviewApi = {
  report: (kind: AccessReviewRow['kind'], from?: string, to?: string) =>
    request<AccessReviewRow[]>('/api/v1/access-review', { query: { kind, from, to } }),
  markReviewed: (row: AccessReviewRow, note: string | null) =>
    request<void>('/api/v1/access-review/reviewed', {
      method: 'POST',
      body: { kind: row.kind, actorId: row.actor.id, personId: row.person?.id ?? null, day: row.day, note },
    }),
  settings: () => request<Settings>('/api/v1/settings'),
  saveSettings: (changes: Partial<Settings>) => request<Settings>('/api/v1/settings', { method: 'PUT', body: changes }),
};
