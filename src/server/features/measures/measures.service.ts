/**
 * A young person's measures (insatser): which offer, linked to a goal of their plan, start, planned
 * and actual end, why it ended, follow-ups and an evaluation; a work placement's employer, supervisor,
 * hours and visits. Several run in parallel. Booked by the KAA's own staff (personManagedBy); read by
 * everyone who sees the person's assessment and plan (core's MEASURE_CATEGORY). Every read and write
 * is audited; every start, change and end is on the timeline in the measure's category.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import { categoriesOf, requireCapability } from '../../access/access.js';
import { readBasis } from '../../audit/basis.js';
import { audited, denied, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { eventRow } from '../../db/events.js';
import type { FieldMessageKey } from '../../../core/errors.js';
import {
  MEASURE_CATEGORY,
  formatOrganisationNumber,
  measureDateProblems,
  type EndReason,
} from '../../../core/measures.js';
import type { WeeklyHours } from '../../../core/schedule-schemas.js';
import type {
  LinkableGoal,
  Measure,
  measureBody,
  measureUpdateBody,
  Placement,
} from '../../../core/measure-schemas.js';
import {
  openCaseOf,
  selectGoalOfPerson,
  selectGoalsOfPerson,
  selectManagedPerson,
  selectMeasures,
  selectOffer,
  selectVisiblePerson,
  type MeasureRow,
} from './measures.queries.js';

type MeasureInput = z.output<typeof measureBody>;
type FollowUp = { on: string; note: string | null };

/** The measure as the API shows it. */
function presentMeasure(r: MeasureRow): Measure {
  const placement = r.placement as Placement | null;
  return {
    id: r.id,
    personId: r.person_id,
    offer: {
      id: r.offer_id,
      name: r.offer_name,
      kind: r.offer_kind as Measure['offer']['kind'],
      studyForm: r.offer_study_form as Measure['offer']['studyForm'],
      provider: r.unit_name ?? r.provider_name ?? '',
    },
    goal: r.goal_id && r.goal_title ? { id: r.goal_id, title: r.goal_title } : null,
    startsOn: r.starts_on,
    plannedEndOn: r.planned_end_on,
    endedOn: r.ended_on,
    endReason: r.end_reason as EndReason | null,
    followUps: r.follow_ups as FollowUp[],
    evaluation: r.evaluation,
    placement: placement ? { ...placement, visits: placement.visits ?? [] } : null,
    weeklyHours: (r.weekly_hours ?? []) as WeeklyHours,
    category: r.category,
    recordedBy: r.recorded_by_name,
    version: r.version,
  };
}

/**
 * The person's measures, if the actor may see the person (404 otherwise); none when the actor may not see their plan
 * (withheld).
 */
export async function listMeasures(ctx: RequestContext, personId: string): Promise<Measure[]> {
  requireCapability(ctx.actor, 'persons.browse');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await selectVisiblePerson(trx, ctx.actor, personId);
    if (!person) throw denied(personId, 'measures');
    const withheld = !categoriesOf(person).includes(MEASURE_CATEGORY);
    const rows = withheld ? [] : await selectMeasures(trx, { personId });
    await audit({
      action: 'read',
      entity: 'measures',
      entityId: personId,
      personId,
      detail: { ...readBasis(person), withheld },
    });
    return rows.map(presentMeasure);
  });
}

/** The person's plan goals a measure can be linked to (the plan is in the measure's category). */
export async function listLinkableGoals(ctx: RequestContext, personId: string): Promise<LinkableGoal[]> {
  requireCapability(ctx.actor, 'persons.browse');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await selectVisiblePerson(trx, ctx.actor, personId);
    if (!person) throw denied(personId, 'measures');
    if (!categoriesOf(person).includes(MEASURE_CATEGORY)) return [];
    const goals = await selectGoalsOfPerson(trx, personId);
    await audit({
      action: 'read',
      entity: 'measures',
      entityId: personId,
      personId,
      detail: { ...readBasis(person), goals: goals.length },
    });
    return goals;
  });
}

/**
 * Every rule of a measure's fields together, each problem naming its field: the dates (core), an
 * active offer of the actor's municipality, a goal of the same person, and placement details exactly
 * when the offer is a work placement, its visits not before the start.
 */
async function measureProblems(
  ctx: RequestContext,
  trx: RequestContext['db'],
  personId: string,
  m: MeasureInput,
  unchangedOfferId: string | null,
) {
  const problems: { field: string; code: FieldMessageKey }[] = measureDateProblems(m).map((p) => ({
    field: p.field,
    code: p.code,
  }));
  const offer = await selectOffer(trx, ctx.actor.municipalityId, m.offerId);
  // An offer taken out of the catalogue stays on the measures already booked on it.
  if (!offer || (!offer.active && offer.id !== unchangedOfferId)) problems.push({ field: 'offerId', code: 'invalid' });
  if (m.goalId && !(await selectGoalOfPerson(trx, personId, m.goalId)))
    problems.push({ field: 'goalId', code: 'invalid' });
  if (offer?.kind === 'work_placement' && !m.placement) problems.push({ field: 'placement', code: 'required' });
  if (offer && offer.kind !== 'work_placement' && m.placement) problems.push({ field: 'placement', code: 'invalid' });
  if (m.placement?.visits.some((v) => v.on < m.startsOn))
    problems.push({ field: 'placement.visits', code: 'end_before_start' });
  if (problems.length) throw new AppError('validation_failed', problems);
  return offer!;
}

const placementJson = (p: MeasureInput['placement']) =>
  p ? JSON.stringify({ ...p, organisationNumber: formatOrganisationNumber(p.organisationNumber) }) : null;

