/**
 * Who is in a municipality's KAA register on a given day (skollagen 29 kap. 9 §), as pure rules over
 * what the source lists say about one person. Each rule has a key; tests name the rule they check,
 * and a register period records the rule that decided it.
 */
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
  finishedCompulsorySchool:
    'has finished compulsory school, or is past compulsory-school age without a compulsory-school enrolment',
  notInUpperSecondary: 'is not in an active upper-secondary enrolment (GY or GYAN, introduction programmes included)',
  noQualification:
    'has no upper-secondary diploma, gymnasiesärskolebevis or equivalent (a studiebevis alone does not count)',
} as const;
export type RuleKey = keyof typeof RULES;

export type Eligibility =
  { inRegister: true; reason: EntryReason } | { inRegister: false; failedRule: RuleKey; leaveReason: LeaveReason };

const UPPER_SECONDARY: ReadonlySet<SchoolType> = new Set(['GY', 'GYAN']);
const COMPULSORY: ReadonlySet<SchoolType> = new Set(['GR', 'GRAN']);
const FINAL_QUALIFICATIONS: ReadonlySet<Qualification | null> = new Set([
  'examen',
  'gymnasiesarskolebevis',
  'equivalent',
]);

/** Compulsory-school age ends on 1 July of the year the person turns 16 (end of year 9). */
export function pastCompulsorySchoolAge(birthDate: string, day: string): boolean {
  return day >= compulsorySchoolAgeEnds(birthDate);
}

const compulsorySchoolAgeEnds = (birthDate: string) => `${Number(birthDate.slice(0, 4)) + 16}-07-01`;

/** The day a person born on `birthDate` turns `years` (one born on 29 February, on 1 March in other years). */
const birthday = (birthDate: string, years: number) => `${Number(birthDate.slice(0, 4)) + years}${birthDate.slice(4)}`;

/**
 * True when a person born on `birthDate` is of an age the KAA can concern on `day`: born by then and
 * not yet 20. A case is opened only for such a person (an identity number with "+" is of someone 100 or older).
 */
export function withinKaaAge(birthDate: string, day: string): boolean {
  return birthDate <= day && day < birthday(birthDate, 20);
}

/** Verdicts that need no detail of their own, made once. */
const OUT = {
  registeredInMunicipality: { inRegister: false, failedRule: 'registeredInMunicipality', leaveReason: 'moved_out' },
  under20: { inRegister: false, failedRule: 'under20', leaveReason: 'turned_20' },
  finishedCompulsorySchool: { inRegister: false, failedRule: 'finishedCompulsorySchool', leaveReason: 'other' },
  notInUpperSecondary: { inRegister: false, failedRule: 'notInUpperSecondary', leaveReason: 'started_upper_secondary' },
  noQualification: { inRegister: false, failedRule: 'noQualification', leaveReason: 'completed' },
} as const satisfies Record<RuleKey, Eligibility>;

/**
 * Decides whether the person is in the register of `municipalityCode` on `day`, and why. One pass
 * over the enrolments gathers what the rules ask; enrolments that start after `day` are not known
 * yet. An enrolment is active on a day from its start to its end date, both included, and has
 * ended by a day on or after its end date.
 */
export function eligibility(facts: PersonFacts, municipalityCode: string, day: string): Eligibility {
  if (facts.municipalityCode !== municipalityCode) return OUT.registeredInMunicipality;
  if (day >= birthday(facts.birthDate, 20)) return OUT.under20;

  let inCompulsory = false;
  let completedCompulsory = false;
  let inUpperSecondary = false;
  let qualified = false;
  /** The upper-secondary enrolment that ended last (the first of equals), for the entry reason. */
  let lastUpperSecondary: EnrolmentFacts | null = null;
  for (const e of facts.enrolments) {
    if (e.startDate > day) continue;
    const active = e.endDate === null || e.endDate >= day;
    const ended = e.endDate !== null && e.endDate <= day;
    if (COMPULSORY.has(e.schoolType)) {
      inCompulsory ||= active;
      completedCompulsory ||= ended && e.endReason === 'completed';
    } else if (UPPER_SECONDARY.has(e.schoolType)) {
      inUpperSecondary ||= active;
      if (ended && (lastUpperSecondary === null || e.endDate! > lastUpperSecondary.endDate!)) lastUpperSecondary = e;
    }
    qualified ||= ended && FINAL_QUALIFICATIONS.has(e.qualification);
  }

  // Compulsory school is behind a person who completed it, or who is past compulsory-school age
  // and no longer in it (having left without completing counts too).
  if (!completedCompulsory && !(pastCompulsorySchoolAge(facts.birthDate, day) && !inCompulsory))
    return OUT.finishedCompulsorySchool;
  if (inUpperSecondary) return OUT.notInUpperSecondary;
  if (qualified) return OUT.noQualification;
  return { inRegister: true, reason: entryReason(facts, lastUpperSecondary) };
}

/** Why a person who is in the register came to be there. */
function entryReason(facts: PersonFacts, last: EnrolmentFacts | null): EntryReason {
  const becameEligible = last?.endDate ?? compulsorySchoolAgeEnds(facts.birthDate);
  if (facts.registeredSince && facts.registeredSince > becameEligible) return 'moved_in';
  if (!last) return 'never_started';
  if (last.qualification === 'studiebevis') return 'certificate_only';
  if (last.endReason === 'interrupted' || last.endReason === 'transferred' || last.endReason === 'other')
    return 'dropped_out';
  return 'other';
}
