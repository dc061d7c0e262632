/**
 * Timeline events of group activities (issue 16) and their payloads (see `./index.ts`). Each is written in
 * the attendance's category (core's ATTENDANCE_CATEGORY, contact and occupation), so the timeline shows
 * them only to those who may read the person's attendance.
 */
import { z } from 'zod';
import { ATTENDANCE_STATUSES } from '../activities.js';
import { eventDay, eventId } from './fields.js';

const activity = z.object({ id: eventId, title: z.string() });
const enrolment = { enrolmentId: eventId, activity, from: eventDay };

/** Payload schemas of the activities' events, by event type. */
export const activityEvents = {
  /** The young person was enrolled in an activity, from a day (to a day, or on). */
  activity_enrolled: z.object({ ...enrolment, to: eventDay.nullable() }),
  /** An enrolment was given its last day. */
  activity_enrolment_ended: z.object({ ...enrolment, to: eventDay }),
  /**
   * The young person's attendance at a session was recorded; `previousStatus` is the status it
   * corrects (the event then also points at the earlier one through `corrects_event_id`).
   */
  attendance_recorded: z.object({
    activity,
    sessionId: z.string(),
    occursOn: eventDay,
    status: z.enum(ATTENDANCE_STATUSES),
    previousStatus: z.enum(ATTENDANCE_STATUSES).nullable(),
  }),
} as const satisfies Record<string, z.ZodType>;
