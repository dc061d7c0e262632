/**
 * The contact person prepares a consent or an application to a team for the young person to sign in
 * their own Lotsa (/mitt). A prepared one gives no access and reaches no team meeting: only the young
 * person's signature makes the real consent or application (me-signing.service.ts). Staff who may
 * record consents (applications) for the person prepare, list and take back; all of it audited.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import { CONSENT_CATEGORIES } from '../../../core/consent.js';
import { todayInSweden } from '../../../core/dates.js';
import {
  signatureRequestContent,
  type PreparedApplication,
  type preparedApplicationBody,
  type PreparedConsent,
  type preparedConsentBody,
  type SignatureRequestContent,
} from '../../../core/signature-request-schemas.js';
import { personManagedBy, requireCapability } from '../../access/access.js';
import { readBasis } from '../../audit/basis.js';
import { eventRow } from '../../db/events.js';
import { AppError } from '../../http/app-error.js';
import { audited, denied, type AuditedTransaction, type RequestContext } from '../../http/context.js';
import { selectManagedPerson, selectVisiblePerson } from '../consents/consents.queries.js';
import { choosableUnitIds } from '../units/units.queries.js';
import { selectAwaitingSignature, selectRequest, unitNames } from './signature-requests.queries.js';

type Trx = AuditedTransaction['trx'];
const capabilityOf = { consent: 'consents.manage', application: 'applications.manage' } as const;

/** Stores a request (or finds the same one still waiting: a double submit makes one), with its event. */
async function storeRequest(
  ctx: RequestContext,
  { trx, audit }: AuditedTransaction,
  person: { id: string; municipality_id: string },
  content: SignatureRequestContent,
): Promise<{ id: string }> {
  await sql`select pg_advisory_xact_lock(hashtext(${`signature:${person.id}`}))`.execute(trx);
  const waiting = await selectAwaitingSignature(trx, person.id, content.kind);
  const same = waiting.find(
    (w) => JSON.stringify(signatureRequestContent.parse(w.content)) === JSON.stringify(content),
  );
  if (same) return { id: same.id };
  const row = await trx
    .insertInto('signature_requests')
    .values({
      municipality_id: person.municipality_id,
      person_id: person.id,
      kind: content.kind,
      content: JSON.stringify(content),
      prepared_by: ctx.actor.id,
      prepared_at: ctx.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('events')
    .values(
      eventRow(
        {
          municipality_id: person.municipality_id,
          person_id: person.id,
          actor_id: ctx.actor.id,
          category: content.kind === 'application' ? 'assessment_plan' : null,
        },
        'signature_requested',
        { requestId: row.id, kind: content.kind },
      ),
    )
    .execute();
  await audit({
    action: 'create',
    entity: 'signature_request',
    entityId: row.id,
    personId: person.id,
    // The purpose is the young person's own words: kept with the request, not copied into the log.
    detail:
      content.kind === 'consent'
        ? { kind: content.kind, recipientUnitIds: content.recipientUnitIds, categories: content.categories }
        : content,
  });
  return row;
}

/** Prepares a consent for the young person to sign: recipients, categories, purpose and until when. */
export async function prepareConsent(
  ctx: RequestContext,
  personId: string,
  input: z.infer<typeof preparedConsentBody>,
): Promise<{ id: string }> {
  requireCapability(ctx.actor, 'consents.manage');
  if (input.validUntil && input.validUntil < todayInSweden(ctx.clock.now()))
    throw new AppError('validation_failed', [{ field: 'validUntil', code: 'invalid' }]);
  const recipientUnitIds = [...new Set(input.recipientUnitIds)];
  const categories = CONSENT_CATEGORIES.filter((c) => input.categories.includes(c));
  return audited(ctx, async (t) => {
    const person = await selectManagedPerson(t.trx, ctx.actor, personId);
    if (!person) throw denied(personId, 'signature_request');
    const units = await choosableUnitIds(t.trx, person.municipality_id, recipientUnitIds);
    if (units.length !== recipientUnitIds.length)
      throw new AppError('validation_failed', [{ field: 'recipientUnitIds', code: 'invalid' }]);
    return storeRequest(ctx, t, person, {
      kind: 'consent',
      recipientUnitIds,
      categories,
      purpose: input.purpose,
      validUntil: input.validUntil,
    });
  });
}

/** Prepares an application to a team of the municipality for the young person to sign. */
export async function prepareApplication(
  ctx: RequestContext,
  personId: string,
  input: z.infer<typeof preparedApplicationBody>,
): Promise<{ id: string }> {
  requireCapability(ctx.actor, 'applications.manage');
  return audited(ctx, async (t) => {
    const person = await t.trx
      .selectFrom('persons')
      .select(['persons.id', 'persons.municipality_id'])
      .where('persons.id', '=', personId)
      .where(personManagedBy(ctx.actor))
      .executeTakeFirst();
    if (!person) throw denied(personId, 'signature_request');
    const team = await t.trx
      .selectFrom('teams')
      .select('id')
      .where('id', '=', input.teamId)
      .where('municipality_id', '=', person.municipality_id)
      .executeTakeFirst();
    if (!team) throw new AppError('validation_failed', [{ field: 'teamId', code: 'invalid' }]);
    return storeRequest(ctx, t, person, { kind: 'application', teamId: team.id, referrer: input.referrer });
  });
}

/** The person, if the actor may read what waits for their signature: those who manage them or see their plan. */
async function readablePerson(ctx: RequestContext, trx: Trx, personId: string) {
  const person = await selectVisiblePerson(trx, ctx.actor, personId);
  return person && (person.managed || person.sees_assessment_plan) ? person : undefined;
}

/** The consents prepared for the person that wait for their signature (404 for those who may not read consents). */
export async function listPreparedConsents(ctx: RequestContext, personId: string): Promise<PreparedConsent[]> {
  requireCapability(ctx.actor, 'persons.browse');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await readablePerson(ctx, trx, personId);
    if (!person) throw denied(personId, 'signature_requests');
    const rows = await selectAwaitingSignature(trx, personId, 'consent');
    const contents = rows.map((r) => ({ row: r, content: signatureRequestContent.parse(r.content) }));
    const names = await unitNames(
      trx,
      person.municipality_id,
      contents.flatMap((c) => (c.content.kind === 'consent' ? c.content.recipientUnitIds : [])),
    );
    await audit({
      action: 'read',
      entity: 'signature_requests',
      entityId: personId,
      personId,
      detail: readBasis(person),
    });
    return contents.flatMap(({ row, content }) =>
      content.kind === 'consent'
        ? [
            {
              id: row.id,
              recipients: content.recipientUnitIds.map((id) => ({ id, name: names.get(id) ?? '' })),
              categories: content.categories,
              purpose: content.purpose,
              validUntil: content.validUntil,
              preparedAt: row.prepared_at.toISOString(),
              preparedBy: row.prepared_by_name,
            },
          ]
        : [],
    );
  });
}

