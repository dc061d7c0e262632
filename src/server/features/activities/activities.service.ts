/**
 * Group activities a centre runs: what, who leads, where, for how many, when (core's recurrence, with
 * Swedish holidays and changed sessions), an optional offer of the catalogue, drop-in or closed. An
 * activity holds no personal data; its enrolments do (contact and occupation) and are made only by the
 * KAA's own staff on the person (`personManagedBy`). Every write is audited.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import {
  ATTENDANCE_CATEGORY,
  closedPeriodOn,
  enrolmentsOverlap,
  expandSessions,
  MAX_RANGE_DAYS,
  parseSessionId,
  plansSessionOn,
  sessionOn,
  timingProblems,
  type ActivityKind,
  type ClosedPeriod,
  type ActivityTiming,
  type Recurrence,
  type Session,
} from '../../../core/activities.js';
import type {
  Activity,
  activityBody,
  activityUpdateBody,
  centreClosureBody,
  enrolmentBody,
  sessionChangeBody,
  SessionOut,
} from '../../../core/activity-schemas.js';
import type { FieldMessageKey } from '../../../core/errors.js';
import { todayInSweden } from '../../../core/dates.js';
import { swedishHolidayOn } from '../../../core/holidays.js';
import { addDays } from '../../../core/outreach.js';
import { roleCan } from '../../../core/roles.js';
import { categoriesOf, requireCapability } from '../../access/access.js';
import { audited, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { selectManagedPerson } from '../measures/measures.queries.js';
import { selectOffer, selectUnit } from '../measures/measures.queries.js';
import { writeEnrolmentEvent } from './activity-events.js';
import {
  selectActivities,
  selectActivityRow,
  selectEnrolments,
  selectSessionChanges,
  selectStaffedActivity,
  selectStaffOf,
  type ActivityRow,
  type ActivityTableRow,
} from './activities.queries.js';

type ActivityInput = z.output<typeof activityBody>;
type Problem = { field: string; code: FieldMessageKey };
export const isHoliday = (day: string) => swedishHolidayOn(day) !== null;

/** The activity as the API shows it. */
function presentActivity(r: ActivityRow): Activity {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind as ActivityKind,
    leaders: r.leaders,
    guestLeaders: r.guest_leaders,
    place: r.place,
    capacity: r.capacity,
    recurrence: r.recurrence as Recurrence,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    closedPeriods: r.closed_periods as ClosedPeriod[],
    offer: r.offer_id && r.offer_name ? { id: r.offer_id, name: r.offer_name } : null,
    dropIn: r.drop_in,
    unit: r.unit_id && r.unit_name ? { id: r.unit_id, name: r.unit_name } : null,
    active: r.active,
    enrolled: r.enrolled,
    takesAttendance: r.staffed,
    version: r.version,
  };
}

/** The timing of a stored activity, for core's expansion. */
export const timingOf = (a: Pick<ActivityTableRow, 'recurrence' | 'starts_on' | 'ends_on' | 'closed_periods'>) =>
  ({
    recurrence: a.recurrence as Recurrence,
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    closedPeriods: a.closed_periods as ClosedPeriod[],
  }) satisfies ActivityTiming;

/** Who reads activities: those who work with young people or run activities. */
function requireReader(ctx: RequestContext) {
  const { role } = ctx.actor;
  if (!roleCan(role, 'persons.browse') && !roleCan(role, 'activities.manage') && !roleCan(role, 'attendance.take'))
    throw new AppError('forbidden');
}

const today = (ctx: RequestContext) => todayInSweden(ctx.clock.now());

/** The activities of the actor's municipality, active only unless asked. */
export async function listActivities(ctx: RequestContext, includeInactive: boolean): Promise<Activity[]> {
  requireReader(ctx);
  return (await selectActivities(ctx.db, ctx.actor, { includeInactive }, today(ctx))).map(presentActivity);
}

/** One activity of the actor's municipality; 404 otherwise. */
export async function getActivity(ctx: RequestContext, activityId: string): Promise<Activity> {
  requireReader(ctx);
  const row = (await selectActivities(ctx.db, ctx.actor, { activityId }, today(ctx)))[0];
  if (!row) throw new AppError('not_found');
  return presentActivity(row);
}

/**
 * Every rule of an activity's fields together, each naming its field: timing (core), leaders, offer and unit of the
 * municipality.
 */
