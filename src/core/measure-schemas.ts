/** Zod schemas of the measures API: the offer catalogue, a person's measures (with work placements) and referrals. */
import { z } from 'zod';
import {
  COST_UNITS,
  END_REASONS,
  isOrganisationNumber,
  OFFER_KINDS,
  REFERRAL_AGENCIES,
  REFERRAL_STATUSES,
  STUDY_FORMS,
} from './measures.js';
import { CONSENT_CATEGORIES } from './consent.js';
import { isoDay, optionalText, text } from './schemas.js';
import { isPhoneNumber } from './contact-details.js';
import { weeklyHoursSchema } from './schedule-schemas.js';

const id = z.string().uuid();

/** An offer in the catalogue, as sent when it is created or edited. */
export const offerBody = z.object({
  name: text(200),
  kind: z.enum(OFFER_KINDS),
  studyForm: z
    .enum(STUDY_FORMS)
    .nullish()
    .transform((v) => v ?? null),
  description: optionalText(2000),
  providerUnitId: id.nullish().transform((v) => v ?? null),
  providerName: optionalText(200),
  location: optionalText(300),
  capacity: z
    .number()
    .int()
    .min(0)
    .max(100000)
    .nullish()
    .transform((v) => v ?? null),
  costAmount: z
    .number()
    .int()
    .min(0)
    .max(100_000_000)
    .nullish()
    .transform((v) => v ?? null),
  costUnit: z
    .enum(COST_UNITS)
    .nullish()
    .transform((v) => v ?? null),
});
/** A change to an offer: any of its fields, and `active: false` to take it out of the catalogue. */
export const offerUpdateBody = offerBody
  .partial()
  .extend({ active: z.boolean().optional(), version: z.number().int() });
