/** What every per-person read records in the audit log about why the reader sees the person. */
import { categoriesOf, type AccessBasis } from '../access/access.js';
import type { ConsentCategory } from '../../core/consent.js';

/** A row selected with the access module's `accessOf`. */
type AccessRow = {
  access_basis: AccessBasis;
  sees_contact_occupation: boolean;
  sees_assessment_plan: boolean;
  sees_health_social: boolean;
};

/**
 * The access basis and the categories the reader sees, for an audit entry's detail (the access follow-up reads
 * `basis`).
 */
export function readBasis(row: AccessRow): { basis: AccessBasis; categories: ConsentCategory[] } {
  return { basis: row.access_basis, categories: categoriesOf(row) };
}