async function activityProblems(ctx: RequestContext, trx: RequestContext['db'], a: ActivityInput): Promise<Problem[]> {
  const problems: Problem[] = timingProblems(a).map((p) => ({ field: p.field, code: p.code }));
  const leaders = await selectStaffOf(trx, ctx.actor.municipalityId, a.leaderStaffIds);
  if (leaders.length !== new Set(a.leaderStaffIds).size) problems.push({ field: 'leaderStaffIds', code: 'invalid' });
  if (a.offerId && !(await selectOffer(trx, ctx.actor.municipalityId, a.offerId)))
    problems.push({ field: 'offerId', code: 'invalid' });
  if (a.unitId && !(await selectUnit(trx, ctx.actor.municipalityId, a.unitId)))
    problems.push({ field: 'unitId', code: 'invalid' });
  return problems;
}

const columns = (a: ActivityInput) => ({
  title: a.title,
  kind: a.kind,
  leader_staff_ids: [...new Set(a.leaderStaffIds)],
  guest_leaders: a.guestLeaders,
  place: a.place,
  capacity: a.capacity,
  recurrence: JSON.stringify(a.recurrence),
  starts_on: a.startsOn,
  ends_on: a.endsOn,
  closed_periods: JSON.stringify(a.closedPeriods),
  offer_id: a.offerId,
  drop_in: a.dropIn,
  unit_id: a.unitId,
});

