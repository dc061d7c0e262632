/** Teams: members from several agencies around the young people; each team is run by one unit, its host agency. */
import type { z } from 'zod';
import type { Team, teamBody } from '../../../core/consent-schemas.js';
import { CONTACT_PERSON_ROLES, requireCapability } from '../../access/access.js';
import { audited, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { Profession } from '../../../core/professions.js';
import { choosableUnitIds } from '../units/units.queries.js';

/** Every team of the actor's municipality with its host agency and members. */
export async function listTeams(ctx: RequestContext): Promise<Team[]> {
  requireCapability(ctx.actor, 'teams.read');
  const m = ctx.actor.municipalityId;
  const [teams, members] = await Promise.all([
    ctx.db
      .selectFrom('teams')
      .leftJoin('units', 'units.id', 'teams.unit_id')
      .select(['teams.id', 'teams.name', 'units.id as unit_id', 'units.name as unit_name'])
      .where('teams.municipality_id', '=', m)
      .orderBy('teams.name')
      .execute(),
    ctx.db
      .selectFrom('team_members')
      .innerJoin('teams', 'teams.id', 'team_members.team_id')
      .innerJoin('staff', 'staff.id', 'team_members.staff_id')
      .leftJoin('units', 'units.id', 'staff.unit_id')
      .select([
        'team_members.team_id',
        'staff.id',
        'staff.name',
        'staff.role',
        'staff.profession',
        'units.name as unit_name',
      ])
      .where('teams.municipality_id', '=', m)
      .orderBy('staff.name')
      .execute(),
  ]);
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
      const team = await trx
        .insertInto('teams')
        .values({ municipality_id: ctx.actor.municipalityId, name: input.name, unit_id: unitId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({ action: 'create', entity: 'team', entityId: team.id, detail: { name: input.name, unitId } });
      return { id: team.id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('duplicate_team', [{ field: 'name', code: 'invalid' }]);
    throw err;
  }
}

async function teamOf(ctx: RequestContext, trx: RequestContext['db'], teamId: string) {
  const team = await trx
    .selectFrom('teams')
    .select('id')
    .where('id', '=', teamId)
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .executeTakeFirst();
  if (!team) throw new AppError('not_found');
}

/** Adds a staff member who can hold cases to a team; adding twice changes nothing. */
export async function addTeamMember(ctx: RequestContext, teamId: string, staffId: string): Promise<void> {
  requireCapability(ctx.actor, 'teams.manage');
  await audited(ctx, async ({ trx, audit }) => {
    await teamOf(ctx, trx, teamId);
    const staff = await trx
      .selectFrom('staff')
      .select('id')
      .where('id', '=', staffId)
      .where('municipality_id', '=', ctx.actor.municipalityId)
      .where('active', '=', true)
      .where('role', 'in', CONTACT_PERSON_ROLES)
      .executeTakeFirst();
    if (!staff) throw new AppError('validation_failed', [{ field: 'staffId', code: 'invalid' }]);
    await trx
      .insertInto('team_members')
      .values({ team_id: teamId, staff_id: staffId })
      .onConflict((oc) => oc.columns(['team_id', 'staff_id']).doNothing())
      .execute();
    await audit({ action: 'update', entity: 'team', entityId: teamId, detail: { added: staffId } });
  });
}

/** Removes a member from a team: they lose the team's cases at once. */
export async function removeTeamMember(ctx: RequestContext, teamId: string, staffId: string): Promise<void> {
  requireCapability(ctx.actor, 'teams.manage');
  await audited(ctx, async ({ trx, audit }) => {
    await teamOf(ctx, trx, teamId);
    const removed = await trx
      .deleteFrom('team_members')
      .where('team_id', '=', teamId)
      .where('staff_id', '=', staffId)
      .executeTakeFirst();
    if (removed.numDeletedRows === 0n) throw new AppError('not_found');
    await audit({ action: 'update', entity: 'team', entityId: teamId, detail: { removed: staffId } });
  });
}
