/**
 * The team meeting's queries. The agenda is what Lotsa finds for a team on the meeting's day; each row
 * about a young person carries whether the reader may see it in the row's category (the access
 * module's condition, in SQL), and the outer query hands out the person, day and text only when so.
 *
 * The team's cases: open cases in the team, or held by one of its members as contact person.
 */
import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import { addDays } from '../../../core/outreach.js';
import { MEASURE_ENDING_DAYS } from '../../../core/measures.js';
import { AGENDA_ITEM_KINDS, NOT_REACHED_DAYS, type AgendaItemKind } from '../../../core/team-meeting.js';
import { categoryVisibleTo, rowCategoryVisibleTo, teamMeetingReadableBy, type Actor } from '../../access/access.js';
import type { ConsentCategory } from '../../../core/consent.js';
import type { Db } from '../../db/connection.js';
import type { Database } from '../../db/types.js';
import { reachedInPeriod } from '../queues/queues.queries.js';
import { planFollowUpOn } from '../plans/plan-queues.js';

/** A team of the municipality with its series and lead, when the actor reads its meetings. */
export function selectTeam(db: Db, actor: Actor, teamId: string) {
  return db
    .selectFrom('teams')
    .leftJoin('staff as lead', 'lead.id', 'teams.meeting_lead_id')
    .select([
      'teams.id',
      'teams.name',
      'teams.meeting_weekday',
      'teams.meeting_time',
      'teams.meeting_place',
      'teams.meeting_lead_id',
      'teams.meeting_series_version',
      'lead.name as lead_name',
    ])
    .where('teams.id', '=', teamId)
    .where('teams.municipality_id', '=', actor.municipalityId)
    .where(teamMeetingReadableBy(actor))
    .executeTakeFirst();
}

/** A meeting of the municipality with its team and lead, when the actor reads it. */
export function selectMeeting(db: Db, actor: Actor, meetingId: string) {
  return db
    .selectFrom('team_meetings as tm')
    .innerJoin('teams', 'teams.id', 'tm.team_id')
    .leftJoin('staff as lead', 'lead.id', 'tm.lead_id')
    .select([
      'tm.id',
      'tm.team_id',
      'teams.name as team_name',
      'tm.held_on',
      'tm.meeting_time',
      'tm.place',
      'tm.lead_id',
      'lead.name as lead_name',
    ])
    .where('tm.id', '=', meetingId)
    .where('tm.municipality_id', '=', actor.municipalityId)
    .where(teamMeetingReadableBy(actor, sql.ref('tm.lead_id')))
    .executeTakeFirst();
}

/** True when the staff member is a member of the team. */
export async function isMember(db: Db, teamId: string, staffId: string): Promise<boolean> {
  return Boolean(
    await db
      .selectFrom('team_members')
      .select('staff_id')
      .where('team_id', '=', teamId)
      .where('staff_id', '=', staffId)
      .executeTakeFirst(),
  );
}

/** The team's meetings, latest first, with how many decisions each has. */
export function selectMeetings(db: Db, municipalityId: string, teamId: string) {
  return db
    .selectFrom('team_meetings as tm')
    .leftJoin('staff as lead', 'lead.id', 'tm.lead_id')
    .select(['tm.id', 'tm.held_on', 'tm.meeting_time', 'tm.place', 'tm.lead_id', 'lead.name as lead_name'])
    .select(
      sql<number>`(select count(*)::int from team_meeting_decisions d where d.meeting_id = tm.id)`.as('decisions'),
    )
    .where('tm.team_id', '=', teamId)
    .where('tm.municipality_id', '=', municipalityId)
    .orderBy('tm.held_on', 'desc')
    .limit(200)
    .execute();
}

/** The team's members with their unit, and whether each attended the meeting. */
export function selectMembers(db: Db, teamId: string, meetingId: string) {
  return db
    .selectFrom('team_members')
    .innerJoin('staff', 'staff.id', 'team_members.staff_id')
    .leftJoin('units', 'units.id', 'staff.unit_id')
    .select(['staff.id', 'staff.name', 'staff.role', 'units.name as unit_name'])
    .select(
      sql<boolean>`exists (select 1 from team_meeting_attendees a
        where a.meeting_id = ${meetingId} and a.staff_id = staff.id)`.as('present'),
    )
    .where('team_members.team_id', '=', teamId)
    .orderBy('staff.name')
    .execute();
}

/** Everyone recorded as attending: staff (members or not) and guests. */
export function selectAttendees(db: Db, municipalityId: string, meetingId: string) {
  return db
    .selectFrom('team_meeting_attendees as a')
    .leftJoin('staff', 'staff.id', 'a.staff_id')
    .leftJoin('units', 'units.id', 'staff.unit_id')
    .select(['a.staff_id', 'staff.name as staff_name', 'staff.role as staff_role', 'units.name as unit_name'])
    .select(['a.guest_name', 'a.guest_role'])
    .where('a.meeting_id', '=', meetingId)
    .where('a.municipality_id', '=', municipalityId)
    .orderBy('a.guest_name')
    .orderBy('staff.name')
    .execute();
}

/** Open cases of the team: in it, or held by one of its members. */
const teamCase = (teamId: string) =>
  sql<SqlBool>`cases.closed_at is null and (cases.team_id = ${teamId}
    or cases.contact_person_id in (select tmm.staff_id from team_members tmm where tmm.team_id = ${teamId}))`;