/** GET /offers.pdf: the printed catalogue's language. */
export const offersPdfQuery = z.object({ lang: z.enum(['sv', 'en']).default('sv') });
export const offerListQuery = z.object({
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const offerSchema = z.object({
  id,
  name: z.string(),
  kind: z.enum(OFFER_KINDS),
  kindListVersion: z.string(),
  studyForm: z.enum(STUDY_FORMS).nullable(),
  description: z.string().nullable(),
  provider: z.object({ unitId: id.nullable(), name: z.string() }),
  location: z.string().nullable(),
  capacity: z.number().int().nullable(),
  /** How many running measures use the offer now. */
  inUse: z.number().int(),
  costAmount: z.number().int().nullable(),
  costUnit: z.enum(COST_UNITS).nullable(),
  active: z.boolean(),
  version: z.number().int(),
});

/** A follow-up of a measure, or a visit to a work placement: the day and, once done, what was found. */
export const followUpSchema = z.object({ on: isoDay, note: optionalText(2000) });

const phone = z.string().trim().max(40).refine(isPhoneNumber, 'phone');
/** A work placement's details: the employer, the supervisor and the hours. */
export const placementSchema = z.object({
  employerName: text(200),
  organisationNumber: z.string().trim().max(20).refine(isOrganisationNumber, 'org_number'),
  employerAddress: optionalText(300),
  supervisorName: text(200),
  supervisorPhone: phone.nullish().transform((v) => v ?? null),
  supervisorEmail: z
    .string()
    .trim()
    .max(200)
    .email()
    .nullish()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null),
  hoursPerWeek: z.number().min(1).max(40),
  visits: z.array(followUpSchema).max(50).default([]),
});

export const measureBody = z.object({
  offerId: id,
  goalId: id.nullish().transform((v) => v ?? null),
  startsOn: isoDay,
  plannedEndOn: isoDay.nullish().transform((v) => v ?? null),
  endedOn: isoDay.nullish().transform((v) => v ?? null),
  endReason: z
    .enum(END_REASONS)
    .nullish()
    .transform((v) => v ?? null),
  followUps: z.array(followUpSchema).max(50).default([]),
  evaluation: optionalText(4000),
  placement: placementSchema.nullish().transform((v) => v ?? null),
  /** The weekdays and hours the measure takes place, for the young person's week. */
  weeklyHours: weeklyHoursSchema.default([]),
});
/** A change to a measure: the fields to change and the version the change was made on (409 when stale). */
export const measureUpdateBody = z.object({
  offerId: id.optional(),
  goalId: id.nullish(),
  startsOn: isoDay.optional(),
  plannedEndOn: isoDay.nullish(),
  endedOn: isoDay.nullish(),
  endReason: z.enum(END_REASONS).nullish(),
  followUps: z.array(followUpSchema).max(50).optional(),
  evaluation: optionalText(4000).optional(),
  placement: placementSchema.nullish(),
  weeklyHours: weeklyHoursSchema.optional(),
  version: z.number().int(),
});

export const measureSchema = z.object({
  id,
  personId: id,
  offer: z.object({
    id,
    name: z.string(),
    kind: z.enum(OFFER_KINDS),
    studyForm: z.enum(STUDY_FORMS).nullable(),
    provider: z.string(),
  }),
  goal: z.object({ id, title: z.string() }).nullable(),
  startsOn: z.string(),
  plannedEndOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  followUps: z.array(z.object({ on: z.string(), note: z.string().nullable() })),
  evaluation: z.string().nullable(),
  placement: z
    .object({
      employerName: z.string(),
      organisationNumber: z.string(),
      employerAddress: z.string().nullable(),
      supervisorName: z.string(),
      supervisorPhone: z.string().nullable(),
      supervisorEmail: z.string().nullable(),
      hoursPerWeek: z.number(),
      visits: z.array(z.object({ on: z.string(), note: z.string().nullable() })),
    })
    .nullable(),
  weeklyHours: z.array(z.object({ weekday: z.number().int(), start: z.string(), end: z.string() })),
  category: z.enum(CONSENT_CATEGORIES),
  recordedBy: z.string().nullable(),
  version: z.number().int(),
});

export const referralBody = z.object({
  agency: z.enum(REFERRAL_AGENCIES),
  agencyName: optionalText(200),
  sentOn: isoDay,
  reason: optionalText(2000),
  accompanied: z.boolean().default(false),
  firstVisitOn: isoDay.nullish().transform((v) => v ?? null),
  status: z.enum(REFERRAL_STATUSES).default('sent'),
  outcome: optionalText(2000),
});
export const referralUpdateBody = z.object({
  accompanied: z.boolean().optional(),
  firstVisitOn: isoDay.nullish(),
  status: z.enum(REFERRAL_STATUSES).optional(),
  outcome: optionalText(2000).optional(),
  version: z.number().int(),
});

export const referralSchema = z.object({
  id,
  personId: id,
  agency: z.enum(REFERRAL_AGENCIES),
  agencyName: z.string().nullable(),
  sentOn: z.string(),
  reason: z.string().nullable(),
  accompanied: z.boolean(),
  firstVisitOn: z.string().nullable(),
  status: z.enum(REFERRAL_STATUSES),
  outcome: z.string().nullable(),
  category: z.enum(CONSENT_CATEGORIES),
  recordedBy: z.string().nullable(),
  version: z.number().int(),
});

/** A plan goal of the person a measure can be linked to. */
export const linkableGoalSchema = z.object({ id, title: z.string(), area: z.string() });

export type Offer = z.infer<typeof offerSchema>;
export type OfferInput = z.input<typeof offerBody>;
export type Measure = z.infer<typeof measureSchema>;
export type MeasureInput = z.input<typeof measureBody>;
export type Referral = z.infer<typeof referralSchema>;
export type ReferralInput = z.input<typeof referralBody>;
export type Placement = z.infer<typeof placementSchema>;
export type LinkableGoal = z.infer<typeof linkableGoalSchema>;
