/**
 * Outcomes and follow-up (issue 15): who a case's participant is, how a case is closed and how it is
 * followed up after closure. Zod-free code lists and rules shared by server, web and the figures; the
 * API schemas are in `outcome-schemas.ts`. Gender for figures is read from the identity number
 * (`genderOf` in `personnummer.ts`, re-exported here).
 */
import { DIPLOMA_ANSWERS, type DiplomaAnswer, type DocumentedNeed } from './assessment.js';
import type { ConsentCategory } from './consent.js';
import type { EndReason } from './measures.js';
import type { Occupation } from './outreach.js';

export { GENDERS, genderOf, type Gender } from './personnummer.js';

/**
 * The versioned code list of how a case ends. A new version adds codes (never renames one), so a case
 * closed under an older version keeps its meaning; each closed case stores the version it was closed under.
 */
export const OUTCOME_CODE_LIST = {
  version: '2026-12',
  codes: [
    'work',
    'studies',
    'employment_service',
    'other_authority',
    'care',
    'moved',
    'turned_20',
    'declined',
    'never_reached',
    'other',
  ],
} as const;
export type Outcome = (typeof OUTCOME_CODE_LIST.codes)[number];
export const OUTCOME_CODES = OUTCOME_CODE_LIST.codes;

/** Outcomes that count as "on to studies or work" in the figures. */
export const STUDIES_OR_WORK: readonly Outcome[] = ['work', 'studies'];

/**
 * Who a case's participant is: `kaa` when the person had an open register period on the day the case
 * opened (derived, never typed in), otherwise `young_adult` (up to 25, outside the activity
 * responsibility, e.g. referred by the employment service or social services) or `other`.
 */
export const TARGET_GROUPS = ['kaa', 'young_adult', 'other'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
/** The target groups a coordinator may record; `kaa` is only ever derived. */
export const SETTABLE_TARGET_GROUPS = ['young_adult', 'other'] as const;

/** Whether the young person has an upper-secondary diploma: the assessment's answers (`DIPLOMA_ANSWERS`). */
export const DIPLOMA_VALUES = DIPLOMA_ANSWERS;
export type Diploma = DiplomaAnswer;

/** Problems documented for a case; health and social information. */
export const DOCUMENTED_PROBLEMS = ['diagnosis', 'mental_health', 'social', 'substance_use'] as const;
export type DocumentedProblem = (typeof DOCUMENTED_PROBLEMS)[number];
/** The consent category documented problems belong to: only those allowed it read or change them. */
export const DOCUMENTED_PROBLEMS_CATEGORY: ConsentCategory = 'health_social';

/** What a follow-up after closure found. */
export const FOLLOW_UP_RESULTS = [
  'same_occupation',
  'other_occupation',
  'back_without_occupation',
  'not_reached',
] as const;
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];
/** Months after closure at which a case is followed up unless the municipality sets others (`followUpMonths`). */
export const DEFAULT_FOLLOW_UP_MONTHS: readonly number[] = [6, 12];

/** The occupation at closure an outcome implies, unless the closing says otherwise (outreach's code list). */
export function occupationForOutcome(outcome: Outcome): Occupation {
  if (outcome === 'work') return 'work';
  if (outcome === 'studies') return 'education';
  return 'unknown';
}

/** Why a running measure ends when its case closes with `outcome`, unless the closing says otherwise. */
export function measureEndReasonForOutcome(outcome: Outcome): EndReason {
  if (outcome === 'work') return 'moved_on_work';
  if (outcome === 'studies') return 'moved_on_studies';
  if (outcome === 'declined') return 'declined';
  return 'other';
}

/** True when `day` (YYYY-MM-DD) is a day of the calendar between 1900 and 2199. */
function isIsoDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** What a closing is judged on: the request's outcome, day and study form; the case's opening day; today. */
export type ClosingFacts = {
  outcome: string;
  closedOn: string;
  openedOn: string;
  today: string;
  studyForm?: string | null;
};
/** A refused closing: the field and why. */
export type ClosingProblem = {
  field: 'outcome' | 'closedOn' | 'studyForm';
  code: 'invalid' | 'before_case_opened' | 'in_future';
};

/**
 * Why a closing is refused, by field; null when it may be stored. The closing day lies between the
 * day the case opened and today (both YYYY-MM-DD, Swedish time); only studies carry a study form.
 */
export function closingProblem(input: ClosingFacts): ClosingProblem | null {
  if (!(OUTCOME_CODES as readonly string[]).includes(input.outcome)) return { field: 'outcome', code: 'invalid' };
  if (!isIsoDay(input.closedOn)) return { field: 'closedOn', code: 'invalid' };
  if (input.closedOn < input.openedOn) return { field: 'closedOn', code: 'before_case_opened' };
  if (input.closedOn > input.today) return { field: 'closedOn', code: 'in_future' };
  if (input.studyForm && input.outcome !== 'studies') return { field: 'studyForm', code: 'invalid' };
  return null;
}

/** `isoDay` plus `months` calendar months; a day the month lacks becomes its last (31 Aug + 6 → end of February). */
export function addMonths(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** The follow-ups of a case closed on `closedOn`: one per distinct positive month count, earliest first. */
export function followUpsAfter(closedOn: string, months: readonly number[]): { months: number; dueOn: string }[] {
  const distinct = [...new Set(months.filter((n) => Number.isInteger(n) && n > 0))].sort((a, b) => a - b);
  return distinct.map((n) => ({ months: n, dueOn: addMonths(closedOn, n) }));
}

/** True when a follow-up's result lets the young person be taken on again in one step. */
export function takesOnAgain(result: FollowUpResult): boolean {
  return result === 'back_without_occupation';
}

/** The documented problem each documented need of the assessment (core/assessment DOCUMENTED_NEEDS) means. */
const PROBLEM_OF_NEED: Record<DocumentedNeed, DocumentedProblem> = {
  diagnosis: 'diagnosis',
  mental_ill_health: 'mental_health',
  social_problems: 'social',
  substance_use: 'substance_use',
};

/**
 * What a completed assessment fills in on its case: its diploma answer unless it is `unknown`, and
 * the case's documented problems joined with those its documented needs mean (sorted, each once).
 */
export function participantFromAssessment(
  kase: { upperSecondaryDiploma: Diploma; documentedProblems: readonly string[] },
  assessment: { diploma: DiplomaAnswer | null; needs: readonly DocumentedNeed[] | null },
): { upperSecondaryDiploma: Diploma; documentedProblems: DocumentedProblem[] } {
  const fromNeeds = (assessment.needs ?? []).map((n) => PROBLEM_OF_NEED[n]);
  const known = DOCUMENTED_PROBLEMS.filter((p) => kase.documentedProblems.includes(p) || fromNeeds.includes(p));
  const answered = assessment.diploma && assessment.diploma !== 'unknown';
  const diploma = answered ? assessment.diploma! : kase.upperSecondaryDiploma;
  return { upperSecondaryDiploma: diploma, documentedProblems: known };
}
