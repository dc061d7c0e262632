/** Queries over action plans, always through a case whose person the actor may see (or manage). */
import { sql, type Kysely } from 'kysely';
import { GOAL_AREA_CODE_LIST, type GoalArea } from '../../../core/plan.js';
import type { PlanDocument } from '../../../core/plan-schemas.js';
import { accessOf, personManagedBy, personVisibleTo, type Actor } from '../../access/access.js';
import type { Database } from '../../db/types.js';

type Q = Kysely<Database>;

/** The person a case of the actor's municipality belongs to, without access checks (to record a refused read). */
export function selectCasePerson(db: Q, actor: Actor, caseId: string) {
  return db
    .selectFrom('cases')
    .select(['cases.id', 'cases.person_id'])
    .where('cases.id', '=', caseId)
    .where('cases.municipality_id', '=', actor.municipalityId)
    .executeTakeFirst();
}

/**
 * A case and its person with the actor's access (basis, categories, managed), if the actor may see the person;
 * `managed` narrows to the KAA's own staff.
 */
export function selectCaseWithAccess(db: Q, actor: Actor, caseId: string, { managed = false } = {}) {
  let q = db
    .selectFrom('cases')
    .innerJoin('persons', 'persons.id', 'cases.person_id')
    .leftJoin('staff as contact', 'contact.id', 'cases.contact_person_id')
    .select([
      'cases.id as case_id',
      'persons.id',
      'persons.municipality_id',
      'persons.birth_date',
      'persons.given_name',
      'persons.family_name',
      'persons.personal_identity_number',
      'contact.name as contact_name',
      'contact.profession as contact_profession',
    ])
    .select((eb) => accessOf(actor)(eb))
    .where('cases.id', '=', caseId)
    .where('persons.municipality_id', '=', actor.municipalityId)
    .where(personVisibleTo(actor));
  if (managed) q = q.where(personManagedBy(actor));
  return q.executeTakeFirst();
}

/** The case's plan row, if made; `lock` takes it for update. */
export function selectPlanRow(db: Q, caseId: string, { lock = false } = {}) {
  let q = db
    .selectFrom('action_plans')
    .leftJoin('staff', 'staff.id', 'action_plans.updated_by')
    .select([
      'action_plans.id',
      'action_plans.version',
      'action_plans.updated_at',
      'staff.name as updated_by_name',
      'action_plans.follow_up_on',
      'action_plans.evaluation',
      'action_plans.evaluated_on',
    ])
    .where('action_plans.case_id', '=', caseId);
  if (lock) q = q.forUpdate(['action_plans']);
  return q.executeTakeFirst();
}

/** The plan's current goals (sub-goals and steps in order) as a plan document, and its removed goals. */
export async function selectPlanContent(
  db: Q,
  plan: { id: string; follow_up_on: string | null; evaluation: string | null; evaluated_on: string | null },
) {
  const [goals, subGoals, steps] = await Promise.all([
    db
      .selectFrom('plan_goals')
      .select(['id', 'area', 'title', 'own_words', 'own_words_by_young_person', 'removed_at'])
      .where('plan_id', '=', plan.id)
      .orderBy('position')
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('plan_subgoals')
      .select(['id', 'goal_id', 'title', 'done'])
      .where('plan_id', '=', plan.id)
      .orderBy('position')
      .execute(),
    db.selectFrom('plan_steps').selectAll().where('plan_id', '=', plan.id).orderBy('position').execute(),
  ]);
  const document: PlanDocument = {
    followUpOn: plan.follow_up_on,
    evaluation: plan.evaluation,
    evaluatedOn: plan.evaluated_on,
    goals: goals
      .filter((g) => !g.removed_at)
      .map((g) => ({
        id: g.id,
        area: g.area,
        title: g.title,
        ownWords: g.own_words,
        subGoals: subGoals.filter((s) => s.goal_id === g.id).map((s) => ({ id: s.id, title: s.title, done: s.done })),
        steps: steps
          .filter((s) => s.goal_id === g.id)
          .map((s) => ({
            id: s.id,
            title: s.title,
            responsibleKind: s.responsible_kind,
            responsibleUnitId: s.responsible_unit_id,
            responsibleOther: s.responsible_other,
            startOn: s.start_on,
            dueOn: s.due_on,
            status: s.status,
            endedOn: s.ended_on,
            endReason: s.end_reason as PlanDocument['goals'][number]['steps'][number]['endReason'],
            followUpOn: s.follow_up_on,
          })),
      })),
  };
  const removedGoals = goals
    .filter((g) => g.removed_at)
    .map((g) => ({ id: g.id, area: g.area, title: g.title, removedAt: new Date(g.removed_at!).toISOString() }));
  return {
    document,
    removedGoals,
    allGoalIds: new Set(goals.map((g) => g.id)),
    liveGoalIds: new Set(goals.filter((g) => !g.removed_at).map((g) => g.id)),
    /** The live goals whose own words the young person wrote themselves, in /mitt. */
    ownWordsByYoungPerson: goals.filter((g) => !g.removed_at && g.own_words_by_young_person).map((g) => g.id),
    childIds: new Set([...subGoals.map((s) => s.id), ...steps.map((s) => s.id)]),
  };
}

/** The goal areas a municipality uses: its own active list, or core's default while it has none. */
export async function selectGoalAreas(db: Q, municipalityId: string): Promise<GoalArea[]> {
  const rows = await db
    .selectFrom('plan_goal_areas')
    .select(['code', 'name_sv', 'name_en'])
    .where('municipality_id', '=', municipalityId)
    .where('active', '=', true)
    .orderBy('position')
    .orderBy('code')
    .execute();
  if (rows.length === 0) return GOAL_AREA_CODE_LIST.areas.map((a) => ({ code: a.code, sv: a.sv, en: a.en }));
  return rows.map((r) => ({ code: r.code, sv: r.name_sv, en: r.name_en }));
}

/** The municipality's units, by name. */
export function selectUnits(db: Q, municipalityId: string) {
  return db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('name')
    .execute();
}

/** The signatures of a plan, newest first. */
export function selectSignatures(db: Q, planId: string) {
  return db
    .selectFrom('plan_signatures')
    .leftJoin('staff', 'staff.id', 'plan_signatures.recorded_by')
    .select([
      'plan_signatures.id',
      'plan_signatures.version',
      'plan_signatures.signed_by',
      'plan_signatures.method',
      'plan_signatures.signed_on',
      'staff.name as recorded_by',
      sql<boolean>`plan_signatures.scan is not null`.as('has_scan'),
    ])
    .where('plan_signatures.plan_id', '=', planId)
    .orderBy('plan_signatures.recorded_at', 'desc')
    .execute();
}

/** Every saved version of a plan, newest first, with who saved it. */
export function selectVersions(db: Q, planId: string) {
  return db
    .selectFrom('plan_versions')
    .leftJoin('staff', 'staff.id', 'plan_versions.changed_by')
    .select([
      'plan_versions.version',
      'plan_versions.changed_at',
      'staff.name as changed_by',
      'plan_versions.summary',
      'plan_versions.document',
    ])
    .where('plan_versions.plan_id', '=', planId)
    .orderBy('plan_versions.version', 'desc')
    .execute();
}
