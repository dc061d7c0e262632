/**
 * The young person signs, in their own Lotsa, a consent or an application to a team that their contact
 * person prepared. Only the signature makes the real consent (which then gives its recipients access)
 * or application (which then reaches the team meeting's agenda). Signed today, in Lotsa, by the young
 * person; recorded by the staff member who prepared it. Signing twice keeps one; audited, on the timeline.
 */
import { todayInSweden } from '../../../core/dates.js';
import type { MeApplication, MeConsent } from '../../../core/me-schemas.js';
import { signatureRequestContent } from '../../../core/signature-request-schemas.js';
import { requireYoungPersonCapability, type YoungPersonActor } from '../../access/young-person.js';
import { eventRow } from '../../db/events.js';
import { AppError } from '../../http/app-error.js';
import { auditedAsYoungPerson, type AuditedTransaction, type YoungPersonContext } from '../../http/context.js';
import {
  selectAwaitingSignature,
  selectOwnRequest,
  unitNames,
} from '../signature-requests/signature-requests.queries.js';
import { choosableUnitIds } from '../units/units.queries.js';
import { selectOwnCase } from './me.queries.js';

type Trx = AuditedTransaction['trx'];

async function ownCase(ctx: YoungPersonContext, trx: Trx) {
  const own = await selectOwnCase(trx, ctx.actor);
  if (!own) throw new AppError('not_found');
  return own;
}

/** The consents prepared for the young person that wait for their signature, in the young person's words. */
export async function awaitingConsents(trx: Trx, actor: YoungPersonActor): Promise<MeConsent[]> {
  const rows = await selectAwaitingSignature(trx, actor.personId, 'consent');
  const contents = rows.flatMap((r) => {
    const content = signatureRequestContent.parse(r.content);
    return content.kind === 'consent' ? [{ id: r.id, content }] : [];
  });
  const names = await unitNames(
    trx,
    actor.municipalityId,
    contents.flatMap((c) => c.content.recipientUnitIds),
  );
  return contents.map(({ id, content }) => ({
    id,
    recipients: content.recipientUnitIds.map((u) => names.get(u) ?? ''),
    categories: content.categories,
    purpose: content.purpose,
    givenOn: null,
    validUntil: content.validUntil,
    state: 'awaiting_signature',
    withdrawnAt: null,
  }));
}

/** The young person's applications: those waiting for their signature first, then signed ones, newest first. */
export async function ownApplications(trx: Trx, actor: YoungPersonActor): Promise<MeApplication[]> {
  const [awaiting, signed, teams] = await Promise.all([
    selectAwaitingSignature(trx, actor.personId, 'application'),
    trx
      .selectFrom('applications')
      .innerJoin('teams', 'teams.id', 'applications.team_id')
      .select(['applications.id', 'teams.name as team', 'applications.referrer', 'applications.status'])
      .select('applications.signed_on')
      .where('applications.person_id', '=', actor.personId)
      .where('applications.municipality_id', '=', actor.municipalityId)
      .orderBy('applications.created_at', 'desc')
      .execute(),
    trx.selectFrom('teams').select(['id', 'name']).where('municipality_id', '=', actor.municipalityId).execute(),
  ]);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  return [
    ...awaiting.flatMap((r): MeApplication[] => {
      const content = signatureRequestContent.parse(r.content);
      return content.kind === 'application'
        ? [
            {
              id: r.id,
              team: teamName.get(content.teamId) ?? '',
              referrer: content.referrer,
              state: 'awaiting_signature',
              signedOn: null,
            },
          ]
        : [];
    }),
    ...signed.map((a) => ({ id: a.id, team: a.team, referrer: a.referrer, state: a.status, signedOn: a.signed_on })),
  ];
}

/**
 * POST /me/consents/{id}/sign: the young person signs a consent their contact person prepared; from this
 * commit it gives the units it names access. 409 `signature_request_outdated` when a unit it names is no
 * longer in use or its end date has passed; another person's, a cancelled one or an unknown id is 404.
 */
