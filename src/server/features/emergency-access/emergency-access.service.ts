/**
 * Emergency access ("break the glass"): a staff member who works with young people states a reason
 * and sees everything about one person for a limited time (the municipality's setting, 4 hours by
 * default). The case's contact person and every administrator are alerted, and the access and every
 * read under it are highlighted in the audit log and listed in the access follow-up.
 */
import { sql } from 'kysely';
import { requireCapability } from '../../access/access.js';
import { audited, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { alertAdministrators } from './alerts.js';

type Target = { personId: string } | { personalIdentityNumber: string };

/** Opens emergency access to a person of the actor's municipality. Asking again while one is open returns that one. */
export async function openEmergencyAccess(ctx: RequestContext, target: Target, reason: string): Promise<{ id: string; personId: string; endsAt: string }> {
  requireCapability(ctx.actor, 'emergency.access');
  return audited(ctx, async ({ trx, audit }) => {
    let q = trx.selectFrom('persons').select(['persons.id']).where('persons.municipality_id', '=', ctx.actor.municipalityId);
    q = 'personId' in target ? q.where('persons.id', '=', target.personId) : q.where('persons.personal_identity_number', '=', target.personalIdentityNumber);
    const person = await q.executeTakeFirst();
    if (!person) throw new AppError('not_found');
    await sql`select pg_advisory_xact_lock(hashtext(${`emergency:${ctx.actor.id}:${person.id}`}))`.execute(trx);
    const open = await trx.selectFrom('emergency_access').select(['id', 'ends_at']).where('staff_id', '=', ctx.actor.id).where('person_id', '=', person.id).where('ends_at', '>', sql<Date>`now()`).executeTakeFirst();
    if (open) return { id: open.id, personId: person.id, endsAt: open.ends_at.toISOString() };
    const access = await trx
      .insertInto('emergency_access')
      .values({
        municipality_id: ctx.actor.municipalityId,
        person_id: person.id,
        staff_id: ctx.actor.id,
        reason,
        ends_at: sql<Date>`now() + make_interval(hours => (select emergency_access_hours from municipalities where id = ${ctx.actor.municipalityId}))`,
      })
      .returning(['id', 'ends_at'])
      .executeTakeFirstOrThrow();
    const contact = await trx.selectFrom('cases').select('contact_person_id').where('person_id', '=', person.id).where('contact_person_id', 'is not', null).orderBy('opened_at', 'desc').limit(1).executeTakeFirst();
    const alerted = await alertAdministrators(trx, ctx.actor, { kind: 'emergency_access', personId: person.id, payload: { by: ctx.actor.name, reason, endsAt: access.ends_at.toISOString() } }, [contact?.contact_person_id]);
    await audit({ action: 'create', entity: 'emergency_access', entityId: access.id, personId: person.id, detail: { reason, endsAt: access.ends_at.toISOString(), basis: 'emergency', alerted } });
    return { id: access.id, personId: person.id, endsAt: access.ends_at.toISOString() };
  });
}

/** The actor's unread alerts, newest first; each one shown is audited, as it names a person and a reason. */
export async function listAlerts(ctx: RequestContext) {
  return audited(ctx, async ({ trx, audit }) => {
    const rows = await trx.selectFrom('staff_alerts').select(['id', 'kind', 'person_id', 'payload', 'created_at']).where('staff_id', '=', ctx.actor.id).where('read_at', 'is', null).orderBy('created_at', 'desc').limit(50).execute();
    await audit(...rows.map((r) => ({ action: 'list' as const, entity: 'alert' as const, entityId: r.id, personId: r.person_id })));
    return rows.map((r) => ({ id: r.id, kind: r.kind, personId: r.person_id, payload: r.payload, createdAt: r.created_at.toISOString() }));
  });
}

/** Marks one of the actor's alerts as read. */
export async function markAlertRead(ctx: RequestContext, alertId: string): Promise<void> {
  const updated = await ctx.db.updateTable('staff_alerts').set({ read_at: sql`now()` }).where('id', '=', alertId).where('staff_id', '=', ctx.actor.id).executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw new AppError('not_found');
}
