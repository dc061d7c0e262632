/** Teams: members from several agencies around the young people; each team is run by one unit, its host agency. */
import type { z } from 'zod';
import type { Team, teamBody } from '../../../core/consent-schemas.js';
import { requireCapability } from '../../access/access.js';
import { audited, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { Profession } from '../../../core/professions.js';
import { choosableUnitIds } from '../units/units.queries.js';
import { activeContactPersonOf } from '../staff/staff.queries.js';
import { deleteTeamMember, insertTeam, insertTeamMember, isTeamOf, teamMembersOf, teamsOf } from './teams.queries.js';

/** Every team of the actor's municipality with its host agency and members. */
export async function listTeams(ctx: RequestContext): Promise<Team[]> {
  requireCapability(ctx.actor, 'teams.read');
  const m = ctx.actor.municipalityId;
  const [teams, members] = await Promise.all([teamsOf(ctx.db, m), teamMembersOf(ctx.db, m)]);
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    unit: t.unit_id ? { id: t.unit_id, name: t.unit_name! } : null,
    members: members
      .filter((x) => x.team_id === t.id)
      .map((x) => ({
        id: x.id,
        name: x.name,
        role: x.role,
        profession: x.profession as Profession | null,
        unit: x.unit_name,
      })),
  }));
}

/** Creates a team run by `unitId`. A name already in use gives 409. */
export async function createTeam(ctx: RequestContext, input: z.infer<typeof teamBody>): Promise<{ id: string }> {
  requireCapability(ctx.actor, 'teams.manage');
  try {
    return await audited(ctx, async ({ trx, audit }) => {
      const [unitId] = await choosableUnitIds(trx, ctx.actor.municipalityId, [input.unitId]);
      if (!unitId) throw new AppError('validation_failed', [{ field: 'unitId', code: 'invalid' }]);
      const id = await insertTeam(trx, { municipalityId: ctx.actor.municipalityId, name: input.name, unitId });
      await audit({ action: 'create', entity: 'team', entityId: id, detail: { name: input.name, unitId } });
      return { id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('duplicate_team', [{ field: 'name', code: 'invalid' }]);
    throw err;
  }
}

async function teamOf(ctx: RequestContext, trx: RequestContext['db'], teamId: string) {
  if (!(await isTeamOf(trx, ctx.actor.municipalityId, teamId))) throw new AppError('not_found');
}

/** Adds a staff member who can hold cases to a team; adding twice changes nothing. */
export async function addTeamMember(ctx: RequestContext, teamId: string, staffId: string): Promise<void> {
  requireCapability(ctx.actor, 'teams.manage');
  await audited(ctx, async ({ trx, audit }) => {
    await teamOf(ctx, trx, teamId);
    const staff = await activeContactPersonOf(trx, ctx.actor.municipalityId, staffId);
    if (!staff) throw new AppError('validation_failed', [{ field: 'staffId', code: 'invalid' }]);
    await insertTeamMember(trx, teamId, staffId);
    await audit({ action: 'update', entity: 'team', entityId: teamId, detail: { added: staffId } });
  });
}

/** Removes a member from a team: they lose the team's cases at once. */
export async function removeTeamMember(ctx: RequestContext, teamId: string, staffId: string): Promise<void> {
  requireCapability(ctx.actor, 'teams.manage');
  await audited(ctx, async ({ trx, audit }) => {
    await teamOf(ctx, trx, teamId);
    if (!(await deleteTeamMember(trx, teamId, staffId))) throw new AppError('not_found');
    await audit({ action: 'update', entity: 'team', entityId: teamId, detail: { removed: staffId } });
  });
}
