/**
 * Emergency access ("break the glass"): a staff member whom the municipality allows (by role and
 * unit; by default coordinators and the caseworkers of the KAA's own units) states a reason of at
 * least 20 characters and sees everything about one person for a limited time (the municipality's
 * setting, 4 hours by default). Past the day's limit of persons (3 by default) it becomes a request
 * that a coordinator approves or denies (emergency-requests.service.ts). The case's contact person
 * and every administrator are alerted, and the access and every read under it are highlighted in
 * the audit log and listed in the access follow-up.
 */
import type { Transaction } from 'kysely';
import { emergencyReasonLongEnough } from '../../../core/emergency.js';
import { requireCapability, type Actor } from '../../access/access.js';
import type { AuditEvent } from '../../audit/audit.js';
import type { Database } from '../../db/types.js';
import { audited, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { readSettings } from '../settings/settings.service.js';
import { alertAdministrators, alertStaff } from './alerts.js';
import {
  insertEmergencyAccess,
  insertEmergencyRequest,
  isKaaUnit,
  latestContactPersonOf,
  lockEmergencyAccessOf,
  markAlertReadRow,
  openAccessOf,
  pendingRequestOf,
  personIdOf,
  personsOpenedToday,
  unreadAlertsOf,
} from './emergency-access.queries.js';

type Target = { personId: string } | { personalIdentityNumber: string };
/** An opened access, or a request waiting for a coordinator because the day's limit is used up. */
export type EmergencyOutcome =
  | { status: 'open'; id: string; personId: string; endsAt: string }
  | { status: 'pending'; requestId: string; personId: string };

/**
 * Whether the municipality lets this role and unit use emergency access today (it may have changed since a request).
 */
export async function mayUseEmergencyAccess(
  trx: Transaction<Database>,
  staff: Pick<Actor, 'municipalityId' | 'role' | 'unitId'>,
): Promise<boolean> {
  const settings = await readSettings(trx, staff.municipalityId);
  if (!settings.emergencyRoles.includes(staff.role as (typeof settings.emergencyRoles)[number])) return false;
  // Coordinators are the KAA's own whatever their unit; caseworkers count by their unit.
  if (staff.role === 'coordinator') return true;
  if (!staff.unitId) return false;
  if (settings.emergencyUnitIds) return settings.emergencyUnitIds.includes(staff.unitId);
  return isKaaUnit(trx, staff.unitId);
}

/** Throws unless the municipality lets the actor's role and unit use emergency access. */
async function requireAllowed(trx: Transaction<Database>, actor: Actor): Promise<void> {
  const allowed = await mayUseEmergencyAccess(trx, actor);
  if (!allowed) throw new AppError('emergency_not_allowed');
}

/**
 * Opens emergency access for `staff` to `personId` for the municipality's hours, alerts the case's
 * contact person and the administrators, and audits it. `approvedBy` names the coordinator who
 * approved a request past the day's limit.
 */
export async function grantEmergencyAccess(
  trx: Transaction<Database>,
  audit: (entry: AuditEvent & { action: 'create' }) => Promise<void>,
  {
    staff,
    personId,
    reason,
    approvedBy,
  }: {
    staff: { id: string; name: string; municipalityId: string };
    personId: string;
    reason: string;
    approvedBy?: string;
  },
): Promise<{ id: string; endsAt: string }> {
  const access = await insertEmergencyAccess(trx, {
    municipalityId: staff.municipalityId,
    personId,
    staffId: staff.id,
    reason,
  });
  const endsAt = access.ends_at.toISOString();
  const contactPersonId = await latestContactPersonOf(trx, personId);
  const payload = { by: staff.name, reason, endsAt, ...(approvedBy ? { approvedBy } : {}) };
  const alerted = await alertAdministrators(trx, staff, { kind: 'emergency_access', personId, payload }, [
    contactPersonId,
  ]);
  await audit({
    action: 'create',
    entity: 'emergency_access',
    entityId: access.id,
    personId,
    detail: { reason, endsAt, basis: 'emergency', alerted, ...(approvedBy ? { approvedBy, staffId: staff.id } : {}) },
  });
  return { id: access.id, endsAt };
}

/**
 * Opens emergency access to a person of the actor's municipality, or, past the day's limit, asks a
 * coordinator to approve it. Asking again while an access is open (or a request waits) returns that one.
 */
export async function openEmergencyAccess(
  ctx: RequestContext,
  target: Target,
  reason: string,
): Promise<EmergencyOutcome> {
  requireCapability(ctx.actor, 'emergency.access');
  if (!emergencyReasonLongEnough(reason))
    throw new AppError('emergency_reason_too_short', [{ field: 'reason', code: 'too_short' }]);
  return audited(ctx, async ({ trx, audit }) => {
    await requireAllowed(trx, ctx.actor);
    const personId = await personIdOf(trx, ctx.actor.municipalityId, target);
    if (!personId) throw new AppError('not_found');
    // One at a time per staff member, so parallel requests cannot pass the day's limit together.
    await lockEmergencyAccessOf(trx, ctx.actor.id);
    const open = await openAccessOf(trx, ctx.actor.id, personId);
    if (open) return { status: 'open', id: open.id, personId, endsAt: open.ends_at.toISOString() };

    const { emergencyDailyLimit } = await readSettings(trx, ctx.actor.municipalityId);
    if ((await personsOpenedToday(trx, ctx.actor.id)) < emergencyDailyLimit) {
      const access = await grantEmergencyAccess(trx, audit, { staff: ctx.actor, personId, reason });
      return { status: 'open', ...access, personId };
    }

    const waiting = await pendingRequestOf(trx, ctx.actor.id, personId);
    if (waiting) return { status: 'pending', requestId: waiting.id, personId };
    const requestId = await insertEmergencyRequest(trx, {
      municipalityId: ctx.actor.municipalityId,
      personId,
      staffId: ctx.actor.id,
      reason,
    });
    const alerted = await alertStaff(
      trx,
      ctx.actor,
      {
        kind: 'emergency_request',
        personId,
        payload: { by: ctx.actor.name, reason, limit: emergencyDailyLimit },
      },
      { roles: ['coordinator'] },
    );
    await audit({
      action: 'create',
      entity: 'emergency_request',
      entityId: requestId,
      personId,
      detail: { reason, limit: emergencyDailyLimit, alerted },
    });
    return { status: 'pending', requestId, personId };
  });
}

/** The actor's unread alerts, newest first; each one shown is audited, as it names a person and a reason. */
export async function listAlerts(ctx: RequestContext) {
  return audited(ctx, async ({ trx, audit }) => {
    const rows = await unreadAlertsOf(trx, ctx.actor.id);
    await audit(
      ...rows.map((r) => ({
        action: 'list' as const,
        entity: 'alert' as const,
        entityId: r.id,
        personId: r.person_id,
      })),
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      personId: r.person_id,
      payload: r.payload,
      createdAt: r.created_at.toISOString(),
    }));
  });
}

/** Marks one of the actor's alerts as read. */
export async function markAlertRead(ctx: RequestContext, alertId: string): Promise<void> {
  if (!(await markAlertReadRow(ctx.db, ctx.actor.id, alertId))) throw new AppError('not_found');
}
