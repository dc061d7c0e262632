/** SQL of emergency access: the accesses, the requests past the day's limit, and staff alerts. */
import { sql } from 'kysely';
import type { Role } from '../../../core/roles.js';
import type { Db } from '../../db/connection.js';

/** Whether the unit is one of the KAA's own. */
export async function isKaaUnit(db: Db, unitId: string): Promise<boolean> {
  const row = await db
    .selectFrom('units')
    .select('id')
    .where('id', '=', unitId)
    .where('kaa', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts an access for the municipality's number of hours from now; returns its id and end. */
export function insertEmergencyAccess(
  db: Db,
  access: { municipalityId: string; personId: string; staffId: string; reason: string },
) {
  return db
    .insertInto('emergency_access')
    .values({
      municipality_id: access.municipalityId,
      person_id: access.personId,
      staff_id: access.staffId,
      reason: access.reason,
      ends_at: sql<Date>`now() + make_interval(hours => (select emergency_access_hours from municipalities
        where id = ${access.municipalityId}))`,
    })
    .returning(['id', 'ends_at'])
    .executeTakeFirstOrThrow();
}

/** The contact person of the person's latest case that has one, or undefined. */
export async function latestContactPersonOf(db: Db, personId: string): Promise<string | null | undefined> {
  const row = await db
    .selectFrom('cases')
    .select('contact_person_id')
    .where('person_id', '=', personId)
    .where('contact_person_id', 'is not', null)
    .orderBy('opened_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.contact_person_id;
}

/** The id of the municipality's person with this id or identity number, or undefined. */
export async function personIdOf(
  db: Db,
  municipalityId: string,
  target: { personId: string } | { personalIdentityNumber: string },
): Promise<string | undefined> {
  let q = db.selectFrom('persons').select(['persons.id']).where('persons.municipality_id', '=', municipalityId);
  q =
    'personId' in target
      ? q.where('persons.id', '=', target.personId)
      : q.where('persons.personal_identity_number', '=', target.personalIdentityNumber);
  return (await q.executeTakeFirst())?.id;
}

/** Waits until no other transaction opens emergency access for the staff member, until this one ends. */
export async function lockEmergencyAccessOf(db: Db, staffId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`emergency:${staffId}`}))`.execute(db);
}

/** The staff member's access to the person that is still open, or undefined. */
export function openAccessOf(db: Db, staffId: string, personId: string) {
  return db
    .selectFrom('emergency_access')
    .select(['id', 'ends_at'])
    .where('staff_id', '=', staffId)
    .where('person_id', '=', personId)
    .where('ends_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/** How many persons the staff member has opened emergency access to today (Swedish time). */
export async function personsOpenedToday(db: Db, staffId: string): Promise<number> {
  const row = await db
    .selectFrom('emergency_access')
    .select(sql<number>`count(distinct person_id)::int`.as('n'))
    .where('staff_id', '=', staffId)
    .where(
      sql<boolean>`started_at >= (date_trunc('day',
        now() at time zone 'Europe/Stockholm') at time zone 'Europe/Stockholm')`,
    )
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The staff member's request for the person that still waits, or undefined. */
export function pendingRequestOf(db: Db, staffId: string, personId: string) {
  return db
    .selectFrom('emergency_requests')
    .select('id')
    .where('staff_id', '=', staffId)
    .where('person_id', '=', personId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/** Inserts a request waiting for a coordinator; returns its id. */
export async function insertEmergencyRequest(
  db: Db,
  request: { municipalityId: string; personId: string; staffId: string; reason: string },
): Promise<string> {
  const row = await db
    .insertInto('emergency_requests')
    .values({
      municipality_id: request.municipalityId,
      person_id: request.personId,
      staff_id: request.staffId,
      reason: request.reason,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The municipality's waiting requests, oldest first (at most 100), but not those of `exceptStaffId`. */
export function pendingRequestsOf(db: Db, municipalityId: string, exceptStaffId: string) {
  return db
    .selectFrom('emergency_requests as r')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .select([
      'r.id',
      'r.reason',
      'r.created_at',
      'p.id as person_id',
      'p.given_name',
      'p.family_name',
      's.id as staff_id',
      's.name as staff_name',
    ])
    .where('r.municipality_id', '=', municipalityId)
    .where('r.status', '=', 'pending')
    .where('r.staff_id', '<>', exceptStaffId)
    .orderBy('r.created_at')
    .limit(100)
    .execute();
}

/** One request of the municipality, locked, with its requester's account; or undefined. */
export function requestForDecision(db: Db, municipalityId: string, requestId: string) {
  return db
    .selectFrom('emergency_requests as r')
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .select([
      'r.id',
      'r.status',
      'r.person_id',
      'r.reason',
      's.id as staff_id',
      's.name as staff_name',
      's.active as staff_active',
      's.role as staff_role',
      's.unit_id as staff_unit_id',
    ])
    .where('r.id', '=', requestId)
    .where('r.municipality_id', '=', municipalityId)
    .forUpdate()
    .executeTakeFirst();
}

/** Records the decision on a request, now, with the access it opened (if any). */
export async function markRequestDecided(
  db: Db,
  requestId: string,
  decision: { status: 'approved' | 'denied'; decidedBy: string; accessId: string | null },
): Promise<void> {
  await db
    .updateTable('emergency_requests')
    .set({
      status: decision.status,
      decided_by: decision.decidedBy,
      decided_at: sql`now()`,
      emergency_access_id: decision.accessId,
    })
    .where('id', '=', requestId)
    .execute();
}

/** The ids of the active staff of the municipality in one of `roles`. */
export async function activeStaffIdsIn(db: Db, municipalityId: string, roles: Role[]): Promise<string[]> {
  const rows = await db
    .selectFrom('staff')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('role', 'in', roles)
    .where('active', '=', true)
    .execute();
  return rows.map((r) => r.id);
}

/** Inserts one alert of `kind` for each of `staffIds`. */
export async function insertAlerts(
  db: Db,
  alert: { municipalityId: string; kind: string; personId: string | null; payload: string },
  staffIds: string[],
): Promise<void> {
  await db
    .insertInto('staff_alerts')
    .values(
      staffIds.map((staff_id) => ({
        municipality_id: alert.municipalityId,
        staff_id,
        kind: alert.kind,
        person_id: alert.personId,
        payload: alert.payload,
      })),
    )
    .execute();
}

/** The staff member's unread alerts, newest first (at most 50). */
export function unreadAlertsOf(db: Db, staffId: string) {
  return db
    .selectFrom('staff_alerts')
    .select(['id', 'kind', 'person_id', 'payload', 'created_at'])
    .where('staff_id', '=', staffId)
    .where('read_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}

/** Marks one of the staff member's alerts read; false when they have no such alert. */
export async function markAlertReadRow(db: Db, staffId: string, alertId: string): Promise<boolean> {
  const updated = await db
    .updateTable('staff_alerts')
    .set({ read_at: sql`now()` })
    .where('id', '=', alertId)
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}
