/** SQL of teams: a municipality's teams with their host unit, their members, and membership changes. */
import type { Db } from '../../db/connection.js';

/** The municipality's teams by name, each with its host unit (if any). */
export function teamsOf(db: Db, municipalityId: string) {
  return db
    .selectFrom('teams')
    .leftJoin('units', 'units.id', 'teams.unit_id')
    .select(['teams.id', 'teams.name', 'units.id as unit_id', 'units.name as unit_name'])
    .where('teams.municipality_id', '=', municipalityId)
    .orderBy('teams.name')
    .execute();
}

/** The members of every team of the municipality by name, each with the team, role, profession and unit. */
export function teamMembersOf(db: Db, municipalityId: string) {
  return db
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
    .where('teams.municipality_id', '=', municipalityId)
    .orderBy('staff.name')
    .execute();
}

/** Inserts a team run by `unitId`; returns its id. A name in use throws a unique violation. */
export async function insertTeam(
  db: Db,
  team: { municipalityId: string; name: string; unitId: string },
): Promise<string> {
  const row = await db
    .insertInto('teams')
    .values({ municipality_id: team.municipalityId, name: team.name, unit_id: team.unitId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Whether the team is one of the municipality's. */
export async function isTeamOf(db: Db, municipalityId: string, teamId: string): Promise<boolean> {
  const team = await db
    .selectFrom('teams')
    .select('id')
    .where('id', '=', teamId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return team !== undefined;
}

/** Makes a staff member a member of the team; a member already changes nothing. */
export async function insertTeamMember(db: Db, teamId: string, staffId: string): Promise<void> {
  await db
    .insertInto('team_members')
    .values({ team_id: teamId, staff_id: staffId })
    .onConflict((oc) => oc.columns(['team_id', 'staff_id']).doNothing())
    .execute();
}

/** Takes a staff member out of the team; false when they were not in it. */
export async function deleteTeamMember(db: Db, teamId: string, staffId: string): Promise<boolean> {
  const removed = await db
    .deleteFrom('team_members')
    .where('team_id', '=', teamId)
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return removed.numDeletedRows > 0n;
}
