/**
 * Queries of group activities and attendance. Activities belong to a municipality and are read by
 * everyone there who works with young people; rosters and attendance of a session only under the
 * access module's `activityStaffedBy`, and a person's attendance only through `personVisibleTo`.
 */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { activityStaffedBy, rosterPersonVisibleTo, type Actor } from '../../access/access.js';
import type { Database } from '../../db/types.js';
import type { AttendanceStatus, SessionChange } from '../../../core/activities.js';

type Q = Kysely<Database>;

/**
 * The activities of the actor's municipality (or the one `activityId`), by title, with leaders' names, offer, unit,
 * enrolments today and whether the actor staffs it.
 */
export function selectActivities(
  db: Q,
  actor: Actor,
  where: { includeInactive: boolean } | { activityId: string },
  today: string,
) {
  let q = db
    .selectFrom('activities')
    .leftJoin('offers', 'offers.id', 'activities.offer_id')
    .leftJoin('units', 'units.id', 'activities.unit_id')
    .selectAll('activities')
    .select(['offers.name as offer_name', 'units.name as unit_name'])
    .select((eb) => [
      sql<
        { staffId: string; name: string }[]
      >`coalesce((select json_agg(json_build_object('staffId', s.id, 'name', s.name) order by s.name)
        from staff s where s.id = any(activities.leader_staff_ids)), '[]'::json)`.as('leaders'),
      sql<number>`(select count(*)::int from activity_enrolments e where e.activity_id = activities.id
        and e.from_on <= ${today} and (e.to_on is null or e.to_on >= ${today}))`.as('enrolled'),
      sql<boolean>`coalesce(${activityStaffedBy(actor)(eb)}, false)`.as('staffed'),
    ])
    .where('activities.municipality_id', '=', actor.municipalityId);
  if ('activityId' in where) q = q.where('activities.id', '=', where.activityId);
  else if (!where.includeInactive) q = q.where('activities.active', '=', true);
  return q.orderBy('activities.title').orderBy('activities.id').execute();
}
export type ActivityRow = Awaited<ReturnType<typeof selectActivities>>[number];

