/**
 * Timeline events of the outreach area (contact attempts, next steps, meetings) and their payloads (see `./index.ts`).
 */
import { z } from 'zod';
import {
  ATTEMPT_CHANNELS,
  CHECK_OUTCOMES,
  CONTACT_OUTCOMES,
  MEETING_KINDS,
  OCCUPATION_CODE_LIST,
} from '../outreach.js';
import { eventDay, eventInstant, eventStaff, nullableText } from './fields.js';

/** Payload schemas of the outreach area's events, by event type. */
export const outreachEvents = {
  /**
   * A contact attempt or check step (the row in `contact_attempts` is the record; this is what the
   * timeline says). Outcomes keep their old names (see CONTACT_OUTCOMES), and attempts recorded
   * before occupations and agreements were asked for stored only channel and outcome.
   */
  contact_attempt: z.object({
    channel: z.enum(ATTEMPT_CHANNELS),
    outcome: z.union([z.enum(CONTACT_OUTCOMES), z.enum(CHECK_OUTCOMES)]),
    occupation: z.enum(OCCUPATION_CODE_LIST.codes).nullable().default(null),
    agreed: nullableText,
    note: nullableText,
  }),
  /** Staff chose another next step than Lotsa proposed, and why. */
  next_step_changed: z.object({ channel: z.enum(ATTEMPT_CHANNELS), dueOn: eventDay, reason: z.string() }),
  /** A meeting, drop-in time or home visit was booked with the person, with the staff who take part. */
  meeting_booked: z.object({ kind: z.enum(MEETING_KINDS), startsAt: eventInstant, staff: z.array(eventStaff) }),
} as const satisfies Record<string, z.ZodType>;
