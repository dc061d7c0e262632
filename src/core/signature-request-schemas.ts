/**
 * Requests for the young person's signature: a consent or an application to a team that the contact
 * person prepares in Lotsa and the young person signs in their own Lotsa (/mitt). Until it is signed
 * it gives no access and reaches no team meeting. One schema for what is stored, one for each form.
 */
import { z } from 'zod';
import { CONSENT_CATEGORIES, REFERRERS } from './consent.js';
import { isoDay, text } from './schemas.js';

const id = z.string().uuid();

/** What can be prepared for the young person to sign. */
export const SIGNATURE_REQUEST_KINDS = ['consent', 'application'] as const;
export type SignatureRequestKind = (typeof SIGNATURE_REQUEST_KINDS)[number];

/** What the contact person prepared, as stored with the request (`signature_requests.content`). */
export const signatureRequestContent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('consent'),
    recipientUnitIds: z.array(id).min(1).max(20),
    categories: z.array(z.enum(CONSENT_CATEGORIES)).min(1),
    purpose: z.string(),
    validUntil: z.string().nullable(),
  }),
  z.object({ kind: z.literal('application'), teamId: id, referrer: z.enum(REFERRERS) }),
]);
export type SignatureRequestContent = z.infer<typeof signatureRequestContent>;

/** A consent to prepare: to whom, what, why and until when; the young person signs it, today, in /mitt. */
export const preparedConsentBody = z.object({
  recipientUnitIds: z.array(id).min(1).max(20),
  categories: z.array(z.enum(CONSENT_CATEGORIES)).min(1),
  purpose: text(1000),
  validUntil: isoDay.nullish().transform((v) => v ?? null),
});
export type PreparedConsentInput = z.input<typeof preparedConsentBody>;

/** An application to a team to prepare: which team and who referred the young person. */
export const preparedApplicationBody = z.object({ teamId: id, referrer: z.enum(REFERRERS) });
export type PreparedApplicationInput = z.input<typeof preparedApplicationBody>;

/** A prepared consent as staff see it while it waits for the young person's signature. */
export const preparedConsentSchema = z.object({
  id,
  recipients: z.array(z.object({ id, name: z.string() })),
  categories: z.array(z.enum(CONSENT_CATEGORIES)),
  purpose: z.string(),
  validUntil: z.string().nullable(),
  preparedAt: z.string(),
  preparedBy: z.string().nullable(),
});
export type PreparedConsent = z.infer<typeof preparedConsentSchema>;

/** A prepared application as staff see it while it waits for the young person's signature. */
export const preparedApplicationSchema = z.object({
  id,
  team: z.object({ id, name: z.string() }),
  referrer: z.enum(REFERRERS),
  preparedAt: z.string(),
  preparedBy: z.string().nullable(),
});
export type PreparedApplication = z.infer<typeof preparedApplicationSchema>;
