/**
 * Use cases of a case's end: closing it with an outcome (ending the running measures and planning the
 * follow-ups), reading how it ended, and taking a young person on again in a new case. Rules are in
 * core/outcomes; every read and write is audited; changes use the case's version (optimistic locking).
 */
import { sql } from 'kysely';
import { todayInSweden } from '../../../core/dates.js';
import { MEASURE_CATEGORY, type EndReason } from '../../../core/measures.js';
import type { CaseOutcome, CloseCaseBody } from '../../../core/outcome-schemas.js';
import type { DiplomaAnswer, DocumentedNeed } from '../../../core/assessment.js';
import {
  closingProblem,
  DOCUMENTED_PROBLEMS_CATEGORY,
  participantFromAssessment,
  followUpsAfter,
  measureEndReasonForOutcome,
  occupationForOutcome,
  OUTCOME_CODE_LIST,
  type Diploma,
  type DocumentedProblem,
  type Outcome,
  type TargetGroup,
} from '../../../core/outcomes.js';
import { OCCUPATION_CODE_LIST, type Occupation } from '../../../core/outreach.js';
import type { OfferKind } from '../../../core/measures.js';
import type { StudyForm } from '../../../core/measures.js';
import { requireCapability } from '../../access/access.js';
import { eventRow } from '../../db/events.js';
import { AppError } from '../../http/app-error.js';
import { audited, denied, type AuditedTransaction, type RequestContext } from '../../http/context.js';
import { loadOutreachSettings } from '../contact/outreach-settings.js';
import { endOpenEnrolments } from './end-enrolments.js';
import {
  selectCase,
  selectFollowUps,
  selectRunningMeasures,
  type CaseRow,
  type FollowUpRow,
} from './outcomes.queries.js';

/** The answer to a change: the case now in force and its version. */
export type CaseRef = { caseId: string; version: number };

/**
 * Closes an open case with an outcome on `closedOn` (between the day it opened and today, 400 naming
 * the field otherwise), records the occupation at closure as a contact attempt's is recorded, ends the
 * person's running measures for the given reason (or the one the outcome implies) and their open
 * activity enrolments on the closing day, and plans the follow-ups at the municipality's months.
 * A stale version is 409; a closed case 409 `case_closed`.
 */
export async function closeCase(ctx: RequestContext, caseId: string, input: CloseCaseBody): Promise<CaseRef> {
  requireCapability(ctx.actor, 'persons.edit');
  const today = todayInSweden(ctx.clock.now());
  const { settings } = await loadOutreachSettings(ctx.db, ctx.actor.municipalityId);
  return audited(ctx, async ({ trx, audit }) => {
    const current = await selectCase(trx, ctx.actor, caseId, { managed: true });
    if (!current) throw new AppError('not_found');
    if (current.version !== input.version) throw new AppError('version_conflict');
    if (current.closed_at) throw new AppError('case_closed');
    const problem = closingProblem({ ...input, openedOn: current.opened_on, today });
    if (problem) throw new AppError('validation_failed', [problem]);
    const occupation = input.occupation ?? occupationForOutcome(input.outcome);
    const updated = await trx
      .updateTable('cases')
      .set({
        status: 'closed',
        closed_at: sql`now()`,
        closed_on: input.closedOn,
        closed_by: ctx.actor.id,
        outcome: input.outcome,
        outcome_list_version: OUTCOME_CODE_LIST.version,
        outcome_study_form: input.studyForm,
        closing_note: input.note,
        closing_occupation: occupation,
        closing_occupation_list_version: OCCUPATION_CODE_LIST.version,
        version: sql`version + 1`,
      })
      .where('id', '=', caseId)
      .where('version', '=', input.version)
      .returning('version')
      .executeTakeFirst();
    if (!updated) throw new AppError('version_conflict');
    const base = {
      municipality_id: current.municipality_id,
      person_id: current.person_id,
      case_id: caseId,
      actor_id: ctx.actor.id,
    };
    const endReason = input.measureEndReason ?? measureEndReasonForOutcome(input.outcome);
    const ended = await endRunningMeasures(trx, base, input.closedOn, endReason);
    const enrolmentsEnded = (await endOpenEnrolments(trx, base, input.closedOn)).length;
    const followUps = followUpsAfter(input.closedOn, settings.followUpMonths);
    if (followUps.length) {
      await trx
        .insertInto('case_follow_ups')
        .values(
          followUps.map((f) => ({
            municipality_id: base.municipality_id,
            person_id: base.person_id,
            case_id: caseId,
            months: f.months,
            due_on: f.dueOn,
          })),
        )
        .execute();
    }
    const closed = {
      outcome: input.outcome,
      outcomeListVersion: OUTCOME_CODE_LIST.version,
      studyForm: input.studyForm,
      closedOn: input.closedOn,
      occupation,
      measuresEnded: ended,
      measureEndReason: endReason,
      enrolmentsEnded,
    };
    await trx
      .insertInto('events')
      .values(eventRow(base, 'case_closed', closed))
      .execute();
    await audit({
      action: 'update',
      entity: 'case',
      entityId: caseId,
      personId: current.person_id,
      detail: { closed: input.outcome, measuresEnded: ended, enrolmentsEnded, basis: current.access_basis },
    });
    return { caseId, version: updated.version };
  });
}

