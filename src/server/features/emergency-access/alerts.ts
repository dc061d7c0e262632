/** Alerts on staff members' start pages: who in the municipality must know that someone reached further than usual. */
import type { Transaction } from 'kysely';
import type { Role } from '../../../core/roles.js';
import type { Database } from '../../db/types.js';
import { activeStaffIdsIn, insertAlerts } from './emergency-access.queries.js';

/** Who raises an alert: never alerted themselves. */
export type AlertActor = { id: string; municipalityId: string };

/** One alert: its kind (the web words it by kind), the person it concerns, if any, and what to say. */
export type StaffAlert = {
  kind:
    | 'emergency_access'
    | 'protected_identity_grant'
    | 'emergency_request'
    | 'emergency_request_decided'
    | 'coordinator_granted'
    | 'coordinator_password_reset'
    | 'administrator_granted'
    | 'administrator_password_reset';
  personId: string | null;
  payload: Record<string, unknown>;
};

/**
 * Alerts every active staff member of the actor's municipality in one of `roles` and the staff
 * members in `also` (such as the case's contact person), never the actor. Returns how many were alerted.
 */
export async function alertStaff(
  trx: Transaction<Database>,
  actor: AlertActor,
  alert: StaffAlert,
  { roles, also = [] }: { roles: Role[]; also?: (string | null | undefined)[] },
): Promise<number> {
  const byRole = roles.length ? await activeStaffIdsIn(trx, actor.municipalityId, roles) : [];
  const recipients = new Set([...byRole, ...also.filter((id): id is string => Boolean(id))]);
  recipients.delete(actor.id);
  if (recipients.size === 0) return 0;
  await insertAlerts(
    trx,
    {
      municipalityId: actor.municipalityId,
      kind: alert.kind,
      personId: alert.personId,
      payload: JSON.stringify(alert.payload),
    },
    [...recipients],
  );
  return recipients.size;
}

/** Alerts every active administrator of the actor's municipality and the staff in `also`, never the actor. */
export function alertAdministrators(
  trx: Transaction<Database>,
  actor: AlertActor,
  alert: StaffAlert,
  also: (string | null | undefined)[] = [],
): Promise<number> {
  return alertStaff(trx, actor, alert, { roles: ['administrator'], also });
}
