/** Timeline events of the team meeting (issue 16) and their payloads (see `./index.ts`). */
import { z } from 'zod';
import { TEAM_DECISION_KINDS } from '../team-meeting.js';
import { eventDay, eventId, nullableText } from './fields.js';

/** Payload schemas of the team meeting's events, by event type. */
export const teamMeetingEvents = {
  /** The team meeting decided about the young person; written in the decision's category. */
  team_meeting_decision: z.object({
    meetingId: eventId,
    team: z.object({ id: eventId, name: z.string() }),
    heldOn: eventDay,
    kind: z.enum(TEAM_DECISION_KINDS),
    text: nullableText,
    applicationId: eventId.nullable().default(null),
    /** The measure a `new_measure` decision booked, the referral a `referral` decision sent. */
    measureId: eventId.nullable().default(null),
    referralId: eventId.nullable().default(null),
  }),
} as const satisfies Record<string, z.ZodType>;
