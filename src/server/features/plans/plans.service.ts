/**
 * The action plan of a case (handlingsplan): read by those who may see the person's assessment and
 * plan category, changed whole by the KAA's own staff on the case with the version they read (a stale
 * version is refused), every saved version kept with who changed what, signed by the young person.
 * Every read and write is audited; each change is on the timeline in category assessment_plan.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import { todayInSweden } from '../../../core/dates.js';
import { ageOn } from '../../../core/personnummer.js';
import { isEmptyChange, planChangeSummary } from '../../../core/plan.js';
import type { Profession } from '../../../core/professions.js';
import {
  planChangeSummarySchema,
  planDocument,
  type Plan,
  type PlanDocument,
  type PlanInput,
  type planSignBody,
  type PlanVersion,
} from '../../../core/plan-schemas.js';
import { requireCapability } from '../../access/access.js';
import { readBasis } from '../../audit/basis.js';
import { eventRow } from '../../db/events.js';
import { audited, denied, type AuditedTransaction, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import {
  selectCasePerson,
  selectCaseWithAccess,
  selectGoalAreas,
  selectPlanContent,
  selectPlanRow,
  selectSignatures,
  selectUnits,
  selectVersions,
} from './plans.queries.js';

type Trx = AuditedTransaction['trx'];
/** A timestamp column as ISO text (`Generated<Timestamp>` columns select as their column type). */
const iso = (d: unknown) => new Date(d as Date).toISOString();

/** The case's person if the actor may see their plan; otherwise a refused read (404), recorded as denied. */
async function readableCase(
  ctx: RequestContext,
  trx: Trx,
  caseId: string,
  what: 'plan' | 'plan_versions' | 'plan_pdf',
) {
  const person = await selectCaseWithAccess(trx, ctx.actor, caseId);
  if (person?.sees_assessment_plan) return person;
  const owner = await selectCasePerson(trx, ctx.actor, caseId);
  if (!owner) throw new AppError('not_found');
  throw denied(owner.person_id, what);
}

type PlanPerson = {
  id: string;
  municipality_id: string;
  managed: boolean;
  given_name: string;
  family_name: string;
  contact_name: string | null;
  contact_profession: string | null;
};

/** The whole plan as the API shows it (version 0 and no goals before it is made). */
async function presentPlan(ctx: RequestContext, trx: Trx, caseId: string, person: PlanPerson): Promise<Plan> {
  const [row, goalAreas, units] = await Promise.all([
    selectPlanRow(trx, caseId),
    selectGoalAreas(trx, person.municipality_id),
    selectUnits(trx, person.municipality_id),
  ]);
  const contactPerson = person.contact_name
    ? { name: person.contact_name, profession: person.contact_profession as Profession | null }
    : null;
  const base = {
    caseId,
    personId: person.id,
    personName: `${person.given_name} ${person.family_name}`,
    contactPerson,
    goalAreas,
    units,
    canEdit: person.managed && ctx.actor.role !== 'manager',
  };
  if (!row)
    return {
      ...base,
      version: 0,
      updatedAt: null,
      updatedBy: null,
      followUpOn: null,
      evaluation: null,
      evaluatedOn: null,
      goals: [],
      removedGoals: [],
      ownWordsByYoungPerson: [],
      signatures: [],
    };
  const [content, signatures] = await Promise.all([selectPlanContent(trx, row), selectSignatures(trx, row.id)]);
  return {
    ...base,
    ...content.document,
    version: row.version,
    updatedAt: iso(row.updated_at),
    updatedBy: row.updated_by_name,
    removedGoals: content.removedGoals,
    ownWordsByYoungPerson: content.ownWordsByYoungPerson,
    signatures: signatures.map((s) => ({
      id: s.id,
      version: s.version,
      signedBy: s.signed_by,
      method: s.method,
      signedOn: s.signed_on,
      recordedBy: s.recorded_by,
      hasScan: s.has_scan,
    })),
  };
}

