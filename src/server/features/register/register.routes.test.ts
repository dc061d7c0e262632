import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerJobHandlers } from '../../jobs/handlers.js';
import { runNextJob } from '../../jobs/queue.js';
import { ensureMunicipality } from '../../bootstrap.js';
import { testIdentityNumber } from '../../testing/factories.js';
import { createHarness, type Client, type Harness } from '../../testing/harness.js';
import { csv, populationRow, schoolHistory } from '../../testing/lists.js';
import { signInNewStaff } from '../../testing/staff.js';

let h: Harness;
const DAY = '2026-11-02';
// Four young people: a dropout, one in upper secondary, one with a diploma, one who never started.
const dropout = testIdentityNumber();
const student = testIdentityNumber();
const graduate = testIdentityNumber();
const neverStarted = testIdentityNumber();

/**
 * Uploads a list; one much smaller than the population list before is confirmed, as the coordinator would
 * (register-guard.test.ts tests the guard).
 */
async function upload(w: World, kind: 'population' | 'enrolments', file: Buffer, name: string) {
  const res = await w.coordinator.upload(`/api/v1/imports?kind=${kind}&fileName=${name}`, file);
  expect(res.statusCode).toBe(202);
  while (await runNextJob(h.handle));
  const imp = (await w.coordinator.request('GET', `/api/v1/imports/${res.json().id}`)).json();
  if (imp.previousResidents !== null)
    expect(
      (
        await w.coordinator.request('POST', `/api/v1/imports/${imp.id}/accept`, {
          skipLines: [],
          confirmShrink: true,
        })
      ).statusCode,
    ).toBe(204);
}

async function reconcileJob(w: World, asOf: string, apply: boolean, confirmLeaving?: number) {
  const res = await w.coordinator.request('POST', '/api/v1/register/reconcile', { asOf, apply, confirmLeaving });
  expect(res.statusCode).toBe(202);
  while (await runNextJob(h.handle));
  return (await w.coordinator.request('GET', `/api/v1/jobs/${res.json().jobId}`)).json();
}

/** A municipality of one test, with its own lists and register, and a coordinator of it. */
type World = { id: string; code: string; coordinator: Client };
/** Codes of real municipalities that the harness's two do not use. */
const CODES = ['1401', '1407', '1415', '1419', '1440', '1441', '1481', '1482'];
let worlds = 0;
async function newMunicipality(): Promise<World> {
  const code = CODES[worlds++]!;
  const id = await ensureMunicipality(h.db, { code, name: `Kommun ${code}` });
  return { id, code, coordinator: await signInNewStaff(h, 'coordinator', { municipalityId: id }) };
}
/** A row of the population list of `w`. */
const resident = (w: World, pnr: string, over: Record<string, string> = {}) =>
  populationRow(pnr, { municipality_code: w.code, ...over });
/** The person with `pnr` in `w`. */
const personIn = (w: World, pnr: string) =>
  h.db
    .selectFrom('persons')
    .select('id')
    .where('municipality_id', '=', w.id)
    .where('personal_identity_number', '=', pnr)
    .executeTakeFirstOrThrow();

// The story of one municipality's register; a test of a later step first tells the earlier ones.
/** The first population and enrolment lists: the dropout and the one who never started enter. */
async function firstLists(w: World) {
  await upload(
    w,
    'population',
    csv(
      'population',
      [dropout, student, graduate, neverStarted].map((p) => resident(w, p)),
    ),
    'pop1.csv',
  );
  await upload(
    w,
    'enrolments',
    csv('enrolments', [
      ...schoolHistory(dropout, { end_date: '2026-03-01', end_reason: 'interrupted', qualification: 'none' }),
      ...schoolHistory(student),
      ...schoolHistory(graduate, {
        start_date: '2022-08-18',
        end_date: '2025-06-12',
        end_reason: 'completed',
        qualification: 'examen',
      }),
      ...schoolHistory(neverStarted, null),
    ]),
    'enr1.csv',
  );
}
/** The first lists, applied on DAY. */
async function firstApplied(w: World) {
  await firstLists(w);
  expect((await reconcileJob(w, DAY, true)).result.inRegister).toBe(2);
}
const LATER = '2026-11-16';
/** A newer population list without the dropout, applied on LATER: the dropout moved out. */
async function dropoutMovesOut(w: World) {
  await upload(
    w,
    'population',
    csv('population', [resident(w, neverStarted, { street_address: 'Nya vägen 2' }), resident(w, student)]),
    'pop2.csv',
  );
  return reconcileJob(w, LATER, true, 1);
}

