/**
 * Requests for emergency access past a staff member's daily limit: coordinators see those of their
 * municipality that wait, and approve (the access opens as usual, with its alerts) or deny them. No
 * one answers their own request. The requester is told the answer by an alert.
 */
import type { EmergencyRequest } from '../../../core/consent-schemas.js';
import { roleCan, type Role } from '../../../core/roles.js';
import { requireCapability } from '../../access/access.js';
import { audited, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { alertStaff } from './alerts.js';
import { grantEmergencyAccess, mayUseEmergencyAccess } from './emergency-access.service.js';
import { markRequestDecided, pendingRequestsOf, requestForDecision } from './emergency-access.queries.js';

/**
 * Requests of the actor's municipality that wait for a coordinator, oldest first; the actor's own are left out.
 * Audited.
 */
export async function listEmergencyRequests(ctx: RequestContext): Promise<EmergencyRequest[]> {
  requireCapability(ctx.actor, 'emergency.approve');
  return audited(ctx, async ({ trx, audit }) => {
    const rows = await pendingRequestsOf(trx, ctx.actor.municipalityId, ctx.actor.id);
    await audit(
      ...rows.map((r) => ({
        action: 'list' as const,
        entity: 'emergency_request' as const,
        entityId: r.id,
        personId: r.person_id,
      })),
    );
    return rows.map((r) => ({
      id: r.id,
      person: { id: r.person_id, name: `${r.given_name} ${r.family_name}` },
      requestedBy: { id: r.staff_id, name: r.staff_name },
      reason: r.reason,
      createdAt: r.created_at.toISOString(),
    }));
  });
}

/** A coordinator approves or denies a waiting request. 404 outside the municipality, 409 once answered. */
export async function decideEmergencyRequest(
  ctx: RequestContext,
  requestId: string,
  decision: 'approved' | 'denied',
): Promise<void> {
  requireCapability(ctx.actor, 'emergency.approve');
  await audited(ctx, async ({ trx, audit }) => {
    const request = await requestForDecision(trx, ctx.actor.municipalityId, requestId);
    if (!request) throw new AppError('not_found');
    if (request.staff_id === ctx.actor.id) throw new AppError('self_approval_forbidden');
    if (request.status !== 'pending') throw new AppError('emergency_request_decided');
    // The request may have waited while the account was deactivated or its role changed: approve only what may still be
    // opened.
    if (decision === 'approved') {
      const requester = {
        municipalityId: ctx.actor.municipalityId,
        role: request.staff_role as Role,
        unitId: request.staff_unit_id,
      };
      if (
        !request.staff_active ||
        !roleCan(requester.role, 'emergency.access') ||
        !(await mayUseEmergencyAccess(trx, requester))
      )
        throw new AppError('emergency_requester_not_allowed');
    }
    const staff = { id: request.staff_id, name: request.staff_name, municipalityId: ctx.actor.municipalityId };
    const access =
      decision === 'approved'
        ? await grantEmergencyAccess(trx, audit, {
            staff,
            personId: request.person_id,
            reason: request.reason,
            approvedBy: ctx.actor.name,
          })
        : null;
    await markRequestDecided(trx, request.id, {
      status: decision,
      decidedBy: ctx.actor.id,
      accessId: access?.id ?? null,
    });
    await alertStaff(
      trx,
      ctx.actor,
      {
        kind: 'emergency_request_decided',
        personId: request.person_id,
        payload: { by: ctx.actor.name, decision, endsAt: access?.endsAt ?? null },
      },
      { roles: [], also: [request.staff_id] },
    );
    await audit({
      action: 'update',
      entity: 'emergency_request',
      entityId: request.id,
      personId: request.person_id,
      detail: { decision, requestedBy: request.staff_id },
    });
  });
}
