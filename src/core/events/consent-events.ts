/**
 * Timeline events of the consent area (consents, applications to a cooperation team) and their payloads (see
 * `./index.ts`).
 */
import { z } from 'zod';
import { APPLICATION_STATUSES, CONSENT_CATEGORIES, REFERRERS } from '../consent.js';
import { eventDay, eventId } from './fields.js';

/** Payload schemas of the consent area's events, by event type. */
export const consentEvents = {
  /**
   * A consent was recorded: the categories it covers, how many recipient units, and until when.
   * The demo data of the first weeks stored `consentId` alone (the rest reads as null).
   */
  consent_recorded: z.object({
    consentId: eventId,
    categories: z.array(z.enum(CONSENT_CATEGORIES)).nullable().default(null),
    recipients: z.number().int().min(0).nullable().default(null),
    validUntil: eventDay.nullable().default(null),
  }),
  /** A consent was withdrawn. */
  consent_withdrawn: z.object({ consentId: eventId }),
  /**
   * The contact person prepared a consent or an application to a team for the young person to sign in
   * their own Lotsa (/mitt); it counts only once signed.
   */
  signature_requested: z.object({ requestId: eventId, kind: z.enum(['consent', 'application']) }),
  /**
   * The young person signed, in their own Lotsa, what the contact person prepared: it became the consent
   * or application named.
   */
  signed_by_young_person: z.object({
    requestId: eventId,
    kind: z.enum(['consent', 'application']),
    consentId: eventId.nullable().default(null),
    applicationId: eventId.nullable().default(null),
  }),
  /** The contact person took back what they had prepared for the young person to sign. */
  signature_request_cancelled: z.object({ requestId: eventId, kind: z.enum(['consent', 'application']) }),
  /** An application to a cooperation team was received, and who referred the person. */
  application_received: z.object({ applicationId: eventId, referrer: z.enum(REFERRERS) }),
  /** An application reached a new step (the status it moved to). */
  application_decided: z.object({ applicationId: eventId, status: z.enum(APPLICATION_STATUSES) }),
} as const satisfies Record<string, z.ZodType>;
