/**
 * The work with the young person that a register extract holds: assessments, plan versions and
 * signatures, measures and referrals, each read only in the consent categories its producer may see
 * (the category is in the WHERE clause; nothing else leaves the database).
 */
import type { Kysely } from 'kysely';
import type { ConsentCategory } from '../../../core/consent.js';
import type { Database } from '../../db/types.js';

type Q = Kysely<Database>;

/** The person's assessments, oldest first, with their manual's sections and who started and completed them. */
export function selectExtractAssessments(db: Q, personId: string) {
  return db
    .selectFrom('assessments')
    .innerJoin('assessment_manuals', 'assessment_manuals.id', 'assessments.manual_id')
    .leftJoin('staff as starter', 'starter.id', 'assessments.created_by')
    .leftJoin('staff as completer', 'completer.id', 'assessments.completed_by')
    .select(['assessments.id', 'assessments.number', 'assessments.status', 'assessments.created_at'])
    .select(['assessments.completed_on'])
    .select(['assessments.participants', 'assessments.highest_education', 'assessments.diploma', 'assessments.needs'])
    .select(['assessment_manuals.sections', 'starter.name as started_by', 'completer.name as completed_by'])
    .where('assessments.person_id', '=', personId)
    .orderBy('assessments.number')
    .execute();
}

/** The answers of the person's assessments in `categories` only. */
export function selectExtractAnswers(db: Q, personId: string, categories: ConsentCategory[]) {
  if (categories.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('assessment_answers')
    .select(['assessment_id', 'question_key', 'answer'])
    .where('person_id', '=', personId)
    .where('category', 'in', categories)
    .execute();
}

/** Every saved version of the person's plans (one per case), oldest first, with who saved it. */
export function selectExtractPlanVersions(db: Q, personId: string) {
  return db
    .selectFrom('plan_versions')
    .leftJoin('staff', 'staff.id', 'plan_versions.changed_by')
    .select(['plan_versions.plan_id', 'plan_versions.version', 'plan_versions.changed_at', 'plan_versions.document'])
    .select('staff.name as changed_by')
    .where('plan_versions.person_id', '=', personId)
    .orderBy('plan_versions.changed_at')
    .orderBy('plan_versions.version')
    .execute();
}

/** The signatures of the person's plans, oldest first. */
export function selectExtractSignatures(db: Q, personId: string) {
  return db
    .selectFrom('plan_signatures')
    .select(['plan_id', 'version', 'signed_by', 'method', 'signed_on'])
    .where('person_id', '=', personId)
    .orderBy('recorded_at')
    .execute();
}

/** The person's measures in `categories`, oldest start first, with offer, provider and linked goal. */
export function selectExtractMeasures(db: Q, personId: string, categories: ConsentCategory[]) {
  if (categories.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('measures')
    .innerJoin('offers', 'offers.id', 'measures.offer_id')
    .leftJoin('units', 'units.id', 'offers.provider_unit_id')
    .leftJoin('plan_goals', 'plan_goals.id', 'measures.goal_id')
    .select(['measures.starts_on', 'measures.planned_end_on', 'measures.ended_on', 'measures.end_reason'])
    .select('measures.follow_ups')
    .select(['measures.evaluation', 'measures.placement', 'measures.category', 'offers.name as offer', 'offers.kind'])
    .select(['units.name as unit', 'offers.provider_name', 'plan_goals.title as goal'])
    .where('measures.person_id', '=', personId)
    .where('measures.category', 'in', categories)
    .orderBy('measures.starts_on')
    .orderBy('measures.created_at')
    .execute();
}

/** The person's referrals in `categories`, oldest first. */
export function selectExtractReferrals(db: Q, personId: string, categories: ConsentCategory[]) {
  if (categories.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('referrals')
    .select(['agency', 'agency_name', 'sent_on', 'reason', 'accompanied'])
    .select(['first_visit_on', 'status', 'outcome', 'category'])
    .where('person_id', '=', personId)
    .where('category', 'in', categories)
    .orderBy('sent_on')
    .orderBy('created_at')
    .execute();
}