beforeAll(async () => {
  h = await createHarness();
  registerJobHandlers();
});
afterAll(() => h.close());

describe('POST /api/v1/register/reconcile', () => {
  it('answers 401 without a session, 403 to a coach, 400 for a bad date', async () => {
    expect((await h.anonymous('POST', '/api/v1/register/reconcile', { asOf: DAY })).statusCode).toBe(401);
    expect((await h.as.youth_coach.request('POST', '/api/v1/register/reconcile', { asOf: DAY })).statusCode).toBe(403);
    expect(
      (await h.as.coordinator.request('POST', '/api/v1/register/reconcile', { asOf: '2026-13-01' })).statusCode,
    ).toBe(400);
    expect((await h.as.coordinator.request('GET', '/api/v1/register?asOf=2026-02-30')).statusCode).toBe(400);
  });

  it('fails with a reason when no population list has been accepted', async () => {
    const job = await reconcileJob(await newMunicipality(), DAY, false);
    expect(job).toMatchObject({ status: 'failed', error: 'no_population_list' });
  });

  it('previews who enters and why, without writing; applies in one go; changes nothing the second time', async () => {
    const w = await newMunicipality();
    await firstLists(w);
    const preview = await reconcileJob(w, DAY, false);
    expect(preview.status).toBe('done');
    expect(preview.result).toEqual({
      asOf: DAY,
      entered: [
        { personalIdentityNumber: dropout, name: 'Alva Ek', protectedIdentity: false, reason: 'dropped_out' },
        { personalIdentityNumber: neverStarted, name: 'Alva Ek', protectedIdentity: false, reason: 'never_started' },
      ].sort((a, b) => a.personalIdentityNumber.localeCompare(b.personalIdentityNumber)),
      left: [],
      changed: [],
      inRegister: 2,
      inRegisterBefore: 0,
      leavingNeedsConfirmation: false,
    });
    expect((await w.coordinator.request('GET', `/api/v1/register?asOf=${DAY}`)).json()).toEqual([]);

    expect((await reconcileJob(w, DAY, true)).result.inRegister).toBe(2);
    const register = (await w.coordinator.request('GET', `/api/v1/register?asOf=${DAY}`)).json();
    expect(register.map((r: { personalIdentityNumber: string }) => r.personalIdentityNumber).sort()).toEqual(
      [dropout, neverStarted].sort(),
    );
    const listed = await h.db
      .selectFrom('audit_log')
      .innerJoin('persons', 'persons.id', 'audit_log.person_id')
      .select('persons.personal_identity_number as pnr')
      .where('audit_log.entity', '=', 'register')
      .where('audit_log.actor_id', '=', w.coordinator.staffId)
      .execute();
    expect(listed.map((r) => r.pnr).sort()).toEqual([dropout, neverStarted].sort());

    const again = await reconcileJob(w, DAY, true);
    expect(again.result).toMatchObject({ entered: [], left: [], changed: [], inRegister: 2 });
    expect(
      await h.db.selectFrom('register_periods').select('id').where('municipality_id', '=', w.id).execute(),
    ).toHaveLength(2);
  });

  it('opens a case and records where the period came from, shown on the person', async () => {
    const w = await newMunicipality();
    await firstApplied(w);
    const person = await personIn(w, dropout);
    const detail = (await w.coordinator.request('GET', `/api/v1/persons/${person.id}`)).json();
    expect(detail).toMatchObject({
      case: { status: 'new' },
      registerPeriods: [{ enteredOn: DAY, entryReason: 'dropped_out', leftOn: null }],
    });
    expect(detail.registerPeriods[0].sources).toEqual([
      { list: 'population', fileName: 'pop1.csv', line: 2 },
      { list: 'enrolments', fileName: 'enr1.csv', line: 2 },
      { list: 'enrolments', fileName: 'enr1.csv', line: 3 },
    ]);
    const period = await h.db
      .selectFrom('register_periods')
      .select(['source', 'rule'])
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(period.source).toMatchObject({
      populationLine: 2,
      enrolments: expect.arrayContaining([expect.objectContaining({ line: expect.any(Number) })]),
    });
    const events = (await w.coordinator.request('GET', `/api/v1/persons/${person.id}/events`)).json();
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'register_entered', payload: { reason: 'dropped_out', asOf: DAY } }),
        expect.objectContaining({ type: 'case_opened', actor: null }),
      ]),
    );
  });

  it('closes the period of someone missing from a newer population list (moved out), updating details', async () => {
    const w = await newMunicipality();
    await firstApplied(w);
    const later = LATER;
    const applied = await dropoutMovesOut(w);
    expect(applied.result).toMatchObject({
      left: [{ personalIdentityNumber: dropout, reason: 'moved_out', rule: 'registeredInMunicipality' }],
      changed: [{ personalIdentityNumber: neverStarted, fields: ['street_address'] }],
      inRegister: 1,
    });
    expect((await w.coordinator.request('GET', `/api/v1/register?asOf=${later}`)).json()).toHaveLength(1);
    expect((await w.coordinator.request('GET', `/api/v1/register?asOf=${DAY}`)).json()).toHaveLength(2);
    const closed = await h.db
      .selectFrom('register_periods')
      .innerJoin('persons', 'persons.id', 'register_periods.person_id')
      .select(['left_on', 'leave_reason', 'rule'])
      .where('persons.municipality_id', '=', w.id)
      .where('persons.personal_identity_number', '=', dropout)
      .executeTakeFirstOrThrow();
    expect(closed).toEqual({ left_on: later, leave_reason: 'moved_out', rule: 'registeredInMunicipality' });
    const { id } = await personIn(w, dropout);
    const timeline = await w.coordinator.request('GET', `/api/v1/persons/${id}/events`);
    expect(timeline.statusCode).toBe(200);
    expect(timeline.json().map((e: { type: string; payload: object }) => [e.type, e.payload])).toEqual(
      expect.arrayContaining([
        ['register_left', { reason: 'moved_out', rule: 'registeredInMunicipality', asOf: later }],
        ['register_entered', { reason: 'dropped_out', asOf: DAY }],
      ]),
    );
  });

  it('writes nothing when applying fails part-way', async () => {
    const w = await newMunicipality();
    await firstApplied(w);
    await dropoutMovesOut(w);
    // The dropout moves back, so applying would open a period again.
    await upload(
      w,
      'population',
      csv('population', [
        resident(w, neverStarted, { street_address: 'Nya vägen 2' }),
        resident(w, student),
        resident(w, dropout),
      ]),
      'pop3.csv',
    );
    await sql`create function lotsa_test_fail() returns trigger language plpgsql
      as $$ begin raise exception 'simulated crash'; end $$`.execute(h.db);
    await sql`create trigger lotsa_test_fail before insert
      on register_periods for each row execute function lotsa_test_fail()`.execute(h.db);
    try {
      const before = await h.db
        .selectFrom('events')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow();
      const job = await reconcileJob(w, '2026-11-20', true);
      expect(job).toMatchObject({ status: 'failed', error: expect.stringMatching(/simulated crash/) });
      expect(
        await h.db
          .selectFrom('events')
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow(),
      ).toEqual(before);
      expect(
        await h.db
          .selectFrom('persons')
          .select('id')
          .where('municipality_id', '=', w.id)
          .where('personal_identity_number', '=', dropout)
          .execute(),
      ).toHaveLength(1);
    } finally {
      await sql`drop trigger lotsa_test_fail on register_periods`.execute(h.db);
      await sql`drop function lotsa_test_fail`.execute(h.db);
    }
  });
});

describe('GET /api/v1/register and /api/v1/jobs/:id', () => {
  it('keeps the register from managers and reporters, and jobs from everyone but who started them', async () => {
    expect((await h.as.manager.request('GET', `/api/v1/register?asOf=${DAY}`)).statusCode).toBe(403);
    expect((await h.as.school_reporter.request('GET', `/api/v1/register?asOf=${DAY}`)).statusCode).toBe(403);
    const res = await h.as.coordinator.request('POST', '/api/v1/register/reconcile', { asOf: DAY, apply: false });
    expect((await h.as.otherCoordinator.request('GET', `/api/v1/jobs/${res.json().jobId}`)).statusCode).toBe(404);
    while (await runNextJob(h.handle));
  });
});
