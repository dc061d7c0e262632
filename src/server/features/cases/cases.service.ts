/** Use cases on a case: change its contact person or status, with optimistic locking. */
import { sql } from 'kysely';
import type { z } from 'zod';
import type { caseUpdateBody } from '../../../core/schemas.js';
import { mayBeContactPerson, personManagedBy, requireCapability } from '../../access/access.js';
import { AppError } from '../../http/app-error.js';
import type { Db } from '../../db/connection.js';
import { audited, type RequestContext } from '../../http/context.js';
import { eventRow } from '../../db/events.js';

/** The active staff member `staffId` of the municipality, if they may hold a case as contact person. */
export function findContactPerson(db: Db, municipalityId: string, staffId: string) {
  return db.selectFrom('staff').select(['id', 'name']).where('id', '=', staffId).where('municipality_id', '=', municipalityId).where('active', '=', true).where(mayBeContactPerson).executeTakeFirst();
}

/** Updates a case the actor works on for the KAA. Reassigning (contact person, team) needs `cases.assign`; a stale version gives 409. */
export async function updateCase(ctx: RequestContext, caseId: string, input: z.infer<typeof caseUpdateBody>): Promise<void> {
  requireCapability(ctx.actor, 'persons.edit');
  if (input.contactPersonId !== undefined || input.teamId !== undefined) requireCapability(ctx.actor, 'cases.assign');
  await audited(ctx, async ({ trx, audit }) => {
    const current = await trx
      .selectFrom('cases')
      .innerJoin('persons', 'persons.id', 'cases.person_id')
      .leftJoin('staff', 'staff.id', 'cases.contact_person_id')
      .select(['cases.id', 'cases.person_id', 'cases.municipality_id', 'cases.status', 'cases.version', 'cases.contact_person_id', 'cases.team_id', 'staff.name as contact_name'])
      .where('cases.id', '=', caseId)
      .where(personManagedBy(ctx.actor))
      .executeTakeFirst();
    if (!current) throw new AppError('not_found');
    if (current.version !== input.version) throw new AppError('version_conflict');

    let newContact: { id: string; name: string } | null | undefined;
    if (input.contactPersonId !== undefined && input.contactPersonId !== current.contact_person_id) {
      newContact = input.contactPersonId ? await findContactPerson(trx, ctx.actor.municipalityId, input.contactPersonId) : null;
      if (newContact === undefined) throw new AppError('validation_failed', [{ field: 'contactPersonId', code: 'contact_person_without_access' }]);
    }
    let newTeam: { id: string; name: string } | null | undefined;
    if (input.teamId !== undefined && input.teamId !== current.team_id) {
      newTeam = input.teamId ? await trx.selectFrom('teams').select(['id', 'name']).where('id', '=', input.teamId).where('municipality_id', '=', ctx.actor.municipalityId).executeTakeFirst() : null;
      if (newTeam === undefined) throw new AppError('validation_failed', [{ field: 'teamId', code: 'invalid' }]);
    }
    const statusChanged = input.status !== undefined && input.status !== current.status;
    if (newContact === undefined && newTeam === undefined && !statusChanged) return;

    const updated = await trx
      .updateTable('cases')
      .set({
        ...(newContact !== undefined && { contact_person_id: newContact?.id ?? null }),
        ...(newTeam !== undefined && { team_id: newTeam?.id ?? null }),
        ...(statusChanged && { status: input.status, closed_at: input.status === 'closed' ? sql`now()` : null }),
        version: sql`version + 1`,
      })
      .where('id', '=', caseId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('version_conflict');

    const base = { municipality_id: current.municipality_id, person_id: current.person_id, case_id: caseId, actor_id: ctx.actor.id };
    if (newContact !== undefined) {
      const payload = { from: current.contact_person_id ? { id: current.contact_person_id, name: current.contact_name } : null, to: newContact };
      await trx.insertInto('events').values(eventRow(base, 'contact_person_changed', payload)).execute();
    }
    if (newTeam !== undefined) {
      await trx.insertInto('events').values(eventRow(base, 'team_changed', { to: newTeam })).execute();
    }
    if (statusChanged && input.status) {
      await trx.insertInto('events').values(eventRow(base, 'case_status_changed', { from: current.status, to: input.status })).execute();
    }
    await audit({ action: 'update', entity: 'case', entityId: caseId, personId: current.person_id, detail: { contactPerson: newContact !== undefined, team: newTeam !== undefined, status: statusChanged } });
  });
}
