/**
 * Who may do what to which record: the one place that decides it, default deny.
 *
 * Role-level work ("may this role browse persons at all?") comes from core's permissions table.
 * Record-level access is an SQL condition that every query over persons applies, so a staff member
 * never loads a record they may not see; a record outside it is answered with 404 like a missing one.
 *
 * Whether a person exists for an actor at all (`personVisibleTo`):
 * - coordinator: every person in their municipality (the KAA register is theirs).
 * - caseworker (youth_coach, team_member) of one of the KAA's own units (`units.kaa`, set by the
 *   municipality): the persons whose case they hold as contact person or whose case is in their team.
 * - caseworker of any other unit (social services, the employment service…), even in the case's
 *   team: only while the young person's valid consent names the caseworker's unit (OSL 12 kap. 2 §);
 *   otherwise 404. Withdrawal or expiry ends it at once. Which team a case is in never lifts secrecy.
 * - anyone with an active emergency access to the person (stated reason, limited in time).
 * A case gives access while open and for FOLLOW_UP_MONTHS after closure (the follow-up period).
 * - administrator, manager, school_reporter: no person records; managers see figures only.
 *
 * What of a visible person the actor may see, by category (`categoryVisibleTo`):
 * - contact and occupation, assessment and plan: coordinators, contact persons and same-agency team
 *   members (the KAA's own documentation); others only where a valid consent names their unit and
 *   the category.
 * - health and social situation: only where a valid consent names the actor's unit and that category,
 *   whoever the actor is; never in the register views.
 * - emergency access: every category, until it ends.
 * Contact details of a person with protected identity are visible only with an explicit grant.
 */
