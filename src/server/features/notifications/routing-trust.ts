/**
 * Which other municipalities' population lists may route a municipality's school notifications
 * (none until a coordinator chooses some): a list of one municipality must never draw another's
 * notifications to itself unless the other has said it trusts it.
 */
import type { z } from 'zod';
import type { notificationRoutingBody, notificationRoutingSchema } from '../../../core/register-schemas.js';
import { requireCapability } from '../../access/access.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/app-error.js';
import { audited, type RequestContext } from '../../http/context.js';

/** The ids of the municipalities `municipalityId` trusts for routing. */
export async function trustedBy(db: Db, municipalityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('municipality_trusts')
    .select('trusted_municipality_id')
    .where('municipality_id', '=', municipalityId)
    .execute();
  return rows.map((r) => r.trusted_municipality_id);
}

/** The coordinator's view: the municipalities trusted, and the others of the installation. */
export async function readRoutingTrust(ctx: RequestContext): Promise<z.infer<typeof notificationRoutingSchema>> {
  requireCapability(ctx.actor, 'notifications.inbox');
  const trusted = new Set(await trustedBy(ctx.db, ctx.actor.municipalityId));
  const all = await ctx.db
    .selectFrom('municipalities')
    .select(['id', 'code', 'name'])
    .where('id', '<>', ctx.actor.municipalityId)
    .orderBy('name')
    .execute();
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
    const known = ids.length
      ? await trx.selectFrom('municipalities').select('id').where('id', 'in', ids).execute()
      : [];
    if (known.length !== ids.length)
      throw new AppError('validation_failed', [{ field: 'trustedMunicipalityIds', code: 'invalid' }]);
    await trx.deleteFrom('municipality_trusts').where('municipality_id', '=', ctx.actor.municipalityId).execute();
    if (ids.length) {
      await trx
        .insertInto('municipality_trusts')
        .values(
          ids.map((id) => ({
            municipality_id: ctx.actor.municipalityId,
            trusted_municipality_id: id,
            created_by: ctx.actor.id,
          })),
        )
        .execute();
    }
    await audit({
      action: 'update',
      entity: 'notification_routing',
      entityId: ctx.actor.municipalityId,
      detail: { trustedMunicipalityIds: ids },
    });
  });
}
