/**
 * Lists the UI iterates over that core has only in its zod schemas (kept apart so the web bundle does not pull in zod).
 */
import type { AccessReviewRow, Application } from '../../../core/consent-schemas.js';

/** Who can refer a young person to the team. */
export const REFERRER_LIST = [
  'school',
  'social_services',
  'employment_service',
  'self',
] as const satisfies readonly Application['referrer'][];
/** Application statuses in the order the team meeting moves them. */
export const APPLICATION_STATUS_LIST = [
  'received',
  'on_agenda',
  'accepted',
  'waiting_list',
  'declined',
] as const satisfies readonly Application['status'][];
/** The access follow-up's reports. */
export const ACCESS_REVIEW_KIND_LIST = [
  'outside_caseload',
  'emergency',
  'many_persons',
  'night',
  'denied',
] as const satisfies readonly AccessReviewRow['kind'][];