import { expressionBuilder, sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { ConsentCategory } from '../../core/consent.js';
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
type CaseEb = ExpressionBuilder<Database, 'cases' | 'persons'>;
const FALSE = sql<SqlBool>`false`;
const CASEWORKERS: readonly Role[] = ['youth_coach', 'team_member'];

/** A live case of the person (open, or closed within the follow-up period) meeting `condition`. */
function liveCase(eb: PersonsEb, condition: (c: CaseEb) => Expression<SqlBool>) {
  return eb.exists(
    eb
      .selectFrom('cases')
      .select(sql`1`.as('one'))
      .whereRef('cases.person_id', '=', 'persons.id')
      .where((c) =>
        c.or([
          c('cases.closed_at', 'is', null),
          c('cases.closed_at', '>', sql<Date>`now() - make_interval(months => ${FOLLOW_UP_MONTHS})`),
        ]),
      )
      .where(condition),
  );
}

/** True when the actor belongs to one of the KAA's own units. */
function inKaaUnit(eb: PersonsEb, actor: Actor) {
  if (!actor.unitId) return FALSE;
  return eb.exists(
    eb
      .selectFrom('units')
      .select(sql`1`.as('one'))
      .where('units.id', '=', actor.unitId)
      .where('units.kaa', '=', true),
  );
}

/**
 * A live case the actor works on: as its contact person or in its team. Two conditions, each of
 * which an index serves (by person, or by contact person and by team), whether the database tests
 * them person by person or gathers the actor's cases once.
 */
const onCase = (eb: PersonsEb, actor: Actor) =>
  eb.or([
    liveCase(eb, (c) => c('cases.contact_person_id', '=', actor.id)),
    eb.exists(
      eb
        .selectFrom('team_members')
        .innerJoin('cases', 'cases.team_id', 'team_members.team_id')
        .select(sql`1`.as('one'))
        .where('team_members.staff_id', '=', actor.id)
        .whereRef('cases.person_id', '=', 'persons.id')
        .where((c) =>
          c.or([
            c('cases.closed_at', 'is', null),
            c('cases.closed_at', '>', sql<Date>`now() - make_interval(months => ${FOLLOW_UP_MONTHS})`),
          ]),
        ),
    ),
  ]);

/** The KAA's own access, without consent: coordinators, and caseworkers of the KAA's own units on the case. */
function ownAccess(actor: Actor): (eb: PersonsEb) => Expression<SqlBool> {
  return (eb) => {
    const inMunicipality = eb('persons.municipality_id', '=', actor.municipalityId);
    if (actor.role === 'coordinator') return inMunicipality;
    if (!CASEWORKERS.includes(actor.role)) return FALSE;
    return eb.and([inMunicipality, inKaaUnit(eb, actor), onCase(eb, actor)]);
  };
}

/** Anyone who works on the person's case, of any unit: the KAA's own, or others (who need consent too). */
function worksWith(actor: Actor): (eb: PersonsEb) => Expression<SqlBool> {
  return (eb) => {
    if (!CASEWORKERS.includes(actor.role)) return ownAccess(actor)(eb);
    return eb.or([
      ownAccess(actor)(eb),
      eb.and([eb('persons.municipality_id', '=', actor.municipalityId), onCase(eb, actor)]),
    ]);
  };
}

/**
 * The valid consents that name `unitId` as a recipient, as a select over `consents` and `consent_recipients`: not
 * withdrawn, and with no last day or a last day not yet past in Sweden. The one statement of the rule, for a
 * person's consent (consentFor, correlated with `persons`) and for a caseload's (openableCaseloadIds, read once as
 * a list of persons).
 */
function validConsentsNaming(unitId: string) {
  return expressionBuilder<Database, 'persons'>()
    .selectFrom('consents')
    .innerJoin('consent_recipients', 'consent_recipients.consent_id', 'consents.id')
    .where('consent_recipients.unit_id', '=', unitId)
    .where('consents.withdrawn_at', 'is', null)
    .where((c) =>
      c.or([
        c('consents.valid_until', 'is', null),
        c('consents.valid_until', '>=', sql<string>`(now() at time zone 'Europe/Stockholm')::date`),
      ]),
    );
}

/** A valid consent of the person that names the actor's unit (and `category`, when given). */
function consentFor(actor: Actor, category?: ConsentCategory): (eb: PersonsEb) => Expression<SqlBool> {
  return (eb) => {
    if (!actor.unitId) return FALSE;
    let q = validConsentsNaming(actor.unitId)
      .select(sql`1`.as('one'))
      .whereRef('consents.person_id', '=', 'persons.id');
    if (category) {
      q = q.where((c) =>
        c.exists(
          c
            .selectFrom('consent_categories')
            .select(sql`1`.as('one'))
            .whereRef('consent_categories.consent_id', '=', 'consents.id')
            .where('consent_categories.category', '=', category),
        ),
      );
    }
    return eb.exists(q);
  };
}

/** An emergency access of the actor to the person that has not yet ended. */
function emergencyAccess(actor: Actor): (eb: PersonsEb) => Expression<SqlBool> {
  return (eb) => {
    if (!roleCan(actor.role, 'emergency.access')) return FALSE;
    return eb.exists(
      eb
        .selectFrom('emergency_access')
        .select(sql`1`.as('one'))
        .whereRef('emergency_access.person_id', '=', 'persons.id')
        .where('emergency_access.staff_id', '=', actor.id)
        .where('emergency_access.municipality_id', '=', actor.municipalityId)
        .where('emergency_access.ends_at', '>', sql<Date>`now()`),
    );
  };
}

/**
 * The persons of the live cases a caseworker works on, as their contact person or in their team, as SQL selects;
 * with `mayOpen`, only the cases that meet it too (a condition on `cases`).
 */
function caseloadIds(actor: Actor, mayOpen?: RawBuilder<SqlBool>): RawBuilder<unknown>[] {
  const also = mayOpen ? sql` and ${mayOpen}` : sql``;
  const live = sql`(cases.closed_at is null
        or cases.closed_at > now() - make_interval(months => ${FOLLOW_UP_MONTHS}))${also}`;
  return [
    sql`select cases.person_id from cases where cases.contact_person_id = ${actor.id} and ${live}`,
    sql`select cases.person_id from cases join team_members on team_members.team_id = cases.team_id
        where team_members.staff_id = ${actor.id} and ${live}`,
  ];
}

/**
 * The persons of the live cases a caseworker works on that they may open (C ∧ (K ∨ S)), as SQL selects: all of them
 * when the actor is of one of the KAA's own units (K), else those whose person has a valid consent that names the
 * actor's unit (S). K does not depend on the case: the database tests it once, as a gate before each select (so
 * it runs either the first two or the last two), and it leaves the planner's estimate of the caseload's size
 * as it is. The consents are read once as a list, not tested case by case.
 */
function openableCaseloadIds(actor: Actor): RawBuilder<unknown>[] {
  if (!actor.unitId) return [];
  const kaa = sql<SqlBool>`exists (select 1 from units where units.id = ${actor.unitId} and units.kaa = true)`;
  // Kysely puts the select in parentheses: `in (select …)`, not a one-element list `in ((select …))`.
  const consented = sql<SqlBool>`cases.person_id in ${validConsentsNaming(actor.unitId).select('consents.person_id')}`;
  // `not K and (K or S)` is `not K and S`, written with an OR so that the consents are not joined case by case
  // (the planner probed the cases of each of the unit's consents) but read once, as a hashed list.
  return [...caseloadIds(actor, kaa), ...caseloadIds(actor, sql<SqlBool>`not ${kaa} and (${kaa} or ${consented})`)];
}

/**
 * True when `persons.id` is one of `ids` (SQL selects of person ids), false when there are none. A `union`, not
 * `union all`: the planner then knows the list has no duplicates and estimates its length as the sum of its
 * parts (for `union all`, or `= any(array(…))`, it assumes 200 or 10 ids), so it can weigh a caseload of
 * thousands against another index, such as a name search's trigram index, and join the two by hash instead
 * of testing each person of the caseload by primary key.
 */
function idIn(ids: RawBuilder<unknown>[]): Expression<SqlBool> {
  if (ids.length === 0) return FALSE;
  return sql<SqlBool>`persons.id in (${sql.join(ids, sql` union `)})`;
}

/** The persons of the actor's emergency accesses that have not ended, as an SQL select. */
const emergencyIds = (actor: Actor) => sql`select emergency_access.person_id from emergency_access
        where emergency_access.staff_id = ${actor.id} and emergency_access.municipality_id = ${actor.municipalityId}
          and emergency_access.ends_at > now()`;

/**
 * A first cut of the persons the actor may see, which the exact condition then narrows: every
 * person of the municipality for a coordinator; for anyone else the persons of the live cases they
 * work on and of their emergency accesses, as one list of ids, so the database starts from those
 * few (by index) rather than testing every person of a municipality. It never lets anyone more in:
 * each way in of personVisibleTo needs a coordinator's municipality, a live case or an emergency access.
 */
function candidates(actor: Actor): (eb: PersonsEb) => Expression<SqlBool> {
  return (eb) => {
    if (actor.role === 'coordinator') return eb('persons.municipality_id', '=', actor.municipalityId);
    const ids: RawBuilder<unknown>[] = CASEWORKERS.includes(actor.role) ? caseloadIds(actor) : [];
    if (roleCan(actor.role, 'emergency.access')) ids.push(emergencyIds(actor));
    return idIn(ids);
  };
}

/**
 * True when the actor's first cut of persons is a caseload (the persons of the cases they work on and
 * their emergency accesses), not a whole municipality: a query over every person the actor may see
 * then reads at most a caseload, and counting it in full costs no more than reading it once.
 */
export function seesOnlyCaseload(actor: Actor): boolean {
  return actor.role !== 'coordinator';
}

/**
 * SQL condition on `persons`: true for the rows `actor` may read at all. The entry point of every person query.
 *
 * For a caseworker it is written as it reduces, so the database tests no case and no consent per row: with own
 * access O = M ∧ K ∧ C (in the municipality M, of a KAA unit K, on a live case C), consent S and emergency access
 * E, the rule O ∨ (M ∧ C ∧ S) ∨ E is (M ∧ C ∧ (K ∨ S)) ∨ E. Its first cut is the list of ids (C ∧ (K ∨ S)) ∨ E:
 * the persons of the live cases they work on where they are of a KAA unit or the person's consent names their
 * unit (openableCaseloadIds: found from the caseload's cases, not tested person by person), and of their
 * emergency accesses; within it the rule is M ∨ E (a person of the first list who fails M is visible by E
 * alone). K does not depend on the person (the database tests it once), so each row is tested for its
 * municipality and, only outside it, for an emergency access.
 */
export function personVisibleTo(actor: Actor): (eb: PersonsEb) => Expression<SqlBool> {
  return (eb) => {
    if (CASEWORKERS.includes(actor.role)) {
      const ids = openableCaseloadIds(actor);
      if (roleCan(actor.role, 'emergency.access')) ids.push(emergencyIds(actor));
      return eb.and([
        idIn(ids),
        eb.or([eb('persons.municipality_id', '=', actor.municipalityId), emergencyAccess(actor)(eb)]),
      ]);
    }
    return eb.and([
      candidates(actor)(eb),
      eb.or([ownAccess(actor)(eb), eb.and([worksWith(actor)(eb), consentFor(actor)(eb)]), emergencyAccess(actor)(eb)]),
    ]);
  };
}

/**
 * SQL condition on `persons`: true when `actor` may change the person's record and case (the KAA's own
 * staff, never by consent or emergency alone). For a caseworker it is their own access with its live case
 * written as a list of ids, their caseload, so the database starts from their own cases, not from every
 * person in the register, and tests no case again per row.
 */
export function personManagedBy(actor: Actor): (eb: PersonsEb) => Expression<SqlBool> {
  return (eb) => {
    if (!CASEWORKERS.includes(actor.role)) return eb.and([candidates(actor)(eb), ownAccess(actor)(eb)]);
    return eb.and([
      eb('persons.municipality_id', '=', actor.municipalityId),
      inKaaUnit(eb, actor),
      idIn(caseloadIds(actor)),
    ]);
  };
}

/** SQL condition on `persons`: true when `actor` may see information of `category` about the person. */
export function categoryVisibleTo(actor: Actor, category: ConsentCategory): (eb: PersonsEb) => Expression<SqlBool> {
  return (eb) => {
    const ways = [emergencyAccess(actor)(eb), eb.and([worksWith(actor)(eb), consentFor(actor, category)(eb)])];
    if (category !== 'health_social') ways.push(ownAccess(actor)(eb));
    return eb.or(ways);
  };
}

/**
 * SQL condition on `persons`: true when `actor` may see information about the person in the category a
 * row names itself (`category`, a column such as a measure's or a team meeting item's own). For lists
 * that show each row only as far as its reader may see it, such as the team meeting's agenda and minutes.
 */
export function rowCategoryVisibleTo(
  actor: Actor,
  category: Expression<string>,
): (eb: PersonsEb) => Expression<SqlBool> {
  return (eb) =>
    sql<SqlBool>`(case ${category} when 'contact_occupation' then ${categoryVisibleTo(actor, 'contact_occupation')(eb)}
      when 'assessment_plan' then ${categoryVisibleTo(actor, 'assessment_plan')(eb)}
      when 'health_social' then ${categoryVisibleTo(actor, 'health_social')(eb)} else false end)`;
}

/** Why the actor sees a person: the basis recorded with every read and shown on the person page. */
export type AccessBasis = 'register' | 'contact_person' | 'team' | 'consent' | 'emergency';

/** Selections on `persons`: the access basis and one flag per category, for the person page and the audit log. */
export function accessOf(actor: Actor) {
  return (eb: PersonsEb) => {
    const contactPerson =
      CASEWORKERS.includes(actor.role) || actor.role === 'coordinator'
        ? liveCase(eb, (c) => c('cases.contact_person_id', '=', actor.id))
        : FALSE;
    const flag = (e: Expression<SqlBool>) => sql<boolean>`coalesce(${e}, false)`;
    return [
      sql<AccessBasis>`case
        when ${emergencyAccess(actor)(eb)} then 'emergency'
        when ${contactPerson} then 'contact_person'
        when ${actor.role === 'coordinator' ? sql`true` : sql`false`} then 'register'
        when ${ownAccess(actor)(eb)} then 'team'
        else 'consent' end`.as('access_basis'),
      flag(categoryVisibleTo(actor, 'contact_occupation')(eb)).as('sees_contact_occupation'),
      flag(categoryVisibleTo(actor, 'assessment_plan')(eb)).as('sees_assessment_plan'),
      flag(categoryVisibleTo(actor, 'health_social')(eb)).as('sees_health_social'),
      flag(personManagedBy(actor)(eb)).as('managed'),
    ] as const;
  };
}

/** The categories whose flags are set in a row selected with {@link accessOf}. */
export function categoriesOf(row: {
  sees_contact_occupation: boolean;
  sees_assessment_plan: boolean;
  sees_health_social: boolean;
}): ConsentCategory[] {
  const out: ConsentCategory[] = [];
  if (row.sees_contact_occupation) out.push('contact_occupation');
  if (row.sees_assessment_plan) out.push('assessment_plan');
  if (row.sees_health_social) out.push('health_social');
  return out;
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

export { CONTACT_PERSON_ROLES } from '../../core/roles.js';
import { CONTACT_PERSON_ROLES } from '../../core/roles.js';

/**
 * SQL condition on `staff`: may be a case's contact person, that is a coordinator, or a caseworker
 * of one of the KAA's own units (anyone else would hold a case they may not see without consent).
 */
export function mayBeContactPerson(eb: ExpressionBuilder<Database, 'staff'>): Expression<SqlBool> {
  return eb.and([
    eb('staff.role', 'in', CONTACT_PERSON_ROLES),
    eb.or([
      eb('staff.role', '=', 'coordinator'),
      eb.exists(
        eb
          .selectFrom('units')
          .select(sql`1`.as('one'))
          .whereRef('units.id', '=', 'staff.unit_id')
          .where('units.kaa', '=', true),
      ),
    ]),
  ]);
}

/**
 * SQL condition: the staff member whose id is `staffId` (a column such as `cases.contact_person_id`)
 * is active and may be contact person ({@link mayBeContactPerson}), so they can open the cases they
 * hold. A case whose contact person fails it is nobody's case: it is not counted as theirs and the
 * coordinator is shown it to reassign.
 */
export function contactPersonHasAccess(staffId: Expression<string | null>): RawBuilder<SqlBool> {
  const eb = expressionBuilder<Database, 'staff'>();
  return sql<SqlBool>`exists (${eb
    .selectFrom('staff')
    .select(sql`1`.as('one'))
    .where('staff.id', '=', staffId)
    .where('staff.active', '=', true)
    .where(mayBeContactPerson)})`;
}

/** SQL condition: the actor holds the case whose contact person column is `staffId`, and may open it. */
export function heldBy(actor: Actor, staffId: Expression<string | null>): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${staffId} = ${actor.id} and ${contactPersonHasAccess(staffId)})`;
}

/**
 * SQL condition on `activities`: the actor takes the activity's attendance and so sees its roster (the
 * persons enrolled, by name, and their attendance in it): a coordinator of the activity's municipality,
 * or a staff member named among its leaders (need to know: they run the sessions). Anything else of
 * those persons still goes by personVisibleTo and categoryVisibleTo.
 */
export function activityStaffedBy(
  actor: Actor,
): (eb: ExpressionBuilder<Database, 'activities'>) => Expression<SqlBool> {
  return (eb) => {
    if (!roleCan(actor.role, 'attendance.take')) return FALSE;
    const inMunicipality = eb('activities.municipality_id', '=', actor.municipalityId);
    if (actor.role === 'coordinator') return inMunicipality;
    return eb.and([inMunicipality, sql<SqlBool>`${actor.id}::uuid = any(activities.leader_staff_ids)`]);
  };
}

/**
 * SQL condition on `teams`: the actor takes part in the team's meetings and so reads them (the agenda and
 * decisions, each young person still only as far as categoryVisibleTo lets them): a coordinator of the team's
 * municipality, a member of the team, or the lead (`lead`: the series' lead, or one meeting's own). Anyone
 * else is answered 404, as for a team that is not there.
 */
export function teamMeetingReadableBy(
  actor: Actor,
  lead: Expression<string | null> = sql.ref('teams.meeting_lead_id'),
): (eb: ExpressionBuilder<Database, 'teams'>) => Expression<SqlBool> {
  return (eb) => {
    if (!roleCan(actor.role, 'persons.browse')) return FALSE;
    const inMunicipality = eb('teams.municipality_id', '=', actor.municipalityId);
    if (actor.role === 'coordinator') return inMunicipality;
    const member = eb.exists(
      eb
        .selectFrom('team_members')
        .select(sql`1`.as('one'))
        .whereRef('team_members.team_id', '=', 'teams.id')
        .where('team_members.staff_id', '=', actor.id),
    );
    return eb.and([inMunicipality, eb.or([member, sql<SqlBool>`${lead} = ${actor.id}`])]);
  };
}

/**
 * SQL condition on `persons`: true for the persons an actor who staffs an activity sees on its roster, by
 * name and status, and may take attendance for: a coordinator (the register is theirs) and a caseworker of
 * the KAA's own units (the KAA runs the activities) every person of the municipality enrolled or present;
 * anyone else (a leader of another agency) only those they may see with contact and occupation, the same
 * rule as a person's attendance read.
 */
export function rosterPersonVisibleTo(actor: Actor): (eb: PersonsEb) => Expression<SqlBool> {
  return (eb) => {
    const inMunicipality = eb('persons.municipality_id', '=', actor.municipalityId);
    const caseworker = CASEWORKERS.includes(actor.role);
    const own = actor.role === 'coordinator' ? sql<SqlBool>`true` : caseworker ? inKaaUnit(eb, actor) : FALSE;
    return eb.and([
      inMunicipality,
      eb.or([own, eb.and([personVisibleTo(actor)(eb), categoryVisibleTo(actor, 'contact_occupation')(eb)])]),
    ]);
  };
}
