/**
 * Assessments (kartläggning): started by the KAA's own staff as a draft, saved with optimistic
 * locking, completed (dated and read-only), revised as a new numbered assessment while the earlier
 * ones stay readable. Readers see the answers of the categories they may see; the rest are withheld
 * and named as withheld. Every read and write is audited; the timeline shows start and completion.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import {
  carriedAnswers,
  completionProblems,
  EDUCATION_CATEGORY,
  NEEDS_CATEGORY,
  questionIndex,
  type DiplomaAnswer,
  type DocumentedNeed,
  type HighestEducation,
  type ManualSection,
} from '../../../core/assessment.js';
import type {
  Assessment,
  assessmentCreateBody,
  assessmentDraftBody,
  AssessmentSummary,
  Participants,
} from '../../../core/assessment-schemas.js';
import { CONSENT_CATEGORIES, type ConsentCategory } from '../../../core/consent.js';
import type { Profession } from '../../../core/professions.js';
import { todayInSweden } from '../../../core/dates.js';
import { roleCan } from '../../../core/roles.js';
import { categoriesOf, requireCapability } from '../../access/access.js';
import { YOUNG_PERSON_CATEGORIES } from '../../access/young-person.js';
import { readBasis } from '../../audit/basis.js';
import { fillFromAssessment } from '../outcomes/outcomes.service.js';
import { eventRow } from '../../db/events.js';
import { AppError } from '../../http/app-error.js';
import { audited, denied, type AuditedTransaction, type RequestContext } from '../../http/context.js';
import { currentManualFor } from './assessment-manual.service.js';
import {
  selectAnswers,
  selectAssessmentList,
  selectAssessmentRow,
  selectManagedPerson,
  selectSharedSectionKeys,
  selectStaffNames,
  selectVisiblePerson,
} from './assessments.queries.js';

type Trx = AuditedTransaction['trx'];
type Person = NonNullable<Awaited<ReturnType<typeof selectVisiblePerson>>>;
type Row = NonNullable<Awaited<ReturnType<typeof selectAssessmentRow>>>;

/** Assessments are read by those who see the person's assessment and plan, or their health and social situation. */
const readsAssessments = (person: Person) => person.sees_assessment_plan || person.sees_health_social;

/** The categories whose answers `person`'s reader may not see, of those the assessment holds. */
function withheldOf(sections: ManualSection[], visible: ConsentCategory[]): ConsentCategory[] {
  const held = new Set<ConsentCategory>([...sections.map((s) => s.category), NEEDS_CATEGORY, EDUCATION_CATEGORY]);
  return CONSENT_CATEGORIES.filter((c) => held.has(c) && !visible.includes(c));
}

/** The assessment as its reader may see it: answers of withheld categories are not sent. */
export async function presentAssessment(ctx: RequestContext, trx: Trx, row: Row, person: Person): Promise<Assessment> {
  const visible = categoriesOf(person);
  const sections = row.manual_sections as ManualSection[];
  const answers = new Map((await selectAnswers(trx, row.id, visible)).map((a) => [a.question_key, a.answer]));
  const participants = row.participants as unknown as Participants;
  const names = await selectStaffNames(trx, ctx.actor.municipalityId, [
    ...participants.staff,
    ...[row.created_by, row.completed_by].filter((x): x is string => !!x),
  ]);
  const ref = (id: string | null) => (id && names.has(id) ? { id, ...names.get(id)! } : null);
  const seesEducation = visible.includes(EDUCATION_CATEGORY);
  const shared = await selectSharedSectionKeys(trx, row.id);
  const mayEdit = person.managed && roleCan(ctx.actor.role, 'notes.write');
  return {
    id: row.id,
    personId: row.person_id,
    number: row.number,
    status: row.status,
    revises: row.revises_id,
    version: row.version,
    manualVersion: row.manual_version,
    startedAt: row.created_at.toISOString(),
    startedBy: ref(row.created_by),
    updatedAt: row.updated_at.toISOString(),
    completedOn: row.completed_on,
    completedBy: ref(row.completed_by),
    sections: sections.map((s) => {
      const withheld = !visible.includes(s.category);
      return {
        key: s.key,
        category: s.category,
        title: s.title,
        withheld,
        sharedWithYoungPerson: shared.has(s.key),
        mayShare: mayEdit && !withheld && YOUNG_PERSON_CATEGORIES.includes(s.category),
        questions: s.questions.map((q) => ({
          key: q.key,
          text: q.text,
          answer: withheld ? null : (answers.get(q.key) ?? null),
        })),
      };
    }),
    participants: {
      staff: participants.staff.flatMap((id) => ref(id) ?? []),
      others: participants.others.map((o) => ({ role: o.role, name: o.name ?? null })),
    },
    highestEducation: seesEducation ? (row.highest_education as HighestEducation | null) : null,
    diploma: seesEducation ? row.diploma : null,
    needs: visible.includes(NEEDS_CATEGORY) ? ((row.needs as unknown as DocumentedNeed[] | null) ?? []) : null,
    withheldCategories: withheldOf(sections, visible),
    editable: row.status === 'draft' && mayEdit,
    mayRevise: row.status === 'completed' && mayEdit,
  };
}