/** Creates an activity of the actor's municipality. */
export async function createActivity(ctx: RequestContext, input: ActivityInput): Promise<Activity> {
  requireCapability(ctx.actor, 'activities.manage');
  return audited(ctx, async ({ trx, audit }) => {
    const problems = await activityProblems(ctx, trx, input);
    if (problems.length) throw new AppError('validation_failed', problems);
    const row = await trx
      .insertInto('activities')
      .values({ municipality_id: ctx.actor.municipalityId, created_by: ctx.actor.id, ...columns(input) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({ action: 'create', entity: 'activity', entityId: row.id, detail: { kind: input.kind } });
    return presentActivity((await selectActivities(trx, ctx.actor, { activityId: row.id }, today(ctx)))[0]!);
  });
}

/** Changes an activity, or ends it (`active: false`); 409 when `version` is stale. */
export async function updateActivity(
  ctx: RequestContext,
  activityId: string,
  input: z.output<typeof activityUpdateBody>,
): Promise<Activity> {
  requireCapability(ctx.actor, 'activities.manage');
  return audited(ctx, async ({ trx, audit }) => {
    const current = await selectActivityRow(trx, ctx.actor.municipalityId, activityId, true);
    if (!current) throw new AppError('not_found');
    if (current.version !== input.version) throw new AppError('version_conflict');
    const pick = <K extends keyof ActivityInput>(key: K, now: ActivityInput[K]): ActivityInput[K] =>
      input[key as keyof typeof input] === undefined ? now : (input[key as keyof typeof input] as ActivityInput[K]);
    const next: ActivityInput = {
      title: pick('title', current.title),
      kind: pick('kind', current.kind as ActivityKind),
      leaderStaffIds: pick('leaderStaffIds', current.leader_staff_ids),
      guestLeaders: pick('guestLeaders', current.guest_leaders),
      place: pick('place', current.place),
      capacity: pick('capacity', current.capacity),
      recurrence: pick('recurrence', current.recurrence as Recurrence),
      startsOn: pick('startsOn', current.starts_on),
      endsOn: pick('endsOn', current.ends_on),
      offerId: pick('offerId', current.offer_id),
      dropIn: pick('dropIn', current.drop_in),
      unitId: pick('unitId', current.unit_id),
      closedPeriods: pick('closedPeriods', current.closed_periods as ClosedPeriod[]),
    };
    const problems = await activityProblems(ctx, trx, next);
    if (problems.length) throw new AppError('validation_failed', problems);
    await trx
      .updateTable('activities')
      .set({
        ...columns(next),
        active: input.active ?? current.active,
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', activityId)
      .execute();
    await audit({
      action: 'update',
      entity: 'activity',
      entityId: activityId,
      detail: { fields: Object.keys(input).filter((k) => k !== 'version') },
    });
    return presentActivity((await selectActivities(trx, ctx.actor, { activityId }, today(ctx)))[0]!);
  });
}

/** 400 naming `to` unless the range runs forwards and spans at most MAX_RANGE_DAYS. */
export function checkRange(from: string, to: string) {
  if (to < from || addDays(from, MAX_RANGE_DAYS) < to)
    throw new AppError('validation_failed', [{ field: 'to', code: 'invalid' }]);
}

const presentSession = (activityId: string, s: Session): SessionOut => ({ ...s, activityId });

/** The activity's sessions from `from` to `to`, with holidays skipped and changes applied. */
export async function listSessions(
  ctx: RequestContext,
  activityId: string,
  from: string,
  to: string,
): Promise<SessionOut[]> {
  requireReader(ctx);
  checkRange(from, to);
  const activity = await selectActivityRow(ctx.db, ctx.actor.municipalityId, activityId);
  if (!activity) throw new AppError('not_found');
  const changes = await selectSessionChanges(ctx.db, activityId);
  return expandSessions(activityId, timingOf(activity), from, to, changes, isHoliday).map((s) =>
    presentSession(activityId, s),
  );
}

/**
 * The session a session id names, if its activity is of the actor's municipality and plans it; 404 / 400 naming `id`
 * otherwise.
 */
export async function sessionOf(
  ctx: RequestContext,
  trx: RequestContext['db'],
  id: string,
  activity?: ActivityTableRow,
) {
  const parsed = parseSessionId(id);
  if (!parsed) throw new AppError('not_found');
  const a = activity ?? (await selectActivityRow(trx, ctx.actor.municipalityId, parsed.activityId));
  if (!a || a.id !== parsed.activityId) throw new AppError('not_found');
  const change = (await selectSessionChanges(trx, a.id)).find((c) => c.occursOn === parsed.occursOn);
  const session = sessionOn(a.id, timingOf(a), parsed.occursOn, change, isHoliday);
  if (!session) throw new AppError('validation_failed', [{ field: 'id', code: 'not_in_recurrence' }]);
  return { activity: a, session: presentSession(a.id, session) };
}

/** Cancels a session (or takes the cancellation back) or moves it; by those who manage activities or staff this one. */
export async function changeSession(
  ctx: RequestContext,
  id: string,
  input: z.output<typeof sessionChangeBody>,
): Promise<SessionOut> {
  if (!roleCan(ctx.actor.role, 'activities.manage')) requireCapability(ctx.actor, 'attendance.take');
  return audited(ctx, async ({ trx, audit }) => {
    const parsed = parseSessionId(id);
    const staffed = parsed && (await selectStaffedActivity(trx, ctx.actor, parsed.activityId, true));
    const managed =
      parsed &&
      roleCan(ctx.actor.role, 'activities.manage') &&
      (await selectActivityRow(trx, ctx.actor.municipalityId, parsed.activityId, true));
    const activity = staffed || managed || undefined;
    if (!activity) throw new AppError('not_found');
    const { session } = await sessionOf(ctx, trx, id, activity);
    const movedTo =
      input.movedTo === undefined
        ? session.moved
          ? { date: session.date, start: session.start, end: session.end }
          : null
        : input.movedTo;
    const problems: Problem[] = [];
    if (movedTo && movedTo.end <= movedTo.start) problems.push({ field: 'movedTo.end', code: 'end_before_start' });
    // A session moved onto a day another session is planned for would make that day's id ambiguous.
    if (movedTo && movedTo.date !== session.occursOn && plansSessionOn(timingOf(activity), movedTo.date, isHoliday))
      problems.push({ field: 'movedTo.date', code: 'invalid' });
    // Nor is a session moved into a period the activity is closed.
    else if (movedTo && closedPeriodOn(timingOf(activity), movedTo.date))
      problems.push({ field: 'movedTo.date', code: 'activity_closed' });
    if (problems.length) throw new AppError('validation_failed', problems);
    const values = {
      cancelled: input.cancelled ?? session.cancelled,
      moved_to: movedTo?.date ?? null,
      moved_start: movedTo?.start ?? null,
      moved_end: movedTo?.end ?? null,
      note: input.note === undefined ? session.note : input.note,
      changed_by: ctx.actor.id,
      changed_at: sql<Date>`now()`,
    };
    await trx
      .insertInto('activity_session_changes')
      .values({ activity_id: activity.id, occurs_on: session.occursOn, ...values })
      .onConflict((oc) => oc.columns(['activity_id', 'occurs_on']).doUpdateSet(values))
      .execute();
    await audit({
      action: 'update',
      entity: 'activity_session',
      entityId: activity.id,
      detail: { occursOn: session.occursOn, cancelled: values.cancelled, movedTo: values.moved_to },
    });
    return (await sessionOf(ctx, trx, id, activity)).session;
  });
}

/**
 * Enrols a young person in an activity from a day (to a day or on): by the KAA's own staff on the
 * person (404 otherwise). Overlapping enrolments of the person in the activity, and one past the
 * activity's capacity on its first day, are 400s naming the field; the activity is locked meanwhile.
 */
export async function enrol(ctx: RequestContext, activityId: string, input: z.output<typeof enrolmentBody>) {
  requireCapability(ctx.actor, 'activities.manage');
  return audited(ctx, async ({ trx, audit }) => {
    const activity = await selectActivityRow(trx, ctx.actor.municipalityId, activityId, true);
    if (!activity) throw new AppError('not_found');
    const person = await selectManagedPerson(trx, ctx.actor, input.personId);
    if (!person) throw new AppError('validation_failed', [{ field: 'personId', code: 'invalid' }]);
    if (!categoriesOf(person).includes(ATTENDANCE_CATEGORY)) throw new AppError('category_not_allowed');
    const problems: Problem[] = [];
    if (input.to !== null && input.to < input.from) problems.push({ field: 'to', code: 'end_before_start' });
    const mine = await selectEnrolments(trx, ctx.actor.municipalityId, activityId, input.personId);
    if (mine.some((e) => enrolmentsOverlap({ from: e.from_on, to: e.to_on }, input)))
      problems.push({ field: 'from', code: 'overlapping_enrolment' });
    if (activity.capacity !== null) {
      const all = await selectEnrolments(trx, ctx.actor.municipalityId, activityId);
      const onFirstDay = all.filter((e) =>
        enrolmentsOverlap({ from: e.from_on, to: e.to_on }, { from: input.from, to: input.from }),
      ).length;
      if (onFirstDay >= activity.capacity) problems.push({ field: 'from', code: 'activity_full' });
    }
    if (problems.length) throw new AppError('validation_failed', problems);
    const row = await trx
      .insertInto('activity_enrolments')
      .values({
        municipality_id: activity.municipality_id,
        activity_id: activityId,
        person_id: input.personId,
        from_on: input.from,
        to_on: input.to,
        recorded_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeEnrolmentEvent(trx, ctx.actor.id, activity, { id: row.id, ...input });
    await audit({
      action: 'create',
      entity: 'enrolment',
      entityId: row.id,
      personId: input.personId,
      detail: { activityId, basis: person.access_basis },
    });
    return { id: row.id, activityId, personId: input.personId, from: input.from, to: input.to };
  });
}

/**
 * Closes a whole centre for a period: appends the closed period to every active activity of the municipality (of
 * `unitId` when given) that does not have it yet, each on its own version, audited per activity. Activities created
 * later do not inherit it. A last day before the first, or a unit of another municipality, is a 400 naming the field.
 */
export async function closeCentre(
  ctx: RequestContext,
  input: z.output<typeof centreClosureBody>,
): Promise<{ activities: number }> {
  requireCapability(ctx.actor, 'activities.manage');
  return audited(ctx, async ({ trx, audit }) => {
    const problems: Problem[] = [];
    if (input.to < input.from) problems.push({ field: 'to', code: 'end_before_start' });
    if (input.unitId && !(await selectUnit(trx, ctx.actor.municipalityId, input.unitId)))
      problems.push({ field: 'unitId', code: 'invalid' });
    if (problems.length) throw new AppError('validation_failed', problems);
    let q = trx
      .selectFrom('activities')
      .select(['id', 'closed_periods'])
      .where('municipality_id', '=', ctx.actor.municipalityId)
      .where('active', '=', true);
    if (input.unitId) q = q.where('unit_id', '=', input.unitId);
    const period: ClosedPeriod = { from: input.from, to: input.to, reason: input.reason };
    let changed = 0;
    for (const a of await q.orderBy('id').forUpdate().execute()) {
      const periods = a.closed_periods as ClosedPeriod[];
      if (periods.some((p) => p.from === period.from && p.to === period.to)) continue;
      const next = [...periods, period].sort((x, y) => x.from.localeCompare(y.from));
      await trx
        .updateTable('activities')
        .set({ closed_periods: JSON.stringify(next), version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', a.id)
        .execute();
      await audit({
        action: 'update',
        entity: 'activity',
        entityId: a.id,
        detail: { fields: ['closedPeriods'], centre: true },
      });
      changed += 1;
    }
    return { activities: changed };
  });
}
