/** Timeline events of the plan area and their payloads (see `./index.ts`). All are in category assessment_plan. */
import { z } from 'zod';
import { PLAN_SIGN_METHODS, PLAN_SIGNERS } from '../plan.js';

/** What changed between two versions of a plan (plan_updated's summary; also in the versions API). */
export const changeSummary = z.object({
  goalsAdded: z.array(z.string()),
  goalsRemoved: z.array(z.string()),
  goalsChanged: z.array(z.string()),
  stepsAdded: z.number().int(),
  stepsChanged: z.number().int(),
  stepsRemoved: z.number().int(),
  followUpChanged: z.boolean(),
  evaluationChanged: z.boolean(),
});

/** Payload schemas of the plan area's events, by event type. */
export const planEvents = {
  /** The first version of a case's plan: how many goals (by area) and steps. */
  plan_created: z.object({
    planId: z.string().uuid(),
    version: z.number().int(),
    goalAreas: z.array(z.string()),
    steps: z.number().int(),
  }),
  /** A later version, with a short summary of what changed. */
  plan_updated: z.object({ planId: z.string().uuid(), version: z.number().int(), summary: changeSummary }),
  /** The young person (or guardian) signed a version, in Lotsa or on paper. */
  plan_signed: z.object({
    planId: z.string().uuid(),
    version: z.number().int(),
    signedBy: z.enum(PLAN_SIGNERS),
    method: z.enum(PLAN_SIGN_METHODS),
    signedOn: z.string(),
  }),
} as const satisfies Record<string, z.ZodType>;
