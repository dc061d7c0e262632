/**
 * The outcome report's milestones kept on the cases by triggers (migration 20261224100000) against the
 * same rule computed straight from the tables (`outcomeCaseStepsDirect`) and against core's rule
 * (`caseMilestones`) over the rows each case is computed from, over hand-made cases and after each kind of
 * write that moves a milestone: every case's milestones, and the report's steps, groups and medians agree.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../core/dates.js';
import { caseMilestones } from '../../../core/milestones.js';
import { CONVERSATION_OUTCOMES } from '../../../core/outreach.js';
import { storedAsIs } from '../../db/events.js';
import { testIdentityNumberAged } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { currentManualFor } from '../assessments/assessment-manual.service.js';
import { outcomeCaseSteps, outcomeCaseStepsDirect, outcomeGroups } from './reports.queries.js';

let h: Harness;
let m: string;
const year = { from: '2026-01-01', to: '2026-12-31' };
const MONTHS = 5;

async function person(age: number, municipalityId = m): Promise<string> {
  const pnr = testIdentityNumberAged(age, '2026-06-01');
  const birth = `${pnr.slice(0, 4)}-${pnr.slice(4, 6)}-${pnr.slice(6, 8)}`;
  const { id } = await h.db
    .insertInto('persons')
    .values({
      municipality_id: municipalityId,
      personal_identity_number: pnr,
      birth_date: birth,
      given_name: 'Milstolpe',
      family_name: 'Testsson',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function openCase(personId: string, openedAt: string, municipalityId = m): Promise<string> {
  const { id } = await h.db
    .insertInto('cases')
    .values({ municipality_id: municipalityId, person_id: personId, status: 'active', opened_at: openedAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function close(
  caseId: string,
  closedOn: string,
  outcome = 'work',
  diploma: 'yes' | 'no' | 'unknown' = 'unknown',
) {
  await h.db
    .updateTable('cases')
    .set({
      status: 'closed',
      closed_at: new Date(`${closedOn}T15:00:00+01:00`),
      closed_on: closedOn,
      outcome,
      outcome_list_version: '2026-12',
      upper_secondary_diploma: diploma,
    })
    .where('id', '=', caseId)
    .execute();
}

async function period(personId: string, enteredOn: string, leftOn?: string, leaveReason?: string, municipalityId = m) {
  const { id } = await h.db
    .insertInto('register_periods')
    .values({
      municipality_id: municipalityId,
      person_id: personId,
      entered_on: enteredOn,
      entry_reason: 'dropped_out',
      left_on: leftOn ?? null,
      leave_reason: leaveReason ?? null,
      source: '{}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function attempt(personId: string, at: string, outcome = 'reached') {
  const event = await h.db
    .insertInto('events')
    .values({ municipality_id: m, person_id: personId, type: 'contact_attempt', payload: storedAsIs({}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await h.db
    .insertInto('contact_attempts')
    .values({
      municipality_id: m,
      person_id: personId,
      event_id: event.id,
      channel: 'phone',
      outcome,
      at: new Date(at),
      staff_id: h.as.coordinator.staffId,
    })
    .execute();
}

let assessmentNumber = 0;
async function assessment(personId: string, completedOn: string, status: 'draft' | 'completed' = 'completed') {
  const manual = await currentManualFor(h.db, m);
  const { id } = await h.db
    .insertInto('assessments')
    .values({
      municipality_id: m,
      person_id: personId,
      manual_id: manual.id,
      number: ++assessmentNumber,
      status,
      completed_on: status === 'completed' ? completedOn : null,
      highest_education: 'compulsory',
      diploma: 'unknown',
      needs: JSON.stringify([]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

let offerId: string;
async function measure(personId: string, startsOn: string) {
  const { id } = await h.db
    .insertInto('measures')
    .values({ municipality_id: m, person_id: personId, offer_id: offerId, starts_on: startsOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Every closed case's steps by both computations, by case. */
async function steps() {
  const read = async (s: ReturnType<typeof outcomeCaseSteps>) =>
    (
      await sql<Record<string, unknown>>`with ${s}
        select id, started_on::text, first_contact::text, assessed::text, first_measure::text, closed_on::text,
          gender, age_band, without_diploma, diploma_unknown, problems, in_time
        from derived order by id`.execute(h.db)
    ).rows;
  return {
    kept: await read(outcomeCaseSteps(m, year, MONTHS)),
    direct: await read(outcomeCaseStepsDirect(m, year, MONTHS)),
  };
}

