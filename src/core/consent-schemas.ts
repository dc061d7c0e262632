/**
 * Zod schemas of the consent API: consents, emergency access, applications, teams, access follow-up, register extract,
 * alerts.
 */
import { z } from 'zod';
import { CONSENT_CATEGORIES, CONSENT_GIVERS, CONSENT_METHODS } from './consent.js';
import { EMERGENCY_ROLES } from './emergency.js';
import { identityNumber, isoDay, optionalText, pageQuery, text } from './schemas.js';
import { PROFESSIONS } from './professions.js';

const id = z.string().uuid();

export const consentBody = z.object({
  recipientUnitIds: z.array(id).min(1).max(20),
  categories: z.array(z.enum(CONSENT_CATEGORIES)).min(1),
  purpose: text(1000),
  validUntil: isoDay.nullish().transform((v) => v ?? null),
  givenBy: z.enum(CONSENT_GIVERS),
  method: z.enum(CONSENT_METHODS).default('in_lotsa'),
  givenOn: isoDay.optional(),
});
export const withdrawBody = z.object({ note: optionalText(1000) }).default({ note: null });

export const consentSchema = z.object({
  id,
  recipients: z.array(z.object({ id, name: z.string() })),
  categories: z.array(z.enum(CONSENT_CATEGORIES)),
  purpose: z.string(),
  givenBy: z.enum(CONSENT_GIVERS),
  method: z.enum(CONSENT_METHODS),
  givenOn: z.string(),
  validUntil: z.string().nullable(),
  state: z.enum(['valid', 'expired', 'withdrawn']),
  hasScan: z.boolean(),
  recordedBy: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawalNote: z.string().nullable(),
});

export const consentFormQuery = z.object({ lang: z.enum(['sv', 'en']).default('sv') });

export const emergencyAccessBody = z.object({ reason: text(1000) });
export const emergencyByNumberBody = z.object({ personalIdentityNumber: identityNumber, reason: text(1000) });
export const emergencyAccessSchema = z.object({ id, personId: id, endsAt: z.string() });

export { APPLICATION_STATUSES, REFERRERS } from './consent.js';
import { APPLICATION_STATUSES, REFERRERS } from './consent.js';
export const applicationBody = z.object({
  teamId: id,
  referrer: z.enum(REFERRERS),
  signedOn: isoDay,
  signedByYoungPerson: z.literal(true),
});
export const applicationUpdateBody = z.object({
  status: z.enum(APPLICATION_STATUSES),
  decisionNote: optionalText(2000),
  version: z.number().int(),
});
/** Applications still to be decided (received, on the agenda, on the waiting list), and those decided for good. */
export const APPLICATION_VIEWS = ['pending', 'decided'] as const;
/** Final decisions: an application with one of these can no longer change. */
export const FINAL_APPLICATION_STATUSES: readonly (typeof APPLICATION_STATUSES)[number][] = ['accepted', 'declined'];
export const applicationListQuery = pageQuery.extend({
  show: z.enum(APPLICATION_VIEWS).default('pending'),
  status: z.enum(APPLICATION_STATUSES).optional(),
});
export const applicationSchema = z.object({
  id,
  person: z.object({ id, name: z.string() }),
  team: z.object({ id, name: z.string() }),
  referrer: z.enum(REFERRERS),
  signedOn: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  decisionNote: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});

export const teamBody = z.object({ name: text(200), unitId: id });
export const teamMemberBody = z.object({ staffId: id });
export const teamSchema = z.object({
  id,
  name: z.string(),
  unit: z.object({ id, name: z.string() }).nullable(),
  members: z.array(
    z.object({
      id,
      name: z.string(),
      role: z.string(),
      profession: z.enum(PROFESSIONS).nullable(),
      unit: z.string().nullable(),
    }),
  ),
});

export const ACCESS_REVIEW_KINDS = ['outside_caseload', 'emergency', 'many_persons', 'night', 'denied'] as const;
export const accessReviewQuery = z.object({
  kind: z.enum(ACCESS_REVIEW_KINDS),
  from: isoDay.optional(),
  to: isoDay.optional(),
});
export const accessReviewRowSchema = z.object({
  kind: z.enum(ACCESS_REVIEW_KINDS),
  day: z.string(),
  actor: z.object({ id, name: z.string() }),
  person: z.object({ id, name: z.string() }).nullable(),
  reads: z.number().int(),
  detail: z.string().nullable(),
  reviewed: z.object({ by: z.string(), at: z.string(), note: z.string().nullable() }).nullable(),
});
export const accessReviewMarkBody = z.object({
  kind: z.enum(ACCESS_REVIEW_KINDS),
  actorId: id,
  personId: id.nullable(),
  day: isoDay,
  note: optionalText(1000),
});

export const settingsSchema = z.object({
  emergencyAccessHours: z.number().int().min(1).max(72),
  /** Persons one staff member may open by emergency access in a day before a coordinator must approve. */
  emergencyDailyLimit: z.number().int().min(1).max(100),
  /** The roles that may use emergency access. */
  emergencyRoles: z.array(z.enum(EMERGENCY_ROLES)).max(EMERGENCY_ROLES.length),
  /** The units whose caseworkers may use it; null: the KAA's own units. Coordinators always count as the KAA's own. */
  emergencyUnitIds: z.array(id).max(100).nullable(),
});
/** A change of settings: only the fields given change. */
export const settingsBody = settingsSchema.partial();

/** A request for emergency access past the day's limit, waiting for a coordinator. */
export const emergencyRequestSchema = z.object({
  id,
  person: z.object({ id, name: z.string() }),
  requestedBy: z.object({ id, name: z.string() }),
  reason: z.string(),
  createdAt: z.string(),
});
/** The answer to an emergency-access request that must wait for a coordinator's approval. */
export const emergencyPendingSchema = z.object({ requestId: id, personId: id, status: z.literal('pending') });

export const extractQuery = z.object({
  format: z.enum(['json', 'pdf']).default('json'),
  lang: z.enum(['sv', 'en']).default('sv'),
});

export const alertSchema = z.object({
  id,
  kind: z.string(),
  personId: id.nullable(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

export type Consent = z.infer<typeof consentSchema>;
export type ConsentInput = z.input<typeof consentBody>;
export type Application = z.infer<typeof applicationSchema>;
export type Team = z.infer<typeof teamSchema>;
export type AccessReviewRow = z.infer<typeof accessReviewRowSchema>;
export type StaffAlert = z.infer<typeof alertSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type EmergencyRequest = z.infer<typeof emergencyRequestSchema>;
