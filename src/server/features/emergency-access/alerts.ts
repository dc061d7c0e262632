/** Alerts on staff members' start pages: who in the municipality must know that someone reached further than usual. */
import type { Transaction } from 'kysely';
import type { Actor } from '../../access/access.js';
import type { Database } from '../../db/types.js';

/** One alert: its kind (the web words it by kind), the person it concerns and what to say. */
export type StaffAlert = { kind: 'emergency_access' | 'protected_identity_grant'; personId: string; payload: Record<string, unknown> };

/**
 * Alerts every active administrator of the actor's municipality and the staff members in `also`
 * (such as the case's contact person), never the actor. Returns how many were alerted.
 */
export async function alertAdministrators(trx: Transaction<Database>, actor: Actor, alert: StaffAlert, also: (string | null | undefined)[] = []): Promise<number> {
  const admins = await trx.selectFrom('staff').select('id').where('municipality_id', '=', actor.municipalityId).where('role', '=', 'administrator').where('active', '=', true).execute();
  const recipients = new Set([...admins.map((a) => a.id), ...also.filter((id): id is string => Boolean(id))]);
  recipients.delete(actor.id);
  if (recipients.size === 0) return 0;
  const payload = JSON.stringify(alert.payload);
  await trx
    .insertInto('staff_alerts')
    .values([...recipients].map((staff_id) => ({ municipality_id: actor.municipalityId, staff_id, kind: alert.kind, person_id: alert.personId, payload })))
    .execute();
  return recipients.size;
}
