/** SQL of the grants to see a protected person's contact details. */
import type { Db } from '../../db/connection.js';

/** Inserts a grant; true when it is new, false when the staff member already had one (kept as it was). */
export async function insertGrant(
  db: Db,
  grant: { municipalityId: string; personId: string; staffId: string; grantedBy: string; reason: string },
): Promise<boolean> {
  const row = await db
    .insertInto('protected_identity_grants')
    .values({
      municipality_id: grant.municipalityId,
      person_id: grant.personId,
      staff_id: grant.staffId,
      granted_by: grant.grantedBy,
      reason: grant.reason,
    })
    .onConflict((oc) => oc.columns(['person_id', 'staff_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Deletes the staff member's grant for the person; false when there was none. */
export async function deleteGrant(db: Db, personId: string, staffId: string): Promise<boolean> {
  const removed = await db
    .deleteFrom('protected_identity_grants')
    .where('person_id', '=', personId)
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return removed.numDeletedRows > 0n;
}