/** The plan of a case, for those who may see the person's assessment and plan (404 otherwise). */
export async function readPlan(ctx: RequestContext, caseId: string): Promise<Plan> {
  requireCapability(ctx.actor, 'persons.browse');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await readableCase(ctx, trx, caseId, 'plan');
    const plan = await presentPlan(ctx, trx, caseId, person);
    await audit({
      action: 'read',
      entity: 'plan',
      entityId: caseId,
      personId: person.id,
      detail: { version: plan.version, ...readBasis(person) },
    });
    return plan;
  });
}

/**
 * Saves the whole plan if `version` is the one stored (0 for the first); 409 otherwise. Goals that
 * stay keep their ids; a goal left out is marked removed. Refuses, naming the field, an unknown goal
 * area, a unit of another municipality and a goal id that is not the plan's; nothing is stored then.
 */
export async function savePlan(ctx: RequestContext, caseId: string, input: PlanInput): Promise<Plan> {
  requireCapability(ctx.actor, 'notes.write');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await selectCaseWithAccess(trx, ctx.actor, caseId, { managed: true });
    if (!person) throw new AppError('not_found');
    const row = await selectPlanRow(trx, caseId, { lock: true });
    if ((row?.version ?? 0) !== input.version) throw new AppError('version_conflict');
    const current = row ? await selectPlanContent(trx, row) : null;
    const [areas, units] = await Promise.all([
      selectGoalAreas(trx, person.municipality_id),
      selectUnits(trx, person.municipality_id),
    ]);
    const document = resolveIds(input, current, {
      areas: new Set(areas.map((a) => a.code)),
      units: new Set(units.map((u) => u.id)),
    });
    const summary = planChangeSummary(current?.document ?? null, document);
    if (row && current && isEmptyChange(summary)) {
      // Nothing changed: no new version, but the answer shows the plan, so it is a read.
      await audit({
        action: 'read',
        entity: 'plan',
        entityId: caseId,
        personId: person.id,
        detail: { version: row.version, unchanged: true, ...readBasis(person) },
      });
      return presentPlan(ctx, trx, caseId, person);
    }

    const plan = await storePlanVersion(trx, {
      caseId,
      person,
      row: row ?? null,
      liveGoalIds: current?.liveGoalIds ?? new Set(),
      document,
      summary,
      changedBy: ctx.actor.id,
    });
    await audit({
      action: row ? 'update' : 'create',
      entity: 'plan',
      entityId: caseId,
      personId: person.id,
      detail: { version: plan.version, ...summary },
    });
    return presentPlan(ctx, trx, caseId, person);
  });
}

/**
 * Stores `document` as the plan's next version (the first when there is no `row`): the plan row, its
 * content, the kept version and the timeline event; `changedBy` is the staff member, or null for the
 * young person (features/me). Throws 409 when another first version won the race.
 */
