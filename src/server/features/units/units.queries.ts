/** SQL of units: a municipality's units, one unit, and the units that may still be chosen. */
import type { Unit } from '../../../core/schemas.js';
import type { Db } from '../../db/connection.js';

const COLUMNS = ['id', 'name', 'kind', 'kaa', 'active'] as const;

/** The municipality's units by name; deactivated ones only when `includeInactive`. */
export function unitsOf(db: Db, municipalityId: string, { includeInactive = false } = {}): Promise<Unit[]> {
  let q = db.selectFrom('units').select(COLUMNS).where('municipality_id', '=', municipalityId);
  if (!includeInactive) q = q.where('active', '=', true);
  return q.orderBy('name').execute();
}

/** One unit of the municipality, or undefined (also for another municipality's unit). */
export function unitOf(db: Db, municipalityId: string, unitId: string): Promise<Unit | undefined> {
  return db
    .selectFrom('units')
    .select(COLUMNS)
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', unitId)
    .executeTakeFirst();
}

/** The names of the municipality's units (active or not) with their ids, to compare a new name against. */
export function unitNamesOf(db: Db, municipalityId: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', municipalityId).execute();
}

/**
 * Of `unitIds`, those that are active units of the municipality and so may be chosen now. `keep`
 * is a unit already on the record: it stays allowed after it is deactivated, so an old record can
 * be saved unchanged.
 */
export async function choosableUnitIds(
  db: Db,
  municipalityId: string,
  unitIds: string[],
  keep: readonly (string | null)[] = [],
): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const kept = keep.filter((k): k is string => k !== null);
  const rows = await db
    .selectFrom('units')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', unitIds)
    .where((eb) => (kept.length ? eb.or([eb('active', '=', true), eb('id', 'in', kept)]) : eb('active', '=', true)))
    .execute();
  return rows.map((r) => r.id);
}
