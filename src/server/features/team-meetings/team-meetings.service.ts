/**
 * The team meeting (issue 16): a team's meeting series and lead, its meetings, the agenda Lotsa builds,
 * who attended, and the decisions the lead records. Coordinators and the team's members read a meeting;
 * the lead (or a coordinator) records attendance and decisions. Every item about a young person is shown
 * to each reader only as far as the access module lets them see it (`team-meetings.queries.ts`).
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import { FINAL_APPLICATION_STATUSES } from '../../../core/consent-schemas.js';
import type { FieldMessageKey } from '../../../core/errors.js';
import { decidesApplication, decisionCategory } from '../../../core/team-meeting.js';
import type {
  agendaItemBody,
  attendanceBody,
  decisionBody,
  meetingSeriesBody,
  TeamMeeting,
  TeamMeetings,
  teamMeetingBody,
} from '../../../core/team-meeting-schemas.js';
import { categoryVisibleTo, personManagedBy, requireCapability, type Actor } from '../../access/access.js';
import type { Db } from '../../db/connection.js';
import { eventRow } from '../../db/events.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { AppError } from '../../http/app-error.js';
import { audited, type RequestContext } from '../../http/context.js';
import { moveApplication } from '../applications/applications.service.js';
import { findContactPerson } from '../cases/cases.service.js';
import { createMeasure } from '../measures/measures.service.js';
import { createReferral } from '../measures/referrals.service.js';
import { closeCase } from '../outcomes/outcomes.service.js';
import {
  isMember,
  selectAgenda,
  selectAttendees,
  selectDecisions,
  selectMeeting,
  selectMeetings,
  selectMembers,
  selectTeam,
} from './team-meetings.queries.js';

const invalid = (field: string, code: FieldMessageKey = 'invalid') =>
  new AppError('validation_failed', [{ field, code }]);

/** The team, when the actor reads its meetings (`teamMeetingReadableBy`); 404 otherwise, as for a missing one. */
async function readableTeam(db: Db, actor: Actor, teamId: string) {
  requireCapability(actor, 'persons.browse');
  const team = await selectTeam(db, actor, teamId);
  if (!team) throw new AppError('not_found');
  return team;
}

/** The meeting, when the actor reads it (404 otherwise), and whether they may record its attendance and decisions. */
export async function readableMeeting(db: Db, actor: Actor, meetingId: string) {
  requireCapability(actor, 'persons.browse');
  const meeting = await selectMeeting(db, actor, meetingId);
  if (!meeting) throw new AppError('not_found');
  return { meeting, mayDecide: actor.role === 'coordinator' || meeting.lead_id === actor.id };
}

/** The team's series, lead and meetings, latest first. */
export async function listTeamMeetings(ctx: RequestContext, teamId: string): Promise<TeamMeetings> {
  const team = await readableTeam(ctx.db, ctx.actor, teamId);
  const meetings = await selectMeetings(ctx.db, ctx.actor.municipalityId, team.id);
  return {
    team: { id: team.id, name: team.name },
    series: {
      weekday: team.meeting_weekday,
      time: team.meeting_time,
      place: team.meeting_place,
      lead: team.meeting_lead_id ? { id: team.meeting_lead_id, name: team.lead_name ?? '' } : null,
      version: team.meeting_series_version,
    },
    mayManage: ctx.actor.role === 'coordinator' || team.meeting_lead_id === ctx.actor.id,
    meetings: meetings.map((m) => ({
      id: m.id,
      heldOn: m.held_on,
      time: m.meeting_time,
      place: m.place,
      lead: m.lead_id ? { id: m.lead_id, name: m.lead_name ?? '' } : null,
      decisions: m.decisions,
    })),
  };
}

/** Only a coordinator or the series' lead changes the series and creates meetings. */
function requireManager(actor: Actor, team: { meeting_lead_id: string | null }) {
  if (actor.role !== 'coordinator' && team.meeting_lead_id !== actor.id) throw new AppError('forbidden');
}

/**
 * Sets when and where the team meets and who leads: a member of the team, or a coordinator. Made on the
 * series' version as read; a stale version is 409 `version_conflict`, with nothing changed.
 */