/** The assessments of a person the actor may read them of (404 otherwise), newest first. */
export async function listAssessments(ctx: RequestContext, personId: string): Promise<AssessmentSummary[]> {
  requireCapability(ctx.actor, 'persons.browse');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await selectVisiblePerson(trx, ctx.actor, personId);
    if (!person || !readsAssessments(person)) throw denied(personId, 'assessments');
    const rows = await selectAssessmentList(trx, personId);
    await audit({ action: 'read', entity: 'assessments', entityId: personId, personId, detail: readBasis(person) });
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      revises: r.revises_id,
      startedAt: r.created_at.toISOString(),
      startedBy: r.starter_id
        ? { id: r.starter_id, name: r.starter_name!, profession: r.starter_profession as Profession | null }
        : null,
      completedOn: r.completed_on,
    }));
  });
}

/** An assessment with its reader's view of it; 404 when the actor may not see its person. */
export async function getAssessment(ctx: RequestContext, assessmentId: string): Promise<Assessment> {
  requireCapability(ctx.actor, 'persons.browse');
  return audited(ctx, async ({ trx, audit }) => {
    const row = await selectAssessmentRow(trx, ctx.actor.municipalityId, assessmentId);
    if (!row) throw new AppError('not_found');
    const person = await selectVisiblePerson(trx, ctx.actor, row.person_id);
    if (!person || !readsAssessments(person)) throw denied(row.person_id, 'assessment');
    const assessment = await presentAssessment(ctx, trx, row, person);
    await audit({
      action: 'read',
      entity: 'assessment',
      entityId: row.id,
      personId: row.person_id,
      detail: { ...readBasis(person), withheld: assessment.withheldCategories },
    });
    return assessment;
  });
}

/**
 * Starts an assessment as a draft on the municipality's current manual; with `revises`, a new
 * version of a completed one that starts from its answers. One draft per person at a time.
 */
