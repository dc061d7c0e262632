/**
 * The work with the young person in a register extract: assessments (answers of the categories the
 * producer may see; a section of another category says it is withheld), every plan version with its
 * signatures, measures and referrals. The same rules as the rest of the extract and as the API: the
 * plan and measures in the assessment and plan category, a referral in its agency's category, the
 * documented needs in health and social. What is left out is counted through the timeline's events.
 */
import { EDUCATION_CATEGORY, NEEDS_CATEGORY, localText, type ManualSection } from '../../../core/assessment.js';
import type { Participants } from '../../../core/assessment-schemas.js';
import type { ConsentCategory } from '../../../core/consent.js';
import { planDocument } from '../../../core/plan-schemas.js';
import type { Db } from '../../db/connection.js';
import { selectStaffNames } from '../assessments/assessments.queries.js';
import { selectGoalAreas, selectUnits } from '../plans/plans.queries.js';
import {
  selectExtractAnswers,
  selectExtractAssessments,
  selectExtractMeasures,
  selectExtractPlanVersions,
  selectExtractReferrals,
  selectExtractSignatures,
} from './extract-work.queries.js';

const PLAN_CATEGORY: ConsentCategory = 'assessment_plan';
/** The person and their municipality. */
type Whose = { personId: string; municipalityId: string };
const iso = (d: unknown) => (d ? new Date(d as Date).toISOString() : null);

/** The person's assessments as the extract shows them, in the categories `categories`. */
async function assessmentsOf(db: Db, at: Whose, categories: ConsentCategory[], language: 'sv' | 'en') {
  // As the API: assessments are read by those who see the plan category or the health and social one.
  if (!categories.includes(PLAN_CATEGORY) && !categories.includes(NEEDS_CATEGORY)) return [];
  const rows = await selectExtractAssessments(db, at.personId);
  const answers = await selectExtractAnswers(db, at.personId, categories);
  const staffIds = rows.flatMap((r) => (r.participants as unknown as Participants).staff);
  const names = await selectStaffNames(db, at.municipalityId, [...new Set(staffIds)]);
  const seesEducation = categories.includes(EDUCATION_CATEGORY);
  return rows.map((r) => {
    const participants = r.participants as unknown as Participants;
    const own = new Map(answers.filter((a) => a.assessment_id === r.id).map((a) => [a.question_key, a.answer]));
    return {
      number: r.number,
      status: r.status,
      startedAt: iso(r.created_at),
      startedBy: r.started_by,
      completedOn: r.completed_on,
      completedBy: r.completed_by,
      participants: [
        ...participants.staff.flatMap((id) => names.get(id)?.name ?? []),
        ...participants.others.map((o) => (o.name ? `${o.role}: ${o.name}` : o.role)),
      ],
      sections: (r.sections as ManualSection[]).map((s) => {
        const withheld = !categories.includes(s.category);
        const asked = withheld ? [] : s.questions.filter((q) => own.has(q.key));
        const answered = asked.map((q) => ({ question: localText(q.text, language), answer: own.get(q.key)! }));
        return { title: localText(s.title, language), category: s.category, withheld, answers: answered };
      }),
      highestEducation: seesEducation ? r.highest_education : null,
      diploma: seesEducation ? r.diploma : null,
      needs: categories.includes(NEEDS_CATEGORY) ? ((r.needs as string[] | null) ?? []) : null,
    };
  });
}

/** Every version of the person's plans with who saved it and its signatures, if `categories` holds the plan's. */
async function planVersionsOf(db: Db, at: Whose, categories: ConsentCategory[]) {
  if (!categories.includes(PLAN_CATEGORY)) return [];
  const [versions, signatures, areas, units] = await Promise.all([
    selectExtractPlanVersions(db, at.personId),
    selectExtractSignatures(db, at.personId),
    selectGoalAreas(db, at.municipalityId),
    selectUnits(db, at.municipalityId),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return versions.map((v) => {
    const document = planDocument.parse(v.document);
    return {
      version: v.version,
      changedAt: iso(v.changed_at),
      changedBy: v.changed_by,
      followUpOn: document.followUpOn,
      evaluation: document.evaluation,
      evaluatedOn: document.evaluatedOn,
      goals: document.goals.map((g) => ({
        area: areas.find((a) => a.code === g.area) ?? { code: g.area, sv: g.area, en: g.area },
        title: g.title,
        ownWords: g.ownWords,
        subGoals: g.subGoals.map((s) => ({ title: s.title, done: s.done })),
        steps: g.steps.map((s) => ({ ...s, responsibleUnit: unitName.get(s.responsibleUnitId ?? '') ?? null })),
      })),
      signatures: signatures
        .filter((s) => s.plan_id === v.plan_id && s.version === v.version)
        .map((s) => ({ signedBy: s.signed_by, method: s.method, signedOn: s.signed_on })),
    };
  });
}

/** The assessments, plan versions, measures and referrals of the person that `categories` allow, for the extract. */
export async function extractWork(db: Db, at: Whose, categories: ConsentCategory[], language: 'sv' | 'en') {
  const [assessments, planVersions, measures, referrals] = await Promise.all([
    assessmentsOf(db, at, categories, language),
    planVersionsOf(db, at, categories),
    selectExtractMeasures(db, at.personId, categories),
    selectExtractReferrals(db, at.personId, categories),
  ]);
  return {
    assessments,
    planVersions,
    measures: measures.map((m) => ({
      offer: m.offer,
      kind: m.kind,
      provider: m.unit ?? m.provider_name,
      goal: m.goal,
      startsOn: m.starts_on,
      plannedEndOn: m.planned_end_on,
      endedOn: m.ended_on,
      endReason: m.end_reason,
      followUps: m.follow_ups as { on: string; note: string | null }[],
      evaluation: m.evaluation,
      placement: m.placement as Record<string, unknown> | null,
      category: m.category,
    })),
    referrals: referrals.map((r) => ({
      agency: r.agency,
      agencyName: r.agency_name,
      sentOn: r.sent_on,
      reason: r.reason,
      accompanied: r.accompanied,
      firstVisitOn: r.first_visit_on,
      status: r.status,
      outcome: r.outcome,
      category: r.category,
    })),
  };
}
