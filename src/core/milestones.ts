/**
 * A case's milestones, the steps the outcome report measures from and to (issue 15): where the case
 * starts, and its first conversation, completed assessment and measure from that start, and what the
 * register says of the diploma by the closing day. Pure: the database keeps these on each case by
 * triggers (migration 20261224100000, `lotsa_case_milestones`), and a test holds that SQL to this rule
 * (`outcome-milestones.test.ts`).
 */
import { diplomaFromRegister, type DiplomaPeriod } from './figures.js';

/** What a case's milestones are computed from; every day is YYYY-MM-DD in Swedish time. */
export type MilestoneFacts = {
  /** The day the case was opened. */
  openedOn: string;
  /** The closing day; null while the case is open (computed as if it never closes). */
  closedOn: string | null;
  /** The person's register periods in the case's municipality. */
  periods: readonly DiplomaPeriod[];
  /** The days of the person's conversations (core/outreach's `CONVERSATION_OUTCOMES`), in any municipality. */
  conversationDays: readonly string[];
  /** The days the person's assessments in the case's municipality were completed (drafts left out). */
  assessmentDays: readonly string[];
  /** The days the person's measures start. */
  measureDays: readonly string[];
};

/** A case's milestones; null where there is none yet. */
export type CaseMilestones = {
  startedOn: string;
  firstContactOn: string | null;
  assessedOn: string | null;
  firstMeasureOn: string | null;
  registerDiploma: 'yes' | 'no' | null;
};

/** A day after every day Lotsa records: the "until" of a case still open. */
const NEVER = '9999-12-31';

/** The earliest of `days` on or after `from`, or null. */
function firstFrom(days: readonly string[], from: string): string | null {
  return days.filter((d) => d >= from).reduce<string | null>((a, d) => (a === null || d < a ? d : a), null);
}

/**
 * A case's milestones. It starts on the register entry of the person's period open on the opening day
 * (the latest entry, if periods overlap), so a young person of the activity responsibility is measured
 * from entering the register; else on the opening day. The first conversation, completed assessment and
 * measure are the first on or after the start. Only periods entered by the closing day count, and the
 * register's diploma is core's `diplomaFromRegister` on the closing day.
 */
export function caseMilestones(f: MilestoneFacts): CaseMilestones {
  const until = f.closedOn ?? NEVER;
  const periods = f.periods.filter((p) => p.enteredOn <= until);
  const openOnOpening = periods.filter(
    (p) => p.enteredOn <= f.openedOn && (p.leftOn === null || p.leftOn >= f.openedOn),
  );
  const entered = openOnOpening.reduce<string | null>(
    (a, p) => (a === null || p.enteredOn > a ? p.enteredOn : a),
    null,
  );
  const startedOn = entered ?? f.openedOn;
  return {
    startedOn,
    firstContactOn: firstFrom(f.conversationDays, startedOn),
    assessedOn: firstFrom(f.assessmentDays, startedOn),
    firstMeasureOn: firstFrom(f.measureDays, startedOn),
    registerDiploma: diplomaFromRegister(periods, until),
  };
}