export async function setMeetingSeries(
  ctx: RequestContext,
  teamId: string,
  input: z.infer<typeof meetingSeriesBody>,
): Promise<void> {
  await audited(ctx, async ({ trx, audit }) => {
    const team = await readableTeam(trx, ctx.actor, teamId);
    requireManager(ctx.actor, team);
    const lead = await trx
      .selectFrom('staff')
      .select(['id', 'role'])
      .where('id', '=', input.leadId)
      .where('municipality_id', '=', ctx.actor.municipalityId)
      .where('active', '=', true)
      .executeTakeFirst();
    if (team.meeting_series_version !== input.version) throw new AppError('version_conflict');
    if (!lead || (lead.role !== 'coordinator' && !(await isMember(trx, team.id, lead.id)))) throw invalid('leadId');
    // Made on the version read: a change someone saved meanwhile is a 409, not overwritten unseen.
    const updated = await trx
      .updateTable('teams')
      .set({
        meeting_weekday: input.weekday,
        meeting_time: input.time,
        meeting_place: input.place,
        meeting_lead_id: lead.id,
        meeting_series_version: sql`meeting_series_version + 1`,
      })
      .where('id', '=', team.id)
      .where('meeting_series_version', '=', input.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('version_conflict');
    await audit({
      action: 'update',
      entity: 'team',
      entityId: team.id,
      detail: {
        meetingSeries: { weekday: input.weekday, time: input.time, leadId: lead.id, version: input.version + 1 },
      },
    });
  });
}

/** Creates the team's meeting on a day (one a day); time, place and lead come from the series unless given. */
export async function createTeamMeeting(
  ctx: RequestContext,
  teamId: string,
  input: z.infer<typeof teamMeetingBody>,
): Promise<{ id: string }> {
  try {
    return await audited(ctx, async ({ trx, audit }) => {
      const team = await readableTeam(trx, ctx.actor, teamId);
      requireManager(ctx.actor, team);
      const row = await trx
        .insertInto('team_meetings')
        .values({
          municipality_id: ctx.actor.municipalityId,
          team_id: team.id,
          held_on: input.heldOn,
          meeting_time: input.time ?? team.meeting_time,
          place: input.place ?? team.meeting_place,
          lead_id: team.meeting_lead_id ?? ctx.actor.id,
          created_by: ctx.actor.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({
        action: 'create',
        entity: 'team_meeting',
        entityId: row.id,
        detail: { teamId: team.id, heldOn: input.heldOn },
      });
      return { id: row.id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw invalid('heldOn', 'meeting_on_day');
    throw err;
  }
}

/** One meeting as the actor sees it: attendance, the agenda and the decisions; each young person shown audited. */
export async function getTeamMeeting(ctx: RequestContext, meetingId: string): Promise<TeamMeeting> {
  return audited(ctx, async ({ trx, audit }) => {
    const { meeting, mayDecide } = await readableMeeting(trx, ctx.actor, meetingId);
    const [members, attendees, agenda, decisions] = await Promise.all([
      selectMembers(trx, meeting.team_id, meeting.id),
      selectAttendees(trx, ctx.actor.municipalityId, meeting.id),
      selectAgenda(trx, ctx.actor, meeting),
      selectDecisions(trx, ctx.actor, meeting.id),
    ]);
    const shown = new Set([...agenda, ...decisions].flatMap((r) => (r.person_id ? [r.person_id] : [])));
    await audit(
      {
        action: 'read',
        entity: 'team_meeting',
        entityId: meeting.id,
        detail: { teamId: meeting.team_id, items: agenda.length, hidden: agenda.filter((a) => !a.shown).length },
      },
      ...[...shown].map((personId) => ({
        action: 'list' as const,
        entity: 'team_meeting' as const,
        entityId: meeting.id,
        personId,
      })),
    );
    const memberIds = new Set(members.map((m) => m.id));
    return {
      id: meeting.id,
      team: { id: meeting.team_id, name: meeting.team_name },
      heldOn: meeting.held_on,
      time: meeting.meeting_time,
      place: meeting.place,
      lead: meeting.lead_id ? { id: meeting.lead_id, name: meeting.lead_name ?? '' } : null,
      mayDecide,
      members: [
        ...members.map((m) => ({ id: m.id, name: m.name, role: m.role, unit: m.unit_name, present: m.present })),
        // Someone present who is not (or no longer) a member, such as a coordinator leading.
        ...attendees
          .filter((a) => a.staff_id && !memberIds.has(a.staff_id))
          .map((a) => ({
            id: a.staff_id!,
            name: a.staff_name ?? '',
            role: a.staff_role ?? '',
            unit: a.unit_name,
            present: true,
          })),
      ],
      guests: attendees.filter((a) => a.guest_name).map((a) => ({ name: a.guest_name!, role: a.guest_role })),
      agenda: agenda.map((a) => ({
        kind: a.kind,
        id: a.item_id,
        person: a.person_id ? { id: a.person_id, name: a.name ?? '' } : null,
        hidden: !a.shown,
        date: a.day,
        text: a.text,
        addedBy: a.added_by,
      })),
      decisions: decisions.map(presentDecision),
    };
  });
}

/** A decision row as the API shows it. */
export function presentDecision(d: Awaited<ReturnType<typeof selectDecisions>>[number]) {
  return {
    id: d.id,
    kind: d.kind as TeamMeeting['decisions'][number]['kind'],
    person: d.person_id ? { id: d.person_id, name: d.name ?? '' } : null,
    hidden: !d.shown,
    applicationId: d.application_id,
    text: d.text,
    decidedBy: d.decided_by,
    decidedAt: new Date(d.decided_at).toISOString(),
  };
}

/**
 * Records who attended: the members present (each a member of the team, or the lead) and the guests;
 * replaces what was recorded.
 */
export async function setAttendance(
  ctx: RequestContext,
  meetingId: string,
  input: z.infer<typeof attendanceBody>,
): Promise<void> {
  await audited(ctx, async ({ trx, audit }) => {
    const { meeting, mayDecide } = await readableMeeting(trx, ctx.actor, meetingId);
    if (!mayDecide) throw new AppError('forbidden');
    const ids = [...new Set(input.members)];
    if (ids.length) {
      const members = await trx
        .selectFrom('team_members')
        .select('staff_id')
        .where('team_id', '=', meeting.team_id)
        .where('staff_id', 'in', ids)
        .execute();
      const allowed = new Set([...members.map((m) => m.staff_id), meeting.lead_id]);
      if (ids.some((id) => !allowed.has(id))) throw invalid('members');
    }
    const m = ctx.actor.municipalityId;
    await trx
      .deleteFrom('team_meeting_attendees')
      .where('meeting_id', '=', meeting.id)
      .where('municipality_id', '=', m)
      .execute();
    const rows = [
      ...ids.map((staff_id) => ({
        municipality_id: m,
        meeting_id: meeting.id,
        staff_id,
        guest_name: null,
        guest_role: null,
      })),
      ...input.guests.map((g) => ({
        municipality_id: m,
        meeting_id: meeting.id,
        staff_id: null,
        guest_name: g.name,
        guest_role: g.role,
      })),
    ];
    if (rows.length) await trx.insertInto('team_meeting_attendees').values(rows).execute();
    await audit({
      action: 'update',
      entity: 'team_meeting',
      entityId: meeting.id,
      detail: { members: ids.length, guests: input.guests.length },
    });
  });
}

/** The person of the municipality, when the actor may see information of `category` about them. */
function personIn(trx: Db, actor: Actor, personId: string, category: Parameters<typeof categoryVisibleTo>[1]) {
  return trx
    .selectFrom('persons')
    .select('persons.id')
    .where('persons.id', '=', personId)
    .where('persons.municipality_id', '=', actor.municipalityId)
    .where(categoryVisibleTo(actor, category))
    .executeTakeFirst();
}

/** The person of the municipality, when the actor may change their record and case (as the normal pages take). */
function personManagedIn(trx: Db, actor: Actor, personId: string) {
  return trx
    .selectFrom('persons')
    .select('persons.id')
    .where('persons.id', '=', personId)
    .where('persons.municipality_id', '=', actor.municipalityId)
    .where(personManagedBy(actor))
    .executeTakeFirst();
}

/**
 * A member adds an item to the agenda: a case proposed for closing, or anything else; about a young
 * person they may see, or not.
 */
export async function addAgendaItem(
  ctx: RequestContext,
  meetingId: string,
  input: z.infer<typeof agendaItemBody>,
): Promise<{ id: string }> {
  return audited(ctx, async ({ trx, audit }) => {
    const { meeting } = await readableMeeting(trx, ctx.actor, meetingId);
    if (input.kind === 'closing_proposed' && !input.personId) throw invalid('personId', 'required');
    if (input.personId && !(await personIn(trx, ctx.actor, input.personId, input.category))) throw invalid('personId');
    const row = await trx
      .insertInto('team_meeting_items')
      .values({
        municipality_id: ctx.actor.municipalityId,
        meeting_id: meeting.id,
        person_id: input.personId,
        kind: input.kind,
        category: input.category,
        text: input.text,
        added_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'create',
      entity: 'team_meeting',
      entityId: meeting.id,
      personId: input.personId,
      detail: { item: row.id, kind: input.kind, category: input.category },
    });
    return { id: row.id };
  });
}

/**
 * The lead records a decision about a young person they may see in the decision's category. A decision
 * on an application or a change of contact person takes what the applications and case pages take: a
 * person the actor manages (404 otherwise) and the capability (403 otherwise). It goes on
 * the person's timeline in that category, and does what it says where Lotsa can: a decision on an
 * application (one to this team, still pending) moves it as the applications page does (accepted puts
 * the case in the team); a change of contact person changes the open case's contact person.
 */
export async function recordDecision(
  ctx: RequestContext,
  meetingId: string,
  input: z.infer<typeof decisionBody>,
): Promise<{ id: string; measureId: string | null; referralId: string | null }> {
  return audited(ctx, async ({ trx, audit }) => {
    const { meeting, mayDecide } = await readableMeeting(trx, ctx.actor, meetingId);
    if (!mayDecide) throw new AppError('forbidden');
    const category = decisionCategory(input.kind);
    // A decision that changes an application or the case takes what the applications and case pages take.
    const changes = decidesApplication(input.kind) || input.kind === 'contact_person_change';
    if (decidesApplication(input.kind)) requireCapability(ctx.actor, 'applications.manage');
    if (input.kind === 'contact_person_change') {
      requireCapability(ctx.actor, 'persons.edit');
      requireCapability(ctx.actor, 'cases.assign');
    }
    if (changes && !(await personManagedIn(trx, ctx.actor, input.personId))) throw new AppError('not_found');
    if (!(await personIn(trx, ctx.actor, input.personId, category))) throw invalid('personId');
    const m = ctx.actor.municipalityId;
    const openCase = await trx
      .selectFrom('cases')
      .leftJoin('staff', 'staff.id', 'cases.contact_person_id')
      .select(['cases.id', 'cases.version', 'cases.contact_person_id', 'staff.name as contact_name'])
      .where('cases.person_id', '=', input.personId)
      .where('cases.municipality_id', '=', m)
      .where('cases.closed_at', 'is', null)
      .executeTakeFirst();

    if (decidesApplication(input.kind)) {
      if (!input.applicationId) throw invalid('applicationId', 'required');
      const application = await trx
        .selectFrom('applications')
        .select(['id', 'status', 'version'])
        .where('id', '=', input.applicationId)
        .where('municipality_id', '=', m)
        .where('team_id', '=', meeting.team_id)
        .where('person_id', '=', input.personId)
        .executeTakeFirst();
      if (!application || FINAL_APPLICATION_STATUSES.includes(application.status)) throw invalid('applicationId');
      await moveApplication(
        trx,
        ctx.actor,
        { person_id: input.personId, team_id: meeting.team_id, team_name: meeting.team_name },
        { id: application.id, status: input.kind, decisionNote: input.text, version: application.version },
      );
    } else if (input.applicationId) {
      throw invalid('applicationId');
    }
    if (input.kind === 'contact_person_change') {
      if (!input.contactPersonId) throw invalid('contactPersonId', 'required');
      if (!openCase) throw invalid('personId', 'no_open_case');
      const to = await findContactPerson(trx, m, input.contactPersonId);
      if (!to) throw invalid('contactPersonId', 'contact_person_without_access');
      if (to.id !== openCase.contact_person_id) {
        const updated = await trx
          .updateTable('cases')
          .set({ contact_person_id: to.id, version: sql`version + 1` })
          .where('id', '=', openCase.id)
          .where('version', '=', openCase.version)
          .executeTakeFirst();
        if (updated.numUpdatedRows === 0n) throw new AppError('version_conflict');
        const from = openCase.contact_person_id
          ? { id: openCase.contact_person_id, name: openCase.contact_name }
          : null;
        await trx
          .insertInto('events')
          .values(
            eventRow(
              { municipality_id: m, person_id: input.personId, case_id: openCase.id, actor_id: ctx.actor.id },
              'contact_person_changed',
              { from, to },
            ),
          )
          .execute();
      }
    } else if (input.contactPersonId) {
      throw invalid('contactPersonId');
    }
    const done = await carryOut(ctx, trx, input, openCase);

    const row = await trx
      .insertInto('team_meeting_decisions')
      .values({
        municipality_id: m,
        meeting_id: meeting.id,
        person_id: input.personId,
        kind: input.kind,
        category,
        application_id: input.applicationId ?? null,
        text: input.text,
        decided_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const payload = {
      meetingId: meeting.id,
      team: { id: meeting.team_id, name: meeting.team_name },
      heldOn: meeting.held_on,
      kind: input.kind,
      text: input.text,
      applicationId: input.applicationId ?? null,
      measureId: done.measureId,
      referralId: done.referralId,
    };
    await trx
      .insertInto('events')
      .values(
        eventRow(
          {
            municipality_id: m,
            person_id: input.personId,
            case_id: openCase?.id ?? null,
            category,
            actor_id: ctx.actor.id,
          },
          'team_meeting_decision',
          payload,
        ),
      )
      .execute();
    await audit({
      action: 'create',
      entity: 'team_meeting',
      entityId: meeting.id,
      personId: input.personId,
      detail: { decision: row.id, kind: input.kind, ...done },
    });
    return { id: row.id, ...done };
  });
}

/** The fields a decision kind carries out, each required for its kind and refused for any other. */
const CARRIED_OUT = { new_measure: 'measure', referral: 'referral', closing: 'closing' } as const;

/**
 * Carries out a decision to book a measure, send a referral or close the case, through the use case of the
 * person page (`createMeasure`, `createReferral`, `closeCase`) inside the decision's transaction: the same
 * capability (403), the same `personManagedBy` (404) and, for closing, the case's version (409). A field that
 * use case refuses is named under the decision's field (`measure.offerId`), with nothing stored.
 */
async function carryOut(
  ctx: RequestContext,
  trx: Db,
  input: z.infer<typeof decisionBody>,
  openCase: { id: string } | undefined,
): Promise<{ measureId: string | null; referralId: string | null }> {
  const done = { measureId: null as string | null, referralId: null as string | null };
  for (const [kind, field] of Object.entries(CARRIED_OUT))
    if (input[field] && input.kind !== kind) throw invalid(field);
  const needed = CARRIED_OUT[input.kind as keyof typeof CARRIED_OUT];
  if (!needed) return done;
  if (!input[needed]) throw invalid(needed, 'required');
  const inner: RequestContext = { ...ctx, db: trx };
  try {
    if (input.kind === 'new_measure') done.measureId = (await createMeasure(inner, input.personId, input.measure!)).id;
    if (input.kind === 'referral') done.referralId = (await createReferral(inner, input.personId, input.referral!)).id;
    if (input.kind === 'closing') {
      if (!openCase) throw invalid('personId', 'no_open_case');
      await closeCase(inner, openCase.id, input.closing!);
    }
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation_failed' && !(err.fields[0]?.field === 'personId'))
      throw new AppError(
        'validation_failed',
        err.fields.map((f) => ({ ...f, field: `${needed}.${f.field}` })),
        err.params,
      );
    throw err;
  }
  return done;
}
