/**
 * Timeline events of enrolments and attendance (core's `activity-events.ts`), written in the transaction of
 * the change, in the attendance's category: the timeline's category filter shows them only to those who may
 * read the person's attendance (another agency only by consent).
 */
import { sql } from 'kysely';
import { ATTENDANCE_CATEGORY, sessionId, type AttendanceStatus } from '../../../core/activities.js';
import { eventRow } from '../../db/events.js';
import type { RequestContext } from '../../http/context.js';
import { openCaseOf } from '../measures/measures.queries.js';

type Trx = RequestContext['db'];
type ActivityRef = { id: string; title: string; municipality_id: string };
type EnrolmentRef = { id: string; personId: string; from: string; to: string | null };

/** Writes `activity_enrolled` (or, with `ended`, `activity_enrolment_ended`) on the person's timeline. */
export async function writeEnrolmentEvent(
  trx: Trx,
  actorId: string,
  activity: ActivityRef,
  enrolment: EnrolmentRef,
  ended = false,
): Promise<void> {
  const base = {
    municipality_id: activity.municipality_id,
    person_id: enrolment.personId,
    case_id: await openCaseOf(trx, enrolment.personId),
    actor_id: actorId,
    category: ATTENDANCE_CATEGORY,
  };
  const about = {
    enrolmentId: enrolment.id,
    activity: { id: activity.id, title: activity.title },
    from: enrolment.from,
  };
  const row =
    ended && enrolment.to
      ? eventRow(base, 'activity_enrolment_ended', { ...about, to: enrolment.to })
      : eventRow(base, 'activity_enrolled', { ...about, to: enrolment.to });
  await trx.insertInto('events').values(row).execute();
}

/**
 * Writes `attendance_recorded` for each person whose status at a session changed. A change of an earlier
 * status is a correction: it names the earlier status and points at the earlier event.
 */
export async function writeAttendanceEvents(
  trx: Trx,
  actorId: string,
  activity: ActivityRef,
  occursOn: string,
  changes: { personId: string; status: AttendanceStatus; previous: AttendanceStatus | null }[],
): Promise<void> {
  const session = sessionId(activity.id, occursOn);
  for (const change of changes) {
    const earlier = change.previous
      ? await trx
          .selectFrom('events')
          .select('id')
          .where('person_id', '=', change.personId)
          .where('type', '=', 'attendance_recorded')
          .where(sql<boolean>`events.payload->>'sessionId' = ${session}`)
          .orderBy('recorded_at', 'desc')
          .orderBy('id', 'desc')
          .executeTakeFirst()
      : undefined;
    const base = {
      municipality_id: activity.municipality_id,
      person_id: change.personId,
      case_id: await openCaseOf(trx, change.personId),
      actor_id: actorId,
      category: ATTENDANCE_CATEGORY,
      corrects_event_id: earlier?.id ?? null,
    };
    await trx
      .insertInto('events')
      .values(
        eventRow(base, 'attendance_recorded', {
          activity: { id: activity.id, title: activity.title },
          sessionId: session,
          occursOn,
          status: change.status,
          previousStatus: change.previous,
        }),
      )
      .execute();
  }
}
