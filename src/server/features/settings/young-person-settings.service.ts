/**
 * The municipality's settings for the young person's own Lotsa: whether the access log the young
 * person reads in /mitt names the staff who read their data (else unit and role only). Coordinators
 * change it (`outreach.configure`); every change is audited.
 */
import type { YoungPersonSettings } from '../../../core/me-schemas.js';
import { requireCapability } from '../../access/access.js';
import { audited, type RequestContext } from '../../http/context.js';
import { setYoungPersonSeesStaffNames, youngPersonSeesStaffNames } from './settings.queries.js';

/** GET /settings/young-person (coordinators). */
export async function readYoungPersonSettings(ctx: RequestContext): Promise<YoungPersonSettings> {
  requireCapability(ctx.actor, 'outreach.configure');
  return { staffNamesShown: await youngPersonSeesStaffNames(ctx.db, ctx.actor.municipalityId) };
}

/** PUT /settings/young-person (coordinators): whether the young person's access log names staff. */
export async function updateYoungPersonSettings(
  ctx: RequestContext,
  input: YoungPersonSettings,
): Promise<YoungPersonSettings> {
  requireCapability(ctx.actor, 'outreach.configure');
  return audited(ctx, async ({ trx, audit }) => {
    await setYoungPersonSeesStaffNames(trx, ctx.actor.municipalityId, input.staffNamesShown);
    await audit({ action: 'update', entity: 'settings', detail: { youngPerson: input } });
    return { staffNamesShown: input.staffNamesShown };
  });
}
