/** Timeline events of the case area (case, contact person, team, notes) and their payloads (see `./index.ts`). */
import { z } from 'zod';
import { CASE_STATUSES } from '../cases.js';
import { END_REASONS, STUDY_FORMS } from '../measures.js';
import { DIPLOMA_VALUES, DOCUMENTED_PROBLEMS, FOLLOW_UP_RESULTS, OUTCOME_CODES, TARGET_GROUPS } from '../outcomes.js';
import { OCCUPATION_CODE_LIST } from '../outreach.js';
import { eventDay, eventId, eventStaff } from './fields.js';

/** Payload schemas of the case area's events, by event type. */
export const caseEvents = {
  /** A case was opened (also derived for cases opened by reconciliation, which writes no event). */
  case_opened: z.object({}),
  /** The contact person changed: `from` null when there was none, `to` null when removed. */
  contact_person_changed: z.object({ from: eventStaff.nullable(), to: eventStaff.nullable() }),
  /** The case moved from one status to another. */
  case_status_changed: z.object({ from: z.enum(CASE_STATUSES), to: z.enum(CASE_STATUSES) }),
  /**
   * A note; its category is the event's `category` column, a correction names what it corrects in `corrects_event_id`.
   */
  note: z.object({ text: z.string(), sharedWithYoungPerson: z.boolean().optional() }),
  /** The case moved to a team (`to` null when taken from its team). */
  team_changed: z.object({ to: z.object({ id: eventId, name: z.string() }).nullable() }),
  /**
   * The case was closed with an outcome (core/outcomes), on a day, with the occupation at closure;
   * `measuresEnded` running measures were ended for `measureEndReason`. The note stays on the case.
   */
  case_closed: z.object({
    outcome: z.enum(OUTCOME_CODES),
    outcomeListVersion: z.string(),
    studyForm: z.enum(STUDY_FORMS).nullable(),
    closedOn: eventDay,
    occupation: z.enum(OCCUPATION_CODE_LIST.codes),
    measuresEnded: z.number().int(),
    measureEndReason: z.enum(END_REASONS),
    /** Activity enrolments ended on the closing day (absent on cases closed before closing ended them). */
    enrolmentsEnded: z.number().int().optional(),
  }),
  /** A closed case was taken on again as this new case (from a follow-up when `followUpId` is set). */
  case_reopened: z.object({ previousCaseId: eventId, followUpId: eventId.nullable() }),
  /** The case's target group or upper-secondary diploma was recorded (only the fields that changed). */
  case_participant_changed: z.object({
    targetGroup: z.enum(TARGET_GROUPS).optional(),
    upperSecondaryDiploma: z.enum(DIPLOMA_VALUES).optional(),
  }),
  /** Documented problems were recorded; written in the health and social category. */
  documented_problems_changed: z.object({ problems: z.array(z.enum(DOCUMENTED_PROBLEMS)) }),
  /** A follow-up after closure found `result`, `months` after the case closed. */
  follow_up_recorded: z.object({
    followUpId: eventId,
    months: z.number().int(),
    result: z.enum(FOLLOW_UP_RESULTS),
    occupation: z.enum(OCCUPATION_CODE_LIST.codes).nullable(),
  }),
} as const satisfies Record<string, z.ZodType>;