/** The applications prepared for the person that wait for their signature. */
export async function listPreparedApplications(ctx: RequestContext, personId: string): Promise<PreparedApplication[]> {
  requireCapability(ctx.actor, 'persons.browse');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await readablePerson(ctx, trx, personId);
    if (!person) throw denied(personId, 'signature_requests');
    const rows = await selectAwaitingSignature(trx, personId, 'application');
    const teams = await trx
      .selectFrom('teams')
      .select(['id', 'name'])
      .where('municipality_id', '=', person.municipality_id)
      .execute();
    const teamName = new Map(teams.map((t) => [t.id, t.name]));
    await audit({
      action: 'read',
      entity: 'signature_requests',
      entityId: personId,
      personId,
      detail: readBasis(person),
    });
    return rows.flatMap((row) => {
      const content = signatureRequestContent.parse(row.content);
      return content.kind === 'application'
        ? [
            {
              id: row.id,
              team: { id: content.teamId, name: teamName.get(content.teamId) ?? '' },
              referrer: content.referrer,
              preparedAt: row.prepared_at.toISOString(),
              preparedBy: row.prepared_by_name,
            },
          ]
        : [];
    });
  });
}

/**
 * Takes back a prepared consent or application before the young person signs it; taking it back twice
 * changes nothing; once signed, 409 `already_signed` (withdraw the consent, decide the application).
 */
export async function cancelSignatureRequest(ctx: RequestContext, requestId: string): Promise<void> {
  await audited(ctx, async ({ trx, audit }) => {
    const request = await selectRequest(trx, ctx.actor.municipalityId, requestId, { lock: true });
    // Whoever does not manage the person learns nothing of the request, not even that it exists (404 before 403).
    if (!request || !(await selectManagedPerson(trx, ctx.actor, request.person_id))) throw new AppError('not_found');
    requireCapability(ctx.actor, capabilityOf[request.kind]);
    if (request.signed_at) throw new AppError('already_signed');
    if (request.cancelled_at) return;
    await trx
      .updateTable('signature_requests')
      .set({ cancelled_at: ctx.clock.now(), cancelled_by: ctx.actor.id })
      .where('id', '=', requestId)
      .execute();
    await trx
      .insertInto('events')
      .values(
        eventRow(
          {
            municipality_id: request.municipality_id,
            person_id: request.person_id,
            actor_id: ctx.actor.id,
            category: request.kind === 'application' ? 'assessment_plan' : null,
          },
          'signature_request_cancelled',
          { requestId, kind: request.kind },
        ),
      )
      .execute();
    await audit({
      action: 'update',
      entity: 'signature_request',
      entityId: requestId,
      personId: request.person_id,
      detail: { cancelled: true, kind: request.kind },
    });
  });
}