const named = sql<string>`persons.given_name || ' ' || persons.family_name`;
/** The access condition for a row of a fixed category, or of the category its own column names. */
const visibleIn = (actor: Actor, category: ConsentCategory | Expression<string>) => {
  const eb = expressionBuilder<Database, 'persons'>();
  return typeof category === 'string'
    ? categoryVisibleTo(actor, category)(eb)
    : rowCategoryVisibleTo(actor, category)(eb);
};

/** One agenda row before masking. */
type RawItem = {
  kind: AgendaItemKind;
  item_id: string | null;
  person_id: string | null;
  name: string | null;
  day: string | null;
  text: string | null;
  added_by: string | null;
  shown: boolean;
};

/**
 * The agenda of `meeting` as `actor` sees it: new applications to the team (received, on the agenda,
 * on the waiting list); the team's cases whose plan follow-up is due by the meeting's day; its young
 * people in the register not reached `NOT_REACHED_DAYS` after entering; its running measures whose
 * planned end falls within `MEASURE_ENDING_DAYS` of the meeting (or has passed); and the members' items.
 * A row the actor may not see comes back with kind and `shown` false only.
 */
export async function selectAgenda(db: Db, actor: Actor, meeting: { id: string; team_id: string; held_on: string }) {
  const m = actor.municipalityId;
  const t = meeting.team_id;
  const heldOn = meeting.held_on;
  const applications = sql<RawItem>`select 'application' as kind, a.id as item_id, persons.id as person_id,
      ${named} as name,
      a.signed_on as day, null::text as text, null::text as added_by,
      coalesce(${visibleIn(actor, 'assessment_plan')}, false) as shown
    from applications a join persons on persons.id = a.person_id
    where a.municipality_id = ${m} and a.team_id = ${t} and a.status in ('received', 'on_agenda', 'waiting_list')`;
  const followUps = sql<RawItem>`select 'follow_up_due', cases.id, persons.id, ${named}, ${planFollowUpOn}, null, null,
      coalesce(${visibleIn(actor, 'assessment_plan')}, false)
    from cases join persons on persons.id = cases.person_id
    where cases.municipality_id = ${m} and ${teamCase(t)} and ${planFollowUpOn} <= ${heldOn}::date`;
  const notReached = sql<RawItem>`select 'not_reached', rp.id, persons.id, ${named}, rp.entered_on, null, null,
      coalesce(${visibleIn(actor, 'contact_occupation')}, false)
    from register_periods rp join persons on persons.id = rp.person_id join cases on cases.person_id = persons.id
    where rp.municipality_id = ${m} and rp.left_on is null and ${teamCase(t)}
      and rp.entered_on <= ${addDays(heldOn, -NOT_REACHED_DAYS)}::date and not ${reachedInPeriod}`;
  const measures = sql<RawItem>`select 'measure_ending', ms.id, persons.id, ${named}, ms.planned_end_on, o.name, null,
      coalesce(${visibleIn(actor, sql`ms.category`)}, false)
    from measures ms join offers o on o.id = ms.offer_id join persons on persons.id = ms.person_id
      join cases on cases.person_id = persons.id
    where ms.municipality_id = ${m} and ms.ended_on is null and ${teamCase(t)}
      and ms.planned_end_on <= ${addDays(heldOn, MEASURE_ENDING_DAYS)}::date`;
  const items = sql<RawItem>`select i.kind, i.id, persons.id, ${named}, null::date, i.text, s.name,
      (i.person_id is null or coalesce(${visibleIn(actor, sql`i.category`)}, false))
    from team_meeting_items i left join persons on persons.id = i.person_id left join staff s on s.id = i.added_by
    where i.meeting_id = ${meeting.id} and i.municipality_id = ${m}`;
  const order = sql.join(AGENDA_ITEM_KINDS.map((k) => sql`${k}`));
  const { rows } = await sql<RawItem>`select kind, shown,
      case when shown then item_id end as item_id, case when shown then person_id end as person_id,
      case when shown then name end as name, case when shown then day::text end as day,
      case when shown then text end as text, case when shown then added_by end as added_by
    from (${applications} union all ${followUps} union all ${notReached}
      union all ${measures} union all ${items}) agenda
    order by array_position(array[${order}]::text[], kind), shown desc,
      case when shown then day end nulls last, case when shown then name end`.execute(db);
  return rows;
}

/** The meeting's decisions, oldest first; the person and text only where `actor` may see the decision's category. */
export async function selectDecisions(db: Db, actor: Actor, meetingId: string) {
  const inner = sql`select d.id, d.kind, d.application_id, d.text, d.decided_at, s.name as decided_by,
      persons.id as person_id,
      ${named} as name, coalesce(${visibleIn(actor, sql`d.category`)}, false) as shown
    from team_meeting_decisions d join persons on persons.id = d.person_id left join staff s on s.id = d.decided_by
    where d.meeting_id = ${meetingId} and d.municipality_id = ${actor.municipalityId}`;
  const { rows } = await sql<{
    id: string;
    kind: string;
    shown: boolean;
    person_id: string | null;
    name: string | null;
    application_id: string | null;
    text: string | null;
    decided_by: string | null;
    decided_at: Date;
  }>`select id, kind, shown, decided_by, decided_at, case when shown then person_id end as person_id,
      case when shown then name end as name, case when shown then application_id end as application_id,
      case when shown then text end as text
    from (${inner}) decisions order by decided_at, id`.execute(db);
  return rows;
}
