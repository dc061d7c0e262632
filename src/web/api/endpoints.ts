/** One typed function per API endpoint the web app uses; types come from core's schemas. */
import type { Profession } from '../../core/professions.js';
import type { Role } from '../../core/roles.js';
import type {
  AuditEntry,
  CaseStatus,
  Figures,
  GettingStarted,
  Me,
  Paged,
  PersonCreate,
  PersonDetail,
  PersonSummary,
  SignInCodeRequest,
  Staff,
  TimelineEvent,
  Unit,
} from '../../core/schemas.js';
import type { z } from 'zod';
import type { personListQuery } from '../../core/schemas.js';
import type { PersonSort } from '../../core/persons.js';
import { request } from './client.js';

/** Sort keys and order of the person list. */
export type { PersonSort };
export type SortOrder = 'asc' | 'desc';
/** What the person list can ask for: search, filters, sort and page. */
export type PersonListQuery = Partial<z.infer<typeof personListQuery>>;

/** Fields of a person that can be edited (all but the identity number), plus the version read. */
export type PersonUpdate = Omit<PersonCreate, 'personalIdentityNumber'> & { version: number };

/** Auth: sign in and out, who am I, change password. */
export const authApi = {
  login: (email: string, password: string) =>
    request<{ mustChangePassword: boolean; csrfToken: string }>('/api/v1/auth/login', {
      method: 'POST',
      body: { email, password },
    }),
  logout: () => request<void>('/api/v1/auth/logout', { method: 'POST' }),
  me: () => request<Me>('/api/v1/auth/me'),
  changePassword: (currentPassword: string | undefined, newPassword: string) =>
    request<void>('/api/v1/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
};

/** Persons, their timeline and journal notes. */
export const personsApi = {
  list: (query: PersonListQuery) => request<Paged<PersonSummary>>('/api/v1/persons', { query }),
  create: (body: PersonCreate) => request<{ id: string }>('/api/v1/persons', { method: 'POST', body }),
  get: (id: string) => request<PersonDetail>(`/api/v1/persons/${encodeURIComponent(id)}`),
  update: (id: string, body: PersonUpdate) =>
    request<void>(`/api/v1/persons/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  events: (id: string) => request<TimelineEvent[]>(`/api/v1/persons/${encodeURIComponent(id)}/events`),
  /** `key`: the Idempotency-Key, the same for every retry of one note. */
  addNote: (
    id: string,
    key: string,
    text: string,
    correctsEventId?: string,
    category?: string,
    sharedWithYoungPerson?: boolean,
  ) =>
    request<{ id: string; possiblySensitive: boolean }>(`/api/v1/persons/${encodeURIComponent(id)}/notes`, {
      method: 'POST',
      body: { text, correctsEventId, category, sharedWithYoungPerson },
      headers: { 'idempotency-key': key },
    }),
  /** Shows a written note to the young person, or stops showing it. */
  shareNote: (id: string, noteId: string, shared: boolean) =>
    request<{ id: string; sharedWithYoungPerson: boolean }>(
      `/api/v1/persons/${encodeURIComponent(id)}/notes/${encodeURIComponent(noteId)}/sharing`,
      { method: 'PUT', body: { shared } },
    ),
};

/** Cases: contact person and status. */
export const casesApi = {
  update: (
    id: string,
    body: { contactPersonId?: string | null; teamId?: string | null; status?: CaseStatus; version: number },
  ) => request<void>(`/api/v1/cases/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
};

/** Staff accounts and units. */
export const staffApi = {
  list: (query: { role?: Role; active?: 'true' | 'false'; contactPerson?: 'true' } = {}) =>
    request<Staff[]>('/api/v1/staff', { query }),
  create: (body: { name: string; email: string; role: Role; unitId: string | null; profession?: Profession | null }) =>
    request<Staff & { codeRequestId: string }>('/api/v1/staff', { method: 'POST', body }),
  update: (
    id: string,
    body: {
      name: string;
      role: Role;
      unitId: string | null;
      profession?: Profession | null;
      active: boolean;
      version: number;
    },
  ) => request<Staff>(`/api/v1/staff/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  resetPassword: (id: string) =>
    request<{ codeRequestId: string }>(`/api/v1/staff/${encodeURIComponent(id)}/reset-password`, { method: 'POST' }),
  signInCodes: () => request<SignInCodeRequest[]>('/api/v1/sign-in-codes'),
  issueSignInCode: (id: string) =>
    request<{ oneTimePassword: string; name: string; email: string }>(
      `/api/v1/sign-in-codes/${encodeURIComponent(id)}/issue`,
      { method: 'POST' },
    ),
  units: () => request<Unit[]>('/api/v1/units'),
  setKaaUnits: (unitIds: string[]) => request<Unit[]>('/api/v1/units/kaa', { method: 'PUT', body: { unitIds } }),
};

/** Figures for the start page and the audit log. */
export const reportsApi = {
  figures: () => request<Figures>('/api/v1/figures'),
  audit: (query: {
    person?: string;
    personId?: string;
    actorId?: string;
    entity?: string;
    action?: string;
    ownReads?: string;
    from?: string;
    to?: string;
    page?: number;
    pageSize?: number;
  }) => request<Paged<AuditEntry>>('/api/v1/audit', { query }),
  gettingStarted: () => request<GettingStarted>('/api/v1/getting-started'),
};
