/**
 * A person's next step on the contact ladder. Lotsa proposes it from the attempts of the open
 * register period (core's proposeNextStep) and stores it in `next_steps`, where a coach may
 * override it with a reason; the next attempt brings back Lotsa's proposal.
 */
import {
  isUnder18,
  proposeNextStep,
  SCHOOL_ENTRY_REASONS,
  type AttemptChannel,
  type AttemptOutcome,
  type NextStep,
  type OutreachSettings,
} from '../../../core/outreach.js';
import { todayInSweden } from '../../../core/dates.js';
import type { Db } from '../../db/connection.js';
import { periodAttempts, upsertProposedNextStep } from './contact.queries.js';

type Period = { id: string; entered_on: string; entry_reason: string };

/** What a proposal is made from: the person, their open period, the settings, and the day (YYYY-MM-DD). */
type ProposalInput = {
  person: { id: string; birth_date: string };
  period: Period;
  settings: OutreachSettings;
  today: string;
};

/** Lotsa's proposal on `today` (YYYY-MM-DD) for a person in `period`, from the attempts recorded in it. */
export async function proposalFor(db: Db, { person, period, settings, today }: ProposalInput): Promise<NextStep> {
  const attempts = await periodAttempts(db, period.id);
  return proposeNextStep({
    enteredOn: period.entered_on,
    fromSchool: SCHOOL_ENTRY_REASONS.includes(period.entry_reason),
    under18: isUnder18(person.birth_date, today),
    attempts: attempts.map((a) => ({
      channel: a.channel as AttemptChannel,
      outcome: a.outcome as AttemptOutcome,
      on: todayInSweden(a.at),
    })),
    settings,
  });
}

/** Replaces the stored next step of a person in `period` with Lotsa's proposal on `today`; returns it. */
export async function refreshNextStep(
  db: Db,
  { municipalityId, ...input }: ProposalInput & { municipalityId: string },
): Promise<NextStep> {
  const { person, period } = input;
  const next = await proposalFor(db, input);
  const values = {
    period_id: period.id,
    channel: next?.channel ?? null,
    due_on: next?.dueOn ?? null,
    override_reason: null,
    set_by: null,
  };
  await upsertProposedNextStep(db, { personId: person.id, municipalityId }, values);
  return next;
}