/** Every case of the municipality, open or closed: its kept milestones, and core's rule over its rows. */
async function milestonesByRule() {
  const cases = await h.db
    .selectFrom('cases')
    .select(['id', 'person_id', 'opened_at', 'register_diploma'])
    .select([
      sql<string | null>`closed_on::text`.as('closed_on'),
      sql<string | null>`started_on::text`.as('started_on'),
      sql<string | null>`first_contact_on::text`.as('first_contact_on'),
      sql<string | null>`assessed_on::text`.as('assessed_on'),
      sql<string | null>`first_measure_on::text`.as('first_measure_on'),
    ])
    .where('municipality_id', '=', m)
    .orderBy('id')
    .execute();
  const kept = [];
  const rule = [];
  for (const c of cases) {
    const periods = await h.db
      .selectFrom('register_periods')
      .select([sql<string>`entered_on::text`.as('enteredOn'), sql<string | null>`left_on::text`.as('leftOn')])
      .select('leave_reason as leaveReason')
      .where('person_id', '=', c.person_id)
      .where('municipality_id', '=', m)
      .execute();
    const conversations = await h.db
      .selectFrom('contact_attempts')
      .select('at')
      .where('person_id', '=', c.person_id)
      .where('outcome', 'in', [...CONVERSATION_OUTCOMES])
      .execute();
    const assessments = await h.db
      .selectFrom('assessments')
      .select(sql<string>`completed_on::text`.as('day'))
      .where('person_id', '=', c.person_id)
      .where('municipality_id', '=', m)
      .where('status', '=', 'completed')
      .execute();
    const measures = await h.db
      .selectFrom('measures')
      .select(sql<string>`starts_on::text`.as('day'))
      .where('person_id', '=', c.person_id)
      .execute();
    kept.push({
      id: c.id,
      startedOn: c.started_on,
      firstContactOn: c.first_contact_on,
      assessedOn: c.assessed_on,
      firstMeasureOn: c.first_measure_on,
      registerDiploma: c.register_diploma,
    });
    rule.push({
      id: c.id,
      ...caseMilestones({
        openedOn: todayInSweden(new Date(c.opened_at)),
        closedOn: c.closed_on,
        periods,
        conversationDays: conversations.map((a) => todayInSweden(new Date(a.at!))),
        assessmentDays: assessments.map((a) => a.day),
        measureDays: measures.map((a) => a.day),
      }),
    });
  }
  return { kept, rule };
}

async function expectSame() {
  const { kept, direct } = await steps();
  expect(kept).toEqual(direct);
  const byRule = await milestonesByRule();
  expect(byRule.kept.length).toBeGreaterThan(0);
  expect(byRule.kept).toEqual(byRule.rule);
  const sorted = (g: Awaited<ReturnType<typeof outcomeGroups>>) => ({
    ...g,
    groups: [...g.groups].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  });
  expect(sorted(await outcomeGroups(h.db, m, year, MONTHS))).toEqual(
    sorted(await outcomeGroups(h.db, m, year, MONTHS, {}, { direct: true })),
  );
  return kept;
}

