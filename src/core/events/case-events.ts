/**
 * Timeline events of the register, outreach, case and consent areas and their payloads (see `./index.ts`).
 * Payloads are loose for now: each is tightened to its real shape as its writers move to `eventRow`.
 */
import { z } from 'zod';

const loose = z.record(z.string(), z.unknown());

/** Payload schemas of the events that existed before typed events, by event type. */
export const caseEvents = {
  person_created: loose,
  person_updated: loose,
  case_opened: loose,
  contact_person_changed: loose,
  case_status_changed: loose,
  note: loose,
  register_entered: loose,
  register_left: loose,
  contact_attempt: loose,
  school_notification: loose,
  team_changed: loose,
  consent_recorded: loose,
  consent_withdrawn: loose,
  application_received: loose,
  application_decided: loose,
  next_step_changed: loose,
  meeting_booked: loose,
} as const satisfies Record<string, z.ZodType>;
