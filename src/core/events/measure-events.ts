/**
 * Timeline events of the measure area and their payloads (see `./index.ts`). Each is written in the
 * consent category of what it is about: measures in 'assessment_plan' (core's MEASURE_CATEGORY), a
 * referral in its agency's category (core's referralCategory: 'health_social' for social services,
 * health care, addiction care and the youth health clinic).
 */
import { z } from 'zod';
import { END_REASONS, OFFER_KINDS, REFERRAL_AGENCIES, REFERRAL_STATUSES } from '../measures.js';

const measure = { measureId: z.string().uuid(), offerName: z.string(), kind: z.enum(OFFER_KINDS) };
const referral = {
  referralId: z.string().uuid(),
  agency: z.enum(REFERRAL_AGENCIES),
  agencyName: z.string().nullable(),
};

/** Payload schemas of the measure area's events, by event type. */
export const measureEvents = {
  /** A measure was booked (its start may lie ahead). */
  measure_started: z.object({
    ...measure,
    startsOn: z.string(),
    plannedEndOn: z.string().nullable(),
    employerName: z.string().nullable(),
  }),
  /** A measure was changed without ending: which fields. */
  measure_updated: z.object({ ...measure, fields: z.array(z.string()) }),
  /** A measure ended, and why. */
  measure_ended: z.object({ ...measure, endedOn: z.string(), endReason: z.enum(END_REASONS) }),
  /** The young person was referred to another agency. */
  referral_sent: z.object({ ...referral, sentOn: z.string(), accompanied: z.boolean() }),
  /** A referral's status, outcome or first visit changed. */
  referral_updated: z.object({
    ...referral,
    status: z.enum(REFERRAL_STATUSES),
    previousStatus: z.enum(REFERRAL_STATUSES),
    accompanied: z.boolean(),
  }),
} as const satisfies Record<string, z.ZodType>;
