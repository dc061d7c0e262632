/**
 * Measures (insatser) and guiding onward (lotsning): the code lists and the rules that both the
 * server and the web apply. No zod here; the API schemas are in `measure-schemas.ts`.
 */
import type { ConsentCategory } from './consent.js';

/**
 * The versioned code list of what an offer is. A new version adds codes (never renames one), so a
 * measure booked under an older version keeps its meaning; each offer stores the version it was
 * classified under.
 */
export const OFFER_KIND_LIST = {
  version: '2026-12',
  codes: [
    'guidance',
    'study_visit',
    'cv_job_coaching',
    'work_placement',
    'work_training',
    'studies',
    'counselling',
    'health_track',
    'group_activity',
    'social_training',
    'employment_service_registration',
    'other',
  ],
} as const;
export type OfferKind = (typeof OFFER_KIND_LIST.codes)[number];
export const OFFER_KINDS = OFFER_KIND_LIST.codes;

/** The form of studies an offer of kind `studies` leads to. */
export const STUDY_FORMS = ['komvux', 'folkhogskola', 'introduction_programme', 'single_course'] as const;
export type StudyForm = (typeof STUDY_FORMS)[number];

/** What an offer's cost is counted per. */
export const COST_UNITS = ['week', 'participant'] as const;
export type CostUnit = (typeof COST_UNITS)[number];

/** Why a measure ended (förordning 2006:39 asks for it; SCB's "measure ended" block counts it). */
export const END_REASONS = [
  'completed',
  'moved_on_studies',
  'moved_on_work',
  'interrupted',
  'declined',
  'other',
] as const;
export type EndReason = (typeof END_REASONS)[number];

/** The agencies a young person is guided onward to. */
export const REFERRAL_AGENCIES = [
  'employment_service',
  'social_services',
  'health_care',
  'addiction_care',
  'youth_clinic',
  'other',
] as const;
export type ReferralAgency = (typeof REFERRAL_AGENCIES)[number];

/** Where a referral stands. */
export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'ongoing', 'ended'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** How many days ahead a measure's planned end puts it in the work queue "measure ending". */
export const MEASURE_ENDING_DAYS = 14;

/**
 * The consent category of every measure: assessment and plan. Förordning 2006:39 lets the register
 * hold a measure's kind and start (so 'contact_occupation' would be lawful for those two facts), but
 * a measure row is more than that: its plan goal, follow-ups, evaluation, end reason and a placement's
 * employer and supervisor are the plan's documentation, and a kind such as counselling or a health
 * track says more than a school or an employment officer with a contact-only consent needs. So the
 * whole measure stays with the plan; the register's occupation is still kept by outreach.
 */
export const MEASURE_CATEGORY: ConsentCategory = 'assessment_plan';

/**
 * The consent category of a referral: one to social services, health care, addiction care or the
 * youth health clinic reveals the young person's health or social situation, so only those whose
 * consent names that category see it; a referral to the employment service or another actor is part
 * of the plan.
 */
export function referralCategory(agency: ReferralAgency): ConsentCategory {
  return agency === 'employment_service' || agency === 'other' ? 'assessment_plan' : 'health_social';
}

/** Strips the separators people write in an organisation number ("556036-0793", "556036 0793"). */
export function normalizeOrganisationNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** True when the digits pass the Luhn check (mod 10), as Swedish identity and organisation numbers do. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * True for a Swedish organisation number: ten digits (NNNNNN-NNNN) whose last is the Luhn check digit.
 * A sole trader's employer number is their personal identity number, so twelve digits starting 19 or
 * 20 are accepted when the last ten pass the same check.
 */
export function isOrganisationNumber(input: string): boolean {
  const digits = normalizeOrganisationNumber(input);
  if (/^(19|20)\d{10}$/.test(digits)) return luhnValid(digits.slice(2));
  return /^\d{10}$/.test(digits) && luhnValid(digits);
}

/** Writes an organisation number the usual way, NNNNNN-NNNN (a twelve-digit one keeps its century). */
export function formatOrganisationNumber(input: string): string {
  const digits = normalizeOrganisationNumber(input);
  return `${digits.slice(0, -4)}-${digits.slice(-4)}`;
}

/** A field of a measure whose dates do not fit together, and why. */
export type DateProblem = {
  field: 'plannedEndOn' | 'endedOn' | 'endReason' | 'followUps';
  code: 'end_before_start' | 'required' | 'invalid';
};

/**
 * The rules of a measure's dates and ending: the planned end and the actual end are not before the
 * start, an ended measure says why, a reason is given only for an ended measure, and follow-ups are
 * not before the start. Days are ISO strings (YYYY-MM-DD), which compare as dates.
 */
export function measureDateProblems(m: {
  startsOn: string;
  plannedEndOn: string | null;
  endedOn: string | null;
  endReason: EndReason | null;
  followUps?: readonly { on: string }[];
}): DateProblem[] {
  const problems: DateProblem[] = [];
  if (m.plannedEndOn && m.plannedEndOn < m.startsOn) problems.push({ field: 'plannedEndOn', code: 'end_before_start' });
  if (m.endedOn && m.endedOn < m.startsOn) problems.push({ field: 'endedOn', code: 'end_before_start' });
  if (m.endedOn && !m.endReason) problems.push({ field: 'endReason', code: 'required' });
  if (!m.endedOn && m.endReason) problems.push({ field: 'endReason', code: 'invalid' });
  if (m.followUps?.some((f) => f.on < m.startsOn)) problems.push({ field: 'followUps', code: 'end_before_start' });
  return problems;
}

/**
 * True when a running measure's planned end falls from `today` up to `days` days ahead (the work queue "measure
 * ending").
 */
export function isMeasureEnding(
  m: { plannedEndOn: string | null; endedOn: string | null },
  today: string,
  inDays: string,
): boolean {
  return !m.endedOn && m.plannedEndOn !== null && m.plannedEndOn >= today && m.plannedEndOn <= inDays;
}

/** A referral's status can be changed to any other; an ended or declined referral has an outcome. */
export function referralProblems(r: {
  status: ReferralStatus;
  outcome: string | null;
  sentOn: string;
  firstVisitOn: string | null;
}): { field: 'outcome' | 'firstVisitOn'; code: 'required' | 'end_before_start' }[] {
  const problems: { field: 'outcome' | 'firstVisitOn'; code: 'required' | 'end_before_start' }[] = [];
  if ((r.status === 'ended' || r.status === 'declined') && !r.outcome)
    problems.push({ field: 'outcome', code: 'required' });
  if (r.firstVisitOn && r.firstVisitOn < r.sentOn) problems.push({ field: 'firstVisitOn', code: 'end_before_start' });
  return problems;
}
