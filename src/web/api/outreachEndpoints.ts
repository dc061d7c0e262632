/** The outreach API as the web app uses it: queues, the contact ladder, letters, SMS, calendar, settings, figures. */
import type { AttemptChannel, AttemptOutcome, Occupation } from '../../core/outreach.js';
import type {
  Centre,
  LetterDue,
  Meeting,
  MessageTemplate,
  Outreach,
  OutreachFigures,
  OutreachSettingsResponse,
  QueueItem,
  QueueKey,
  QueueSort,
  QueueSummary,
  SmsMessage,
  TemplateKind,
} from '../../core/outreach-schemas.js';
import type { EmailOutboxMessage } from '../../core/email-schemas.js';
import { request, requestFile } from './client.js';

const enc = encodeURIComponent;
/** A fresh key for one user action, so a retried submit is done once. */
export const newIdempotencyKey = () =>
  crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;

/** What the attempt form sends. */
export type AttemptInput = {
  channel: AttemptChannel;
  outcome: AttemptOutcome;
  at: string;
  occupation?: Occupation;
  agreed?: string;
  note?: string;
};

/** Work queues and bulk assignment. */
export const queuesApi = {
  list: (contactPerson?: string) => request<QueueSummary[]>('/api/v1/work-queues', { query: { contactPerson } }),
  items: (
    key: QueueKey,
    query: { contactPerson?: string; sort?: QueueSort; order?: 'asc' | 'desc'; page?: number; pageSize?: number } = {},
  ) =>
    request<{
      key: QueueKey;
      items: QueueItem[];
      total: number;
      totalIsLowerBound?: boolean;
      page: number;
      pageSize: number;
    }>(`/api/v1/work-queues/${enc(key)}`, { query }),
  bulkAssign: (personIds: string[], contactPersonId: string) =>
    request<{ assigned: number }>('/api/v1/cases/bulk-assign', {
      method: 'POST',
      body: { personIds, contactPersonId },
    }),
};

/** One person's contact ladder. */
export const contactApi = {
  outreach: (personId: string) => request<Outreach>(`/api/v1/persons/${enc(personId)}/outreach`),
  record: (personId: string, body: AttemptInput, key: string) =>
    request<{ id: string; nextStep: Outreach['nextStep'] }>(`/api/v1/persons/${enc(personId)}/contact-attempts`, {
      method: 'POST',
      body,
      headers: { 'idempotency-key': key },
    }),
  override: (personId: string, body: { channel: AttemptChannel; dueOn: string; reason: string; version: number }) =>
    request<void>(`/api/v1/persons/${enc(personId)}/next-step`, { method: 'PUT', body }),
  sendSms: (personId: string, recipient: 'young_person' | 'guardian', key: string) =>
    request<SmsMessage>(`/api/v1/persons/${enc(personId)}/sms`, {
      method: 'POST',
      body: { recipient },
      headers: { 'idempotency-key': key },
    }),
  /** Confirm that an outbox message was sent by other means; only then is it a contact attempt. */
  confirmSms: (smsId: string) => request<SmsMessage>(`/api/v1/sms/${enc(smsId)}/confirm-sent`, { method: 'POST' }),
};

/** Query keys of the letters due and the SMS outbox, for TanStack Query. */
export const outreachKeys = {
  lettersDue: ['letters', 'due'] as const,
  templates: ['letters', 'templates'] as const,
  sms: ['sms'] as const,
  email: ['email'] as const,
};

/** Letters, templates and the SMS outbox. */
export const lettersApi = {
  due: () => request<LetterDue[]>('/api/v1/letters/due'),
  print: (
    body: {
      personIds?: string[];
      dueToday?: boolean;
      kind?: LetterDue['kind'];
      language?: 'sv' | 'en';
      recordAttempts?: boolean;
    },
    key: string,
  ) => requestFile('/api/v1/letters', { method: 'POST', body, headers: { 'idempotency-key': key } }),
  templates: () => request<MessageTemplate[]>('/api/v1/message-templates'),
  saveTemplate: (kind: TemplateKind, language: 'sv' | 'en', body: { heading: string; body: string; version: number }) =>
    request<MessageTemplate>(`/api/v1/message-templates/${enc(kind)}/${enc(language)}`, { method: 'PUT', body }),
  sms: () => request<SmsMessage[]>('/api/v1/sms'),
  email: () => request<EmailOutboxMessage[]>('/api/v1/email'),
};

/** Calendar, centres and the iCal feed. */
export const calendarApi = {
  meetings: (query: { from: string; to: string; staffId?: string; centreId?: string }) =>
    request<Meeting[]>('/api/v1/calendar', { query }),
  book: (body: {
    kind: Meeting['kind'];
    startsAt: string;
    endsAt: string;
    staffId?: string;
    secondStaffId?: string | null;
    centreId?: string | null;
    personId?: string | null;
  }) => request<{ id: string }>('/api/v1/meetings', { method: 'POST', body }),
  cancel: (id: string, version: number) =>
    request<void>(`/api/v1/meetings/${enc(id)}/cancel`, { method: 'POST', body: { version } }),
  centres: () => request<Centre[]>('/api/v1/centres'),
  addCentre: (name: string) => request<Centre>('/api/v1/centres', { method: 'POST', body: { name } }),
  feed: () => request<{ active: boolean; createdAt: string | null; url: string | null }>('/api/v1/calendar/feed'),
  renewFeed: () =>
    request<{ active: boolean; createdAt: string | null; url: string | null }>('/api/v1/calendar/feed', {
      method: 'POST',
    }),
  revokeFeed: () => request<void>('/api/v1/calendar/feed', { method: 'DELETE' }),
};

/** Municipal outreach settings and figures. */
export const outreachApi = {
  settings: () => request<OutreachSettingsResponse>('/api/v1/outreach-settings'),
  saveSettings: (settings: OutreachSettingsResponse['settings'], version: number) =>
    request<OutreachSettingsResponse>('/api/v1/outreach-settings', { method: 'PUT', body: { settings, version } }),
  figures: () => request<OutreachFigures>('/api/v1/figures/outreach'),
};
