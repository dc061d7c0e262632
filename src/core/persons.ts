/** Rules of the person list and the person form. Zod-free, so the web shares them with the server's schemas. */
import { CASE_STATUSES } from './cases.js';

/** Columns the person list sorts by. */
export const PERSON_SORTS = [
  'name',
  'personalIdentityNumber',
  'age',
  'status',
  'contactPerson',
  'lastAttempt',
] as const;
export type PersonSort = (typeof PERSON_SORTS)[number];

/** Whose case: the reader's own, without contact person, any, or (coordinators) held by someone who may not open it. */
export const CONTACT_PERSON_FILTERS = ['any', 'me', 'none', 'without_access'] as const;

/** A case status, or `open` for every status but closed. */
export const CASE_STATUS_FILTERS = ['open', ...CASE_STATUSES] as const;

/** How many guardians a person may have recorded. */
export const MAX_GUARDIANS = 4;
