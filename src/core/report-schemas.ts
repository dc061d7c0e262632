/** The API schemas of the reports (issue 15): the outcome report, the SCB half-year return and the figure settings. */
import { z } from 'zod';
import { SCB_BLOCKS, SCB_CHECKS } from './scb.js';
import { isoDay } from './schemas.js';
import { MEDIAN_KEYS } from './figures.js';
import { DIPLOMA_VALUES, OUTCOME_CODES } from './outcomes.js';

/** A count as it may be shown: a number, or "<3" where small cells are suppressed. */
const count = z.union([z.number().int(), z.literal('<3')]);
const shareOf = z.number().nullable();

/** GET /api/v1/reports/outcomes: the period (closed between two days, inclusive) and the format. */
export const outcomeReportQuery = z.object({
  from: isoDay,
  to: isoDay,
  targetGroup: z.enum(['kaa', 'young_adult', 'other']).optional(),
  contactPerson: z.string().uuid().optional(),
  format: z.enum(['json', 'csv', 'xlsx', 'pdf']).default('json'),
  lang: z.enum(['sv', 'en']).default('sv'),
});

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
  diplomaUnknown: count,
  documentedProblems: count,
  documentedProblemsShare: shareOf,
  medianDays: z.object({
    toFirstContact: z.number().nullable(),
    toAssessment: z.number().nullable(),
    toFirstMeasure: z.number().nullable(),
    toOutcome: z.number().nullable(),
  }),
  studiesOrWork: z.object({
    months: z.number(),
    target: z.number(),
    count,
    share: shareOf,
    targetMet: z.boolean().nullable(),
  }),
  smallCellsSuppressed: z.boolean(),
});

/** GET /api/v1/reports/scb: the half-year (YYYY-H1 or YYYY-H2) and the format. */
export const scbReturnQuery = z.object({
  half: z.string().regex(/^\d{4}-H[12]$/),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

/** The SCB return as JSON: counts per block and code, and the failed checks (persons only for who may see them). */
export const scbReturnSchema = z.object({
  half: z.string(),
  from: z.string(),
  to: z.string(),
  codeListVersion: z.string(),
  blocks: z.record(z.enum(SCB_BLOCKS), z.object({ total: count, byCode: z.record(z.string(), count) })),
  checks: z.object({
    passed: z.boolean(),
    failures: z.number().int(),
    listed: z.array(
      z.object({
        check: z.enum(SCB_CHECKS),
        block: z.enum(SCB_BLOCKS),
        on: z.string(),
        person: z.object({ id: z.string(), name: z.string(), personalIdentityNumber: z.string() }),
      }),
    ),
    /** Failures about persons the reader may not see: counted, never named. */
    notShown: z.number().int(),
  }),
  smallCellsSuppressed: z.boolean(),
});
export type ScbReturn = z.infer<typeof scbReturnSchema>;

const targetGroup = z.enum(['kaa', 'young_adult', 'other']);
/** Filters of the figures page: the case's target group and its contact person. */
const figureFilters = { targetGroup: targetGroup.optional(), contactPerson: z.string().uuid().optional() };
const tableFormat = z.enum(['json', 'csv', 'xlsx']).default('json');

/** GET /api/v1/reports/outreach and /measures: a period (both days inclusive), filters and format. */
export const periodFiguresQuery = z.object({
  from: isoDay,
  to: isoDay,
  ...figureFilters,
  format: tableFormat,
  lang: z.enum(['sv', 'en']).default('sv'),
});
/** GET /api/v1/reports/status: the day (today when left out), filters and format. */
export const statusFiguresQuery = z.object({
  on: isoDay.optional(),
  ...figureFilters,
  format: tableFormat,
  lang: z.enum(['sv', 'en']).default('sv'),
});

const money = z.number().int().nullable();
/** Outreach by channel: attempts and reached per rung of the ladder. */
export const channelFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  channels: z.array(
    z.object({
      channel: z.string(),
      attempts: count,
      reached: count,
      persons: count,
      personsReached: count,
      reachedShare: shareOf,
    }),
  ),
  attempts: count,
  reached: count,
  months: z.array(z.object({ month: z.string(), inRegister: count, reached: count, reachedShare: shareOf })),
  smallCellsSuppressed: z.boolean(),
});

/** Measures per offer: participants, completed, interrupted, cost per participant and per outcome. */
export const measureFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  offers: z.array(
    z.object({
      offerId: z.string(),
      name: z.string(),
      kind: z.string(),
      costAmount: money,
      costUnit: z.enum(['week', 'participant']).nullable(),
      participants: count,
      completed: count,
      interrupted: count,
      outcomes: count,
      completedShare: shareOf,
      cost: money,
      costPerParticipant: money,
      costPerOutcome: money,
    }),
  ),
  total: z.object({
    participants: count,
    completed: count,
    interrupted: count,
    outcomes: count,
    cost: z.number().int(),
  }),
  lostYoungPersonCost: z.number().int(),
  costInLostYoungPersons: z.number(),
  smallCellsSuppressed: z.boolean(),
});

