import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genderOf } from '../../../core/figures.js';
import { birthDateOf } from '../../../core/personnummer.js';
import { storedAsIs } from '../../db/events.js';
import { buildPerson, testIdentityNumberAged } from '../../testing/factories.js';
import { createHarness, TEST_PASSWORD, type Harness } from '../../testing/harness.js';
import { insertStaff } from '../staff/staff.service.js';

let h: Harness;
let a: string;
let b: string;
const url = (q: string) => `/api/v1/reports/outcomes?${q}`;
const H1 = 'from=2026-01-01&to=2026-06-30';

/** A person with a case opened on `openedOn` and closed with `outcome` on `closedOn`. */
async function closedCase(
  pnr: string,
  c: {
    openedOn: string;
    closedOn: string;
    outcome: string;
    targetGroup?: 'kaa' | 'young_adult' | 'other';
    diploma?: 'yes' | 'no' | 'unknown';
    problems?: string[];
    by?: 'coordinator' | 'otherCoordinator';
  },
) {
  const { id } = (await h.as[c.by ?? 'coordinator'].request('POST', '/api/v1/persons', buildPerson())).json();
  // Written directly: the API takes persons under 20 only, and a young adult is older.
  await h.db
    .updateTable('persons')
    .set({ personal_identity_number: pnr, birth_date: birthDateOf(pnr) })
    .where('id', '=', id)
    .execute();
  await h.db
    .updateTable('cases')
    .set({
      opened_at: `${c.openedOn}T09:00:00+01:00`,
      status: 'closed',
      closed_at: new Date(`${c.closedOn}T15:00:00+01:00`),
      closed_on: c.closedOn,
      outcome: c.outcome,
      outcome_list_version: '2026-12',
      upper_secondary_diploma: c.diploma ?? 'yes',
      documented_problems: c.problems ?? [],
      ...(c.targetGroup && c.targetGroup !== 'kaa' ? { target_group: c.targetGroup } : {}),
    })
    .where('person_id', '=', id)
    .execute();
  return id as string;
}