/** Ends the person's running measures on the closing day (or a later start), each on the timeline; how many. */
async function endRunningMeasures(
  trx: AuditedTransaction['trx'],
  base: { municipality_id: string; person_id: string; case_id: string; actor_id: string },
  closedOn: string,
  reason: EndReason,
): Promise<number> {
  const running = await selectRunningMeasures(trx, base.person_id);
  for (const m of running) {
    // A measure booked to start after the closing day never ran: it ends on its own first day.
    const endedOn = m.starts_day > closedOn ? m.starts_day : closedOn;
    await trx
      .updateTable('measures')
      .set({ ended_on: endedOn, end_reason: reason, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', m.id)
      .execute();
    const about = {
      measureId: m.id,
      offerName: m.offer_name,
      kind: m.offer_kind as OfferKind,
      endedOn,
      endReason: reason,
    };
    await trx
      .insertInto('events')
      .values(eventRow({ ...base, category: m.category ?? MEASURE_CATEGORY }, 'measure_ended', about))
      .execute();
  }
  return running.length;
}

/** Who a case's participant is, how it ended and its follow-ups; problems only for those allowed the category. */
export async function getCaseOutcome(ctx: RequestContext, caseId: string): Promise<CaseOutcome> {
  requireCapability(ctx.actor, 'persons.browse');
  return audited(ctx, async ({ trx, audit }) => {
    const current = await selectCase(trx, ctx.actor, caseId);
    if (!current || !current.sees_contact_occupation) {
      const owner = await trx.selectFrom('cases').select('person_id').where('id', '=', caseId).executeTakeFirst();
      if (owner) throw denied(owner.person_id, 'case');
      throw new AppError('not_found');
    }
    const followUps = await selectFollowUps(trx, caseId);
    await audit({
      action: 'read',
      entity: 'case',
      entityId: caseId,
      personId: current.person_id,
      detail: { outcome: true, basis: current.access_basis },
    });
    return presentOutcome(current, followUps);
  });
}

/** The API's view of a case's end; the note needs the assessment-and-plan category, problems health-and-social. */
export function presentOutcome(c: CaseRow, followUps: FollowUpRow[]): CaseOutcome {
  return {
    targetGroup: c.target_group as TargetGroup,
    upperSecondaryDiploma: c.upper_secondary_diploma as Diploma,
    documentedProblems: c.sees_health_social ? (c.documented_problems as DocumentedProblem[]) : null,
    closing: c.closed_on_day
      ? {
          outcome: (c.outcome as Outcome | null) ?? null,
          outcomeListVersion: c.outcome_list_version,
          studyForm: c.outcome_study_form as StudyForm | null,
          closedOn: c.closed_on_day,
          closedBy: c.closed_by ? { id: c.closed_by, name: c.closed_by_name ?? '' } : null,
          note: c.sees_assessment_plan ? c.closing_note : null,
          occupation: c.closing_occupation as Occupation | null,
        }
      : null,
    followUps: followUps.map((f) => ({
      id: f.id,
      caseId: f.case_id,
      months: f.months,
      dueOn: f.due_day,
      result: f.result,
      occupation: f.occupation as Occupation | null,
      note: c.sees_assessment_plan ? f.note : null,
      recordedOn: f.recorded_day,
      recordedBy: f.recorded_by ? { id: f.recorded_by, name: f.recorded_by_name ?? '' } : null,
      newCaseId: f.new_case_id,
      version: f.version,
    })),
    previousCaseId: c.previous_case_id,
  };
}

/**
 * Takes the person of a closed case on again in a new case (status new, target group derived anew,
 * history kept: the new case names the closed one). 409 `case_already_open` when the person has an open case.
 */
export async function reopenCase(ctx: RequestContext, caseId: string): Promise<CaseRef> {
  requireCapability(ctx.actor, 'persons.edit');
  return audited(ctx, async ({ trx, audit }) => {
    const current = await selectCase(trx, ctx.actor, caseId, { managed: true });
    if (!current) throw new AppError('not_found');
    if (!current.closed_at) throw new AppError('case_already_open');
    const opened = await takeOnAgain(trx, current, null, ctx.actor.id);
    await audit({
      action: 'create',
      entity: 'case',
      entityId: opened.caseId,
      personId: current.person_id,
      detail: { reopens: caseId, basis: current.access_basis },
    });
    return opened;
  });
}

/** Opens a new case for the person of the closed case `closed`, naming it; the caller audits. */
export async function takeOnAgain(
  trx: AuditedTransaction['trx'],
  closed: Pick<CaseRow, 'id' | 'person_id' | 'municipality_id' | 'contact_person_id' | 'team_id'>,
  followUpId: string | null,
  actorId: string,
): Promise<CaseRef> {
  const open = await trx
    .selectFrom('cases')
    .select('id')
    .where('person_id', '=', closed.person_id)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  if (open) throw new AppError('case_already_open');
  const created = await trx
    .insertInto('cases')
    .values({
      municipality_id: closed.municipality_id,
      person_id: closed.person_id,
      status: 'new',
      contact_person_id: closed.contact_person_id,
      team_id: closed.team_id,
      previous_case_id: closed.id,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  const base = {
    municipality_id: closed.municipality_id,
    person_id: closed.person_id,
    case_id: created.id,
    actor_id: actorId,
  };
  await trx
    .insertInto('events')
    .values([
      eventRow(base, 'case_opened', {}),
      eventRow(base, 'case_reopened', { previousCaseId: closed.id, followUpId }),
    ])
    .execute();
  return { caseId: created.id, version: created.version };
}

/**
 * Fills in a case's diploma and documented problems from an assessment completed for it (core's
 * participantFromAssessment), with a timeline event each (problems in the health and social
 * category). An open case only; nothing when nothing changes. The caller audits the completion.
 */
export async function fillFromAssessment(
  trx: AuditedTransaction['trx'],
  caseId: string | null,
  actorId: string,
  assessment: { diploma: DiplomaAnswer | null; needs: readonly DocumentedNeed[] | null },
): Promise<void> {
  if (!caseId) return;
  const kase = await trx
    .selectFrom('cases')
    .select(['id', 'municipality_id', 'person_id', 'upper_secondary_diploma', 'documented_problems'])
    .where('id', '=', caseId)
    .where('closed_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!kase) return;
  const was = { upperSecondaryDiploma: kase.upper_secondary_diploma, documentedProblems: kase.documented_problems };
  const next = participantFromAssessment(was, assessment);
  const diplomaChanged = next.upperSecondaryDiploma !== was.upperSecondaryDiploma;
  const problemsChanged = next.documentedProblems.join() !== [...was.documentedProblems].sort().join();
  if (!diplomaChanged && !problemsChanged) return;
  await trx
    .updateTable('cases')
    .set({
      upper_secondary_diploma: next.upperSecondaryDiploma,
      documented_problems: next.documentedProblems,
      version: sql`version + 1`,
    })
    .where('id', '=', caseId)
    .execute();
  const base = { municipality_id: kase.municipality_id, person_id: kase.person_id, case_id: caseId, actor_id: actorId };
  if (diplomaChanged) {
    const payload = { upperSecondaryDiploma: next.upperSecondaryDiploma };
    await trx
      .insertInto('events')
      .values(eventRow(base, 'case_participant_changed', payload))
      .execute();
  }
  if (problemsChanged) {
    const row = eventRow({ ...base, category: DOCUMENTED_PROBLEMS_CATEGORY }, 'documented_problems_changed', {
      problems: next.documentedProblems,
    });
    await trx.insertInto('events').values(row).execute();
  }
}
