/**
 * How the demo's closed cases ended: an outcome from core's code list that fits why the young person
 * left the register, the occupation it implies, a closing note, and the follow-ups after closure at
 * the default months (those already due partly recorded), as the closing and follow-up use cases write them.
 */
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_FOLLOW_UP_MONTHS,
  followUpsAfter,
  occupationForOutcome,
  type FollowUpResult,
  type Outcome,
} from '../../core/outcomes.js';
import { OCCUPATION_CODE_LIST, type Occupation } from '../../core/outreach.js';
import { eventRow } from '../db/events.js';

/** Outcomes of cases closed for another reason than the register's, in turn. */
const OTHER_OUTCOMES: readonly Outcome[] = [
  'work',
  'employment_service',
  'other_authority',
  'care',
  'declined',
  'never_reached',
  'other',
  'work',
];

const NOTES: Partial<Record<Outcome, string>> = {
  work: 'Har fått anställning via praktikplatsen.',
  studies: 'Börjar på gymnasiet till hösten, har kontakt med mentor.',
  employment_service: 'Inskriven hos Arbetsförmedlingen, överlämning gjord.',
  care: 'Får stöd via socialtjänsten; vi har lämnat över.',
  declined: 'Vill inte ha stöd just nu. Vet att hen kan höra av sig.',
};

/** The closing of demo case `i`, left the register for `leaveReason` (null for a young adult) on `left`. */
export function demoClosing(i: number, leaveReason: string | null, left: Date) {
  const outcome: Outcome =
    leaveReason === 'turned_20'
      ? 'turned_20'
      : leaveReason === 'moved_out'
        ? 'moved'
        : leaveReason === 'started_upper_secondary'
          ? 'studies'
          : leaveReason === null
            ? (['work', 'employment_service', 'other'] as const)[i % 3]!
            : OTHER_OUTCOMES[(i >> 1) % OTHER_OUTCOMES.length]!;
  return {
    outcome,
    closedOn: left.toISOString().slice(0, 10),
    occupation: occupationForOutcome(outcome),
    note: NOTES[outcome] ?? null,
  };
}

/**
 * Plans the follow-ups of a case closed on `closedOn`; of those due by today, the 6-month one of a case
 * closed over a year ago is recorded (with its timeline event), the rest wait in the follow-up queue.
 */
export function demoFollowUps(
  rows: Record<string, unknown>[],
  events: ReturnType<typeof eventRow>[],
  c: { m: string; personId: string; caseId: string; closedOn: string; today: Date; recorder: string | null },
) {
  const today = c.today.toISOString().slice(0, 10);
  const plan = followUpsAfter(c.closedOn, DEFAULT_FOLLOW_UP_MONTHS);
  const yearDue = plan.some((f) => f.months === 12 && f.dueOn <= today);
  for (const f of plan) {
    const id = randomUUID();
    const record = yearDue && f.months === 6 && c.recorder !== null;
    const result: FollowUpResult = 'same_occupation';
    const occupation: Occupation = 'work';
    rows.push({
      id,
      municipality_id: c.m,
      person_id: c.personId,
      case_id: c.caseId,
      months: f.months,
      due_on: f.dueOn,
      ...(record && {
        result,
        occupation,
        occupation_list_version: OCCUPATION_CODE_LIST.version,
        note: 'Jobbar kvar, trivs.',
        recorded_on: f.dueOn,
        recorded_by: c.recorder,
      }),
    });
    if (record)
      events.push(
        eventRow(
          {
            id: randomUUID(),
            municipality_id: c.m,
            person_id: c.personId,
            case_id: c.caseId,
            actor_id: c.recorder,
            occurred_at: new Date(`${f.dueOn}T10:00:00Z`),
          },
          'follow_up_recorded',
          { followUpId: id, months: f.months, result, occupation },
        ),
      );
  }
}
