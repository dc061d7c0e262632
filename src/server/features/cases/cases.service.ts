/** Use cases on a case: change its contact person, team, status or participant details, with optimistic locking. */
import type { z } from 'zod';
import type { caseUpdateBody } from '../../../core/schemas.js';
import { requireCapability } from '../../access/access.js';
import { DOCUMENTED_PROBLEMS_CATEGORY, type DocumentedProblem } from '../../../core/outcomes.js';
import { AppError } from '../../http/app-error.js';
import { audited, type RequestContext } from '../../http/context.js';
import { eventRow, insertEvents } from '../../db/events.js';
import { caseForUpdate, findContactPerson, teamOf, updateCaseRow } from './cases.queries.js';

/** The active staff member `staffId` of the municipality, if they may hold a case as contact person. */
export { findContactPerson };

/**
 * Updates a case the actor works on for the KAA. Reassigning (contact person, team) needs `cases.assign`; a stale
 * version gives 409.
 */
export async function updateCase(
  ctx: RequestContext,
  caseId: string,
  input: z.infer<typeof caseUpdateBody>,
): Promise<void> {
  requireCapability(ctx.actor, 'persons.edit');
  if (input.contactPersonId !== undefined || input.teamId !== undefined) requireCapability(ctx.actor, 'cases.assign');
  await audited(ctx, async ({ trx, audit }) => {
    const current = await caseForUpdate(trx, ctx.actor, caseId);
    if (!current) throw new AppError('not_found');
    if (current.version !== input.version) throw new AppError('version_conflict');
    // A case is closed with an outcome (POST …/close), and a closed one is taken on again as a new case.
    if (input.status === 'closed' && current.status !== 'closed') {
      throw new AppError('validation_failed', [{ field: 'status', code: 'close_with_outcome' }]);
    }
    if (current.closed_at) throw new AppError('case_closed');
    const participant = participantChanges(current, input);
    const problems = input.documentedProblems && [...new Set(input.documentedProblems)].sort();
    const stored = [...current.documented_problems].sort().join();
    const problemsChanged = problems !== undefined && problems.join() !== stored;
    if (problemsChanged && !current.sees_health_social) throw new AppError('category_not_allowed');

    let newContact: { id: string; name: string } | null | undefined;
    if (input.contactPersonId !== undefined && input.contactPersonId !== current.contact_person_id) {
      newContact = input.contactPersonId
        ? await findContactPerson(trx, ctx.actor.municipalityId, input.contactPersonId)
        : null;
      if (newContact === undefined)
        throw new AppError('validation_failed', [{ field: 'contactPersonId', code: 'contact_person_without_access' }]);
    }
    let newTeam: { id: string; name: string } | null | undefined;
    if (input.teamId !== undefined && input.teamId !== current.team_id) {
      newTeam = input.teamId ? await teamOf(trx, ctx.actor.municipalityId, input.teamId) : null;
      if (newTeam === undefined) throw new AppError('validation_failed', [{ field: 'teamId', code: 'invalid' }]);
    }
    const statusChanged = input.status !== undefined && input.status !== current.status;
    const participantChanged = Object.keys(participant).length > 0;
    const assigned = newContact !== undefined || newTeam !== undefined;
    if (!assigned && !statusChanged && !participantChanged && !problemsChanged) return;

    const updated = await updateCaseRow(trx, caseId, input.version, {
      ...(newContact !== undefined && { contact_person_id: newContact?.id ?? null }),
      ...(newTeam !== undefined && { team_id: newTeam?.id ?? null }),
      ...(statusChanged && { status: input.status }),
      ...(participant.targetGroup && { target_group: participant.targetGroup }),
      ...(participant.upperSecondaryDiploma && { upper_secondary_diploma: participant.upperSecondaryDiploma }),
      ...(problemsChanged && { documented_problems: problems }),
    });
    if (!updated) throw new AppError('version_conflict');

    const base = {
      municipality_id: current.municipality_id,
      person_id: current.person_id,
      case_id: caseId,
      actor_id: ctx.actor.id,
    };
    if (newContact !== undefined) {
      const payload = {
        from: current.contact_person_id ? { id: current.contact_person_id, name: current.contact_name } : null,
        to: newContact,
      };
      await insertEvents(trx, eventRow(base, 'contact_person_changed', payload));
    }
    if (newTeam !== undefined) {
      await insertEvents(trx, eventRow(base, 'team_changed', { to: newTeam }));
    }
    if (statusChanged && input.status) {
      await insertEvents(trx, eventRow(base, 'case_status_changed', { from: current.status, to: input.status }));
    }
    if (participantChanged) {
      await insertEvents(trx, eventRow(base, 'case_participant_changed', participant));
    }
    if (problemsChanged) {
      const payload = { problems: problems as DocumentedProblem[] };
      const row = eventRow({ ...base, category: DOCUMENTED_PROBLEMS_CATEGORY }, 'documented_problems_changed', payload);
      await insertEvents(trx, row);
    }
    const changed = {
      contactPerson: newContact !== undefined,
      team: newTeam !== undefined,
      status: statusChanged,
      participant: participantChanged,
      documentedProblems: problemsChanged,
    };
    await audit({ action: 'update', entity: 'case', entityId: caseId, personId: current.person_id, detail: changed });
  });
}

/**
 * The participant fields the request changes: a target group (never `kaa`, which is derived, and never
 * over a derived `kaa`: it stays with the case) and the upper-secondary diploma.
 */
function participantChanges(
  current: { target_group: string; upper_secondary_diploma: string },
  input: z.infer<typeof caseUpdateBody>,
) {
  if (input.targetGroup && current.target_group === 'kaa') {
    throw new AppError('validation_failed', [{ field: 'targetGroup', code: 'invalid' }]);
  }
  const diploma = input.upperSecondaryDiploma;
  return {
    ...(input.targetGroup && input.targetGroup !== current.target_group && { targetGroup: input.targetGroup }),
    ...(diploma && diploma !== current.upper_secondary_diploma && { upperSecondaryDiploma: diploma }),
  };
}
