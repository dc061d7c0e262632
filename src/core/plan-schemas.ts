/** Zod schemas of the action plan API: the plan sent whole with its version, versions, signatures, goal areas. */
import { z } from 'zod';
import {
  PLAN_SIGN_METHODS,
  PLAN_SIGNERS,
  RESPONSIBLE_KINDS,
  STEP_END_REASONS,
  STEP_STATUSES,
  stepBreaches,
} from './plan.js';
import { PROFESSIONS } from './professions.js';
import { isoDay, optionalText, text } from './schemas.js';
import { changeSummary } from './events/plan-events.js';

const id = z.string().uuid();
const day = isoDay.nullish().transform((v) => v ?? null);

/** One step of a goal; its rules (dates in order, who is responsible named) are core's `stepBreaches`. */
export const planStepInput = z
  .object({
    id: id.optional(),
    title: text(300),
    responsibleKind: z.enum(RESPONSIBLE_KINDS),
    responsibleUnitId: id.nullish().transform((v) => v ?? null),
    responsibleOther: optionalText(200),
    startOn: day,
    dueOn: day,
    status: z.enum(STEP_STATUSES).default('planned'),
    endedOn: day,
    endReason: z
      .enum(STEP_END_REASONS)
      .nullish()
      .transform((v) => v ?? null),
    followUpOn: day,
  })
  .superRefine((step, ctx) => {
    for (const breach of stepBreaches(step))
      ctx.addIssue({ code: 'custom', path: [breach.field], message: breach.code });
  });

export const subGoalInput = z.object({ id: id.optional(), title: text(300), done: z.boolean().default(false) });

export const planGoalInput = z.object({
  id: id.optional(),
  area: z.string().trim().min(1).max(60),
  title: text(300),
  ownWords: optionalText(2000),
  subGoals: z.array(subGoalInput).max(20).default([]),
  steps: z.array(planStepInput).max(40).default([]),
});

/** PUT /cases/:id/plan: the whole plan and the version it was read at (0 when there is no plan yet). */
export const planBody = z.object({
  version: z.number().int().min(0),
  followUpOn: day,
  evaluation: optionalText(4000),
  evaluatedOn: day,
  goals: z.array(planGoalInput).max(20),
});
export type PlanInput = z.infer<typeof planBody>;

export const planStepSchema = z.object({
  id,
  title: z.string(),
  responsibleKind: z.enum(RESPONSIBLE_KINDS),
  responsibleUnitId: id.nullable(),
  responsibleOther: z.string().nullable(),
  startOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(STEP_STATUSES),
  endedOn: z.string().nullable(),
  endReason: z.enum(STEP_END_REASONS).nullable(),
  followUpOn: z.string().nullable(),
});
export const planGoalSchema = z.object({
  id,
  area: z.string(),
  title: z.string(),
  ownWords: z.string().nullable(),
  subGoals: z.array(z.object({ id, title: z.string(), done: z.boolean() })),
  steps: z.array(planStepSchema),
});
/** The plan as stored in each version (the JSON of `plan_versions.document`). */
export const planDocument = z.object({
  followUpOn: z.string().nullable(),
  evaluation: z.string().nullable(),
  evaluatedOn: z.string().nullable(),
  goals: z.array(planGoalSchema),
});
export type PlanDocument = z.infer<typeof planDocument>;

export const planSignatureSchema = z.object({
  id,
  version: z.number().int(),
  signedBy: z.enum(PLAN_SIGNERS),
  method: z.enum(PLAN_SIGN_METHODS),
  signedOn: z.string(),
  recordedBy: z.string().nullable(),
  hasScan: z.boolean(),
});

/** GET /cases/:id/plan: version 0 and no goals while the plan is not made yet. */
export const planSchema = planDocument.extend({
  caseId: id,
  personId: id,
  personName: z.string(),
  /** The case's contact person and what they work as, so the young person sees who is who. */
  contactPerson: z.object({ name: z.string(), profession: z.enum(PROFESSIONS).nullable() }).nullable(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  removedGoals: z.array(z.object({ id, area: z.string(), title: z.string(), removedAt: z.string() })),
  /** The goals whose own words the young person wrote themselves, in /mitt. */
  ownWordsByYoungPerson: z.array(id),
  signatures: z.array(planSignatureSchema),
  /** The goal areas the municipality uses, and the units a step can be given to. */
  goalAreas: z.array(z.object({ code: z.string(), sv: z.string(), en: z.string() })),
  units: z.array(z.object({ id, name: z.string() })),
  /** True when the reader may change the plan (the KAA's own staff on the case). */
  canEdit: z.boolean(),
});
export type Plan = z.infer<typeof planSchema>;

export const planChangeSummarySchema = changeSummary;

export const planVersionSchema = z.object({
  version: z.number().int(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  summary: planChangeSummarySchema,
  document: planDocument,
});
export type PlanVersion = z.infer<typeof planVersionSchema>;

/** POST /cases/:id/plan/sign: the version the young person (or guardian) signs, in Lotsa or on paper. */
export const planSignBody = z.object({
  version: z.number().int().min(1),
  signedBy: z.enum(PLAN_SIGNERS).default('young_person'),
  method: z.enum(PLAN_SIGN_METHODS).default('in_lotsa'),
  signedOn: isoDay.optional(),
});

export const planPdfQuery = z.object({ lang: z.enum(['sv', 'en']).default('sv') });

/**
 * A goal area of the municipality's list: a code (kept by goals, so never deleted), its names, and whether new goals
 * may use it.
 */
export const goalAreaSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  sv: text(80),
  en: text(80),
  active: z.boolean().default(true),
});
/** PUT /plan-goal-areas: the whole list in order; areas left out are kept inactive. */
export const goalAreasBody = z.object({
  areas: z
    .array(goalAreaSchema)
    .min(1)
    .max(60)
    .superRefine((areas, ctx) => {
      const seen = new Set<string>();
      areas.forEach((a, i) => {
        if (seen.has(a.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: 'invalid' });
        seen.add(a.code);
      });
    }),
});
export const goalAreasResponse = z.object({
  /** True while the municipality uses Lotsa's default list. */
  isDefault: z.boolean(),
  codeListVersion: z.number().int(),
  areas: z.array(z.object({ code: z.string(), sv: z.string(), en: z.string(), active: z.boolean() })),
});
export type GoalAreasResponse = z.infer<typeof goalAreasResponse>;
