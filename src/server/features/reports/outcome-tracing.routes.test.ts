import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { median } from '../../../core/figures.js';
import { storedAsIs } from '../../db/events.js';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { currentManualFor } from '../assessments/assessment-manual.service.js';

/**
 * Tracing the outcome report's medians and its share on to studies or work within the target's months
 * to the cases behind them (GET /api/v1/reports/outcomes/cases?median=… and ?onTime=…).
 */
let h: Harness;
const P = 'from=2026-01-01&to=2026-06-30';
const cases = (q: string) => `/api/v1/reports/outcomes/cases?${P}${q}`;
type Listed = { caseId: string; person: { id: string }; span: { startedOn: string; endedOn: string; days: number } };

/** A person whose case opened on `openedOn` and closed with `outcome` on `closedOn`; returns the person and case. */
async function closed(openedOn: string, closedOn: string, outcome: string, by: 'coordinator' | 'otherCoordinator') {
  const { id } = (await h.as[by].request('POST', '/api/v1/persons', buildPerson())).json();
  const kase = await h.db
    .updateTable('cases')
    .set({
      opened_at: `${openedOn}T09:00:00+01:00`,
      status: 'closed',
      closed_at: new Date(`${closedOn}T15:00:00+02:00`),
      closed_on: closedOn,
      outcome,
      outcome_list_version: '2026-12',
      upper_secondary_diploma: 'yes',
    })
    .where('person_id', '=', id)
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: id as string, caseId: kase.id };
}