const statusRow = z.object({ total: count, female: count, male: count });
/** Status now: participants on a day by status, gender and target group; caseload per contact person. */
export const statusFiguresSchema = z.object({
  on: z.string(),
  participants: count,
  byStatus: z.object({ new: statusRow, contacting: statusRow, active: statusRow }),
  byGender,
  byTargetGroup: z.object({ kaa: count, young_adult: count, other: count }),
  caseload: z.array(
    z.object({
      contactPerson: z.object({ id: z.string(), name: z.string() }).nullable(),
      open: count,
      capacity: z.number().int().nullable(),
      load: z.number().nullable(),
      overCapacity: z.boolean().nullable(),
    }),
  ),
  defaultCapacity: z.number().int(),
  smallCellsSuppressed: z.boolean(),
});

/** The municipality's figure settings (core's FigureSettings) and the follow-up points after closure. */
export const figureSettingsValues = z.object({
  targetMonths: z.number().int().min(1).max(36),
  targetShare: z.number().min(0).max(1),
  lostYoungPersonCost: z.number().int().min(0).max(1_000_000_000),
  caseloadCapacity: z.number().int().min(1).max(1000),
  followUpMonths: z.array(z.number().int().min(1).max(60)).min(1).max(6),
});
export const figureSettingsResponse = z.object({ settings: figureSettingsValues, version: z.number().int() });
export const figureSettingsBody = z.object({ settings: figureSettingsValues, version: z.number().int().min(0) });
/** PUT /api/v1/staff/{id}/caseload-capacity: open cases the contact person can hold; null: the municipality's. */
export const caseloadCapacityBody = z.object({ capacity: z.number().int().min(0).max(1000).nullable() });

/** GET /api/v1/reports/outcomes/cases: the cases behind a count of the outcome table (an outcome, or all). */
export const outcomeCasesQuery = z.object({
  from: isoDay,
  to: isoDay,
  outcome: z.enum(OUTCOME_CODES).optional(),
  targetGroup: targetGroup.optional(),
  contactPerson: z.string().uuid().optional(),
  /** The gender read from the identity number, as the report's columns by gender count it. */
  gender: z.enum(['female', 'male']).optional(),
  /** The diploma as the report counts it (the case's record and the register): `no`, `unknown` or `yes`. */
  diploma: z.enum(DIPLOMA_VALUES).optional(),
  /** With documented problems (`true`) or without (`false`); only persons whose health and social category one sees. */
  documentedProblems: z.enum(['true', 'false']).optional(),
  /** Instead of closed cases, the rows of one block of the SCB return over the period (with `scbCode`, one code's). */
  scbBlock: z.enum(SCB_BLOCKS).optional(),
  /** A Lotsa code of the block, or `none` for rows without one (as the return's counts per code). */
  scbCode: z
    .string()
    .regex(/^[a-z0-9_]{1,40}$/)
    .optional(),
  /** The cases a median of the report is taken over: those with both days (the start and the median's end). */
  median: z.enum(MEDIAN_KEYS).optional(),
  /** On to studies or work within the target's months (`true`, the share's numerator) or not (`false`). */
  onTime: z.enum(['true', 'false']).optional(),
});
/** The cases behind a count: only those the reader may see (the rest are neither listed nor counted). */
export const outcomeCasesSchema = z.object({
  from: z.string(),
  to: z.string(),
  outcome: z.string().nullable(),
  cases: z.array(
    z.object({
      caseId: z.string(),
      closedOn: z.string(),
      outcome: z.string(),
      targetGroup: z.string().nullable(),
      person: z.object({ id: z.string(), name: z.string(), personalIdentityNumber: z.string() }),
      /**
       * With `median` or `onTime`: the start (register entry, or the case's opening), the day the
       * median runs to (or the closing day), and the days between, as the report counts them; else null.
       */
      span: z.object({ startedOn: z.string(), endedOn: z.string(), days: z.number().int() }).nullable().optional(),
    }),
  ),
  /** True when more cases (or SCB rows) matched than the list holds (`OUTCOME_CASES_LIMIT`). */
  truncated: z.boolean(),
  /** The filters beyond the outcome, echoed (null when not given). */
  gender: z.string().nullable(),
  diploma: z.string().nullable(),
  documentedProblems: z.boolean().nullable(),
  scbBlock: z.string().nullable(),
  scbCode: z.string().nullable(),
  /** The median traced, and whether on to studies or work in time (null when not asked); `months` is the target's N. */
  median: z.string().nullable().optional(),
  onTime: z.boolean().nullable().optional(),
  months: z.number().int().nullable().optional(),
  /** With `scbBlock`: the block's rows of the persons the reader may see (`cases` is then empty). */
  scbRows: z.array(
    z.object({
      block: z.string(),
      on: z.string(),
      code: z.string().nullable(),
      person: z.object({ id: z.string(), name: z.string(), personalIdentityNumber: z.string() }),
    }),
  ),
});
export type OutcomeCases = z.infer<typeof outcomeCasesSchema>;
