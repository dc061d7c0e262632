/** SQL of cases: the case as its update needs it, contact persons and teams to assign, and the update. */
import { sql, type Expression, type SqlBool, type Updateable } from 'kysely';
import { DOCUMENTED_PROBLEMS_CATEGORY } from '../../../core/outcomes.js';
import { categoryVisibleTo, mayBeContactPerson, personManagedBy, type Actor } from '../../access/access.js';
import type { Db } from '../../db/connection.js';
import type { CasesTable } from '../../db/types.js';

const flag = (e: Expression<SqlBool>) => sql<boolean>`coalesce(${e}, false)`;

/** The active staff member `staffId` of the municipality, if they may hold a case as contact person. */
export function findContactPerson(db: Db, municipalityId: string, staffId: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'name'])
    .where('id', '=', staffId)
    .where('municipality_id', '=', municipalityId)
    .where('active', '=', true)
    .where(mayBeContactPerson)
    .executeTakeFirst();
}

/**
 * A case of a person the actor manages, with its contact person's name and whether the actor may
 * see its documented problems; or undefined.
 */
export function caseForUpdate(db: Db, actor: Actor, caseId: string) {
  return db
    .selectFrom('cases')
    .innerJoin('persons', 'persons.id', 'cases.person_id')
    .leftJoin('staff', 'staff.id', 'cases.contact_person_id')
    .select([
      'cases.id',
      'cases.person_id',
      'cases.municipality_id',
      'cases.status',
      'cases.version',
      'cases.contact_person_id',
      'cases.team_id',
      'staff.name as contact_name',
    ])
    .select(['cases.closed_at', 'cases.target_group', 'cases.upper_secondary_diploma', 'cases.documented_problems'])
    .select((eb) => flag(categoryVisibleTo(actor, DOCUMENTED_PROBLEMS_CATEGORY)(eb)).as('sees_health_social'))
    .where('cases.id', '=', caseId)
    .where(personManagedBy(actor))
    .executeTakeFirst();
}

/** The team of the municipality, or undefined. */
export function teamOf(db: Db, municipalityId: string, teamId: string) {
  return db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('id', '=', teamId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

/** Changes a case still at `version` and steps the version; false when it was not. */
export async function updateCaseRow(
  db: Db,
  caseId: string,
  version: number,
  set: Omit<Updateable<CasesTable>, 'version'>,
): Promise<boolean> {
  const updated = await db
    .updateTable('cases')
    .set({ ...set, version: sql`version + 1` })
    .where('id', '=', caseId)
    .where('version', '=', version)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}
