/**
 * The access follow-up the supervisory authority expects, from the audit log: reads outside the
 * reader's own caseload, emergency access, unusually many persons read by one account in a day,
 * reads at night (Swedish time), and denied reads (a person opened without access, answered 404).
 * Reads are opened records and exports; listings are left out.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';

type Q = Kysely<Database>;
/** More distinct persons than this read by one account in one day is unusual. */
export const MANY_PERSONS_PER_DAY = 30;
/** Night: from 22:00 to 06:00 Swedish time. */
export const NIGHT = { from: 22, to: 6 };

const day = sql<string>`to_char((audit_log.at at time zone 'Europe/Stockholm')::date, 'YYYY-MM-DD')`;
const hour = sql<number>`extract(hour from audit_log.at at time zone 'Europe/Stockholm')`;

type Window = { municipalityId: string; from: string; to: string };

function reads(db: Q, w: Window) {
  return (
    db
      .selectFrom('audit_log')
      .innerJoin('staff as actor', 'actor.id', 'audit_log.actor_id')
      .where('audit_log.municipality_id', '=', w.municipalityId)
      .where('audit_log.action', 'in', ['read', 'export'])
      .where('audit_log.person_id', 'is not', null)
      // Administrators' own follow-up reads (this report, the audit log) are in the person's trail, not here.
      .where('audit_log.entity', 'not in', ['audit_log', 'access_review'])
      .where('audit_log.at', '>=', sql<Date>`${w.from}::date`)
      .where('audit_log.at', '<', sql<Date>`${w.to}::date + 1`)
  );
}

/** Rows of one report: who, whom (or null for per-account rows), which day, how many reads, and a detail. */
export type ReviewRow = {
  actor_id: string;
  actor_name: string;
  person_id: string | null;
  day: string;
  reads: number;
  detail: string | null;
};

/** Reads of persons outside the reader's own caseload: by the register, by consent or under emergency access. */
export function outsideCaseload(db: Q, w: Window): Promise<ReviewRow[]> {
  return reads(db, w)
    .where(sql<string>`audit_log.detail->>'basis'`, 'in', ['register', 'consent', 'emergency'])
    .select([
      'actor.id as actor_id',
      'actor.name as actor_name',
      'audit_log.person_id',
      day.as('day'),
      sql<number>`count(*)::int`.as('reads'),
      sql<string>`max(audit_log.detail->>'basis')`.as('detail'),
    ])
    .groupBy(['actor.id', 'actor.name', 'audit_log.person_id', day])
    .orderBy(day, 'desc')
    .limit(500)
    .execute();
}

/** Every emergency access opened, with its reason. */
export function emergencies(db: Q, w: Window): Promise<ReviewRow[]> {
  return db
    .selectFrom('emergency_access')
    .innerJoin('staff as actor', 'actor.id', 'emergency_access.staff_id')
    .select([
      'actor.id as actor_id',
      'actor.name as actor_name',
      'emergency_access.person_id',
      sql<string>`to_char((emergency_access.started_at at time zone 'Europe/Stockholm')::date, 'YYYY-MM-DD')`.as('day'),
      sql<number>`1`.as('reads'),
      'emergency_access.reason as detail',
    ])
    .where('emergency_access.municipality_id', '=', w.municipalityId)
    .where('emergency_access.started_at', '>=', sql<Date>`${w.from}::date`)
    .where('emergency_access.started_at', '<', sql<Date>`${w.to}::date + 1`)
    .orderBy('emergency_access.started_at', 'desc')
    .limit(500)
    .execute();
}

/** Accounts that read more than MANY_PERSONS_PER_DAY distinct persons in a day. */
export function manyPersons(db: Q, w: Window): Promise<ReviewRow[]> {
  return reads(db, w)
    .select([
      'actor.id as actor_id',
      'actor.name as actor_name',
      sql<null>`null::uuid`.as('person_id'),
      day.as('day'),
      sql<number>`count(distinct audit_log.person_id)::int`.as('reads'),
      sql<null>`null`.as('detail'),
    ])
    .groupBy(['actor.id', 'actor.name', day])
    .having(sql`count(distinct audit_log.person_id)`, '>', MANY_PERSONS_PER_DAY)
    .orderBy(day, 'desc')
    .limit(500)
    .execute();
}

/** Reads at night, per account and day. */
export function atNight(db: Q, w: Window): Promise<ReviewRow[]> {
  return reads(db, w)
    .where((eb) => eb.or([eb(hour, '>=', NIGHT.from), eb(hour, '<', NIGHT.to)]))
    .select([
      'actor.id as actor_id',
      'actor.name as actor_name',
      sql<null>`null::uuid`.as('person_id'),
      day.as('day'),
      sql<number>`count(*)::int`.as('reads'),
      sql<string>`to_char(min(audit_log.at at time zone 'Europe/Stockholm'), 'HH24:MI')`.as('detail'),
    ])
    .groupBy(['actor.id', 'actor.name', day])
    .orderBy(day, 'desc')
    .limit(500)
    .execute();
}

/**
 * Attempts to open a person without access (answered 404 like a person that does not exist), per account, person and
 * day.
 */
export function denied(db: Q, w: Window): Promise<ReviewRow[]> {
  return db
    .selectFrom('audit_log')
    .innerJoin('staff as actor', 'actor.id', 'audit_log.actor_id')
    .where('audit_log.municipality_id', '=', w.municipalityId)
    .where('audit_log.action', '=', 'denied')
    .where('audit_log.at', '>=', sql<Date>`${w.from}::date`)
    .where('audit_log.at', '<', sql<Date>`${w.to}::date + 1`)
    .select([
      'actor.id as actor_id',
      'actor.name as actor_name',
      'audit_log.person_id',
      day.as('day'),
      sql<number>`count(*)::int`.as('reads'),
      sql<null>`null`.as('detail'),
    ])
    .groupBy(['actor.id', 'actor.name', 'audit_log.person_id', day])
    .orderBy(day, 'desc')
    .limit(500)
    .execute();
}
