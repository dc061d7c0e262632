/** Lists the UI iterates over that core only has as types. */
import type { Notification } from '../../core/register-schemas.js';
import type { CaseStatus } from '../../core/schemas.js';
import type { NotificationOutcome } from '../api/registerEndpoints.js';

/**
 * Case statuses in work order. Kept here rather than imported from core's schemas so the web
 * bundle does not pull in zod; the type check keeps it in step with core.
 */
export const CASE_STATUS_LIST = ['new', 'contacting', 'active', 'closed'] as const satisfies readonly CaseStatus[];
type Missing = Exclude<CaseStatus, (typeof CASE_STATUS_LIST)[number]>;
const complete: Missing extends never ? true : false = true;
void complete;

/** Roles that may be a case's contact person (the server checks the same). */
export const CONTACT_PERSON_ROLES = ['coordinator', 'youth_coach', 'team_member'] as const;

/** Kinds of school notification, in the order the form offers them (kept in step with core by the type check). */
export const NOTIFICATION_KIND_LIST = ['dropout', 'absence', 'programme_change'] as const satisfies readonly Notification['kind'][];
type MissingKind = Exclude<Notification['kind'], (typeof NOTIFICATION_KIND_LIST)[number]>;
const completeKinds: MissingKind extends never ? true : false = true;
void completeKinds;

/** What verifying a notification with the school can show. */
export const NOTIFICATION_OUTCOME_LIST = ['verified_dropout', 'changing_programme', 'not_ours', 'other'] as const satisfies readonly NotificationOutcome[];

/** How often a page asks the API about a running import or job. */
export const POLL_INTERVAL_MS = 700;
