/**
 * Who may do what to which record: the one place that decides it, default deny.
 *
 * Role-level work ("may this role browse persons at all?") comes from core's permissions table.
 * Record-level access is an SQL condition that every query over persons applies, so a staff member
 * never loads a record they may not see; a record outside it is answered with 404 like a missing one.
 *
 * - coordinator: every person in their municipality (the KAA register is theirs).
 * - youth_coach: persons whose case they are contact person for, or whose case belongs to a team they are in.
 * - team_member: persons whose case they are contact person for (more comes with consent).
 * A case gives access while open and for FOLLOW_UP_MONTHS after closure (the follow-up period).
 * - administrator, manager, school_reporter: no person records; managers see figures only.
 * Contact details of a person with protected identity are visible only with an explicit grant.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { roleCan, type Capability, type Role } from '../../core/roles.js';
import { AppError } from '../http/app-error.js';
import type { Database } from '../db/types.js';

/** How long a closed case still gives its contact person and team access, for follow-up. */
export const FOLLOW_UP_MONTHS = 13;

/** The signed-in staff member a request acts for. */
export type Actor = {
  id: string;
  name: string;
  role: Role;
  municipalityId: string;
  unitId: string | null;
};

/** Throws 403 `forbidden` unless the actor's role has `capability`. */
export function requireCapability(actor: Actor, capability: Capability): void {
  if (!roleCan(actor.role, capability)) throw new AppError('forbidden');
}

type PersonsEb = ExpressionBuilder<Database, 'persons'>;

/** SQL condition on `persons`: true for the rows `actor` may read. */
export function personVisibleTo(actor: Actor): (eb: PersonsEb) => Expression<SqlBool> {
  return (eb) => {
    const inMunicipality = eb('persons.municipality_id', '=', actor.municipalityId);
    const myTeams = eb.selectFrom('team_members').select('team_members.team_id').where('team_members.staff_id', '=', actor.id);
    const caseWhere = (condition: (c: ExpressionBuilder<Database, 'cases' | 'persons'>) => Expression<SqlBool>) =>
      eb.exists(
        eb
          .selectFrom('cases')
          .select(sql`1`.as('one'))
          .whereRef('cases.person_id', '=', 'persons.id')
          .where((c) => c.or([c('cases.closed_at', 'is', null), c('cases.closed_at', '>', sql<Date>`now() - make_interval(months => ${FOLLOW_UP_MONTHS})`)]))
          .where(condition),
      );
    switch (actor.role) {
      case 'coordinator':
        return inMunicipality;
      case 'youth_coach':
        return eb.and([inMunicipality, caseWhere((c) => c.or([c('cases.contact_person_id', '=', actor.id), c('cases.team_id', 'in', myTeams)]))]);
      case 'team_member':
        return eb.and([inMunicipality, caseWhere((c) => c('cases.contact_person_id', '=', actor.id))]);
      default:
        return sql<SqlBool>`false`;
    }
  };
}

/** SQL expression on `persons`: true when `actor` may see the person's address and contact details. */
export function contactDetailsVisibleTo(actor: Actor): (eb: PersonsEb) => Expression<SqlBool> {
  return (eb) =>
    eb.or([
      eb('persons.protected_identity', '=', false),
      eb.exists(
        eb
          .selectFrom('protected_identity_grants')
          .select(sql`1`.as('one'))
          .whereRef('protected_identity_grants.person_id', '=', 'persons.id')
          .where('protected_identity_grants.staff_id', '=', actor.id),
      ),
    ]);
}

/** Roles that can be a case's contact person. */
export const CONTACT_PERSON_ROLES: readonly Role[] = ['coordinator', 'youth_coach', 'team_member'];
