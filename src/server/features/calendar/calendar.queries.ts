/** SQL of the calendar: centres, meetings, and staff members' iCal feeds. */
import { sql, type Insertable } from 'kysely';
import { addDays } from '../../../core/outreach.js';
import { personManagedBy, personVisibleTo, type Actor } from '../../access/access.js';
import type { Db } from '../../db/connection.js';
import type { MeetingsTable } from '../../db/types.js';

/** The municipality's centres by name. */
export function centresOf(db: Db, municipalityId: string) {
  return db
    .selectFrom('centres')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('name')
    .execute();
}

/** Inserts a centre; a name in use throws a unique violation. */
export function insertCentre(db: Db, municipalityId: string, name: string) {
  return db
    .insertInto('centres')
    .values({ municipality_id: municipalityId, name })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

/** Whether the centre is one of the municipality's. */
export async function isCentreOf(db: Db, municipalityId: string, centreId: string): Promise<boolean> {
  const row = await db
    .selectFrom('centres')
    .select('id')
    .where('id', '=', centreId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the actor manages the person (and so may book a meeting with them). */
export async function isPersonManagedBy(db: Db, actor: Actor, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('persons')
    .select('persons.id')
    .where('persons.id', '=', personId)
    .where(personManagedBy(actor))
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts a meeting; returns its id. */
export async function insertMeeting(db: Db, meeting: Insertable<MeetingsTable>): Promise<string> {
  const row = await db.insertInto('meetings').values(meeting).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A meeting of the municipality not yet cancelled that the actor may cancel: any for a
 * coordinator, else one they booked or take part in; or undefined.
 */
export function cancellableMeeting(db: Db, actor: Actor, meetingId: string) {
  let q = db
    .selectFrom('meetings')
    .select(['id', 'version', 'person_id'])
    .where('id', '=', meetingId)
    .where('municipality_id', '=', actor.municipalityId)
    .where('cancelled_at', 'is', null);
  if (actor.role !== 'coordinator')
    q = q.where((eb) =>
      eb.or([eb('staff_id', '=', actor.id), eb('second_staff_id', '=', actor.id), eb('created_by', '=', actor.id)]),
    );
  return q.executeTakeFirst();
}

/** Cancels a meeting still at `version`; false when it was not. */
export async function markMeetingCancelled(db: Db, meetingId: string, version: number): Promise<boolean> {
  const done = await db
    .updateTable('meetings')
    .set({ cancelled_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', meetingId)
    .where('version', '=', version)
    .executeTakeFirst();
  return done.numUpdatedRows > 0n;
}

/**
 * The municipality's meetings not cancelled that overlap the days `from` to `to`, of a centre or
 * else of a staff member, by start (at most 1,000), each saying whether the actor may see its person.
 */
export function meetingsBetween(
  db: Db,
  actor: Actor,
  q: { from: string; to: string; centreId?: string | undefined; staffId: string },
) {
  let query = db
    .selectFrom('meetings')
    .innerJoin('staff as s1', 's1.id', 'meetings.staff_id')
    .leftJoin('staff as s2', 's2.id', 'meetings.second_staff_id')
    .leftJoin('centres', 'centres.id', 'meetings.centre_id')
    .leftJoin('persons', 'persons.id', 'meetings.person_id')
    .select([
      'meetings.id',
      'meetings.kind',
      'meetings.starts_at',
      'meetings.ends_at',
      'meetings.version',
      sql<string | null>`to_char(meetings.notice_due_on, 'YYYY-MM-DD')`.as('notice_due_on'),
      's1.id as staff_id',
      's1.name as staff_name',
      's2.id as second_id',
      's2.name as second_name',
      'centres.id as centre_id',
      'centres.name as centre_name',
      'persons.id as person_id',
      'persons.given_name',
      'persons.family_name',
    ])
    .select((eb) =>
      eb.and([eb('persons.id', 'is not', null), personVisibleTo(actor)(eb as never)]).as('person_visible'),
    )
    .where('meetings.municipality_id', '=', actor.municipalityId)
    .where('meetings.cancelled_at', 'is', null)
    .where('meetings.starts_at', '<', sql<Date>`(${addDays(q.to, 1)}::date)::timestamptz`)
    .where('meetings.ends_at', '>', sql<Date>`(${q.from}::date)::timestamptz`);
  if (q.centreId) query = query.where('meetings.centre_id', '=', q.centreId);
  else {
    const staffId = q.staffId;
    query = query.where((eb) =>
      eb.or([eb('meetings.staff_id', '=', staffId), eb('meetings.second_staff_id', '=', staffId)]),
    );
  }
  return query.orderBy('meetings.starts_at').limit(1000).execute();
}

/** When the staff member's feed address was made, or undefined when they have none. */
export function feedOf(db: Db, staffId: string) {
  return db.selectFrom('calendar_feeds').select('created_at').where('staff_id', '=', staffId).executeTakeFirst();
}

/** Stores the hash of the staff member's new feed token in place of any earlier one. */
export function upsertFeed(db: Db, staffId: string, tokenHash: string) {
  return db
    .insertInto('calendar_feeds')
    .values({ staff_id: staffId, token_hash: tokenHash })
    .onConflict((oc) => oc.column('staff_id').doUpdateSet({ token_hash: tokenHash, created_at: sql`now()` }))
    .returning('created_at')
    .executeTakeFirstOrThrow();
}

/** Deletes the staff member's feed. */
export async function deleteFeed(db: Db, staffId: string): Promise<void> {
  await db.deleteFrom('calendar_feeds').where('staff_id', '=', staffId).execute();
}

/** The active staff member whose feed token has `tokenHash`, or undefined. */
export function feedOwner(db: Db, tokenHash: string) {
  return db
    .selectFrom('calendar_feeds')
    .innerJoin('staff', 'staff.id', 'calendar_feeds.staff_id')
    .select(['staff.id', 'staff.municipality_id'])
    .where('calendar_feeds.token_hash', '=', tokenHash)
    .where('staff.active', '=', true)
    .executeTakeFirst();
}

/** The staff member's meetings not cancelled from 30 days back to 180 ahead, by start, with their centre. */
export function feedMeetingsOf(db: Db, staffId: string) {
  return db
    .selectFrom('meetings')
    .leftJoin('centres', 'centres.id', 'meetings.centre_id')
    .select(['meetings.id', 'meetings.kind', 'meetings.starts_at', 'meetings.ends_at', 'centres.name as centre'])
    .where((eb) => eb.or([eb('meetings.staff_id', '=', staffId), eb('meetings.second_staff_id', '=', staffId)]))
    .where('meetings.cancelled_at', 'is', null)
    .where('meetings.ends_at', '>', sql<Date>`now() - interval '30 days'`)
    .where('meetings.starts_at', '<', sql<Date>`now() + interval '180 days'`)
    .orderBy('meetings.starts_at')
    .execute();
}
