/**
 * TanStack Query keys of the resources that have no key factory beside their endpoints yet, one
 * factory per resource. A key starts with its resource, so invalidating the resource's first part
 * (e.g. `['persons', id]`) refreshes whatever is shown of it. The others: `outreachKeys`,
 * `measureKeys`, `assessmentKeys`, `activityKeys`, `scheduleKeys` (beside their endpoints), `unitKeys`.
 */
import type { QueueKey } from '../../core/outreach.js';
import type { PersonListQuery } from './endpoints.js';

/** A person and what is shown of them; the list under `['persons', 'list']`. */
export const personKeys = {
  all: ['persons'] as const,
  list: (query: PersonListQuery) => ['persons', 'list', query] as const,
  detail: (id: string) => ['persons', id] as const,
  events: (id: string) => ['persons', id, 'events'] as const,
  outreach: (id: string) => ['persons', id, 'outreach'] as const,
  consents: (id: string) => ['persons', id, 'consents'] as const,
  /** Under the consents, so a change to them refreshes what waits for a signature too. */
  preparedConsents: (id: string) => ['persons', id, 'consents', 'prepared'] as const,
  applications: (id: string) => ['persons', id, 'applications'] as const,
  /** Under the applications, so a change to them refreshes what waits for a signature too. */
  preparedApplications: (id: string) => ['persons', id, 'applications', 'prepared'] as const,
};

/** Staff accounts: everyone (administration, audit filter) and the active contact persons (choices). */
export const staffKeys = {
  all: ['staff'] as const,
  everyone: ['staff', 'all'] as const,
  contactPersons: ['staff', 'contact-persons'] as const,
  /** Active staff of every role (the second staff member of a home visit). */
  active: ['staff', 'active'] as const,
};

/** Teams, with their members. */
export const teamKeys = { all: ['teams'] as const };

/** Work queues: the counts per queue (`summary`) and one queue's listing (`queueListing.ts`). */
export const queueKeys = {
  all: ['queues'] as const,
  summaries: ['queues', 'summary'] as const,
  summary: (contactPerson: string) => ['queues', 'summary', contactPerson] as const,
  listing: (key: QueueKey | null, listing: object) => ['queues', key, listing] as const,
};

/** The municipality's outreach settings and its access settings. */
export const settingsKeys = {
  outreach: ['settings', 'outreach'] as const,
  access: ['settings', 'access'] as const,
  figures: ['settings', 'figures'] as const,
};

/** The start page: its figures and the getting-started steps. */
export const startKeys = {
  figures: ['start', 'figures'] as const,
  outreachFigures: ['start', 'outreach-figures'] as const,
  gettingStarted: (staffId: string | undefined) => ['start', 'getting-started', staffId] as const,
};

/** Calendar: meetings in a range, the centres, the user's own feed. */
export const calendarKeys = {
  all: ['calendar'] as const,
  meetings: (query: object) => ['calendar', 'meetings', query] as const,
  centres: ['centres'] as const,
  feed: ['calendar', 'feed'] as const,
};

/** Notifications to other municipalities: the user's own, the inbox, and the routing trust. */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: (view: 'mine' | 'inbox') => ['notifications', view] as const,
  routing: ['notifications', 'routing'] as const,
};

/** Imports of register lists and their errors. */
export const importKeys = {
  all: ['imports'] as const,
  one: (id: string) => ['imports', id] as const,
  errors: (id: string) => ['imports', id, 'errors'] as const,
};

/** A background job (e.g. the one that reads an import). */
export const jobKeys = { one: (id: string) => ['jobs', id] as const };

/** The KAA register on a date. */
export const registerKeys = {
  all: ['register'] as const,
  on: (asOf: string) => ['register', asOf] as const,
};

/** Applications to measures, across persons (a person's own under `personKeys.applications`). */
export const applicationKeys = {
  all: ['applications'] as const,
  list: (query: object) => ['applications', query] as const,
};

/** Emergency access: requests to decide, and the staff alerts. */
export const emergencyKeys = {
  requests: ['emergency', 'requests'] as const,
  alerts: ['emergency', 'alerts'] as const,
};

/** The access review report. */
export const accessReviewKeys = {
  all: ['access-review'] as const,
  report: (query: object) => ['access-review', query] as const,
};

/** The audit log, by filter and page. */
export const auditKeys = { list: (query: object) => ['audit', query] as const };
