/**
 * Who is in a municipality's KAA register on a given day (skollagen 29 kap. 9 §), as pure rules over
 * what the source lists say about one person. Each rule has a key; tests name the rule they check,
 * and a register period records the rule that decided it.
 */
import { ageOn } from './personnummer.js';
import type { EntryReason, LeaveReason } from './register.js';

export const SCHOOL_TYPES = ['GR', 'GRAN', 'GY', 'GYAN', 'VUX', 'FHSK', 'OTHER'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];
export const END_REASONS = ['completed', 'interrupted', 'transferred', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];
export const QUALIFICATIONS = ['examen', 'gymnasiesarskolebevis', 'equivalent', 'studiebevis', 'none'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

/** One row of an enrolment list, as far as eligibility cares. Dates are YYYY-MM-DD. */
export type EnrolmentFacts = {
  schoolType: SchoolType;
  startDate: string;
  endDate: string | null;
  endReason: EndReason | null;
  qualification: Qualification | null;
};

/** What the newest population list and all enrolment lists say about one person. */
export type PersonFacts = {
  birthDate: string;
  /** Municipality code in the newest population snapshot, or null when the person is not in it. */
  municipalityCode: string | null;
  registeredSince: string | null;
  enrolments: EnrolmentFacts[];
};

/** The rules, in the order they are checked. */
export const RULES = {
  registeredInMunicipality: 'registered in the municipality (folkbokförd) on the date',
  under20: 'has not turned 20',
  finishedCompulsorySchool: 'has finished compulsory school, or is past compulsory-school age without a compulsory-school enrolment',
  notInUpperSecondary: 'is not in an active upper-secondary enrolment (GY or GYAN, introduction programmes included)',
  noQualification: 'has no upper-secondary diploma, gymnasiesärskolebevis or equivalent (a studiebevis alone does not count)',
} as const;
export type RuleKey = keyof typeof RULES;

export type Eligibility =
  | { inRegister: true; reason: EntryReason }
  | { inRegister: false; failedRule: RuleKey; leaveReason: LeaveReason };

const UPPER_SECONDARY: SchoolType[] = ['GY', 'GYAN'];
const COMPULSORY: SchoolType[] = ['GR', 'GRAN'];
const FINAL_QUALIFICATIONS: Qualification[] = ['examen', 'gymnasiesarskolebevis', 'equivalent'];

const activeOn = (e: EnrolmentFacts, day: string) => e.startDate <= day && (e.endDate === null || e.endDate >= day);
const endedBy = (e: EnrolmentFacts, day: string) => e.endDate !== null && e.endDate <= day;

/** Compulsory-school age ends on 1 July of the year the person turns 16 (end of year 9). */
export function pastCompulsorySchoolAge(birthDate: string, day: string): boolean {
  return day >= `${Number(birthDate.slice(0, 4)) + 16}-07-01`;
}

/** Decides whether the person is in the register of `municipalityCode` on `day`, and why. */
export function eligibility(facts: PersonFacts, municipalityCode: string, day: string): Eligibility {
  const known = facts.enrolments.filter((e) => e.startDate <= day);
  if (facts.municipalityCode !== municipalityCode) return { inRegister: false, failedRule: 'registeredInMunicipality', leaveReason: 'moved_out' };
  if (ageOn(facts.birthDate, new Date(`${day}T12:00:00Z`)) >= 20) return { inRegister: false, failedRule: 'under20', leaveReason: 'turned_20' };

  const compulsory = known.filter((e) => COMPULSORY.includes(e.schoolType));
  // Compulsory school is behind a person who completed it, or who is past compulsory-school age
  // and no longer in it (having left without completing counts too).
  const finishedCompulsory =
    compulsory.some((e) => endedBy(e, day) && e.endReason === 'completed') ||
    (pastCompulsorySchoolAge(facts.birthDate, day) && !compulsory.some((e) => activeOn(e, day)));
  if (!finishedCompulsory) return { inRegister: false, failedRule: 'finishedCompulsorySchool', leaveReason: 'other' };

  const upperSecondary = known.filter((e) => UPPER_SECONDARY.includes(e.schoolType));
  if (upperSecondary.some((e) => activeOn(e, day))) return { inRegister: false, failedRule: 'notInUpperSecondary', leaveReason: 'started_upper_secondary' };
  if (known.some((e) => endedBy(e, day) && e.qualification !== null && FINAL_QUALIFICATIONS.includes(e.qualification))) {
    return { inRegister: false, failedRule: 'noQualification', leaveReason: 'completed' };
  }
  return { inRegister: true, reason: entryReason(facts, upperSecondary, day) };
}

/** Why a person who is in the register came to be there. */
function entryReason(facts: PersonFacts, upperSecondary: EnrolmentFacts[], day: string): EntryReason {
  const ended = upperSecondary.filter((e) => endedBy(e, day)).sort((a, b) => (a.endDate! < b.endDate! ? 1 : -1));
  const last = ended[0];
  const becameEligible = last?.endDate ?? `${Number(facts.birthDate.slice(0, 4)) + 16}-07-01`;
  if (facts.registeredSince && facts.registeredSince > becameEligible) return 'moved_in';
  if (!last) return 'never_started';
  if (last.qualification === 'studiebevis') return 'certificate_only';
  if (last.endReason === 'interrupted' || last.endReason === 'transferred' || last.endReason === 'other') return 'dropped_out';
  return 'other';
}