/** Books a measure for the person (404 when the actor does not work on them for the KAA). */
export async function createMeasure(ctx: RequestContext, personId: string, input: MeasureInput): Promise<Measure> {
  requireCapability(ctx.actor, 'measures.write');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await selectManagedPerson(trx, ctx.actor, personId);
    if (!person) throw new AppError('not_found');
    if (!categoriesOf(person).includes(MEASURE_CATEGORY)) throw new AppError('category_not_allowed');
    const offer = await measureProblems(ctx, trx, personId, input, null);
    const caseId = await openCaseOf(trx, personId);
    const row = await trx
      .insertInto('measures')
      .values({
        municipality_id: person.municipality_id,
        person_id: personId,
        case_id: caseId,
        offer_id: input.offerId,
        goal_id: input.goalId,
        starts_on: input.startsOn,
        planned_end_on: input.plannedEndOn,
        ended_on: input.endedOn,
        end_reason: input.endedOn ? input.endReason : null,
        follow_ups: JSON.stringify(input.followUps),
        evaluation: input.evaluation,
        placement: placementJson(input.placement),
        weekly_hours: JSON.stringify(input.weeklyHours),
        category: MEASURE_CATEGORY,
        recorded_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const base = {
      municipality_id: person.municipality_id,
      person_id: personId,
      case_id: caseId,
      actor_id: ctx.actor.id,
      category: MEASURE_CATEGORY,
    };
    const about = { measureId: row.id, offerName: offer.name, kind: offer.kind as Measure['offer']['kind'] };
    await trx
      .insertInto('events')
      .values(
        eventRow(base, 'measure_started', {
          ...about,
          startsOn: input.startsOn,
          plannedEndOn: input.plannedEndOn,
          employerName: input.placement?.employerName ?? null,
        }),
      )
      .execute();
    if (input.endedOn && input.endReason)
      await trx
        .insertInto('events')
        .values(eventRow(base, 'measure_ended', { ...about, endedOn: input.endedOn, endReason: input.endReason }))
        .execute();
    await audit({
      action: 'create',
      entity: 'measure',
      entityId: row.id,
      personId,
      detail: { offerId: input.offerId, kind: offer.kind, basis: person.access_basis },
    });
    return presentMeasure(
      (await selectMeasures(trx, { measureId: row.id, municipalityId: ctx.actor.municipalityId }))[0]!,
    );
  });
}

/** Changes a measure (its end, follow-ups, evaluation, placement…); 409 when `version` is not the stored one. */
export async function updateMeasure(
  ctx: RequestContext,
  measureId: string,
  input: z.output<typeof measureUpdateBody>,
): Promise<Measure> {
  requireCapability(ctx.actor, 'measures.write');
  return audited(ctx, async ({ trx, audit }) => {
    const current = (await selectMeasures(trx, { measureId, municipalityId: ctx.actor.municipalityId }))[0];
    const person = current && (await selectManagedPerson(trx, ctx.actor, current.person_id));
    if (!current || !person || !categoriesOf(person).includes(current.category)) throw new AppError('not_found');
    if (current.version !== input.version) throw new AppError('version_conflict');
    const was = presentMeasure(current);
    const next: MeasureInput = {
      offerId: input.offerId ?? was.offer.id,
      goalId: input.goalId === undefined ? (current.goal_id ?? null) : input.goalId,
      startsOn: input.startsOn ?? was.startsOn,
      plannedEndOn: input.plannedEndOn === undefined ? was.plannedEndOn : input.plannedEndOn,
      endedOn: input.endedOn === undefined ? was.endedOn : input.endedOn,
      endReason: input.endReason === undefined ? was.endReason : input.endReason,
      followUps: input.followUps ?? was.followUps,
      evaluation: input.evaluation === undefined ? was.evaluation : input.evaluation,
      placement: input.placement === undefined ? was.placement : input.placement,
      weeklyHours: input.weeklyHours ?? was.weeklyHours,
    };
    // Reopening a measure (clearing its end) clears its reason too.
    if (input.endedOn === null && input.endReason === undefined) next.endReason = null;
    const offer = await measureProblems(ctx, trx, current.person_id, next, was.offer.id);
    const updated = await trx
      .updateTable('measures')
      .set({
        offer_id: next.offerId,
        goal_id: next.goalId,
        starts_on: next.startsOn,
        planned_end_on: next.plannedEndOn,
        ended_on: next.endedOn,
        end_reason: next.endedOn ? next.endReason : null,
        follow_ups: JSON.stringify(next.followUps),
        evaluation: next.evaluation,
        placement: placementJson(next.placement),
        weekly_hours: JSON.stringify(next.weeklyHours),
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', measureId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('version_conflict');
    const fields = Object.keys(input).filter((k) => k !== 'version');
    const base = {
      municipality_id: current.municipality_id,
      person_id: current.person_id,
      case_id: current.case_id ?? (await openCaseOf(trx, current.person_id)),
      actor_id: ctx.actor.id,
      category: current.category,
    };
    const about = { measureId, offerName: offer.name, kind: offer.kind as Measure['offer']['kind'] };
    const ends = next.endedOn && next.endReason && (next.endedOn !== was.endedOn || next.endReason !== was.endReason);
    if (ends)
      await trx
        .insertInto('events')
        .values(eventRow(base, 'measure_ended', { ...about, endedOn: next.endedOn!, endReason: next.endReason! }))
        .execute();
    else
      await trx
        .insertInto('events')
        .values(eventRow(base, 'measure_updated', { ...about, fields }))
        .execute();
    await audit({
      action: 'update',
      entity: 'measure',
      entityId: measureId,
      personId: current.person_id,
      detail: { fields, basis: person.access_basis },
    });
    return presentMeasure((await selectMeasures(trx, { measureId, municipalityId: ctx.actor.municipalityId }))[0]!);
  });
}
