/**
 * Timeline events of the register area (persons, register periods, school notifications) and their payloads (see
 * `./index.ts`).
 */
import { z } from 'zod';
import { ENTRY_REASONS, LEAVE_REASONS, NOTIFICATION_KINDS } from '../register.js';
import { eventDay, eventId, nullableText } from './fields.js';

/** Payload schemas of the register area's events, by event type. */
export const registerEvents = {
  /** Staff registered the person by hand. */
  person_created: z.object({}),
  /**
   * The person's details changed: `fields` names them, as an edit names them (camelCase: `givenName`,
   * `guardians`) or, with `source: 'population_list'`, as a population list does (columns: `street_address`).
   * Under protected identity no address or contact field is named (server/access/protected-identity.ts).
   */
  person_updated: z.object({ fields: z.array(z.string().min(1)), source: z.literal('population_list').optional() }),
  /**
   * Into the register. The timeline derives these from the register periods (persons.queries.ts
   * `selectEvents`); reconciliation stored them as events before, some without `asOf`.
   */
  register_entered: z.object({ reason: z.enum(ENTRY_REASONS), asOf: eventDay.nullable().default(null) }),
  /** Out of the register, with the rule of the source lists that no longer held (derived as `register_entered`). */
  register_left: z.object({
    reason: z.enum(LEAVE_REASONS),
    rule: z.string().min(1).nullable().default(null),
    asOf: eventDay.nullable().default(null),
  }),
  /** A school reported a pupil who is in the register (the notification is `notificationId`). */
  school_notification: z.object({
    kind: z.enum(NOTIFICATION_KINDS),
    date: eventDay,
    schoolUnitCode: z.string().min(1),
    schoolUnitName: nullableText,
    message: nullableText,
    notificationId: eventId,
  }),
} as const satisfies Record<string, z.ZodType>;
