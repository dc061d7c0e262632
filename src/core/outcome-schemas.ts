/** Zod schemas of the outcomes API: closing a case, taking a young person on again, and follow-ups after closure. */
import { z } from 'zod';
import { END_REASONS, STUDY_FORMS } from './measures.js';
import { OCCUPATION_CODE_LIST } from './outreach.js';
import { DIPLOMA_VALUES, DOCUMENTED_PROBLEMS, FOLLOW_UP_RESULTS, OUTCOME_CODES, TARGET_GROUPS } from './outcomes.js';
import { isoDay, optionalText } from './schemas.js';

const id = z.string().uuid();

/**
 * Closing a case: the outcome (core's versioned list), the day (between the day the case opened and
 * today), an optional note, the occupation at closure (else the one the outcome implies), why running
 * measures end (else the reason the outcome implies) and the case version read.
 */
export const closeCaseBody = z.object({
  outcome: z.enum(OUTCOME_CODES),
  closedOn: isoDay,
  note: optionalText(4000),
  studyForm: z
    .enum(STUDY_FORMS)
    .nullish()
    .transform((v) => v ?? null),
  occupation: z.enum(OCCUPATION_CODE_LIST.codes).optional(),
  measureEndReason: z.enum(END_REASONS).optional(),
  version: z.number().int(),
});
export type CloseCaseBody = z.infer<typeof closeCaseBody>;

/** A follow-up after closure, as the API shows it. */
export const followUpSchema = z.object({
  id,
  caseId: id,
  months: z.number().int(),
  dueOn: z.string(),
  result: z.enum(FOLLOW_UP_RESULTS).nullable(),
  occupation: z.enum(OCCUPATION_CODE_LIST.codes).nullable(),
  note: z.string().nullable(),
  recordedOn: z.string().nullable(),
  recordedBy: z.object({ id, name: z.string() }).nullable(),
  /** The case opened when the young person was taken on again. */
  newCaseId: id.nullable(),
  version: z.number().int(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** How a closed case ended, as the API shows it (the note only to those who see the assessment and plan). */
export const caseClosingSchema = z.object({
  outcome: z.enum(OUTCOME_CODES).nullable(),
  outcomeListVersion: z.string().nullable(),
  studyForm: z.enum(STUDY_FORMS).nullable(),
  closedOn: z.string(),
  closedBy: z.object({ id, name: z.string() }).nullable(),
  note: z.string().nullable(),
  occupation: z.enum(OCCUPATION_CODE_LIST.codes).nullable(),
});

/**
 * Who the case's participant is and how it ended; `documentedProblems` is null for a reader not allowed
 * health and social information.
 */
export const caseOutcomeSchema = z.object({
  targetGroup: z.enum(TARGET_GROUPS),
  upperSecondaryDiploma: z.enum(DIPLOMA_VALUES),
  documentedProblems: z.array(z.enum(DOCUMENTED_PROBLEMS)).nullable(),
  closing: caseClosingSchema.nullable(),
  followUps: z.array(followUpSchema),
  previousCaseId: id.nullable(),
});
export type CaseOutcome = z.infer<typeof caseOutcomeSchema>;

/** Recording a follow-up's result; `takeOn` with `back_without_occupation` opens a new case in the same step. */
export const followUpResultBody = z.object({
  result: z.enum(FOLLOW_UP_RESULTS),
  occupation: z.enum(OCCUPATION_CODE_LIST.codes).optional(),
  note: optionalText(2000),
  takeOn: z.boolean().default(false),
  version: z.number().int(),
});

/** The answer to closing, reopening or taking on again: the case now in force and its version. */
export const caseRefSchema = z.object({ caseId: id, version: z.number().int() });