export async function signOwnConsent(ctx: YoungPersonContext, requestId: string): Promise<{ id: string }> {
  requireYoungPersonCapability(ctx.actor, 'me.consents.sign');
  return auditedAsYoungPerson(ctx, async ({ trx, audit }) => {
    const own = await ownCase(ctx, trx);
    const request = await selectOwnRequest(trx, ctx.actor, requestId, 'consent');
    if (!request) throw new AppError('not_found');
    if (request.consent_id) return { id: request.consent_id };
    const content = signatureRequestContent.parse(request.content);
    if (content.kind !== 'consent') throw new AppError('not_found');
    const today = todayInSweden(ctx.clock.now());
    const units = await choosableUnitIds(trx, own.municipality_id, content.recipientUnitIds);
    if (units.length !== content.recipientUnitIds.length || (content.validUntil && content.validUntil < today))
      throw new AppError('signature_request_outdated');
    const consent = await trx
      .insertInto('consents')
      .values({
        municipality_id: own.municipality_id,
        person_id: own.id,
        purpose: content.purpose,
        given_by: 'young_person',
        method: 'in_lotsa',
        given_on: today,
        valid_until: content.validUntil,
        recorded_by: request.prepared_by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('consent_recipients')
      .values(content.recipientUnitIds.map((unit_id) => ({ consent_id: consent.id, unit_id })))
      .execute();
    await trx
      .insertInto('consent_categories')
      .values(content.categories.map((category) => ({ consent_id: consent.id, category })))
      .execute();
    await trx
      .updateTable('signature_requests')
      .set({ signed_at: ctx.clock.now(), consent_id: consent.id })
      .where('id', '=', requestId)
      .execute();
    await trx
      .insertInto('events')
      .values(
        eventRow(
          { municipality_id: own.municipality_id, person_id: own.id, actor_id: null },
          'signed_by_young_person',
          {
            requestId,
            kind: 'consent',
            consentId: consent.id,
            applicationId: null,
          },
        ),
      )
      .execute();
    await audit({
      action: 'create',
      entity: 'consent',
      entityId: consent.id,
      personId: own.id,
      detail: {
        requestId,
        recipientUnitIds: content.recipientUnitIds,
        categories: content.categories,
        givenBy: 'young_person',
        method: 'in_lotsa',
      },
    });
    return { id: consent.id };
  });
}

/**
 * POST /me/applications/{id}/sign: the young person signs an application to a team their contact person
 * prepared; signed, it is received and goes to the team meeting's agenda like any other. 404 as for consents.
 */
export async function signOwnApplication(ctx: YoungPersonContext, requestId: string): Promise<MeApplication[]> {
  requireYoungPersonCapability(ctx.actor, 'me.applications.sign');
  return auditedAsYoungPerson(ctx, async ({ trx, audit }) => {
    const own = await ownCase(ctx, trx);
    const request = await selectOwnRequest(trx, ctx.actor, requestId, 'application');
    if (!request) throw new AppError('not_found');
    if (!request.application_id) {
      const content = signatureRequestContent.parse(request.content);
      if (content.kind !== 'application') throw new AppError('not_found');
      const team = await trx
        .selectFrom('teams')
        .select('id')
        .where('id', '=', content.teamId)
        .where('municipality_id', '=', own.municipality_id)
        .executeTakeFirst();
      if (!team) throw new AppError('signature_request_outdated');
      const application = await trx
        .insertInto('applications')
        .values({
          municipality_id: own.municipality_id,
          person_id: own.id,
          team_id: team.id,
          referrer: content.referrer,
          signed_on: todayInSweden(ctx.clock.now()),
          status: 'received',
          created_by: request.prepared_by,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('signature_requests')
        .set({ signed_at: ctx.clock.now(), application_id: application.id })
        .where('id', '=', requestId)
        .execute();
      const base = {
        municipality_id: own.municipality_id,
        person_id: own.id,
        category: 'assessment_plan' as const,
        actor_id: null,
      };
      await trx
        .insertInto('events')
        .values([
          eventRow(base, 'signed_by_young_person', {
            requestId,
            kind: 'application',
            consentId: null,
            applicationId: application.id,
          }),
          eventRow(base, 'application_received', { applicationId: application.id, referrer: content.referrer }),
        ])
        .execute();
      await audit({
        action: 'create',
        entity: 'application',
        entityId: application.id,
        personId: own.id,
        detail: { requestId, referrer: content.referrer, teamId: team.id, signedBy: 'young_person' },
      });
    }
    return ownApplications(trx, ctx.actor);
  });
}