const ids: Record<string, string> = {};
const persons: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  m = h.municipalityId;
  offerId = (
    await h.db
      .insertInto('offers')
      .values({
        municipality_id: m,
        name: 'Vägledning',
        kind: 'guidance',
        kind_list_version: '2026-12',
        provider_name: 'X',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

  // A: in the register from 10 January when the case opens on 15 January; a conversation before the start (not
  // counted), an attempt not reached, a conversation at 00:30 Swedish time on 1 February (31 January in UTC);
  // a draft and a completed assessment; a measure before the start and one after.
  persons.a = await person(17);
  await period(persons.a, '2026-01-10');
  await attempt(persons.a, '2026-01-05T10:00:00+01:00');
  await attempt(persons.a, '2026-01-20T10:00:00+01:00', 'not_reached');
  await attempt(persons.a, '2026-01-31T23:30:00Z');
  await assessment(persons.a, '2026-02-10', 'draft');
  await assessment(persons.a, '2026-02-20');
  await measure(persons.a, '2026-01-01');
  await measure(persons.a, '2026-03-01');
  ids.a = await openCase(persons.a, '2026-01-15T09:00:00+01:00');
  await close(ids.a, '2026-04-01', 'work');

  // B: no register period; the case opens at 23:30 UTC on 1 March, 2 March in Sweden; studies after 7 months.
  persons.b = await person(19);
  ids.b = await openCase(persons.b, '2026-03-01T23:30:00Z');
  await attempt(persons.b, '2026-03-02T08:00:00+01:00');
  await close(ids.b, '2026-10-15', 'studies', 'no');

  // C: a period entered after the case opened and left completed before closing (the lists say yes); one
  // entered after the closing day (not counted); a period in another municipality (not counted).
  persons.c = await person(18);
  ids.c = await openCase(persons.c, '2026-02-01T09:00:00+01:00');
  await period(persons.c, '2026-02-10', '2026-05-01', 'completed');
  await close(ids.c, '2026-06-01', 'declined');
  await period(persons.c, '2026-07-01');

  // D: a closed case and the case that takes the person on again, each with its own start.
  persons.d = await person(21);
  await period(persons.d, '2025-09-01', '2026-03-01', 'moved_out');
  ids.d1 = await openCase(persons.d, '2025-10-01T09:00:00+01:00');
  await close(ids.d1, '2026-02-01', 'employment_service');
  ids.d2 = await openCase(persons.d, '2026-04-01T09:00:00+01:00');
  await close(ids.d2, '2026-08-01', 'work', 'yes');
});
afterAll(() => h.close());

describe('the milestones kept on the cases', () => {
  it('equal the straight computation over hand-made cases', async () => {
    const kept = await expectSame();
    const byId = Object.fromEntries(kept.map((r) => [r.id, r]));
    expect(byId[ids.a!]).toMatchObject({
      started_on: '2026-01-10',
      first_contact: '2026-02-01',
      assessed: '2026-02-20',
      first_measure: '2026-03-01',
      in_time: true,
    });
    expect(byId[ids.b!]).toMatchObject({ started_on: '2026-03-02', first_contact: '2026-03-02', in_time: false });
    expect(byId[ids.c!]).toMatchObject({ started_on: '2026-02-01', diploma_unknown: false, without_diploma: false });
    expect(byId[ids.d1!]).toMatchObject({ started_on: '2025-09-01', without_diploma: true });
    expect(byId[ids.d2!]).toMatchObject({ started_on: '2026-04-01' });
  });

  it('follow every write that moves a milestone', async () => {
    // A conversation and a measure written after the case was closed.
    await attempt(persons.b!, '2026-03-01T10:00:00+01:00');
    await measure(persons.b!, '2026-05-01');
    let byId = Object.fromEntries((await expectSame()).map((r) => [r.id, r]));
    expect(byId[ids.b!]).toMatchObject({ first_contact: '2026-03-02', first_measure: '2026-05-01' });

    // A register period recorded afterwards that was open on the opening day moves the start.
    const late = await period(persons.b!, '2026-02-01', '2026-12-01', 'turned_20');
    byId = Object.fromEntries((await expectSame()).map((r) => [r.id, r]));
    expect(byId[ids.b!]).toMatchObject({ started_on: '2026-02-01', first_contact: '2026-03-01' });
    // Its days corrected, and then removed.
    await h.db.updateTable('register_periods').set({ entered_on: '2026-02-15' }).where('id', '=', late).execute();
    expect(Object.fromEntries((await expectSame()).map((r) => [r.id, r]))[ids.b!]).toMatchObject({
      started_on: '2026-02-15',
    });
    await h.db.deleteFrom('register_periods').where('id', '=', late).execute();
    expect(Object.fromEntries((await expectSame()).map((r) => [r.id, r]))[ids.b!]).toMatchObject({
      started_on: '2026-03-02',
    });

    // An assessment completed, one moved, a measure moved and one deleted.
    const draft = await assessment(persons.c!, '2026-01-01', 'draft');
    await h.db
      .updateTable('assessments')
      .set({ status: 'completed', completed_on: '2026-03-03' })
      .where('id', '=', draft)
      .execute();
    const first = await measure(persons.c!, '2026-04-01');
    await measure(persons.c!, '2026-05-05');
    byId = Object.fromEntries((await expectSame()).map((r) => [r.id, r]));
    expect(byId[ids.c!]).toMatchObject({ assessed: '2026-03-03', first_measure: '2026-04-01' });
    await h.db.updateTable('measures').set({ starts_on: '2026-01-15' }).where('id', '=', first).execute();
    byId = Object.fromEntries((await expectSame()).map((r) => [r.id, r]));
    expect(byId[ids.c!]).toMatchObject({ first_measure: '2026-05-05' });
    await h.db.deleteFrom('measures').where('person_id', '=', persons.c!).execute();
    await h.db.deleteFrom('assessments').where('person_id', '=', persons.c!).execute();
    byId = Object.fromEntries((await expectSame()).map((r) => [r.id, r]));
    expect(byId[ids.c!]).toMatchObject({ assessed: null, first_measure: null });

    // The closing day moved before the completed period's end: the lists no longer say yes.
    await h.db.updateTable('cases').set({ closed_on: '2026-04-15' }).where('id', '=', ids.c!).execute();
    byId = Object.fromEntries((await expectSame()).map((r) => [r.id, r]));
    expect(byId[ids.c!]).toMatchObject({ without_diploma: true });

    // A person's identity number and birth date corrected: the gender and age band follow.
    const pnr = testIdentityNumberAged(20, '2026-04-01');
    await h.db
      .updateTable('persons')
      .set({ personal_identity_number: pnr, birth_date: `${pnr.slice(0, 4)}-${pnr.slice(4, 6)}-${pnr.slice(6, 8)}` })
      .where('id', '=', persons.a!)
      .execute();
    byId = Object.fromEntries((await expectSame()).map((r) => [r.id, r]));
    expect(byId[ids.a!]).toMatchObject({ age_band: '20_25' });

    // A case opened again later (the opening moved).
    await h.db.updateTable('cases').set({ opened_at: '2025-08-01T09:00:00+01:00' }).where('id', '=', ids.d1!).execute();
    await expectSame();
  });
});
