/** Zod schemas of the assessment API: the manual, assessments, their drafts and completion. */
import { z } from 'zod';
import { PROFESSIONS } from './professions.js';
import {
  ASSESSMENT_STATUSES,
  DIPLOMA_ANSWERS,
  DOCUMENTED_NEEDS,
  HIGHEST_EDUCATION,
  MANUAL_KEY,
  PARTICIPANT_ROLES,
} from './assessment.js';
import { CONSENT_CATEGORIES } from './consent.js';
import { optionalText, storable, text } from './schemas.js';

const id = z.string().uuid();
const key = z.string().regex(MANUAL_KEY);
const localText = (max: number) =>
  z.object({
    sv: text(max),
    en: z
      .string()
      .trim()
      .max(max)
      .refine(...storable)
      .default(''),
  });

export const manualQuestionSchema = z.object({ key, text: localText(500) });
export const manualSectionSchema = z.object({
  key,
  category: z.enum(CONSENT_CATEGORIES),
  title: localText(200),
  questions: z.array(manualQuestionSchema).min(1).max(30),
});

/** PUT /assessment-manual: the whole manual, and the version it was edited from (0 for Lotsa's default). */
export const manualBody = z.object({
  version: z.number().int().min(0),
  sections: z.array(manualSectionSchema).min(1).max(30),
});
export const manualSchema = z.object({
  /** 0 while the municipality still uses Lotsa's default. */
  version: z.number().int(),
  sections: z.array(manualSectionSchema),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type Manual = z.infer<typeof manualSchema>;

export const participantsSchema = z.object({
  staff: z.array(id).max(20),
  others: z.array(z.object({ role: z.enum(PARTICIPANT_ROLES), name: optionalText(200) })).max(20),
});
export type Participants = z.infer<typeof participantsSchema>;

export const assessmentCreateBody = z.object({ revises: id.optional() }).default({});

/** PUT /assessments/:id: the draft; `answers` holds the questions sent (null or empty clears one), the rest stay. */
export const assessmentDraftBody = z.object({
  version: z.number().int(),
  participants: participantsSchema.optional(),
  highestEducation: z.enum(HIGHEST_EDUCATION).nullable().optional(),
  diploma: z.enum(DIPLOMA_ANSWERS).nullable().optional(),
  needs: z.array(z.enum(DOCUMENTED_NEEDS)).max(DOCUMENTED_NEEDS.length).optional(),
  answers: z.record(z.string(), optionalText(10000)).optional(),
});
export type AssessmentDraft = z.input<typeof assessmentDraftBody>;
export const assessmentCompleteBody = z.object({ version: z.number().int() });
/** PUT /assessments/:id/sections/:key/sharing: share the section with the young person, or stop; `version` as read. */
export const sectionSharingBody = z.object({ version: z.number().int(), shared: z.boolean() });

const staffRef = z.object({ id, name: z.string(), profession: z.enum(PROFESSIONS).nullable() });

export const assessmentSummarySchema = z.object({
  id,
  number: z.number().int(),
  status: z.enum(ASSESSMENT_STATUSES),
  revises: id.nullable(),
  startedAt: z.string(),
  startedBy: staffRef.nullable(),
  completedOn: z.string().nullable(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;

export const assessmentSchema = assessmentSummarySchema.extend({
  personId: id,
  version: z.number().int(),
  manualVersion: z.number().int(),
  sections: z.array(
    z.object({
      key: z.string(),
      category: z.enum(CONSENT_CATEGORIES),
      title: z.object({ sv: z.string(), en: z.string() }),
      /** True when the reader may not see this section's category: its answers are not sent. */
      withheld: z.boolean(),
      /** True when staff shared this section with the young person (shown once the assessment is completed). */
      sharedWithYoungPerson: z.boolean(),
      /** The reader may share this section with the young person, or stop sharing it. */
      mayShare: z.boolean(),
      questions: z.array(
        z.object({
          key: z.string(),
          text: z.object({ sv: z.string(), en: z.string() }),
          answer: z.string().nullable(),
        }),
      ),
    }),
  ),
  participants: z.object({
    staff: z.array(staffRef),
    others: z.array(z.object({ role: z.enum(PARTICIPANT_ROLES), name: z.string().nullable() })),
  }),
  highestEducation: z.enum(HIGHEST_EDUCATION).nullable(),
  diploma: z.enum(DIPLOMA_ANSWERS).nullable(),
  /** Null when withheld (health and social category). */
  needs: z.array(z.enum(DOCUMENTED_NEEDS)).nullable(),
  /** Categories whose answers were withheld from this reader. */
  withheldCategories: z.array(z.enum(CONSENT_CATEGORIES)),
  updatedAt: z.string(),
  completedBy: staffRef.nullable(),
  /** The reader may change this draft and complete it. */
  editable: z.boolean(),
  /** The reader may start a new version of this completed assessment. */
  mayRevise: z.boolean(),
});
export type Assessment = z.infer<typeof assessmentSchema>;
