/**
 * A person's next step on the contact ladder. Lotsa proposes it from the attempts of the open
 * register period (core's proposeNextStep) and stores it in `next_steps`, where a coach may
 * override it with a reason; the next attempt brings back Lotsa's proposal.
 */
import { sql } from 'kysely';
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

/** The person's open register period, if they are in the register. */
export function openPeriod(db: Db, personId: string) {
  return db
    .selectFrom('register_periods')
    .select(['id', 'entered_on', 'entry_reason'])
    .where('person_id', '=', personId)
    .where('left_on', 'is', null)
    .executeTakeFirst();
}

type Period = { id: string; entered_on: string; entry_reason: string };

/** Lotsa's proposal on `today` (YYYY-MM-DD) for a person in `period`, from the attempts recorded in it. */
export async function proposalFor(
  db: Db,
  person: { id: string; birth_date: string },
  period: Period,
  settings: OutreachSettings,
  today: string,
): Promise<NextStep> {
  const attempts = await db
    .selectFrom('contact_attempts')
    .select(['channel', 'outcome', 'at'])
    .where('period_id', '=', period.id)
    .orderBy('at')
    .execute();
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
  municipalityId: string,
  person: { id: string; birth_date: string },
  period: Period,
  settings: OutreachSettings,
  today: string,
): Promise<NextStep> {
  const next = await proposalFor(db, person, period, settings, today);
  const values = {
    period_id: period.id,
    channel: next?.channel ?? null,
    due_on: next?.dueOn ?? null,
    override_reason: null,
    set_by: null,
  };
  await db
    .insertInto('next_steps')
    .values({ person_id: person.id, municipality_id: municipalityId, ...values })
    .onConflict((oc) =>
      oc.column('person_id').doUpdateSet({ ...values, updated_at: sql`now()`, version: sql`next_steps.version + 1` }),
    )
    .execute();
  return next;
}

/** The stored next step for the period, or undefined when none has been stored for it yet. */
export function storedNextStep(db: Db, personId: string, periodId: string) {
  return db
    .selectFrom('next_steps')
    .select(['channel', 'due_on', 'override_reason', 'version'])
    .where('person_id', '=', personId)
    .where('period_id', '=', periodId)
    .executeTakeFirst();
}