export async function storePlanVersion(
  trx: Trx,
  at: {
    caseId: string;
    person: { id: string; municipality_id: string };
    row: { id: string } | null;
    liveGoalIds: Set<string>;
    document: PlanDocument;
    summary: ReturnType<typeof planChangeSummary>;
    changedBy: string | null;
  },
) {
  const { caseId, person, row, document, summary } = at;
  const planValues = {
    follow_up_on: document.followUpOn,
    evaluation: document.evaluation,
    evaluated_on: document.evaluatedOn,
    updated_by: at.changedBy,
  };
  const plan = row
    ? await trx
        .updateTable('action_plans')
        .set({ ...planValues, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', row.id)
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow()
    : await trx
        .insertInto('action_plans')
        .values({
          ...planValues,
          municipality_id: person.municipality_id,
          person_id: person.id,
          case_id: caseId,
          created_by: at.changedBy,
        })
        .onConflict((oc) => oc.column('case_id').doNothing())
        .returning(['id', 'version'])
        .executeTakeFirst();
  if (!plan) throw new AppError('version_conflict');
  await writeContent(
    trx,
    { planId: plan.id, municipalityId: person.municipality_id, personId: person.id },
    document,
    at.liveGoalIds,
  );
  await trx
    .insertInto('plan_versions')
    .values({
      municipality_id: person.municipality_id,
      person_id: person.id,
      plan_id: plan.id,
      version: plan.version,
      document: JSON.stringify(document),
      summary: JSON.stringify(summary),
      changed_by: at.changedBy,
    })
    .execute();
  const base = {
    municipality_id: person.municipality_id,
    person_id: person.id,
    case_id: caseId,
    actor_id: at.changedBy,
    category: 'assessment_plan' as const,
  };
  const event = row
    ? eventRow(base, 'plan_updated', { planId: plan.id, version: plan.version, summary })
    : eventRow(base, 'plan_created', {
        planId: plan.id,
        version: plan.version,
        goalAreas: document.goals.map((g) => g.area),
        steps: document.goals.reduce((n, g) => n + g.steps.length, 0),
      });
  await trx.insertInto('events').values(event).execute();
  return plan;
}

/**
 * The input with an id for every goal, sub-goal and step (kept where it was the plan's, new otherwise), checked against
 * the municipality's lists.
 */
function resolveIds(
  input: PlanInput,
  current: Awaited<ReturnType<typeof selectPlanContent>> | null,
  known: { areas: Set<string>; units: Set<string> },
): PlanDocument {
  const fields: { field: string; code: 'invalid' }[] = [];
  const seen = new Set<string>();
  const oldAreas = new Map((current?.document.goals ?? []).map((g) => [g.id, g.area]));
  const keep = (id: string | undefined) =>
    id && current?.childIds.has(id) && !seen.has(id) ? (seen.add(id), id) : randomUUID();
  const goals = input.goals.map((goal, i) => {
    if (goal.id && (!current?.liveGoalIds.has(goal.id) || seen.has(goal.id)))
      fields.push({ field: `goals.${i}.id`, code: 'invalid' });
    if (goal.id) seen.add(goal.id);
    // A goal keeps an area the municipality has since taken off its list; a new or changed one must be on it.
    if (!known.areas.has(goal.area) && !(goal.id && oldAreas.get(goal.id) === goal.area))
      fields.push({ field: `goals.${i}.area`, code: 'invalid' });
    goal.steps.forEach((step, j) => {
      if (step.responsibleKind === 'unit' && step.responsibleUnitId && !known.units.has(step.responsibleUnitId))
        fields.push({ field: `goals.${i}.steps.${j}.responsibleUnitId`, code: 'invalid' });
    });
    return {
      id: goal.id ?? randomUUID(),
      area: goal.area,
      title: goal.title,
      ownWords: goal.ownWords,
      subGoals: goal.subGoals.map((s) => ({ id: keep(s.id), title: s.title, done: s.done })),
      steps: goal.steps.map((s) => ({
        id: keep(s.id),
        title: s.title,
        responsibleKind: s.responsibleKind,
        responsibleUnitId: s.responsibleKind === 'unit' ? s.responsibleUnitId : null,
        responsibleOther: s.responsibleKind === 'other' ? s.responsibleOther : null,
        startOn: s.startOn,
        dueOn: s.dueOn,
        status: s.status,
        endedOn: s.endedOn,
        endReason: s.endReason,
        followUpOn: s.followUpOn,
      })),
    };
  });
  if (fields.length) throw new AppError('validation_failed', fields);
  return { followUpOn: input.followUpOn, evaluation: input.evaluation, evaluatedOn: input.evaluatedOn, goals };
}

/** Writes the goals (ids kept, left-out ones marked removed) and replaces the sub-goals and steps. */
async function writeContent(
  trx: Trx,
  at: { planId: string; municipalityId: string; personId: string },
  document: PlanDocument,
  liveGoalIds: Set<string>,
) {
  const owner = { municipality_id: at.municipalityId, person_id: at.personId, plan_id: at.planId };
  const staying = new Set(document.goals.map((g) => g.id));
  const removed = [...liveGoalIds].filter((id) => !staying.has(id));
  if (removed.length)
    await trx
      .updateTable('plan_goals')
      .set({ removed_at: sql`now()` })
      .where('id', 'in', removed)
      .execute();
  await trx.deleteFrom('plan_subgoals').where('plan_id', '=', at.planId).execute();
  await trx.deleteFrom('plan_steps').where('plan_id', '=', at.planId).execute();
  for (const [position, goal] of document.goals.entries()) {
    if (liveGoalIds.has(goal.id))
      await trx
        .updateTable('plan_goals')
        .set({
          area: goal.area,
          title: goal.title,
          own_words: goal.ownWords,
          // Words the young person wrote stay marked as theirs until someone changes them.
          own_words_by_young_person: sql<boolean>`own_words is not distinct from ${goal.ownWords}::text
            and own_words_by_young_person`,
          position,
        })
        .where('id', '=', goal.id)
        .execute();
    else
      await trx
        .insertInto('plan_goals')
        .values({ ...owner, id: goal.id, area: goal.area, title: goal.title, own_words: goal.ownWords, position })
        .execute();
  }
  const subGoals = document.goals.flatMap((g) =>
    g.subGoals.map((s, position) => ({ ...owner, id: s.id, goal_id: g.id, title: s.title, done: s.done, position })),
  );
  const steps = document.goals.flatMap((g) =>
    g.steps.map((s, position) => ({
      ...owner,
      id: s.id,
      goal_id: g.id,
      title: s.title,
      responsible_kind: s.responsibleKind,
      responsible_unit_id: s.responsibleUnitId,
      responsible_other: s.responsibleOther,
      start_on: s.startOn,
      due_on: s.dueOn,
      status: s.status,
      ended_on: s.endedOn,
      end_reason: s.endReason,
      follow_up_on: s.followUpOn,
      position,
    })),
  );
  if (subGoals.length) await trx.insertInto('plan_subgoals').values(subGoals).execute();
  if (steps.length) await trx.insertInto('plan_steps').values(steps).execute();
}

/** Every saved version of the plan, newest first: who, when, what changed, and the plan as it was. */
export async function listPlanVersions(ctx: RequestContext, caseId: string): Promise<PlanVersion[]> {
  requireCapability(ctx.actor, 'persons.browse');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await readableCase(ctx, trx, caseId, 'plan_versions');
    const row = await selectPlanRow(trx, caseId);
    const versions = row ? await selectVersions(trx, row.id) : [];
    await audit({
      action: 'read',
      entity: 'plan_versions',
      entityId: caseId,
      personId: person.id,
      detail: readBasis(person),
    });
    return versions.map((v) => ({
      version: v.version,
      changedAt: iso(v.changed_at),
      changedBy: v.changed_by,
      summary: planChangeSummarySchema.parse(v.summary),
      document: planDocument.parse(v.document),
    }));
  });
}

