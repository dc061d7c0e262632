/** Timeline events of the case area (case, contact person, team, notes) and their payloads (see `./index.ts`). */
import { z } from 'zod';
import { CASE_STATUSES } from '../cases.js';
import { eventId, eventStaff } from './fields.js';

/** Payload schemas of the case area's events, by event type. */
export const caseEvents = {
  /** A case was opened (also derived for cases opened by reconciliation, which writes no event). */
  case_opened: z.object({}),
  /** The contact person changed: `from` null when there was none, `to` null when removed. */
  contact_person_changed: z.object({ from: eventStaff.nullable(), to: eventStaff.nullable() }),
  /** The case moved from one status to another. */
  case_status_changed: z.object({ from: z.enum(CASE_STATUSES), to: z.enum(CASE_STATUSES) }),
  /** A note; its category is the event's `category` column, a correction names what it corrects in `corrects_event_id`. */
  note: z.object({ text: z.string() }),
  /** The case moved to a team (`to` null when taken from its team). */
  team_changed: z.object({ to: z.object({ id: eventId, name: z.string() }).nullable() }),
} as const satisfies Record<string, z.ZodType>;