/** The activity if the actor staffs it (takes its attendance), locked for update when asked. */
export function selectStaffedActivity(db: Q, actor: Actor, activityId: string, lock = false) {
  let q = db
    .selectFrom('activities')
    .selectAll()
    .where('activities.id', '=', activityId)
    .where(activityStaffedBy(actor));
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** One activity of the municipality, locked for update when asked. */
export function selectActivityRow(db: Q, municipalityId: string, activityId: string, lock = false) {
  let q = db
    .selectFrom('activities')
    .selectAll()
    .where('id', '=', activityId)
    .where('municipality_id', '=', municipalityId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type ActivityTableRow = NonNullable<Awaited<ReturnType<typeof selectActivityRow>>>;

/** Changes to the activity's sessions (cancelled, moved). */
export async function selectSessionChanges(db: Q, activityId: string): Promise<SessionChange[]> {
  const rows = await db
    .selectFrom('activity_session_changes')
    .selectAll()
    .where('activity_id', '=', activityId)
    .execute();
  return rows.map((r) => ({
    occursOn: r.occurs_on,
    cancelled: r.cancelled,
    movedTo: r.moved_to ? { date: r.moved_to, start: r.moved_start!, end: r.moved_end! } : null,
    note: r.note,
  }));
}

/** Active staff of the municipality among `ids`. */
export function selectStaffOf(db: Q, municipalityId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('staff')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('active', '=', true)
    .where('id', 'in', ids)
    .execute();
}

/** The enrolments of the activity in the municipality (of one person, when given), by start. */
export function selectEnrolments(db: Q, municipalityId: string, activityId: string, personId?: string) {
  let q = db
    .selectFrom('activity_enrolments')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('activity_id', '=', activityId);
  if (personId) q = q.where('person_id', '=', personId);
  return q.orderBy('from_on').execute();
}

/** A person's enrolments not ended before `from`, with the activity's title, by first day. */
export function selectPersonEnrolments(db: Q, municipalityId: string, personId: string, from: string) {
  return db
    .selectFrom('activity_enrolments')
    .innerJoin('activities', 'activities.id', 'activity_enrolments.activity_id')
    .select([
      'activity_enrolments.id',
      'activity_enrolments.activity_id',
      'activities.title',
      'activity_enrolments.from_on',
      'activity_enrolments.to_on',
    ])
    .where('activity_enrolments.municipality_id', '=', municipalityId)
    .where('activity_enrolments.person_id', '=', personId)
    .where((eb) => eb.or([eb('activity_enrolments.to_on', 'is', null), eb('activity_enrolments.to_on', '>=', from)]))
    .orderBy('activity_enrolments.from_on')
    .orderBy('activities.title')
    .execute();
}

/**
 * The persons enrolled in the activity on `day`, and those with an entry in the session, with names: only those
 * the actor sees on a roster (`rosterPersonVisibleTo`); the others are left out.
 */
export function selectRoster(db: Q, actor: Actor, activityId: string, day: string, occursOn: string) {
  // The person's enrolment in the activity that covers `day`.
  const enrolledOn = (eb: ExpressionBuilder<Database, 'persons'>) =>
    eb
      .selectFrom('activity_enrolments as e')
      .select(sql`1`.as('one'))
      .whereRef('e.person_id', '=', 'persons.id')
      .where('e.municipality_id', '=', actor.municipalityId)
      .where('e.activity_id', '=', activityId)
      .where('e.from_on', '<=', day)
      .where((c) => c.or([c('e.to_on', 'is', null), c('e.to_on', '>=', day)]));
  return db
    .selectFrom('persons')
    .select(['persons.id', 'persons.given_name', 'persons.family_name'])
    .where(rosterPersonVisibleTo(actor))
    .select((eb) => eb.exists(enrolledOn(eb)).as('enrolled'))
    .where((eb) =>
      eb.or([
        eb.exists(enrolledOn(eb)),
        eb.exists(
          eb
            .selectFrom('attendance_entries as a')
            .select(sql`1`.as('one'))
            .whereRef('a.person_id', '=', 'persons.id')
            .where('a.municipality_id', '=', actor.municipalityId)
            .where('a.activity_id', '=', activityId)
            .where('a.occurs_on', '=', occursOn),
        ),
      ]),
    )
    .orderBy('persons.given_name')
    .orderBy('persons.family_name')
    .execute();
}

/**
 * The latest entry per person and per anonymous visitor of the activity's (the person's, or every activity's) sessions
 * planned from `from` to `to` (corrections win), in the municipality.
 */
export function selectLatestAttendance(
  db: Q,
  municipalityId: string,
  where:
    | { activityId: string; from: string; to: string }
    | { personId: string; from: string; to: string }
    | { from: string; to: string },
) {
  let q = db
    .selectFrom('attendance_entries')
    .select(['activity_id', 'occurs_on', 'person_id', 'anonymous_key', 'status', 'recorded_at'])
    .distinctOn(['activity_id', 'occurs_on', 'person_id', 'anonymous_key'])
    .where('municipality_id', '=', municipalityId)
    .where('occurs_on', '>=', where.from)
    .where('occurs_on', '<=', where.to);
  if ('activityId' in where) q = q.where('activity_id', '=', where.activityId);
  else if ('personId' in where) q = q.where('person_id', '=', where.personId);
  return q
    .orderBy('activity_id')
    .orderBy('occurs_on')
    .orderBy('person_id')
    .orderBy('anonymous_key')
    .orderBy('recorded_at', 'desc')
    .execute() as Promise<
    {
      activity_id: string;
      occurs_on: string;
      person_id: string | null;
      anonymous_key: string | null;
      status: AttendanceStatus;
      recorded_at: Date;
    }[]
  >;
}

/** The municipality's activities whose days overlap the period, ended ones too. */
export function selectActivitiesInPeriod(db: Q, municipalityId: string, from: string, to: string) {
  return db
    .selectFrom('activities')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('starts_on', '<=', to)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', from)]))
    .execute();
}

/** The changes to the sessions of the given activities, by activity. */
export async function selectSessionChangesOf(db: Q, activityIds: string[]): Promise<Map<string, SessionChange[]>> {
  const out = new Map<string, SessionChange[]>(activityIds.map((id) => [id, []]));
  if (activityIds.length === 0) return out;
  const rows = await db
    .selectFrom('activity_session_changes')
    .selectAll()
    .where('activity_id', 'in', activityIds)
    .execute();
  for (const r of rows)
    out.get(r.activity_id)?.push({
      occursOn: r.occurs_on,
      cancelled: r.cancelled,
      movedTo: r.moved_to ? { date: r.moved_to, start: r.moved_start!, end: r.moved_end! } : null,
      note: r.note,
    });
  return out;
}
