/** Reads of the source lists and the register for reconciliation, a range of identity numbers at a time. */
import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';

/** The newest ready population list of the municipality, and all its ready enrolment lists. */
export async function readyImports(db: Db, municipalityId: string) {
  const rows = await db.selectFrom('imports').select(['id', 'kind']).where('municipality_id', '=', municipalityId).where('status', '=', 'ready').orderBy('created_at', 'desc').execute();
  return { population: rows.find((r) => r.kind === 'population')?.id ?? null, enrolments: rows.filter((r) => r.kind === 'enrolments').map((r) => r.id) };
}

/** Up to `limit` population rows of the snapshot after identity number `after`, in order. */
export function populationBatch(db: Db, importId: string, after: string, limit: number) {
  return db
    .selectFrom('population_rows')
    .select(['personal_identity_number as pnr', 'line', 'birth_date', 'given_name', 'family_name', 'street_address', 'postal_code', 'city', 'municipality_code', 'protected_identity', 'registered_since'])
    .where('import_id', '=', importId)
    .where('personal_identity_number', '>', after)
    .orderBy('personal_identity_number')
    .limit(limit)
    .execute();
}

/**
 * The municipality's persons whose number lies in (after, upTo] (or after `after` when upTo is
 * null), each with their open register period if they have one.
 */
export function personsInRange(db: Db, municipalityId: string, after: string, upTo: string | null) {
  let q = db
    .selectFrom('persons')
    .leftJoin('register_periods', (j) => j.onRef('register_periods.person_id', '=', 'persons.id').on('register_periods.left_on', 'is', null))
    .select([
      'persons.id as person_id',
      'persons.personal_identity_number as pnr',
      'persons.birth_date',
      'persons.given_name',
      'persons.family_name',
      'persons.street_address',
      'persons.postal_code',
      'persons.city',
      'persons.protected_identity',
      'register_periods.id as period_id',
    ])
    .where('persons.municipality_id', '=', municipalityId)
    .where('persons.personal_identity_number', '>', after);
  if (upTo !== null) q = q.where('persons.personal_identity_number', '<=', upTo);
  return q.orderBy('persons.personal_identity_number').execute();
}

/** The newest version of each enrolment (by person, school unit, type and start) in the range. */
export function enrolmentsIn(db: Db, importIds: string[], after: string, upTo: string | null) {
  if (importIds.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('enrolment_rows')
    .innerJoin('imports', 'imports.id', 'enrolment_rows.import_id')
    .distinctOn(['enrolment_rows.personal_identity_number', 'enrolment_rows.school_unit_code', 'enrolment_rows.school_type', 'enrolment_rows.start_date'])
    .select(['enrolment_rows.personal_identity_number as pnr', 'enrolment_rows.import_id', 'enrolment_rows.line', 'school_type', 'start_date', 'end_date', 'end_reason', 'qualification'])
    .where('enrolment_rows.import_id', 'in', importIds)
    .where('enrolment_rows.personal_identity_number', '>', after);
  if (upTo !== null) q = q.where('enrolment_rows.personal_identity_number', '<=', upTo);
  return q
    .orderBy('enrolment_rows.personal_identity_number')
    .orderBy('enrolment_rows.school_unit_code')
    .orderBy('enrolment_rows.school_type')
    .orderBy('enrolment_rows.start_date')
    .orderBy(sql`imports.created_at`, 'desc')
    .execute();
}

/** The register on a day: who was in it, since when and why. */
export function registerOn(db: Db, municipalityId: string, day: string) {
  return db
    .selectFrom('register_periods')
    .innerJoin('persons', 'persons.id', 'register_periods.person_id')
    .select(['persons.id as person_id', 'persons.personal_identity_number as pnr', 'register_periods.entry_reason', 'register_periods.entered_on'])
    .where('register_periods.municipality_id', '=', municipalityId)
    .where('register_periods.entered_on', '<=', day)
    .where((eb) => eb.or([eb('register_periods.left_on', 'is', null), eb('register_periods.left_on', '>', day)]))
    .orderBy('persons.personal_identity_number')
    .execute();
}