export async function startAssessment(
  ctx: RequestContext,
  personId: string,
  input: z.infer<typeof assessmentCreateBody>,
): Promise<{ id: string }> {
  requireCapability(ctx.actor, 'notes.write');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await selectManagedPerson(trx, ctx.actor, personId);
    if (!person) throw new AppError('not_found');
    await sql`select pg_advisory_xact_lock(hashtext(${`assessment:${personId}`}))`.execute(trx);
    const existing = await trx
      .selectFrom('assessments')
      .select(['id', 'status', 'number', 'highest_education', 'diploma', 'needs'])
      .where('person_id', '=', personId)
      .execute();
    if (existing.some((a) => a.status === 'draft')) throw new AppError('assessment_draft_exists');
    const revised = input.revises
      ? existing.find((a) => a.id === input.revises && a.status === 'completed')
      : undefined;
    if (input.revises && !revised) throw new AppError('validation_failed', [{ field: 'revises', code: 'invalid' }]);
    const manual = await currentManualFor(trx, person.municipality_id);
    const number = Math.max(0, ...existing.map((a) => a.number)) + 1;
    const openCase = await trx
      .selectFrom('cases')
      .select('id')
      .where('person_id', '=', personId)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    const participants: Participants = { staff: [ctx.actor.id], others: [] };
    const created = await trx
      .insertInto('assessments')
      .values({
        municipality_id: person.municipality_id,
        person_id: personId,
        case_id: openCase?.id ?? null,
        manual_id: manual.id,
        number,
        revises_id: revised?.id ?? null,
        participants: JSON.stringify(participants),
        highest_education: revised?.highest_education ?? null,
        diploma: revised?.diploma ?? null,
        needs: revised?.needs ? JSON.stringify(revised.needs) : null,
        created_by: ctx.actor.id,
        updated_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (revised) {
      // A server-side copy: withheld answers are carried over without being shown to anyone.
      const earlier = await trx
        .selectFrom('assessment_answers')
        .select(['question_key', 'section_key', 'category', 'answer'])
        .where('assessment_id', '=', revised.id)
        .execute();
      const index = questionIndex(manual.sections);
      const carried = carriedAnswers(
        earlier.map((a) => ({ ...a, questionKey: a.question_key })),
        manual.sections,
      );
      if (carried.length) {
        await trx
          .insertInto('assessment_answers')
          .values(
            carried.map((a) => ({
              assessment_id: created.id,
              municipality_id: person.municipality_id,
              person_id: personId,
              question_key: a.question_key,
              section_key: index.get(a.question_key)!.section,
              category: a.category,
              answer: a.answer,
            })),
          )
          .execute();
      }
    }
    const base = {
      municipality_id: person.municipality_id,
      person_id: personId,
      case_id: openCase?.id ?? null,
      actor_id: ctx.actor.id,
      category: 'assessment_plan' as const,
    };
    await trx
      .insertInto('events')
      .values(eventRow(base, 'assessment_started', { assessmentId: created.id, number, revises: revised?.id ?? null }))
      .execute();
    await audit({
      action: 'create',
      entity: 'assessment',
      entityId: created.id,
      personId,
      detail: { number, revises: revised?.id ?? null, manualVersion: manual.version },
    });
    return { id: created.id };
  });
}

/** The draft and its person, for a write by the KAA's own staff: 404 unless managed, 409 once completed. */
async function writableDraft(ctx: RequestContext, trx: Trx, assessmentId: string) {
  const row = await selectAssessmentRow(trx, ctx.actor.municipalityId, assessmentId);
  const person = row && (await selectManagedPerson(trx, ctx.actor, row.person_id));
  if (!row || !person) throw new AppError('not_found');
  if (row.status === 'completed') throw new AppError('assessment_completed');
  return { row, person };
}

