/**
 * Which other municipalities' population lists may route a municipality's school notifications
 * (none until a coordinator chooses some): a list of one municipality must never draw another's
 * notifications to itself unless the other has said it trusts it.
 */
import type { z } from 'zod';
import type { notificationRoutingBody, notificationRoutingSchema } from '../../../core/register-schemas.js';
import { requireCapability } from '../../access/access.js';
import { AppError } from '../../http/app-error.js';
import { audited, type RequestContext } from '../../http/context.js';
import { knownMunicipalityCount, otherMunicipalities, replaceTrusts, trustedBy } from './notifications.queries.js';

/** The coordinator's view: the municipalities trusted, and the others of the installation. */
export async function readRoutingTrust(ctx: RequestContext): Promise<z.infer<typeof notificationRoutingSchema>> {
  requireCapability(ctx.actor, 'notifications.inbox');
  const trusted = new Set(await trustedBy(ctx.db, ctx.actor.municipalityId));
  const all = await otherMunicipalities(ctx.db, ctx.actor.municipalityId);
  return { trusted: all.filter((m) => trusted.has(m.id)), others: all.filter((m) => !trusted.has(m.id)) };
}

/** Replaces the municipalities the actor's municipality trusts for routing; audited. */
export async function saveRoutingTrust(
  ctx: RequestContext,
  input: z.infer<typeof notificationRoutingBody>,
): Promise<void> {
  requireCapability(ctx.actor, 'notifications.inbox');
  const ids = [...new Set(input.trustedMunicipalityIds)];
  if (ids.includes(ctx.actor.municipalityId))
    throw new AppError('validation_failed', [{ field: 'trustedMunicipalityIds', code: 'invalid' }]);
  await audited(ctx, async ({ trx, audit }) => {
    if ((await knownMunicipalityCount(trx, ids)) !== ids.length)
      throw new AppError('validation_failed', [{ field: 'trustedMunicipalityIds', code: 'invalid' }]);
    await replaceTrusts(trx, { municipalityId: ctx.actor.municipalityId, trustedIds: ids, createdBy: ctx.actor.id });
    await audit({
      action: 'update',
      entity: 'notification_routing',
      entityId: ctx.actor.municipalityId,
      detail: { trustedMunicipalityIds: ids },
    });
  });
}