/**
 * Records that the young person (or, under 18, a guardian) signed the plan's current version; 409 for another version.
 */
export async function signPlan(
  ctx: RequestContext,
  caseId: string,
  input: z.infer<typeof planSignBody>,
): Promise<{ id: string }> {
  requireCapability(ctx.actor, 'notes.write');
  const today = todayInSweden(ctx.clock.now());
  const signedOn = input.signedOn ?? today;
  if (signedOn > today) throw new AppError('validation_failed', [{ field: 'signedOn', code: 'invalid' }]);
  return audited(ctx, async ({ trx, audit }) => {
    const person = await selectCaseWithAccess(trx, ctx.actor, caseId, { managed: true });
    if (!person) throw new AppError('not_found');
    if (input.signedBy === 'guardian' && ageOn(person.birth_date, new Date(`${signedOn}T12:00:00Z`)) >= 18)
      throw new AppError('guardian_not_applicable', [{ field: 'signedBy', code: 'invalid' }]);
    const row = await selectPlanRow(trx, caseId, { lock: true });
    if (!row || row.version !== input.version) throw new AppError('version_conflict');
    const same = await trx
      .selectFrom('plan_signatures')
      .select('id')
      .where('plan_id', '=', row.id)
      .where('version', '=', input.version)
      .where('signed_by', '=', input.signedBy)
      .where('method', '=', input.method)
      .executeTakeFirst();
    if (same) return { id: same.id };
    const signature = await trx
      .insertInto('plan_signatures')
      .values({
        municipality_id: person.municipality_id,
        person_id: person.id,
        plan_id: row.id,
        version: input.version,
        signed_by: input.signedBy,
        method: input.method,
        signed_on: signedOn,
        recorded_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const base = {
      municipality_id: person.municipality_id,
      person_id: person.id,
      case_id: caseId,
      actor_id: ctx.actor.id,
      category: 'assessment_plan' as const,
    };
    await trx
      .insertInto('events')
      .values(
        eventRow(base, 'plan_signed', {
          planId: row.id,
          version: input.version,
          signedBy: input.signedBy,
          method: input.method,
          signedOn,
        }),
      )
      .execute();
    await audit({
      action: 'create',
      entity: 'plan_signature',
      entityId: signature.id,
      personId: person.id,
      detail: { version: input.version, signedBy: input.signedBy, method: input.method },
    });
    return { id: signature.id };
  });
}

/** A signature and its case, if the actor manages the person (`managed`) or may see their plan. */
async function signatureOf(ctx: RequestContext, trx: Trx, signatureId: string, { managed }: { managed: boolean }) {
  const signature = await trx
    .selectFrom('plan_signatures')
    .innerJoin('action_plans', 'action_plans.id', 'plan_signatures.plan_id')
    .select(['plan_signatures.id', 'plan_signatures.person_id', 'action_plans.case_id'])
    .where('plan_signatures.id', '=', signatureId)
    .where('plan_signatures.municipality_id', '=', ctx.actor.municipalityId)
    .executeTakeFirst();
  const person = signature && (await selectCaseWithAccess(trx, ctx.actor, signature.case_id, { managed }));
  if (!signature || !person || !person.sees_assessment_plan) throw new AppError('not_found');
  return { signature, person };
}

/** Attaches (or replaces) the scan of the signed paper plan; the signature becomes a paper one. */
export async function attachPlanScan(
  ctx: RequestContext,
  signatureId: string,
  file: { data: Buffer; contentType: string; fileName: string },
): Promise<void> {
  requireCapability(ctx.actor, 'notes.write');
  await audited(ctx, async ({ trx, audit }) => {
    const { signature } = await signatureOf(ctx, trx, signatureId, { managed: true });
    await trx
      .updateTable('plan_signatures')
      .set({ scan: file.data, scan_content_type: file.contentType, scan_file_name: file.fileName, method: 'paper' })
      .where('id', '=', signatureId)
      .execute();
    await audit({
      action: 'update',
      entity: 'plan_scan',
      entityId: signatureId,
      personId: signature.person_id,
      detail: { bytes: file.data.length },
    });
  });
}

/** The scan of the signed paper plan, for those who may see the plan (404 otherwise). */
export async function readPlanScan(
  ctx: RequestContext,
  signatureId: string,
): Promise<{ data: Buffer; contentType: string; fileName: string }> {
  requireCapability(ctx.actor, 'persons.browse');
  return audited(ctx, async ({ trx, audit }) => {
    const { signature, person } = await signatureOf(ctx, trx, signatureId, { managed: false });
    const row = await trx
      .selectFrom('plan_signatures')
      .select(['scan', 'scan_content_type', 'scan_file_name'])
      .where('id', '=', signatureId)
      .executeTakeFirstOrThrow();
    if (!row.scan) throw new AppError('not_found');
    await audit({
      action: 'read',
      entity: 'plan_scan',
      entityId: signatureId,
      personId: signature.person_id,
      detail: readBasis(person),
    });
    return {
      data: Buffer.from(row.scan),
      contentType: row.scan_content_type ?? 'application/octet-stream',
      fileName: row.scan_file_name ?? 'handlingsplan',
    };
  });
}

/** What the printed plan needs: the person, the contact person, the plan, and the names of areas and units. */
export async function planForPrint(ctx: RequestContext, caseId: string, language: 'sv' | 'en') {
  requireCapability(ctx.actor, 'persons.browse');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await readableCase(ctx, trx, caseId, 'plan_pdf');
    const plan = await presentPlan(ctx, trx, caseId, person);
    const municipality = await trx
      .selectFrom('municipalities')
      .select('name')
      .where('id', '=', person.municipality_id)
      .executeTakeFirstOrThrow();
    await audit({
      action: 'export',
      entity: 'plan_pdf',
      entityId: caseId,
      personId: person.id,
      detail: { version: plan.version, language, ...readBasis(person) },
    });
    return { plan, name: `${person.given_name} ${person.family_name}`, municipality: municipality.name };
  });
}