/** Sets the draft's version to the next one, if it is still `version` and still a draft; else 409. */
async function bumpVersion(trx: Trx, ctx: RequestContext, row: Row, version: number, set: Record<string, unknown>) {
  const updated = await trx
    .updateTable('assessments')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()`, updated_by: ctx.actor.id })
    .where('id', '=', row.id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw new AppError('version_conflict');
}

/**
 * Saves the draft: the answers sent (null or empty clears one) and the structured fields sent; what is
 * not sent stays. Only categories the writer may see can be written (403 `category_not_allowed`).
 */
export async function saveDraft(
  ctx: RequestContext,
  assessmentId: string,
  input: z.infer<typeof assessmentDraftBody>,
): Promise<Assessment> {
  requireCapability(ctx.actor, 'notes.write');
  return audited(ctx, async ({ trx, audit }) => {
    const { row, person } = await writableDraft(ctx, trx, assessmentId);
    const visible = categoriesOf(person);
    const index = questionIndex(row.manual_sections as unknown as ManualSection[]);
    const answers = Object.entries(input.answers ?? {});
    const unknown = answers.filter(([key]) => !index.has(key));
    if (unknown.length)
      throw new AppError(
        'validation_failed',
        unknown.map(([key]) => ({ field: `answers.${key}`, code: 'invalid' as const })),
      );
    const notAllowed = [
      ...answers.filter(([key]) => !visible.includes(index.get(key)!.category)).map(([key]) => `answers.${key}`),
      ...(input.needs !== undefined && !visible.includes(NEEDS_CATEGORY) ? ['needs'] : []),
      ...(['highestEducation', 'diploma'] as const).filter(
        (f) => input[f] !== undefined && !visible.includes(EDUCATION_CATEGORY),
      ),
    ];
    if (notAllowed.length)
      throw new AppError(
        'category_not_allowed',
        notAllowed.map((field) => ({ field, code: 'invalid' as const })),
      );
    if (input.participants) {
      const staffIds = [...new Set(input.participants.staff)];
      const known = await selectStaffNames(trx, ctx.actor.municipalityId, staffIds);
      if (known.size !== staffIds.length)
        throw new AppError('validation_failed', [{ field: 'participants.staff', code: 'invalid' }]);
    }
    const set: Record<string, unknown> = {};
    if (input.participants)
      set.participants = JSON.stringify({
        staff: [...new Set(input.participants.staff)],
        others: input.participants.others,
      });
    if (input.highestEducation !== undefined) set.highest_education = input.highestEducation;
    if (input.diploma !== undefined) set.diploma = input.diploma as DiplomaAnswer | null;
    if (input.needs !== undefined) set.needs = JSON.stringify([...new Set(input.needs)]);
    await bumpVersion(trx, ctx, row, input.version, set);
    const cleared = answers.filter(([, answer]) => answer === null).map(([key]) => key);
    const written = answers.filter((a): a is [string, string] => a[1] !== null);
    if (cleared.length)
      await trx
        .deleteFrom('assessment_answers')
        .where('assessment_id', '=', row.id)
        .where('question_key', 'in', cleared)
        .execute();
    if (written.length) {
      await trx
        .insertInto('assessment_answers')
        .values(
          written.map(([key, answer]) => ({
            assessment_id: row.id,
            municipality_id: row.municipality_id,
            person_id: row.person_id,
            question_key: key,
            section_key: index.get(key)!.section,
            category: index.get(key)!.category,
            answer,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['assessment_id', 'question_key']).doUpdateSet((eb) => ({ answer: eb.ref('excluded.answer') })),
        )
        .execute();
    }
    const categories = [...new Set(answers.map(([key]) => index.get(key)!.category))];
    await audit({
      action: 'update',
      entity: 'assessment',
      entityId: row.id,
      personId: row.person_id,
      detail: { answers: answers.length, categories, fields: Object.keys(set), basis: person.access_basis },
    });
    return presentAssessment(ctx, trx, (await selectAssessmentRow(trx, ctx.actor.municipalityId, row.id))!, person);
  });
}

/** Completes the draft: dated today (Sweden), read-only from now on; the person counts as mapped. */
export async function completeAssessment(
  ctx: RequestContext,
  assessmentId: string,
  version: number,
): Promise<Assessment> {
  requireCapability(ctx.actor, 'notes.write');
  return audited(ctx, async ({ trx, audit }) => {
    const { row, person } = await writableDraft(ctx, trx, assessmentId);
    if (row.version !== version) throw new AppError('version_conflict');
    const problems = completionProblems({
      participants: row.participants as unknown as Participants,
      highestEducation: row.highest_education as HighestEducation | null,
      diploma: row.diploma,
    });
    if (problems.length)
      throw new AppError(
        'assessment_incomplete',
        problems.map((field) => ({ field, code: 'required' as const })),
      );
    const completedOn = todayInSweden(ctx.clock.now());
    await bumpVersion(trx, ctx, row, version, {
      status: 'completed',
      completed_at: sql`now()`,
      completed_on: completedOn,
      completed_by: ctx.actor.id,
    });
    // The diploma answer and documented needs fill in the case's participant details (issue 15).
    const needs = row.needs as unknown as DocumentedNeed[] | null;
    await fillFromAssessment(trx, row.case_id, ctx.actor.id, { diploma: row.diploma, needs });
    const base = {
      municipality_id: row.municipality_id,
      person_id: row.person_id,
      case_id: row.case_id,
      actor_id: ctx.actor.id,
      category: 'assessment_plan' as const,
    };
    await trx
      .insertInto('events')
      .values(eventRow(base, 'assessment_completed', { assessmentId: row.id, number: row.number, completedOn }))
      .execute();
    await audit({
      action: 'update',
      entity: 'assessment',
      entityId: row.id,
      personId: row.person_id,
      detail: { completed: true, completedOn },
    });
    return presentAssessment(ctx, trx, (await selectAssessmentRow(trx, ctx.actor.municipalityId, row.id))!, person);
  });
}
