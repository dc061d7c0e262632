/**
 * The API of the young person's own Lotsa (/api/v1/me): sign-in with a one-time code and what the
 * young person sees of their own record. Plain data; the web app renders it in plain language.
 */
import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from './audit-vocabulary.js';
import { APPLICATION_STATUSES, CONSENT_CATEGORIES, REFERRERS } from './consent.js';
import { RESPONSIBLE_KINDS, STEP_STATUSES } from './plan.js';
import { ROLES } from './roles.js';
import { identityNumber } from './schemas.js';

/** How long a sign-in code lives, and how many digits it has. */
export const ME_CODE = { digits: 6, validMinutes: 10 } as const;

export const meCodeBody = z.object({ personalIdentityNumber: identityNumber });
export const meLoginBody = z.object({
  personalIdentityNumber: identityNumber,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export const meLoginResponse = z.object({ csrfToken: z.string() });

/** One of the young person's applications to a team: prepared for them to sign, or signed and on its way. */
export const meApplicationSchema = z.object({
  /** The application's id; while it awaits the young person's signature, the id of what was prepared. */
  id: z.string().uuid(),
  team: z.string(),
  referrer: z.enum(REFERRERS),
  state: z.enum(['awaiting_signature', ...APPLICATION_STATUSES]),
  /** Null while it awaits the young person's signature. */
  signedOn: z.string().nullable(),
});
export type MeApplication = z.infer<typeof meApplicationSchema>;

export const meSummarySchema = z.object({
  givenName: z.string(),
  csrfToken: z.string(),
  contactPerson: z.object({ name: z.string(), email: z.string(), unit: z.string().nullable() }).nullable(),
  nextMeeting: z
    .object({
      startsAt: z.string(),
      endsAt: z.string(),
      kind: z.enum(['meeting', 'drop_in', 'home_visit']),
      place: z.string().nullable(),
    })
    .nullable(),
  /** Applications to a team: those the contact person prepared for the young person to sign, and signed ones. */
  applications: z.array(meApplicationSchema),
});
export type MeSummary = z.infer<typeof meSummarySchema>;

export const meStepSchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  responsibleKind: z.enum(RESPONSIBLE_KINDS),
  /** The unit's name, or the other party's, when the step is not the young person's own. */
  responsible: z.string().nullable(),
  startOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(STEP_STATUSES),
  /** The young person may mark it done: their own step, not yet done or stopped. */
  canMarkDone: z.boolean(),
});
export const mePlanSchema = z.object({
  version: z.number().int(),
  goals: z.array(
    z.object({
      id: z.string().uuid(),
      area: z.object({ code: z.string(), sv: z.string(), en: z.string() }),
      title: z.string(),
      ownWords: z.string().nullable(),
      /** True when the own words are the young person's, written in /mitt (not typed in by staff). */
      ownWordsByYou: z.boolean(),
      subGoals: z.array(z.object({ id: z.string().uuid(), title: z.string(), done: z.boolean() })),
      steps: z.array(meStepSchema),
    }),
  ),
  followUpOn: z.string().nullable(),
  /** True when the young person has signed the current version. */
  signed: z.boolean(),
});
export type MePlan = z.infer<typeof mePlanSchema>;
export const meSignBody = z.object({ version: z.number().int().min(1) });

export const meConsentSchema = z.object({
  /** The consent's id; while it awaits the young person's signature, the id of what was prepared. */
  id: z.string().uuid(),
  recipients: z.array(z.string()),
  categories: z.array(z.enum(CONSENT_CATEGORIES)),
  purpose: z.string(),
  /** Null while it awaits the young person's signature. */
  givenOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  /** `awaiting_signature`: prepared by the contact person, gives no access until the young person signs it. */
  state: z.enum(['awaiting_signature', 'valid', 'expired', 'withdrawn']),
  withdrawnAt: z.string().nullable(),
});
export type MeConsent = z.infer<typeof meConsentSchema>;

export const meAccessEntrySchema = z.object({
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  what: z.enum(AUDIT_ENTITIES),
  unit: z.string().nullable(),
  role: z.enum(ROLES).nullable(),
  /** The staff member's name, when the municipality has chosen to show names. */
  name: z.string().nullable(),
  basis: z.enum(['register', 'contact_person', 'team', 'consent', 'emergency']).nullable(),
  emergency: z.boolean(),
});
export const meAccessLogSchema = z.object({ namesShown: z.boolean(), entries: z.array(meAccessEntrySchema) });
export type MeAccessLog = z.infer<typeof meAccessLogSchema>;

/** What a young person can evaluate: one of their measures, or an activity they were enrolled in. */
export const EVALUATION_SUBJECTS = ['measure', 'activity'] as const;
/** How useful, on a scale of 1 (not at all) to 5 (very). */
export const USEFULNESS = { min: 1, max: 5 } as const;
/** The longest answer to "what could be better". */
export const EVALUATION_TEXT_MAX = 1000;

export const meEvaluationSchema = z.object({
  subject: z.enum(EVALUATION_SUBJECTS),
  /** The measure's id, or the activity's. */
  id: z.string().uuid(),
  name: z.string(),
  endedOn: z.string(),
  answer: z.object({ usefulness: z.number().int(), better: z.string().nullable(), answeredAt: z.string() }).nullable(),
});
export type MeEvaluation = z.infer<typeof meEvaluationSchema>;
export const meEvaluationBody = z.object({
  usefulness: z.number().int().min(USEFULNESS.min).max(USEFULNESS.max),
  better: z.string().trim().max(EVALUATION_TEXT_MAX).nullish(),
});
export const meEvaluationParams = z.object({ subject: z.enum(EVALUATION_SUBJECTS), id: z.string().uuid() });

/** The young person's own words on a goal of their plan; `version` is the plan version they saw. */
export const meOwnWordsBody = z.object({
  version: z.number().int().min(1),
  text: z.string().trim().max(2000),
});

/** What staff have shared with the young person ("Delat med dig"): notes, newest first. */
const localText = z.object({ sv: z.string(), en: z.string() });
export const meSharedSchema = z.object({
  notes: z.array(z.object({ id: z.string().uuid(), at: z.string(), text: z.string() })),
  /** Completed assessments with the sections staff shared, newest first; only those with a shared section. */
  assessments: z.array(
    z.object({
      id: z.string().uuid(),
      number: z.number().int(),
      completedOn: z.string(),
      sections: z.array(
        z.object({
          key: z.string(),
          title: localText,
          questions: z.array(z.object({ key: z.string(), text: localText, answer: z.string().nullable() })),
        }),
      ),
    }),
  ),
});
export type MeShared = z.infer<typeof meSharedSchema>;

/** The municipality's settings for the young person's own Lotsa (coordinators change them). */
export const youngPersonSettingsSchema = z.object({
  /** Whether the young person's access log names staff (else unit and role only). */
  staffNamesShown: z.boolean(),
});
export type YoungPersonSettings = z.infer<typeof youngPersonSettingsSchema>;
