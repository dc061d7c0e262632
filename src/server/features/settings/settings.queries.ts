/** SQL of the municipality's settings: emergency access and the young person's own Lotsa. */
import type { Updateable } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { MunicipalitiesTable } from '../../db/types.js';

/** The emergency-access columns of the municipality's row. */
export function emergencySettingsRow(db: Db, municipalityId: string) {
  return db
    .selectFrom('municipalities')
    .select(['emergency_access_hours', 'emergency_daily_limit', 'emergency_roles', 'emergency_unit_ids'])
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
}

/** Of `unitIds`, the rows of those that are units of the municipality (active or not). */
export function municipalityUnitIds(db: Db, municipalityId: string, unitIds: string[]) {
  return db
    .selectFrom('units')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', unitIds)
    .execute();
}

/** Sets the given emergency-access columns of the municipality's row. */
export async function updateEmergencySettings(
  db: Db,
  municipalityId: string,
  set: Pick<
    Updateable<MunicipalitiesTable>,
    'emergency_access_hours' | 'emergency_daily_limit' | 'emergency_roles' | 'emergency_unit_ids'
  >,
): Promise<void> {
  await db.updateTable('municipalities').set(set).where('id', '=', municipalityId).execute();
}

/** Whether the young person's access log of the municipality names the staff who read. */
export async function youngPersonSeesStaffNames(db: Db, municipalityId: string): Promise<boolean> {
  const row = await db
    .selectFrom('municipalities')
    .select('young_person_sees_staff_names')
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return row.young_person_sees_staff_names;
}

/** Sets whether the young person's access log of the municipality names the staff who read. */
export async function setYoungPersonSeesStaffNames(db: Db, municipalityId: string, shown: boolean): Promise<void> {
  await db
    .updateTable('municipalities')
    .set({ young_person_sees_staff_names: shown })
    .where('id', '=', municipalityId)
    .execute();
}
