/**
 * Attendance of group activities: taken per session by those who staff the activity (its leaders, the
 * municipality's coordinators: the access module's `activityStaffedBy`), as append-only entries (a
 * correction is a new entry, the latest wins, the history stays). A person's attendance is read by
 * whoever may see the person and their contact and occupation category (another agency: only while
 * a valid consent names its unit and that category). Every read and write of a person's is audited.
 */
import type { z } from 'zod';
import {
  ATTENDANCE_CATEGORY,
  attendanceFigures,
  expandSessions,
  parseSessionId,
  sessionId,
  type AttendanceStatus,
} from '../../../core/activities.js';
import type { attendanceBody, PersonAttendance, SessionAttendance } from '../../../core/activity-schemas.js';
import { seesSmallCells, SMALL_CELL, suppressSmallCells } from '../../../core/figures.js';
import type { FieldMessageKey } from '../../../core/errors.js';
import { categoriesOf, categoryVisibleTo, personVisibleTo, requireCapability } from '../../access/access.js';
import { readBasis } from '../../audit/basis.js';
import type { AuditEvent } from '../../audit/audit.js';
import { audited, denied, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { selectManagedPerson, selectVisiblePerson } from '../measures/measures.queries.js';
import { roleCan } from '../../../core/roles.js';
import {
  selectActivityRow,
  selectLatestAttendance,
  selectPersonEnrolments,
  selectRoster,
  selectSessionChanges,
  selectStaffedActivity,
} from './activities.queries.js';
import { writeAttendanceEvents } from './activity-events.js';
import { checkRange, isHoliday, sessionOf, timingOf } from './activities.service.js';

/** The activity of a session id, if the actor staffs it; 404 otherwise. */
async function staffedSession(ctx: RequestContext, trx: RequestContext['db'], id: string, lock = false) {
  const parsed = parseSessionId(id);
  const activity = parsed && (await selectStaffedActivity(trx, ctx.actor, parsed.activityId, lock));
  if (!activity) throw new AppError('not_found');
  return sessionOf(ctx, trx, id, activity);
}

/** A session's roster with each person's latest status and the anonymous visits, for those who staff the activity. */
export async function getSessionAttendance(ctx: RequestContext, id: string): Promise<SessionAttendance> {
  requireCapability(ctx.actor, 'attendance.take');
  return audited(ctx, async ({ trx, audit }) => {
    const { activity, session } = await staffedSession(ctx, trx, id);
    const roster = await selectRoster(trx, ctx.actor, activity.id, session.date, session.occursOn);
    const latest = await selectLatestAttendance(trx, ctx.actor.municipalityId, {
      activityId: activity.id,
      from: session.occursOn,
      to: session.occursOn,
    });
    const status = new Map(latest.filter((l) => l.person_id).map((l) => [l.person_id!, l.status]));
    if (roster.length)
      await audit(
        ...roster.map((p): AuditEvent => ({
          action: 'read',
          entity: 'attendance',
          entityId: session.id,
          personId: p.id,
          detail: { basis: 'activity_staff' },
        })),
      );
    return {
      session,
      activity: { id: activity.id, title: activity.title, dropIn: activity.drop_in },
      persons: roster.map((p) => ({
        personId: p.id,
        name: `${p.given_name} ${p.family_name}`,
        enrolled: Boolean(p.enrolled),
        status: status.get(p.id) ?? null,
      })),
      anonymous: latest.filter((l) => l.anonymous_key).map((l) => ({ key: l.anonymous_key!, status: l.status })),
    };
  });
}

/**
 * Records a session's attendance: each line a person or an anonymous visitor and a status. Only lines
 * that change the latest status are stored (as new entries). A session outside the recurrence or
 * cancelled, a person not enrolled that day in a closed activity, a drop-in person the actor may not
 * see, or a person listed twice: 400 naming the field, nothing stored.
 */
export async function putAttendance(
  ctx: RequestContext,
  id: string,
  items: z.output<typeof attendanceBody>,
): Promise<SessionAttendance> {
  requireCapability(ctx.actor, 'attendance.take');
  await audited(ctx, async ({ trx, audit }) => {
    const { activity, session } = await staffedSession(ctx, trx, id, true);
    const problems: { field: string; code: FieldMessageKey }[] = [];
    if (session.cancelled) problems.push({ field: 'id', code: 'session_cancelled' });
    const roster = new Map(
      (await selectRoster(trx, ctx.actor, activity.id, session.date, session.occursOn)).map((p) => [p.id, p]),
    );
    const latest = await selectLatestAttendance(trx, ctx.actor.municipalityId, {
      activityId: activity.id,
      from: session.occursOn,
      to: session.occursOn,
    });
    const current = new Map(latest.map((l) => [l.person_id ?? `anonymous:${l.anonymous_key}`, l.status]));
    let nextAnonymous = new Set(latest.map((l) => l.anonymous_key).filter(Boolean)).size + 1;
    const seen = new Set<string>();
    const rows: { person_id: string | null; anonymous_key: string | null; status: AttendanceStatus }[] = [];
    for (const [i, item] of items.entries()) {
      if ('personId' in item) {
        if (seen.has(item.personId)) problems.push({ field: `${i}.personId`, code: 'duplicate' });
        seen.add(item.personId);
        const onRoster = roster.get(item.personId);
        // A person the actor may not see is `invalid`, whether enrolled or not (nothing is told of them).
        const visible =
          onRoster ||
          (await trx
            .selectFrom('persons')
            .select('id')
            .where('id', '=', item.personId)
            .where(personVisibleTo(ctx.actor))
            .where(categoryVisibleTo(ctx.actor, ATTENDANCE_CATEGORY))
            .executeTakeFirst());
        if (!visible) problems.push({ field: `${i}.personId`, code: 'invalid' });
        else if (!activity.drop_in && !onRoster?.enrolled)
          problems.push({ field: `${i}.personId`, code: 'not_enrolled' });
        if (current.get(item.personId) !== item.status)
          rows.push({ person_id: item.personId, anonymous_key: null, status: item.status });
      } else {
        const key = item.anonymous === true ? String(nextAnonymous++) : item.anonymous;
        if (seen.has(`anonymous:${key}`)) problems.push({ field: `${i}.anonymous`, code: 'duplicate' });
        seen.add(`anonymous:${key}`);
        if (current.get(`anonymous:${key}`) !== item.status)
          rows.push({ person_id: null, anonymous_key: key, status: item.status });
      }
    }
    if (problems.length) throw new AppError('validation_failed', problems);
    if (rows.length === 0) return;
    await trx
      .insertInto('attendance_entries')
      .values(
        rows.map((r) => ({
          ...r,
          municipality_id: activity.municipality_id,
          activity_id: activity.id,
          occurs_on: session.occursOn,
          category: ATTENDANCE_CATEGORY,
          recorded_by: ctx.actor.id,
        })),
      )
      .execute();
    // Each known person's new status goes on their timeline, in the same transaction.
    await writeAttendanceEvents(
      trx,
      ctx.actor.id,
      activity,
      session.occursOn,
      rows.flatMap((r) =>
        r.person_id ? [{ personId: r.person_id, status: r.status, previous: current.get(r.person_id) ?? null }] : [],
      ),
    );
    const events: AuditEvent[] = rows.map((r) => ({
      action: 'update',
      entity: 'attendance',
      entityId: session.id,
      personId: r.person_id ?? undefined,
      detail: { status: r.status, anonymous: r.person_id === null },
    }));
    await audit(...events);
  });
  return getSessionAttendance(ctx, id);
}

/**
 * A person's attendance over a period, with figures: for whoever may see the person and their contact
 * and occupation category; 404 (audited as denied) otherwise, as for a person that does not exist. Audited as
 * `read`, or as `export` when it goes out as a PDF.
 */
export async function personAttendance(
  ctx: RequestContext,
  personId: string,
  from: string,
  to: string,
  action: 'read' | 'export' = 'read',
): Promise<PersonAttendance & { name: string }> {
  requireCapability(ctx.actor, 'persons.browse');
  checkRange(from, to);
  return audited(ctx, async ({ trx, audit }) => {
    const person = await selectVisiblePerson(trx, ctx.actor, personId);
    if (!person || !categoriesOf(person).includes(ATTENDANCE_CATEGORY)) throw denied(personId, 'attendance');
    const latest = await selectLatestAttendance(trx, ctx.actor.municipalityId, { personId, from, to });
    const activities = new Map<string, { title: string; dates: Map<string, string> }>();
    for (const activityId of new Set(latest.map((l) => l.activity_id))) {
      const a = await selectActivityRow(trx, ctx.actor.municipalityId, activityId);
      if (!a) continue;
      // The day each session took place: a moved session's new day.
      const moved = new Map(
        (await selectSessionChanges(trx, a.id)).filter((c) => c.movedTo).map((c) => [c.occursOn, c.movedTo!.date]),
      );
      activities.set(a.id, { title: a.title, dates: moved });
    }
    const names = await trx
      .selectFrom('persons')
      .select(['given_name', 'family_name'])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    await audit({
      action,
      entity: 'attendance',
      entityId: personId,
      personId,
      detail: { ...readBasis(person), from, to, ...(action === 'export' ? { format: 'pdf' } : {}) },
    });
    const entries = latest
      .filter((l) => activities.has(l.activity_id))
      .map((l) => {
        const a = activities.get(l.activity_id)!;
        return {
          sessionId: sessionId(l.activity_id, l.occurs_on),
          activityId: l.activity_id,
          activityTitle: a.title,
          date: a.dates.get(l.occurs_on) ?? l.occurs_on,
          status: l.status,
        };
      });
    entries.sort((x, y) => x.date.localeCompare(y.date) || x.activityTitle.localeCompare(y.activityTitle));
    const enrolments = await selectPersonEnrolments(trx, ctx.actor.municipalityId, personId, from);
    const mayChange =
      roleCan(ctx.actor.role, 'activities.manage') && Boolean(await selectManagedPerson(trx, ctx.actor, personId));
    return {
      personId,
      from,
      to,
      entries,
      figures: attendanceFigures(entries),
      enrolments: enrolments.map((e) => ({
        id: e.id,
        activityId: e.activity_id,
        activityTitle: e.title,
        from: e.from_on,
        to: e.to_on,
      })),
      mayChange,
      name: `${names.given_name} ${names.family_name}`,
    };
  });
}

/**
 * An activity's attendance over a period: the rate over persons' latest entries and the anonymous visits (present or
 * late) counted. No names.
 */
export async function activityFigures(ctx: RequestContext, activityId: string, from: string, to: string) {
  requireCapability(ctx.actor, 'figures.read');
  checkRange(from, to);
  const activity = await selectActivityRow(ctx.db, ctx.actor.municipalityId, activityId);
  if (!activity) throw new AppError('not_found');
  const latest = await selectLatestAttendance(ctx.db, ctx.actor.municipalityId, { activityId, from, to });
  const sessions = expandSessions(
    activity.id,
    timingOf(activity),
    from,
    to,
    await selectSessionChanges(ctx.db, activityId),
    isHoliday,
  ).filter((s) => !s.cancelled).length;
  const anonymousVisits = latest.filter(
    (l) => l.anonymous_key && (l.status === 'present' || l.status === 'late'),
  ).length;
  const counts = { figures: attendanceFigures(latest.filter((l) => l.person_id)), anonymousVisits };
  // Small cells (1 and 2) identify persons: only the municipality's coordinator sees them as they are. A rate
  // computed from a suppressed count is dropped too.
  const suppress = !seesSmallCells(ctx.actor);
  const shown = suppress ? suppressSmallCells(counts, ['rate']) : counts;
  const { present, late, absent } = shown.figures as Record<string, unknown>;
  if ([present, late, absent].includes(SMALL_CELL)) shown.figures.rate = null;
  return { activityId, from, to, sessions, ...shown, smallCellsSuppressed: suppress };
}
