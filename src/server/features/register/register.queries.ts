/** Reads of the source lists and the register that reconciliation and the register views need. */
import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { Coverage } from './register-facts.js';

/** The newest ready population list of the municipality, and all its ready enrolment lists (none of them culled). */
export async function readyImports(db: Db, municipalityId: string) {
  const rows = await db
    .selectFrom('imports')
    .select(['id', 'kind'])
    .where('municipality_id', '=', municipalityId)
    .where('status', '=', 'ready')
    .where('culled_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  return {
    population: rows.find((r) => r.kind === 'population')?.id ?? null,
    enrolments: rows.filter((r) => r.kind === 'enrolments').map((r) => r.id),
  };
}

/**
 * For each school unit the ready enrolment lists cover, the newest list that covers it and the
 * day before it was imported: that list alone says who is enrolled there now, so an enrolment it
 * no longer has ended by that day at the latest.
 */
export async function schoolUnitCoverage(db: Db, enrolmentImportIds: string[]): Promise<Coverage> {
  if (enrolmentImportIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('import_school_units')
    .innerJoin('imports', 'imports.id', 'import_school_units.import_id')
    .distinctOn('import_school_units.school_unit_code')
    .select([
      'import_school_units.school_unit_code as unit',
      'imports.id',
      sql<string>`((imports.created_at at time zone 'Europe/Stockholm')::date - 1)::text`.as('ended_by'),
    ])
    .where('imports.id', 'in', enrolmentImportIds)
    .orderBy('import_school_units.school_unit_code')
    .orderBy('imports.created_at', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.unit, { importId: r.id, endedBy: r.ended_by }]));
}

/** The register on a day: who was in it, since when and why. */
export function registerOn(db: Db, municipalityId: string, day: string) {
  return db
    .selectFrom('register_periods')
    .innerJoin('persons', 'persons.id', 'register_periods.person_id')
    .select([
      'persons.id as person_id',
      'persons.personal_identity_number as pnr',
      'register_periods.entry_reason',
      'register_periods.entered_on',
    ])
    .where('register_periods.municipality_id', '=', municipalityId)
    .where('register_periods.entered_on', '<=', day)
    .where((eb) => eb.or([eb('register_periods.left_on', 'is', null), eb('register_periods.left_on', '>', day)]))
    .orderBy('persons.personal_identity_number')
    .execute();
}

/** A person as a reconciliation names them: by name and identity number, and whether their identity is protected. */
export type NamedPerson = { name: string; protectedIdentity: boolean };

/**
 * Names of the persons a reconciliation touches: those in the population list `populationImportId`
 * by identity number (`pnrs`), and persons of Lotsa by id (`personIds`). A protected identity in
 * either counts. Keyed by identity number.
 */
export async function namesOf(
  db: Db,
  populationImportId: string,
  pnrs: string[],
  personIds: string[],
): Promise<Map<string, NamedPerson>> {
  const named = new Map<string, NamedPerson>();
  const add = (
    rows: { pnr: string; given_name: string | null; family_name: string | null; protected_identity: boolean }[],
    prefer: boolean,
  ) => {
    for (const r of rows) {
      const pnr = r.pnr.trim();
      const name = [r.given_name, r.family_name].filter(Boolean).join(' ');
      const known = named.get(pnr);
      named.set(pnr, {
        name: known && !prefer ? known.name || name : name || known?.name || '',
        protectedIdentity: r.protected_identity || Boolean(known?.protectedIdentity),
      });
    }
  };
  if (personIds.length) {
    const { rows } = await sql<{
      pnr: string;
      given_name: string | null;
      family_name: string | null;
      protected_identity: boolean;
    }>`
      select personal_identity_number as pnr, given_name, family_name, protected_identity from persons
        where id = any(${personIds}::uuid[])`.execute(db);
    add(rows, false);
  }
  if (pnrs.length) {
    // The newest list's name wins: it is the one the register takes.
    const { rows } = await sql<{
      pnr: string;
      given_name: string | null;
      family_name: string | null;
      protected_identity: boolean;
    }>`
      select personal_identity_number as pnr, given_name, family_name, protected_identity from population_rows
      where import_id = ${populationImportId} and personal_identity_number = any(${pnrs}::bpchar[])`.execute(db);
    add(rows, true);
  }
  return named;
}

/** A job of `staffId` in `municipalityId`, or undefined: no one reads another's job. */
export function jobOfStaff(
  db: Db,
  { municipalityId, staffId, jobId }: { municipalityId: string; staffId: string; jobId: string },
) {
  return db
    .selectFrom('jobs')
    .select(['id', 'kind', 'status', 'progress', 'total', 'result', 'error'])
    .where('id', '=', jobId)
    .where('municipality_id', '=', municipalityId)
    .where('created_by', '=', staffId)
    .executeTakeFirst();
}
