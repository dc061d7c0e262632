/**
 * Consents to share information across agencies (OSL 12 kap. 2 §): recorded by the KAA's own staff
 * for a named purpose, recipient units and categories; withdrawn at once by anyone who works with
 * the young person; the signed paper form's scan kept with it. Every read and write is audited.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import { CONSENT_CATEGORIES, consentState } from '../../../core/consent.js';
import { todayInSweden } from '../../../core/dates.js';
import type { Consent, consentBody } from '../../../core/consent-schemas.js';
import { ageOn } from '../../../core/personnummer.js';
import { requireCapability } from '../../access/access.js';
import { readBasis } from '../../audit/basis.js';
import { audited, denied, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { selectConsents, selectManagedPerson, selectVisiblePerson } from './consents.queries.js';
import { eventRow } from '../../db/events.js';
import { choosableUnitIds } from '../units/units.queries.js';

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Records a consent. The same consent sent twice (a double submit) is recorded once. */
export async function recordConsent(
  ctx: RequestContext,
  personId: string,
  input: z.infer<typeof consentBody>,
): Promise<{ id: string }> {
  requireCapability(ctx.actor, 'consents.manage');
  // Days are Swedish days, whatever the server's or the database's time zone.
  const today = todayInSweden(ctx.clock.now());
  const givenOn = input.givenOn ?? today;
  if (givenOn > today) throw new AppError('future_consent', [{ field: 'givenOn', code: 'invalid' }]);
  if (input.validUntil && input.validUntil < givenOn)
    throw new AppError('validation_failed', [{ field: 'validUntil', code: 'invalid' }]);
  const recipientIds = [...new Set(input.recipientUnitIds)];
  const categories = CONSENT_CATEGORIES.filter((c) => input.categories.includes(c));
  return audited(ctx, async ({ trx, audit }) => {
    const person = await selectManagedPerson(trx, ctx.actor, personId);
    if (!person) throw denied(personId, 'consent');
    if (input.givenBy !== 'young_person' && ageOn(person.birth_date, new Date(`${givenOn}T12:00:00Z`)) >= 18)
      throw new AppError('guardian_not_applicable', [{ field: 'givenBy', code: 'invalid' }]);
    // A deactivated unit can no longer receive a new consent; consents already given keep it.
    const units = await choosableUnitIds(trx, person.municipality_id, recipientIds);
    if (units.length !== recipientIds.length)
      throw new AppError('validation_failed', [{ field: 'recipientUnitIds', code: 'invalid' }]);
    // One writer per person at a time, so that two identical submits find each other.
    await sql`select pg_advisory_xact_lock(hashtext(${personId}))`.execute(trx);
    const same = (await selectConsents(trx, personId)).find(
      (c) =>
        !c.withdrawn_at &&
        c.purpose === input.purpose &&
        c.given_on === givenOn &&
        c.given_by === input.givenBy &&
        c.valid_until === input.validUntil &&
        sameSet(
          c.recipients.map((r) => r.id),
          recipientIds,
        ) &&
        sameSet(c.categories, categories),
    );
    if (same) return { id: same.id };
    const consent = await trx
      .insertInto('consents')
      .values({
        municipality_id: person.municipality_id,
        person_id: personId,
        purpose: input.purpose,
        given_by: input.givenBy,
        method: input.method,
        given_on: givenOn,
        valid_until: input.validUntil,
        recorded_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('consent_recipients')
      .values(recipientIds.map((unit_id) => ({ consent_id: consent.id, unit_id })))
      .execute();
    await trx
      .insertInto('consent_categories')
      .values(categories.map((category) => ({ consent_id: consent.id, category })))
      .execute();
    await trx
      .insertInto('events')
      .values(
        eventRow(
          { municipality_id: person.municipality_id, person_id: personId, actor_id: ctx.actor.id },
          'consent_recorded',
          { consentId: consent.id, categories, recipients: units.length, validUntil: input.validUntil },
        ),
      )
      .execute();
    await audit({
      action: 'create',
      entity: 'consent',
      entityId: consent.id,
      personId,
      detail: { recipientUnitIds: recipientIds, categories, givenBy: input.givenBy, method: input.method },
    });
    return { id: consent.id };
  });
}

/** A consent and its person with the actor's access, if the actor may see the person. */
async function visibleConsent(ctx: RequestContext, trx: RequestContext['db'], consentId: string) {
  const consent = await trx
    .selectFrom('consents')
    .select(['id', 'person_id', 'municipality_id', 'withdrawn_at'])
    .where('id', '=', consentId)
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .executeTakeFirst();
  const person = consent && (await selectVisiblePerson(trx, ctx.actor, consent.person_id));
  if (!consent || !person) throw new AppError('not_found');
  return { consent, person };
}

/**
 * Withdraws a consent at once. Anyone who works with the young person may record it; withdrawing twice changes nothing.
 */
export async function withdrawConsent(ctx: RequestContext, consentId: string, note: string | null): Promise<void> {
  requireCapability(ctx.actor, 'consents.manage');
  await audited(ctx, async ({ trx, audit }) => {
    const { consent } = await visibleConsent(ctx, trx, consentId);
    const updated = await trx
      .updateTable('consents')
      .set({ withdrawn_at: sql`now()`, withdrawn_by: ctx.actor.id, withdrawal_note: note })
      .where('id', '=', consentId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) return;
    await trx
      .insertInto('events')
      .values(
        eventRow(
          { municipality_id: consent.municipality_id, person_id: consent.person_id, actor_id: ctx.actor.id },
          'consent_withdrawn',
          { consentId },
        ),
      )
      .execute();
    await audit({
      action: 'update',
      entity: 'consent',
      entityId: consentId,
      personId: consent.person_id,
      detail: { withdrawn: true },
    });
  });
}

/**
 * Consents (their free-text purposes, the signed scans) are the KAA's own documentation: read by those
 * who manage the person or may see their assessment and plan, not by everyone a consent lets in.
 */
const readsConsents = (person: { managed: boolean; sees_assessment_plan: boolean }) =>
  person.managed || person.sees_assessment_plan;

/** The consents of a person the actor may read them of (404 otherwise): what is shared, with whom and why. */
export async function listConsents(ctx: RequestContext, personId: string): Promise<Consent[]> {
  requireCapability(ctx.actor, 'persons.browse');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await selectVisiblePerson(trx, ctx.actor, personId);
    if (!person || !readsConsents(person)) throw denied(personId, 'consents');
    const rows = await selectConsents(trx, personId);
    await audit({ action: 'read', entity: 'consents', entityId: personId, personId, detail: readBasis(person) });
    return rows.map((c) => ({
      id: c.id,
      recipients: c.recipients,
      categories: c.categories,
      purpose: c.purpose,
      givenBy: c.given_by,
      method: c.method,
      givenOn: c.given_on,
      validUntil: c.valid_until,
      state: consentState(
        { withdrawnAt: c.withdrawn_at ? c.withdrawn_at.toISOString() : null, validUntil: c.valid_until },
        todayInSweden(ctx.clock.now()),
      ),
      hasScan: c.has_scan,
      recordedBy: c.recorded_by,
      withdrawnAt: c.withdrawn_at ? c.withdrawn_at.toISOString() : null,
      withdrawalNote: c.withdrawal_note,
    }));
  });
}

