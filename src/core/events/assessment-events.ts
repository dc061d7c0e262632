/**
 * Timeline events of the assessment area and their payloads (see `./index.ts`). Both are in the assessment and plan
 * category.
 */
import { z } from 'zod';

const id = z.string().uuid();

/** Payload schemas of the assessment area's events, by event type. */
export const assessmentEvents = {
  /** An assessment (or a revision of an earlier one, `revises`) was started as a draft. */
  assessment_started: z.object({ assessmentId: id, number: z.number().int().min(1), revises: id.nullable() }),
  /** An assessment was completed on a day and became read-only; the person now counts as mapped. */
  assessment_completed: z.object({
    assessmentId: id,
    number: z.number().int().min(1),
    completedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
  /** Staff shared a section of the assessment with the young person (`shared`), or stopped sharing it. */
  assessment_section_shared: z.object({
    assessmentId: id,
    number: z.number().int().min(1),
    sectionKey: z.string(),
    /** The section's title in the manual the assessment was made with. */
    sectionTitle: z.object({ sv: z.string(), en: z.string() }),
    shared: z.boolean(),
  }),
} as const satisfies Record<string, z.ZodType>;