beforeAll(async () => {
  h = await createHarness();
  // A: in the register from 10 January, reached on 20 January, to work on 1 April: 81 days, within 5 months.
  const pnrA = testIdentityNumberAged(17, '2026-04-01');
  a = await closedCase(pnrA, { openedOn: '2026-01-15', closedOn: '2026-04-01', outcome: 'work' });
  await h.db
    .insertInto('register_periods')
    .values({
      municipality_id: h.municipalityId,
      person_id: a,
      entered_on: '2026-01-10',
      entry_reason: 'dropped_out',
      source: '{}',
    })
    .execute();
  // Derived from the register on opening, never set by a request: written here as the trigger would have.
  await sql`update cases set target_group = 'kaa' where person_id = ${a}`.execute(h.db);
  const event = await h.db
    .insertInto('events')
    .values({ municipality_id: h.municipalityId, person_id: a, type: 'contact_attempt', payload: storedAsIs({}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await h.db
    .insertInto('contact_attempts')
    .values({
      municipality_id: h.municipalityId,
      person_id: a,
      event_id: event.id,
      channel: 'phone',
      outcome: 'reached',
      at: new Date('2026-01-20T10:00:00+01:00'),
      staff_id: h.as.coordinator.staffId,
    })
    .execute();
  // B: a young adult without a diploma, with documented problems, declined on 30 June: 149 days.
  b = await closedCase(testIdentityNumberAged(21, '2026-06-30'), {
    openedOn: '2026-02-01',
    closedOn: '2026-06-30',
    outcome: 'declined',
    targetGroup: 'young_adult',
    diploma: 'no',
    problems: ['social'],
  });
  // Outside the period, and in another municipality: not counted.
  await closedCase(testIdentityNumberAged(18, '2025-12-31'), {
    openedOn: '2025-10-01',
    closedOn: '2025-12-31',
    outcome: 'studies',
  });
  await closedCase(testIdentityNumberAged(18, '2026-03-01'), {
    openedOn: '2026-01-05',
    closedOn: '2026-03-01',
    outcome: 'studies',
    by: 'otherCoordinator',
  });
  genders = [
    pnrA,
    (await h.db.selectFrom('persons').select('personal_identity_number').where('id', '=', b).executeTakeFirstOrThrow())
      .personal_identity_number,
  ].map(genderOf);
});
let genders: ('female' | 'male')[];
afterAll(() => h.close());

describe('GET /api/v1/reports/outcomes', () => {
  it('answers 401 without a session, 403 to a school reporter, 400 naming the field of a bad period', async () => {
    expect((await h.anonymous('GET', url(H1))).statusCode).toBe(401);
    expect((await h.as.school_reporter.request('GET', url(H1))).statusCode).toBe(403);
    const bad = await h.as.coordinator.request('GET', url('from=2026-06-30&to=2026-01-01'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['to']);
    expect(
      (await h.as.coordinator.request('GET', url('from=2026-02-30&to=2026-03-01')))
        .json()
        .errors.map((e: { field: string }) => e.field),
    ).toEqual(['from']);
  });

  it("gives the coordinator Partille's table and the rest, counted from the cases closed in the period", async () => {
    const res = await h.as.coordinator.request('GET', url(H1));
    expect(res.statusCode).toBe(200);
    const r = res.json();
    const count = (g: 'female' | 'male') => genders.filter((x) => x === g).length;
    expect(r.closed).toBe(2);
    expect(r.byOutcome.work).toEqual({
      total: 1,
      female: genders[0] === 'female' ? 1 : 0,
      male: genders[0] === 'male' ? 1 : 0,
    });
    expect(r.byOutcome.declined.total).toBe(1);
    expect(r.byOutcome.studies).toEqual({ total: 0, female: 0, male: 0 });
    expect(r.byGender).toEqual({ female: count('female'), male: count('male') });
    expect(r.byTargetGroup).toEqual({ kaa: 1, young_adult: 1, other: 0 });
    expect(r.byAgeBand).toEqual({ '16_17': 1, '18_19': 0, '20_25': 1, outside: 0 });
    expect([r.withoutDiploma, r.withoutDiplomaShare, r.documentedProblems]).toEqual([1, 0.5, 1]);
    expect(r.medianDays).toEqual({ toFirstContact: 10, toAssessment: null, toFirstMeasure: null, toOutcome: 115 });
    expect(r.studiesOrWork).toEqual({ months: 5, target: 0.6, count: 1, share: 0.5, targetMet: false });
    expect(r.smallCellsSuppressed).toBe(false);
  });

  it('gives a manager the same counts, and never a name or an identity number', async () => {
    const res = await h.as.manager.request('GET', url(H1));
    expect(res.json()).toMatchObject({ closed: 2, smallCellsSuppressed: false });
    expect(res.body).not.toMatch(/\d{12}|Testa/);
  });

  it('shows a team member of another agency small cells only as "<3"', async () => {
    const units = new Map(
      (
        await h.db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', h.municipalityId).execute()
      ).map((u) => [u.name, u.id]),
    );
    await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: 'Test socialsekreterare',
      email: 'soc-out@test.lotsa.local',
      role: 'team_member',
      unitId: units.get('Socialtjänsten')!,
      password: TEST_PASSWORD,
    });
    const r = (await (await h.signIn('soc-out@test.lotsa.local')).request('GET', url(H1))).json();
    expect(r).toMatchObject({
      closed: '<3',
      withoutDiploma: '<3',
      withoutDiplomaShare: null,
      smallCellsSuppressed: true,
    });
    expect(r.byOutcome.studies.total).toBe(0);
  });

  it('shows a coach who narrows the report to a colleague\'s one closed case only "<3" and no median', async () => {
    const cases = () => h.db.updateTable('cases').where('person_id', '=', a);
    const before = await h.db
      .selectFrom('cases')
      .select('contact_person_id')
      .where('person_id', '=', a)
      .executeTakeFirstOrThrow();
    const colleague = h.as.secondCoach.staffId;
    await cases().set({ contact_person_id: colleague }).execute();
    try {
      const res = await h.as.youth_coach.request('GET', url(`${H1}&contactPerson=${colleague}`));
      expect(res.statusCode).toBe(200);
      const r = res.json();
      expect(r).toMatchObject({ closed: '<3', smallCellsSuppressed: true });
      expect(r.byOutcome.work.total).toBe('<3');
      expect(Object.values(r.byGender).filter((n) => n !== 0)).toEqual(['<3']);
      expect(r.medianDays).toEqual({ toFirstContact: null, toAssessment: null, toFirstMeasure: null, toOutcome: null });
      // The coordinator, filtering alike, sees the case as it is.
      const own = (await h.as.coordinator.request('GET', url(`${H1}&contactPerson=${colleague}`))).json();
      expect(own).toMatchObject({ closed: 1, smallCellsSuppressed: false });
      expect(own.medianDays).toMatchObject({ toFirstContact: 10, toOutcome: 81 });
    } finally {
      await cases().set({ contact_person_id: before.contact_person_id }).execute();
    }
  });

  it('counts the diploma from the register where the case does not know it', async () => {
    const period = (personId: string, enteredOn: string, left?: { on: string; reason: string }) =>
      h.db
        .insertInto('register_periods')
        .values({
          municipality_id: h.municipalityId,
          person_id: personId,
          entered_on: enteredOn,
          entry_reason: 'dropped_out',
          left_on: left?.on ?? null,
          leave_reason: left?.reason ?? null,
          source: '{}',
        })
        .execute();
    const closing = (closedOn: string, diploma: 'no' | 'unknown') => ({
      openedOn: '2025-02-10',
      closedOn,
      outcome: 'studies',
      diploma,
    });
    // In the register when the case opened, nothing recorded: the lists showed no diploma.
    const inRegister = await closedCase(testIdentityNumberAged(17, '2025-05-01'), closing('2025-05-01', 'unknown'));
    await period(inRegister, '2025-01-05');
    await sql`update cases set target_group = 'kaa' where person_id = ${inRegister}`.execute(h.db);
    // Left the register when a final qualification appeared, before the case: a diploma, whatever was typed.
    const completed = await closedCase(testIdentityNumberAged(18, '2025-05-02'), closing('2025-05-02', 'no'));
    await period(completed, '2024-09-01', { on: '2025-02-01', reason: 'completed' });
    // Never in the register and nothing recorded: unknown.
    await closedCase(testIdentityNumberAged(19, '2025-05-03'), closing('2025-05-03', 'unknown'));
    const r = (await h.as.coordinator.request('GET', url('from=2025-01-01&to=2025-06-30'))).json();
    expect([r.closed, r.withoutDiploma, r.diplomaUnknown, r.withoutDiplomaShare]).toEqual([3, 1, 1, 0.333]);
    const csv = (await h.as.coordinator.request('GET', url('from=2025-01-01&to=2025-06-30&format=csv'))).body;
    expect(csv.split('\r\n')).toEqual(expect.arrayContaining(['without_diploma;no;1;;', 'diploma;unknown;1;;']));
  });

  it('exports the table as CSV and XLSX, and the steering group PDF in Swedish and English', async () => {
    const csv = await h.as.coordinator.request('GET', url(`${H1}&format=csv`));
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')).toEqual(
      expect.arrayContaining(['group;code;total;female;male', 'target_group;kaa;1;;']),
    );
    const xlsx = await h.as.coordinator.request('GET', url(`${H1}&format=xlsx`));
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    for (const lang of ['sv', 'en']) {
      const pdf = await h.as.manager.request('GET', url(`${H1}&format=pdf&lang=${lang}`));
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });
});
