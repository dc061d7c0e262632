/**
 * The young persons' short evaluations as staff see them: summed up per offer (measures) and per
 * activity, without names. "What could be better" answers are shown only where enough young people
 * answered that no one answer points at one person (`EVALUATION_TEXTS_FROM`).
 */
import { z } from 'zod';
import { EVALUATION_SUBJECTS } from './me-schemas.js';

/** The fewest answers an offer or activity needs before its free-text answers are shown to staff. */
export const EVALUATION_TEXTS_FROM = 3;

export const evaluationSummaryRow = z.object({
  subject: z.enum(EVALUATION_SUBJECTS),
  /** The offer's id (for measures) or the activity's. */
  id: z.string().uuid(),
  name: z.string(),
  answers: z.number().int(),
  /** Mean usefulness, 1 to 5, one decimal. */
  average: z.number(),
  /** How many answered 1, 2, 3, 4 and 5. */
  counts: z.array(z.number().int()).length(5),
  /** "What could be better", in no order, without names; empty below EVALUATION_TEXTS_FROM answers. */
  better: z.array(z.string()),
});
export const evaluationSummarySchema = z.object({
  textsFrom: z.number().int(),
  rows: z.array(evaluationSummaryRow),
});
export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;
