/** Lists the UI iterates over that core only has as types. */
import type { CaseStatus } from '../../core/schemas.js';

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
