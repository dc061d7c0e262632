/** The API schemas of the reports (issue 15): the outcome report, the SCB half-year return and the figure settings. */
import { z } from 'zod';
import { SCB_BLOCKS, SCB_CHECKS } from './scb.js';
import { isoDay } from './schemas.js';

/** A count as it may be shown: a number, or "<3" where small cells are suppressed. */
const count = z.union([z.number().int(), z.literal('<3')]);
const shareOf = z.number().nullable();

/** GET /api/v1/reports/outcomes: the period (closed between two days, inclusive) and the format. */
export const outcomeReportQuery = z.object({ from: isoDay, to: isoDay, format: z.enum(['json', 'csv', 'xlsx', 'pdf']).default('json'), lang: z.enum(['sv', 'en']).default('sv') });

const byGender = z.object({ female: count, male: count });
/** The outcome report: counts and shares, never who. */
export const outcomeReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  closed: count,
  byOutcome: z.record(z.string(), z.object({ total: count, female: count, male: count })),
  byGender,
  byTargetGroup: z.object({ kaa: count, young_adult: count, other: count }),
  byAgeBand: z.object({ '16_17': count, '18_19': count, '20_25': count, outside: count }),
  withoutDiploma: count,
  withoutDiplomaShare: shareOf,
  documentedProblems: count,
  documentedProblemsShare: shareOf,
  medianDays: z.object({ toFirstContact: z.number().nullable(), toAssessment: z.number().nullable(), toFirstMeasure: z.number().nullable(), toOutcome: z.number().nullable() }),
  studiesOrWork: z.object({ months: z.number(), target: z.number(), count, share: shareOf, targetMet: z.boolean().nullable() }),
  smallCellsSuppressed: z.boolean(),
});

/** GET /api/v1/reports/scb: the half-year (YYYY-H1 or YYYY-H2) and the format. */
export const scbReturnQuery = z.object({ half: z.string().regex(/^\d{4}-H[12]$/), format: z.enum(['json', 'csv', 'xlsx']).default('json') });

/** The SCB return as JSON: counts per block and code, and the failed checks (persons only for those who may see them). */
export const scbReturnSchema = z.object({
  half: z.string(),
  from: z.string(),
  to: z.string(),
  codeListVersion: z.string(),
  blocks: z.record(z.enum(SCB_BLOCKS), z.object({ total: count, byCode: z.record(z.string(), count) })),
  checks: z.object({
    passed: z.boolean(),
    failures: z.number().int(),
    listed: z.array(z.object({ check: z.enum(SCB_CHECKS), block: z.enum(SCB_BLOCKS), on: z.string(), person: z.object({ id: z.string(), name: z.string(), personalIdentityNumber: z.string() }) })),
    /** Failures about persons the reader may not see: counted, never named. */
    notShown: z.number().int(),
  }),
  smallCellsSuppressed: z.boolean(),
});
export type ScbReturn = z.infer<typeof scbReturnSchema>;
