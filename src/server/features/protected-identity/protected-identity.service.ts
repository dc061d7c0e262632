/**
 * Grants to see the address and contact details of a person with protected identity. A coordinator
 * gives one to another named staff member (never to themselves) with a stated reason, and can take it
 * back; both are audited, and every new grant alerts the municipality's administrators.
 */
import type { z } from 'zod';
import { GRANT_REASON_MIN_LENGTH, type protectedIdentityGrantBody } from '../../../core/schemas.js';
import { requireCapability } from '../../access/access.js';
import { AppError } from '../../http/app-error.js';
import { audited, type RequestContext } from '../../http/context.js';
import { alertAdministrators } from '../emergency-access/alerts.js';
import { selectPerson } from '../persons/persons.queries.js';
import { activeContactPersonOf } from '../staff/staff.queries.js';
import { deleteGrant, insertGrant } from './protected-identity.queries.js';

/** Gives `input.staffId` sight of the person's contact details. Granting twice keeps the first grant. */
export async function grantContactDetails(
  ctx: RequestContext,
  personId: string,
  input: z.infer<typeof protectedIdentityGrantBody>,
): Promise<void> {
  requireCapability(ctx.actor, 'protected.grant');
  // Four eyes: someone else decides that a coordinator may see a protected address.
  if (input.staffId === ctx.actor.id)
    throw new AppError('self_grant_forbidden', [{ field: 'staffId', code: 'invalid' }]);
  if ([...input.reason].length < GRANT_REASON_MIN_LENGTH)
    throw new AppError('reason_too_short', [{ field: 'reason', code: 'too_short' }]);
  await audited(ctx, async ({ trx, audit }) => {
    const person = await selectPerson(trx, ctx.actor, personId);
    if (!person) throw new AppError('not_found');
    const staff = await activeContactPersonOf(trx, ctx.actor.municipalityId, input.staffId);
    if (!staff) throw new AppError('validation_failed', [{ field: 'staffId', code: 'invalid' }]);
    const granted = await insertGrant(trx, {
      municipalityId: person.municipality_id,
      personId,
      staffId: staff.id,
      grantedBy: ctx.actor.id,
      reason: input.reason,
    });
    const alerted = granted
      ? await alertAdministrators(trx, ctx.actor, {
          kind: 'protected_identity_grant',
          personId,
          payload: { by: ctx.actor.name, to: staff.name, reason: input.reason },
        })
      : 0;
    await audit({
      action: 'update',
      entity: 'protected_identity_grant',
      entityId: staff.id,
      personId,
      detail: { granted: true, reason: input.reason, alerted },
    });
  });
}

/** Takes back a grant; 404 when there is none the actor could know of. */
export async function revokeContactDetails(ctx: RequestContext, personId: string, staffId: string): Promise<void> {
  requireCapability(ctx.actor, 'protected.grant');
  await audited(ctx, async ({ trx, audit }) => {
    if (!(await selectPerson(trx, ctx.actor, personId))) throw new AppError('not_found');
    if (!(await deleteGrant(trx, personId, staffId))) throw new AppError('not_found');
    await audit({
      action: 'update',
      entity: 'protected_identity_grant',
      entityId: staffId,
      personId,
      detail: { granted: false },
    });
  });
}
