/**
 * The outreach part of the demo municipality: contact attempts at every stage (already on the
 * timeline as events), each register person's next step, a centre, settings with a phone number
 * and a neutral return address, a letter template of the municipality's own, meetings, drop-in
 * hours and announced home visits. Like the rest of the demo it adds nothing when run again.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  addDays,
  DEFAULT_OUTREACH_SETTINGS,
  isUnder18,
  proposeNextStep,
  SCHOOL_ENTRY_REASONS,
  type AttemptChannel,
  type AttemptOutcome,
} from '../../core/outreach.js';
import type { Database } from '../db/types.js';

const CENTRE = 'Ungdomstorget';
const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

type Input = {
  today: Date;
  /** Attempt rows as demo.ts built them, already on the timeline as events. */
  attempts: {
    id: string;
    municipality_id: string;
    person_id: string;
    period_id: string;
    event_id: string;
    staff_id: string;
    channel: string;
    outcome: string;
    occupation: string | null;
    occupation_list_version: number | null;
    at: Date;
  }[];
  persons: { id: string; birth_date: string }[];
  periods: { id: string; person_id: string; entered_on: string; entry_reason: string; left_on: string | null }[];
  staff: { coaches: string[]; coordinator: string; colleague: string };
};

/** At `hour` o'clock UTC, `days` days after `today`. */
function at(today: Date, days: number, hour: number): Date {
  const d = new Date(today.getTime() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
}

/** Adds the outreach demo data for the persons added in this run; returns a summary line. */
export async function fillOutreachDemo(
  trx: Transaction<Database>,
  municipalityId: string,
  input: Input,
): Promise<string> {
  const { today, staff } = input;
  await trx
    .insertInto('outreach_settings')
    .values({
      municipality_id: municipalityId,
      settings: JSON.stringify({
        ...DEFAULT_OUTREACH_SETTINGS,
        contactPhone: '031-792 00 00',
        returnAddress: 'Box 100, 433 21 Partille',
      }),
    })
    .onConflict((oc) => oc.column('municipality_id').doNothing())
    .execute();
  await trx
    .insertInto('message_templates')
    .values({
      municipality_id: municipalityId,
      kind: 'letter',
      language: 'sv',
      heading: 'Hej {{name}}!',
      body:
        'Vi på Ungdomstorget försöker nå dig för att höra hur du har det och vad du gör just nu. Vi kan hjälpa ' +
        'dig med studier, praktik eller jobb, och det är alltid frivilligt.\n\nRing eller sms:a {{contactPerson}} på ' +
        '{{phone}}, eller kom förbi på drop-in på onsdagar klockan 13–16.',
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'kind', 'language']).doNothing())
    .execute();
  await trx
    .insertInto('centres')
    .values({ municipality_id: municipalityId, name: CENTRE })
    .onConflict((oc) => oc.columns(['municipality_id', 'name']).doNothing())
    .execute();
  if (input.persons.length === 0) return 'nothing new';
  const centre = await trx
    .selectFrom('centres')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('name', '=', CENTRE)
    .executeTakeFirstOrThrow();

  for (let i = 0; i < input.attempts.length; i += 500)
    await trx
      .insertInto('contact_attempts')
      .values(input.attempts.slice(i, i + 500))
      .execute();

  // Each person in the register gets Lotsa's proposal, as recording the attempts would have left it.
  const birth = new Map(input.persons.map((p) => [p.id, p.birth_date]));
  const todayIso = dateOnly(today);
  const steps = input.periods
    .filter((p) => !p.left_on)
    .map((p) => {
      const next = proposeNextStep({
        enteredOn: p.entered_on,
        fromSchool: SCHOOL_ENTRY_REASONS.includes(p.entry_reason),
        under18: isUnder18(birth.get(p.person_id)!, todayIso),
        attempts: input.attempts
          .filter((a) => a.period_id === p.id)
          .map((a) => ({
            channel: a.channel as AttemptChannel,
            outcome: a.outcome as AttemptOutcome,
            on: dateOnly(a.at),
          })),
        settings: DEFAULT_OUTREACH_SETTINGS,
      });
      return {
        person_id: p.person_id,
        municipality_id: municipalityId,
        period_id: p.id,
        channel: next?.channel ?? null,
        due_on: next?.dueOn ?? null,
      };
    });
  for (let i = 0; i < steps.length; i += 500)
    await trx
      .insertInto('next_steps')
      .values(steps.slice(i, i + 500))
      .execute();

  // Meetings with some of those reached, home visits for two who were not, and weekly drop-in hours.
  const [coach] = staff.coaches;
  const reached = steps.filter((s) => s.channel === null).slice(0, 4);
  const unreached = steps
    .filter((s) => s.channel !== null && s.channel !== 'verify_school' && s.channel !== 'known_elsewhere')
    .slice(0, 2);
  const meetings = [
    ...reached.map((s, n) => ({
      kind: 'meeting' as const,
      starts_at: at(today, n + 1, 8 + n),
      ends_at: at(today, n + 1, 9 + n),
      staff_id: coach!,
      second_staff_id: null,
      centre_id: centre.id,
      person_id: s.person_id,
      notice_due_on: null,
    })),
    ...unreached.map((s, n) => {
      const starts = at(today, 6 + n, 14);
      return {
        kind: 'home_visit' as const,
        starts_at: starts,
        ends_at: at(today, 6 + n, 15),
        staff_id: coach!,
        second_staff_id: staff.colleague,
        centre_id: null,
        person_id: s.person_id,
        notice_due_on: addDays(dateOnly(starts), -DEFAULT_OUTREACH_SETTINGS.homeVisitNoticeDays),
      };
    }),
    ...[0, 7].map((week) => ({
      kind: 'drop_in' as const,
      starts_at: at(today, week + 2, 12),
      ends_at: at(today, week + 2, 15),
      staff_id: staff.colleague,
      second_staff_id: null,
      centre_id: centre.id,
      person_id: null,
      notice_due_on: null,
    })),
  ];
  await trx
    .insertInto('meetings')
    .values(
      meetings.map((m) => ({ ...m, id: randomUUID(), municipality_id: municipalityId, created_by: staff.coordinator })),
    )
    .execute();
  return `${input.attempts.length} contact attempts, ${steps.length} next steps, ${meetings.length} meetings`;
}
