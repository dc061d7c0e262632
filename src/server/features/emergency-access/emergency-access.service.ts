/**
 * Emergency access ("break the glass"): a staff member whom the municipality allows (by role and
 * unit; by default coordinators and the caseworkers of the KAA's own units) states a reason of at
 * least 20 characters and sees everything about one person for a limited time (the municipality's
 * setting, 4 hours by default). Past the day's limit of persons (3 by default) it becomes a request
 * that a coordinator approves or denies (emergency-requests.service.ts). The case's contact person
 * and every administrator are alerted, and the access and every read under it are highlighted in
 * the audit log and listed in the access follow-up.
 */
import { sql, type Transaction } from 'kysely';
import { emergencyReasonLongEnough } from '../../../core/emergency.js';
import { requireCapability, type Actor } from '../../access/access.js';
import type { AuditEvent } from '../../audit/audit.js';
import type { Database } from '../../db/types.js';
import { audited, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { readSettings } from '../settings/settings.service.js';
import { alertAdministrators, alertStaff } from './alerts.js';

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
  return Boolean(
    await trx
      .selectFrom('units')
      .select('id')
      .where('id', '=', staff.unitId)
      .where('kaa', '=', true)
      .executeTakeFirst(),
  );
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
  staff: { id: string; name: string; municipalityId: string },
  personId: string,
  reason: string,
  approvedBy?: string,
): Promise<{ id: string; endsAt: string }> {
  const access = await trx
    .insertInto('emergency_access')
    .values({
      municipality_id: staff.municipalityId,
      person_id: personId,
      staff_id: staff.id,
      reason,
      ends_at: sql<Date>`now() + make_interval(hours => (select emergency_access_hours from municipalities
        where id = ${staff.municipalityId}))`,
    })
    .returning(['id', 'ends_at'])
    .executeTakeFirstOrThrow();
  const endsAt = access.ends_at.toISOString();
  const contact = await trx
    .selectFrom('cases')
    .select('contact_person_id')
    .where('person_id', '=', personId)
    .where('contact_person_id', 'is not', null)
    .orderBy('opened_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const payload = { by: staff.name, reason, endsAt, ...(approvedBy ? { approvedBy } : {}) };
  const alerted = await alertAdministrators(trx, staff, { kind: 'emergency_access', personId, payload }, [
    contact?.contact_person_id,
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
    let q = trx
      .selectFrom('persons')
      .select(['persons.id'])
      .where('persons.municipality_id', '=', ctx.actor.municipalityId);
    q =
      'personId' in target
        ? q.where('persons.id', '=', target.personId)
        : q.where('persons.personal_identity_number', '=', target.personalIdentityNumber);
    const person = await q.executeTakeFirst();
    if (!person) throw new AppError('not_found');
    // One at a time per staff member, so parallel requests cannot pass the day's limit together.
    await sql`select pg_advisory_xact_lock(hashtext(${`emergency:${ctx.actor.id}`}))`.execute(trx);
    const open = await trx
      .selectFrom('emergency_access')
      .select(['id', 'ends_at'])
      .where('staff_id', '=', ctx.actor.id)
      .where('person_id', '=', person.id)
      .where('ends_at', '>', sql<Date>`now()`)
      .executeTakeFirst();
    if (open) return { status: 'open', id: open.id, personId: person.id, endsAt: open.ends_at.toISOString() };

    const { emergencyDailyLimit } = await readSettings(trx, ctx.actor.municipalityId);
    const today = await trx
      .selectFrom('emergency_access')
      .select(sql<number>`count(distinct person_id)::int`.as('n'))
      .where('staff_id', '=', ctx.actor.id)
      .where(
        sql<boolean>`started_at >= (date_trunc('day',
          now() at time zone 'Europe/Stockholm') at time zone 'Europe/Stockholm')`,
      )
      .executeTakeFirstOrThrow();
    if (today.n < emergencyDailyLimit) {
      const access = await grantEmergencyAccess(trx, audit, ctx.actor, person.id, reason);
      return { status: 'open', ...access, personId: person.id };
    }

    const waiting = await trx
      .selectFrom('emergency_requests')
      .select('id')
      .where('staff_id', '=', ctx.actor.id)
      .where('person_id', '=', person.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (waiting) return { status: 'pending', requestId: waiting.id, personId: person.id };
    const request = await trx
      .insertInto('emergency_requests')
      .values({ municipality_id: ctx.actor.municipalityId, person_id: person.id, staff_id: ctx.actor.id, reason })
      .returning('id')
      .executeTakeFirstOrThrow();
    const alerted = await alertStaff(
      trx,
      ctx.actor,
      {
        kind: 'emergency_request',
        personId: person.id,
        payload: { by: ctx.actor.name, reason, limit: emergencyDailyLimit },
      },
      ['coordinator'],
    );
    await audit({
      action: 'create',
      entity: 'emergency_request',
      entityId: request.id,
      personId: person.id,
      detail: { reason, limit: emergencyDailyLimit, alerted },
    });
    return { status: 'pending', requestId: request.id, personId: person.id };
  });
}

/** The actor's unread alerts, newest first; each one shown is audited, as it names a person and a reason. */
export async function listAlerts(ctx: RequestContext) {
  return audited(ctx, async ({ trx, audit }) => {
    const rows = await trx
      .selectFrom('staff_alerts')
      .select(['id', 'kind', 'person_id', 'payload', 'created_at'])
      .where('staff_id', '=', ctx.actor.id)
      .where('read_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(50)
      .execute();
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
  const updated = await ctx.db
    .updateTable('staff_alerts')
    .set({ read_at: sql`now()` })
    .where('id', '=', alertId)
    .where('staff_id', '=', ctx.actor.id)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw new AppError('not_found');
}
