/** Issue 15: outreach by channel, measures per offer, status on a day, and the figure settings. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genderOf } from '../../../core/figures.js';
import { storedAsIs } from '../../db/events.js';
import { buildPerson } from '../../testing/factories.js';
import { pdfPageTexts } from '../../testing/pdf-text.js';
import { createHarness, TEST_PASSWORD, type Client, type Harness } from '../../testing/harness.js';
import { insertStaff } from '../staff/staff.service.js';

let h: Harness;
let otherAgency: Client;
const H1 = 'from=2026-01-01&to=2026-06-30';
const persons: { id: string; caseId: string; pnr: string }[] = [];

/** A person with a case opened on `openedOn` (its contact person the youth coach), as a test builds its world. */
async function person(openedOn: string) {
  const { id } = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json();
  const c = await h.db
    .updateTable('cases')
    .set({ opened_at: `${openedOn}T09:00:00+01:00`, contact_person_id: h.as.youth_coach.staffId })
    .where('person_id', '=', id)
    .returning(['id'])
    .executeTakeFirstOrThrow();
  const { personal_identity_number: pnr } = await h.db
    .selectFrom('persons')
    .select('personal_identity_number')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const p = { id: id as string, caseId: c.id, pnr };
  persons.push(p);
  return p;
}

async function attempt(personId: string, channel: string, outcome: string, at: string) {
  const event = await h.db
    .insertInto('events')
    .values({
      municipality_id: h.municipalityId,
      person_id: personId,
      type: 'contact_attempt',
      payload: storedAsIs({}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await h.db
    .insertInto('contact_attempts')
    .values({
      municipality_id: h.municipalityId,
      person_id: personId,
      event_id: event.id,
      channel,
      outcome,
      at: new Date(at),
      staff_id: h.as.youth_coach.staffId,
    })
    .execute();
}

async function offer(name: string, cost: { amount: number; unit: 'week' | 'participant' } | null) {
  return (
    await h.db
      .insertInto('offers')
      .values({
        municipality_id: h.municipalityId,
        name,
        kind: 'guidance',
        kind_list_version: '2026-12',
        provider_name: 'Porten',
        cost_amount: cost?.amount ?? null,
        cost_unit: cost?.unit ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function measure(
  p: { id: string; caseId: string },
  offerId: string,
  startsOn: string,
  ended?: { on: string; reason: string },
) {
  await h.db
    .insertInto('measures')
    .values({
      municipality_id: h.municipalityId,
      person_id: p.id,
      case_id: p.caseId,
      offer_id: offerId,
      starts_on: startsOn,
      ended_on: ended?.on ?? null,
      end_reason: ended?.reason ?? null,
    })
    .execute();
}

beforeAll(async () => {
  h = await createHarness();
  const a = await person('2026-01-05');
  const b = await person('2026-02-01');
  const c = await person('2026-02-10');
  // Phone: three attempts, one reached; home visit: one, met; a check step is no attempt to reach anyone.
  await attempt(a.id, 'phone', 'no_answer', '2026-01-06T10:00:00+01:00');
  await attempt(a.id, 'phone', 'reached', '2026-01-08T10:00:00+01:00');
  await attempt(b.id, 'phone', 'no_answer', '2026-02-02T10:00:00+01:00');
  await attempt(b.id, 'announced_home_visit', 'met', '2026-02-20T10:00:00+01:00');
  await h.db
    .insertInto('register_periods')
    .values({
      municipality_id: h.municipalityId,
      person_id: c.id,
      entered_on: '2026-02-10',
      entry_reason: 'dropped_out',
      source: '{}',
    })
    .execute();
  await attempt(c.id, 'known_elsewhere', 'not_known', '2026-02-11T10:00:00+01:00');
  await attempt(c.id, 'phone', 'no_answer', '2025-12-20T10:00:00+01:00'); // before the period
  // A per-participant offer (two started, one completed), a weekly one (b for 14 days, interrupted).
  const coaching = await offer('Jobbcoachning', { amount: 10_000, unit: 'participant' });
  const track = await offer('Hälsospår', { amount: 700, unit: 'week' });
  await offer('Utan kostnad', null);
  await measure(a, coaching, '2026-01-10', { on: '2026-03-31', reason: 'completed' });
  await measure(b, coaching, '2026-02-05');
  await measure(b, track, '2026-03-01', { on: '2026-03-14', reason: 'interrupted' });
  // a closed to work in the period: an outcome of the coaching.
  await h.db
    .updateTable('cases')
    .set({
      status: 'closed',
      closed_at: new Date('2026-04-01T15:00:00+02:00'),
      closed_on: '2026-04-01',
      outcome: 'work',
      outcome_list_version: '2026-12',
    })
    .where('id', '=', a.caseId)
    .execute();
  // b was set active on 1 March; c is new with only a check step.
  await h.db
    .insertInto('events')
    .values({
      municipality_id: h.municipalityId,
      person_id: b.id,
      case_id: b.caseId,
      type: 'case_status_changed',
      payload: storedAsIs({ from: 'new', to: 'active' }),
      occurred_at: new Date('2026-03-01T10:00:00+01:00'),
    })
    .execute();
  const units = new Map(
    (
      await h.db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', h.municipalityId).execute()
    ).map((u) => [u.name, u.id]),
  );
  await insertStaff(h.db, {
    municipalityId: h.municipalityId,
    name: 'Test socialsekreterare',
    email: 'soc-fig@test.lotsa.local',
    role: 'team_member',
    unitId: units.get('Socialtjänsten')!,
    password: TEST_PASSWORD,
  });
  otherAgency = await h.signIn('soc-fig@test.lotsa.local');
});
afterAll(() => h.close());

describe('the figures routes refuse', () => {
  it('answers 401 without a session, 403 to a school reporter, 400 naming the field of a bad period', async () => {
    for (const path of ['outreach', 'measures']) {
      expect((await h.anonymous('GET', `/api/v1/reports/${path}?${H1}`)).statusCode).toBe(401);
      expect((await h.as.school_reporter.request('GET', `/api/v1/reports/${path}?${H1}`)).statusCode).toBe(403);
      const backwards = await h.as.coordinator.request('GET', `/api/v1/reports/${path}?from=2026-06-30&to=2026-01-01`);
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().errors.map((e: { field: string }) => e.field)).toEqual(['to']);
      const noDay = await h.as.coordinator.request('GET', `/api/v1/reports/${path}?from=2026-02-30&to=2026-03-01`);
      expect(noDay.json().errors.map((e: { field: string }) => e.field)).toEqual(['from']);
    }
    expect((await h.anonymous('GET', '/api/v1/reports/status')).statusCode).toBe(401);
    expect((await h.as.school_reporter.request('GET', '/api/v1/reports/status')).statusCode).toBe(403);
    const bad = await h.as.coordinator.request('GET', '/api/v1/reports/status?on=2026-13-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['on']);
  });
});

describe('GET /api/v1/reports/outreach', () => {
  it('gives each rung of the ladder its attempts and reached in the period, leaving out the check steps', async () => {
    const r = (await h.as.coordinator.request('GET', `/api/v1/reports/outreach?${H1}`)).json();
    const row = (ch: string) => r.channels.find((c: { channel: string }) => c.channel === ch);
    expect(row('phone')).toMatchObject({ attempts: 3, reached: 1, persons: 2, personsReached: 1, reachedShare: 0.333 });
    expect(row('announced_home_visit')).toMatchObject({ attempts: 1, reached: 1, reachedShare: 1 });
    expect(row('sms')).toMatchObject({ attempts: 0, reached: 0, reachedShare: null });
    expect(row('known_elsewhere')).toBeUndefined();
    expect(r.channels[0].channel).toBe('phone');
    expect([r.attempts, r.reached, r.smallCellsSuppressed]).toEqual([4, 2, false]);
    expect(r.months).toHaveLength(6);
    expect(r.months.slice(0, 2)).toEqual([
      { month: '2026-01', inRegister: 0, reached: 0, reachedShare: null },
      { month: '2026-02', inRegister: 1, reached: 0, reachedShare: 0 },
    ]);
    const long = await h.as.coordinator.request('GET', '/api/v1/reports/outreach?from=2000-01-01&to=2026-01-01');
    expect(long.json().errors.map((e: { field: string }) => e.field)).toEqual(['from']);
    const filtered = (
      await h.as.coordinator.request('GET', `/api/v1/reports/outreach?${H1}&contactPerson=${h.as.coordinator.staffId}`)
    ).json();
    expect(filtered.attempts).toBe(0);
  });
});

describe('GET /api/v1/reports/measures', () => {
  it('gives per offer participants, completed, interrupted, cost per participant and per outcome', async () => {
    const r = (await h.as.coordinator.request('GET', `/api/v1/reports/measures?${H1}`)).json();
    const row = (name: string) => r.offers.find((o: { name: string }) => o.name === name);
    expect(row('Jobbcoachning')).toMatchObject({
      participants: 2,
      completed: 1,
      interrupted: 0,
      outcomes: 1,
      cost: 20_000,
      costPerParticipant: 10_000,
      costPerOutcome: 20_000,
    });
    expect(row('Hälsospår')).toMatchObject({
      participants: 1,
      completed: 0,
      interrupted: 1,
      outcomes: 0,
      cost: 1400,
      costPerParticipant: 1400,
      costPerOutcome: null,
    });
    expect(row('Utan kostnad')).toMatchObject({ participants: 0, cost: null });
    expect(r.total).toEqual({ participants: 2, completed: 1, interrupted: 1, outcomes: 1, cost: 21_400 });
    expect(r.lostYoungPersonCost).toBe(12_000_000);
  });
});

describe('GET /api/v1/reports/status', () => {
  it('counts open cases on the day by status, gender and target group; caseload against a capacity set', async () => {
    const [a, b, c] = persons;
    const set = await h.as.coordinator.request('PUT', `/api/v1/staff/${h.as.youth_coach.staffId}/caseload-capacity`, {
      capacity: 2,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(
      (
        await h.as.youth_coach.request('PUT', `/api/v1/staff/${h.as.youth_coach.staffId}/caseload-capacity`, {
          capacity: 50,
        })
      ).statusCode,
    ).toBe(403);
    const r = (await h.as.coordinator.request('GET', '/api/v1/reports/status?on=2026-03-15')).json();
    expect(r.participants).toBe(3);
    const g = (p: { pnr: string }) => genderOf(p.pnr);
    expect(r.byStatus.active.total).toBe(1);
    expect(r.byStatus.active[g(b!)]).toBe(1);
    expect(r.byStatus.contacting.total).toBe(1); // a: attempts, no status set
    expect(r.byStatus.new.total).toBe(1); // c: only a check step
    expect(r.byTargetGroup.other).toBe(3);
    expect(r.byGender.female + r.byGender.male).toBe(3);
    const coach = r.caseload.find(
      (x: { contactPerson: { id: string } | null }) => x.contactPerson?.id === h.as.youth_coach.staffId,
    );
    expect(coach).toMatchObject({ open: 3, capacity: 2, load: 1.5, overCapacity: true });
    // a closed on 1 April: not a participant after it.
    expect((await h.as.coordinator.request('GET', '/api/v1/reports/status?on=2026-04-01')).json().participants).toBe(2);
    expect([a, c]).toHaveLength(2);
  });
});

describe('who sees the figures', () => {
  it('gives a manager the counts, and never a name or an identity number', async () => {
    for (const path of [`outreach?${H1}`, `measures?${H1}`, 'status?on=2026-03-15']) {
      const res = await h.as.manager.request('GET', `/api/v1/reports/${path}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().smallCellsSuppressed).toBe(false);
      expect(res.body).not.toContain('Testa');
      for (const p of persons)
        expect([res.body.includes(p.id), res.body.includes(p.pnr.trim())]).toEqual([false, false]);
    }
  });

  it('shows a team member of another agency no figure that could identify a young person', async () => {
    const outreach = (await otherAgency.request('GET', `/api/v1/reports/outreach?${H1}`)).json();
    expect(outreach.channels.find((c: { channel: string }) => c.channel === 'announced_home_visit')).toMatchObject({
      attempts: '<3',
      reached: '<3',
      reachedShare: null,
    });
    expect(outreach.smallCellsSuppressed).toBe(true);
    // 4 attempts in all, phone 3: the home visit's 1 would be 4 - 3, so phone's count is hidden too.
    expect(outreach.attempts).toBe(4);
    expect(outreach.channels.find((c: { channel: string }) => c.channel === 'phone')).toMatchObject({
      attempts: '<3',
      reachedShare: null,
    });
    const measures = (await otherAgency.request('GET', `/api/v1/reports/measures?${H1}`)).json();
    // One participant: the offer's cost is that young person's cost, so it reads like the count.
    expect(measures.offers.find((o: { name: string }) => o.name === 'Hälsospår')).toMatchObject({
      participants: '<3',
      cost: null,
      costPerParticipant: null,
    });
    expect(measures.offers.find((o: { name: string }) => o.name === 'Jobbcoachning')).toMatchObject({
      participants: '<3',
      cost: null,
    });
    expect(measures.total.cost).toBe(21_400);
    const status = await otherAgency.request('GET', '/api/v1/reports/status?on=2026-03-15');
    expect(status.json()).toMatchObject({ participants: 3, smallCellsSuppressed: true });
    expect(status.json().byStatus.active.total).toBe('<3');
    expect(status.body).not.toContain('Testa');
    for (const p of persons) expect(status.body).not.toContain(p.pnr.trim());
  });

  it('hides a small caseload with its load and whether it is over capacity, and its complement', async () => {
    // On 1 April the coach (capacity 2) has 2 open cases: the count, the load and "over" would all say so.
    const set = await h.as.coordinator.request('PUT', `/api/v1/staff/${h.as.youth_coach.staffId}/caseload-capacity`, {
      capacity: 2,
    });
    expect(set.statusCode, set.body).toBe(200);
    const r = (await otherAgency.request('GET', '/api/v1/reports/status?on=2026-04-01')).json();
    const coach = r.caseload.find(
      (x: { contactPerson: { id: string } | null }) => x.contactPerson?.id === h.as.youth_coach.staffId,
    );
    expect(coach).toMatchObject({ open: '<3', capacity: 2, load: null, overCapacity: null });
    expect(r.participants).toBe('<3');
    const hidden = r.caseload.filter((x: { open: unknown }) => x.open === '<3');
    expect(hidden.length === 0 || hidden.length >= 2 || r.participants === '<3').toBe(true);
  });
});

describe("the steering group's PDF", () => {
  // WinAnsi's em dash (0x97) read as latin1 is U+0097.
  const lines = (pdf: Buffer) => pdfPageTexts(pdf).join('\n').replaceAll('\u0097', '—').split('\n');
  const after = (all: string[], label: string, n: number) =>
    all.slice(all.indexOf(label) + 1, all.indexOf(label) + 1 + n);

  it('adds channels, offers with cost, status and caseloads, as the coordinator sees them', async () => {
    const pdf = await h.as.coordinator.request('GET', `/api/v1/reports/outcomes?${H1}&format=pdf&lang=en`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const all = lines(pdf.rawPayload);
    expect(all).toEqual(expect.arrayContaining(['Outreach by channel', 'Measures per offer', 'Status on 2026-06-30']));
    expect(after(all, 'Phone the young person', 3)).toEqual(['3', '1', '33 %']);
    expect(after(all, 'Jobbcoachning', 5)).toEqual(['2', '1', '0', '20000', '10000']);
    expect(after(all, 'Participants with an open case: ', 1)).toEqual(['2']);
    expect(all).toContain('Cases per contact person');
  });

  it('hides small cells and the cells that would give them back for a reader who is not the coordinator', async () => {
    const all = lines(
      (await h.as.manager.request('GET', `/api/v1/reports/outcomes?${H1}&format=pdf&lang=sv`)).rawPayload,
    );
    // Attempts: 4 in all, phone 3, home visit 1: both read "<3", and the share that would say 1 of 3 is gone.
    expect(after(all, 'Telefon till den unga', 3)).toEqual(['<3', '<3', '—']);
    expect(after(all, 'Aviserat hembesök', 3)).toEqual(['<3', '<3', '—']);
    expect(after(all, 'Alla kanaler', 2)).toEqual(['4', '<3']);
    // Two participants: the offer's cost (20000) would be what those two cost, so it goes with the count.
    expect(after(all, 'Jobbcoachning', 5)).toEqual(['<3', '<3', '0', '—', '—']);
    expect(after(all, 'Deltagare med öppet ärende: ', 1)).toEqual(['<3']);
    expect(all.join('\n')).not.toMatch(/\d{12}|Testa/);
  });
});

describe('the figures as files', () => {
  it('exports each table as CSV and XLSX', async () => {
    const csv = await h.as.coordinator.request('GET', `/api/v1/reports/outreach?${H1}&format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')).toEqual(
      expect.arrayContaining(['channel;attempts;reached;persons;persons_reached;reached_share', 'phone;3;1;2;1;0.333']),
    );
    const measures = await h.as.coordinator.request('GET', `/api/v1/reports/measures?${H1}&format=csv`);
    expect(measures.body).toContain('Jobbcoachning;guidance;2;1;0;1;20000;10000;20000');
    const status = await h.as.coordinator.request('GET', '/api/v1/reports/status?on=2026-03-15&format=csv');
    expect(status.body.split('\r\n')[0]).toBe('group;code;total;female;male;capacity');
    for (const path of [`outreach?${H1}`, `measures?${H1}`, 'status?on=2026-03-15']) {
      const xlsx = await h.as.manager.request('GET', `/api/v1/reports/${path}&format=xlsx`);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
  });
});

describe('/api/v1/figure-settings', () => {
  it('shows the defaults, lets only a coordinator change them, and moves the follow-up points', async () => {
    // Settings are the municipality's: changed here, they would change what the other tests' figures read.
    const own = await createHarness();
    try {
      expect((await own.anonymous('GET', '/api/v1/figure-settings')).statusCode).toBe(401);
      const current = (await own.as.manager.request('GET', '/api/v1/figure-settings')).json();
      expect(current).toEqual({
        settings: {
          targetMonths: 5,
          targetShare: 0.6,
          lostYoungPersonCost: 12_000_000,
          caseloadCapacity: 30,
          followUpMonths: [6, 12],
        },
        version: 0,
      });
      const settings = {
        ...current.settings,
        targetMonths: 4,
        lostYoungPersonCost: 15_000_000,
        followUpMonths: [12, 3],
      };
      expect(
        (await own.as.manager.request('PUT', '/api/v1/figure-settings', { settings, version: 0 })).statusCode,
      ).toBe(403);
      expect(
        (await own.as.youth_coach.request('PUT', '/api/v1/figure-settings', { settings, version: 0 })).statusCode,
      ).toBe(403);
      const bad = await own.as.coordinator.request('PUT', '/api/v1/figure-settings', {
        settings: { ...settings, targetShare: 1.5 },
        version: 0,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toContain('targetShare');
      const saved = await own.as.coordinator.request('PUT', '/api/v1/figure-settings', { settings, version: 0 });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toEqual({ settings: { ...settings, followUpMonths: [3, 12] }, version: 1 });
      expect(
        (await own.as.coordinator.request('PUT', '/api/v1/figure-settings', { settings, version: 0 })).statusCode,
      ).toBe(409);
      expect(
        (await own.as.coordinator.request('GET', '/api/v1/outreach-settings')).json().settings.followUpMonths,
      ).toEqual([3, 12]);
      expect(
        (await own.as.coordinator.request('GET', `/api/v1/reports/measures?${H1}`)).json().lostYoungPersonCost,
      ).toBe(15_000_000);
      expect(
        (await own.as.coordinator.request('GET', `/api/v1/reports/outcomes?${H1}`)).json().studiesOrWork.months,
      ).toBe(4);
      await sql`select 1`.execute(own.db);
    } finally {
      await own.close();
    }
  });
});