async function reached(personId: string, municipalityId: string, at: string) {
  const event = await h.db
    .insertInto('events')
    .values({ municipality_id: municipalityId, person_id: personId, type: 'contact_attempt', payload: storedAsIs({}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await h.db
    .insertInto('contact_attempts')
    .values({
      municipality_id: municipalityId,
      person_id: personId,
      event_id: event.id,
      channel: 'phone',
      outcome: 'reached',
      at: new Date(`${at}T10:00:00+01:00`),
      staff_id: h.as.coordinator.staffId,
    })
    .execute();
}

async function assessed(personId: string, completedOn: string) {
  const manual = await currentManualFor(h.db, h.municipalityId);
  await h.db
    .insertInto('assessments')
    .values({
      municipality_id: h.municipalityId,
      person_id: personId,
      manual_id: manual.id,
      number: 1,
      status: 'completed',
      completed_on: completedOn,
      highest_education: 'compulsory',
      diploma: 'yes',
      needs: JSON.stringify([]),
    })
    .execute();
}

let a: { id: string; caseId: string }; // register 10 Jan; contact +10, assessment +30, measure +50, work +81: in time
let b: { id: string; caseId: string }; // opened 1 Feb; contact +10, declined +149
let c: { id: string; caseId: string }; // opened 5 Jan; assessment +10, contact +20, studies +175: too late
let elsewhere: { id: string; caseId: string }; // another municipality, in time

beforeAll(async () => {
  h = await createHarness();
  a = await closed('2026-01-15', '2026-04-01', 'work', 'coordinator');
  b = await closed('2026-02-01', '2026-06-30', 'declined', 'coordinator');
  c = await closed('2026-01-05', '2026-06-29', 'studies', 'coordinator');
  elsewhere = await closed('2026-01-05', '2026-02-01', 'work', 'otherCoordinator');
  await h.db
    .insertInto('register_periods')
    .values({
      municipality_id: h.municipalityId,
      person_id: a.id,
      entered_on: '2026-01-10',
      entry_reason: 'dropped_out',
      source: '{}',
    })
    .execute();
  await sql`update cases set target_group = 'kaa' where id = ${a.caseId}`.execute(h.db);
  await reached(a.id, h.municipalityId, '2026-01-20');
  await reached(b.id, h.municipalityId, '2026-02-11');
  await reached(c.id, h.municipalityId, '2026-01-25');
  const other = await h.db
    .selectFrom('persons')
    .select('municipality_id')
    .where('id', '=', elsewhere.id)
    .executeTakeFirstOrThrow();
  await reached(elsewhere.id, other.municipality_id, '2026-01-06');
  await assessed(a.id, '2026-02-09');
  await assessed(c.id, '2026-01-15');
  const offer = await h.db
    .insertInto('offers')
    .values({
      municipality_id: h.municipalityId,
      name: 'Praktik',
      kind: 'study_visit',
      kind_list_version: '2026-12',
      provider_name: 'Lotsa',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await h.db
    .insertInto('measures')
    .values({ municipality_id: h.municipalityId, person_id: a.id, offer_id: offer.id, starts_on: '2026-03-01' })
    .execute();
  // The youth coach is C's contact person, and may see C only.
  await h.db
    .updateTable('cases')
    .set({ contact_person_id: h.as.youth_coach.staffId })
    .where('id', '=', c.caseId)
    .execute();
}, 120_000);
afterAll(() => h.close());

const listed = async (q: string, who: 'coordinator' | 'youth_coach' = 'coordinator') => {
  const res = await h.as[who].request('GET', cases(q));
  expect(res.statusCode, res.body).toBe(200);
  return res.json().cases as Listed[];
};
const spans = (rows: Listed[]) =>
  rows
    .map((r) => [r.caseId, r.span.startedOn, r.span.endedOn, r.span.days])
    .sort((x, y) => `${x[0]}`.localeCompare(`${y[0]}`));
const sorted = <T extends unknown[]>(rows: T[]) => rows.sort((x, y) => `${x[0]}`.localeCompare(`${y[0]}`));

describe('GET /api/v1/reports/outcomes/cases?median=…: the cases a median is taken over', () => {
  it('answers 403 to a manager, and 400 naming an unknown median or a mix with onTime or an SCB block', async () => {
    expect((await h.as.manager.request('GET', cases('&median=toOutcome'))).statusCode).toBe(403);
    expect((await h.as.manager.request('GET', cases('&onTime=true'))).statusCode).toBe(403);
    for (const [q, field] of [
      ['&median=toLunch', 'median'],
      ['&onTime=yes', 'onTime'],
      ['&median=toOutcome&onTime=true', 'onTime'],
      ['&scbBlock=registrations&median=toOutcome', 'median'],
    ] as const) {
      const res = await h.as.coordinator.request('GET', cases(q));
      expect(res.statusCode, q).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
  });

  it('lists each median its cases with both days and the days between, and their median is the report’s', async () => {
    const report = (await h.as.coordinator.request('GET', `/api/v1/reports/outcomes?${P}`)).json();
    const expected = {
      toFirstContact: [
        [a.caseId, '2026-01-10', '2026-01-20', 10],
        [b.caseId, '2026-02-01', '2026-02-11', 10],
        [c.caseId, '2026-01-05', '2026-01-25', 20],
      ],
      toAssessment: [
        [a.caseId, '2026-01-10', '2026-02-09', 30],
        [c.caseId, '2026-01-05', '2026-01-15', 10],
      ],
      toFirstMeasure: [[a.caseId, '2026-01-10', '2026-03-01', 50]],
      toOutcome: [
        [a.caseId, '2026-01-10', '2026-04-01', 81],
        [b.caseId, '2026-02-01', '2026-06-30', 149],
        [c.caseId, '2026-01-05', '2026-06-29', 175],
      ],
    } as const;
    expect(report.medianDays).toEqual({ toFirstContact: 10, toAssessment: 20, toFirstMeasure: 50, toOutcome: 149 });
    for (const [key, rows] of Object.entries(expected)) {
      const res = await h.as.coordinator.request('GET', cases(`&median=${key}`));
      expect(res.json()).toMatchObject({ median: key, onTime: null, truncated: false });
      const got = res.json().cases as Listed[];
      expect(spans(got), key).toEqual(sorted(rows.map((r) => [...r])));
      expect(median(got.map((r) => r.span.days)), key).toBe(report.medianDays[key]);
    }
  });

  it('lists a youth coach only the cases they may see, and audits each with the median', async () => {
    const rows = await listed('&median=toOutcome', 'youth_coach');
    expect(rows.map((r) => r.caseId)).toEqual([c.caseId]);
    const read = await h.db
      .selectFrom('audit_log')
      .select(['person_id', 'entity_id', 'detail'])
      .where('entity', '=', 'outcome_report')
      .where('actor_id', '=', h.as.youth_coach.staffId)
      .execute();
    expect(read.map((r) => [r.person_id, r.entity_id])).toEqual([[c.id, c.caseId]]);
    expect(read[0]!.detail).toMatchObject({ median: 'toOutcome' });
  });
});

describe('GET /api/v1/reports/outcomes/cases?onTime=…: the share on to studies or work within N months', () => {
  it('lists the numerator and the rest as the report counts them; the plain list is the denominator', async () => {
    const report = (await h.as.coordinator.request('GET', `/api/v1/reports/outcomes?${P}`)).json();
    expect(report.studiesOrWork).toMatchObject({ months: 5, count: 1 });
    const yes = await h.as.coordinator.request('GET', cases('&onTime=true'));
    expect(yes.json()).toMatchObject({ onTime: true, months: 5, median: null });
    expect(spans(yes.json().cases)).toEqual([[a.caseId, '2026-01-10', '2026-04-01', 81]]);
    expect(yes.json().cases).toHaveLength(report.studiesOrWork.count);
    // C went on to studies, but 175 days after the start: later than five months.
    const no = await listed('&onTime=false');
    expect(spans(no)).toEqual(
      sorted([
        [b.caseId, '2026-02-01', '2026-06-30', 149],
        [c.caseId, '2026-01-05', '2026-06-29', 175],
      ]),
    );
    const all = await listed('');
    expect(all).toHaveLength(report.closed);
    expect(all.map((r) => r.span ?? null)).toEqual([null, null, null]);
    expect(JSON.stringify([...no, ...all])).not.toContain(elsewhere.id);
  });

  it('follows the target months of the figure settings, as the report does', async () => {
    const current = (await h.as.coordinator.request('GET', '/api/v1/figure-settings')).json();
    const put = await h.as.coordinator.request('PUT', '/api/v1/figure-settings', {
      settings: { ...current.settings, targetMonths: 6 },
      version: current.version,
    });
    expect(put.statusCode, put.body).toBe(200);
    const report = (await h.as.coordinator.request('GET', `/api/v1/reports/outcomes?${P}`)).json();
    expect(report.studiesOrWork).toMatchObject({ months: 6, count: 2 });
    const rows = await listed('&onTime=true');
    expect(rows.map((r) => r.caseId).sort()).toEqual([a.caseId, c.caseId].sort());
    expect(rows).toHaveLength(report.studiesOrWork.count);
  });
});