/** File types a scan of the signed form may have. */
export const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** Attaches (or replaces) the scan of the signed paper form. */
export async function attachScan(
  ctx: RequestContext,
  consentId: string,
  file: { data: Buffer; contentType: string; fileName: string },
): Promise<void> {
  requireCapability(ctx.actor, 'consents.manage');
  await audited(ctx, async ({ trx, audit }) => {
    const consent = await trx
      .selectFrom('consents')
      .select(['id', 'person_id'])
      .where('id', '=', consentId)
      .where('municipality_id', '=', ctx.actor.municipalityId)
      .executeTakeFirst();
    if (!consent || !(await selectManagedPerson(trx, ctx.actor, consent.person_id))) throw new AppError('not_found');
    await trx
      .updateTable('consents')
      .set({ scan: file.data, scan_content_type: file.contentType, scan_file_name: file.fileName, method: 'paper' })
      .where('id', '=', consentId)
      .execute();
    await audit({
      action: 'update',
      entity: 'consent_scan',
      entityId: consentId,
      personId: consent.person_id,
      detail: { bytes: file.data.length },
    });
  });
}

/** The scan of the signed form, for those who may read the person's consents (404 otherwise). */
export async function readScan(
  ctx: RequestContext,
  consentId: string,
): Promise<{ data: Buffer; contentType: string; fileName: string }> {
  requireCapability(ctx.actor, 'persons.browse');
  return audited(ctx, async ({ trx, audit }) => {
    const { consent, person } = await visibleConsent(ctx, trx, consentId);
    if (!readsConsents(person)) throw new AppError('not_found');
    const row = await trx
      .selectFrom('consents')
      .select(['scan', 'scan_content_type', 'scan_file_name'])
      .where('id', '=', consentId)
      .executeTakeFirstOrThrow();
    if (!row.scan) throw new AppError('not_found');
    await audit({
      action: 'read',
      entity: 'consent_scan',
      entityId: consentId,
      personId: consent.person_id,
      detail: readBasis(person),
    });
    return {
      data: Buffer.from(row.scan),
      contentType: row.scan_content_type ?? 'application/octet-stream',
      fileName: row.scan_file_name ?? 'samtycke',
    };
  });
}
