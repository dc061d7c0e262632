import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genderOf } from '../../../core/figures.js';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';

/**
 * Tracing the outcome table's cells by gender, diploma and documented problems, and the SCB return's
 * blocks, to the cases and persons behind them (GET /api/v1/reports/outcomes/cases).
 */
let h: Harness;
const H1 = { from: '2026-01-01', to: '2026-06-30' };
const P = `from=${H1.from}&to=${H1.to}`;
const cases = (q: string) => `/api/v1/reports/outcomes/cases?${P}${q}`;
type Listed = { caseId: string; person: { id: string } };
type Row = { block: string; on: string; code: string | null; person: { id: string } };

type World = { id: string; caseId: string; gender: 'female' | 'male' };
/** A person whose case was closed with `outcome` on 2026-03-31, with what the case records of diploma and problems. */
async function closed(
  outcome: string,
  c: { diploma: 'yes' | 'no' | 'unknown'; problems?: string[]; by?: 'coordinator' | 'otherCoordinator' },
): Promise<World> {
  const body = buildPerson();
  const { id } = (await h.as[c.by ?? 'coordinator'].request('POST', '/api/v1/persons', body)).json();
  const kase = await h.db
    .updateTable('cases')
    .set({
      opened_at: '2026-01-12T09:00:00+01:00',
      status: 'closed',
      closed_at: new Date('2026-03-31T15:00:00+02:00'),
      closed_on: '2026-03-31',
      outcome,
      outcome_list_version: '2026-12',
      upper_secondary_diploma: c.diploma,
      documented_problems: c.problems ?? [],
    })
    .where('person_id', '=', id)
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, caseId: kase.id, gender: genderOf(body.personalIdentityNumber) };
}

const period = (personId: string, enteredOn: string, leftOn: string | null, leaveReason: string | null) => ({
  municipality_id: h.municipalityId,
  person_id: personId,
  entered_on: enteredOn,
  entry_reason: 'dropped_out',
  left_on: leftOn,
  leave_reason: leaveReason,
  source: '{}',
});

let said: World; // recorded no diploma, documented problems the coordinator may see (emergency access)
let hidden: World; // nothing recorded and never in the register: unknown; problems the coordinator may not see
let registered: World; // unknown recorded, but in the register by the closing day: no diploma
let completed: World; // unknown recorded, left the register as completed: a diploma
let yes: World;
let elsewhere: World; // another municipality
let bo: World; // in the register in H1, started a measure after leaving it

beforeAll(async () => {
  h = await createHarness();
  said = await closed('work', { diploma: 'no', problems: ['social'] });
  hidden = await closed('work', { diploma: 'unknown', problems: ['diagnosis'] });
  registered = await closed('studies', { diploma: 'unknown' });
  completed = await closed('declined', { diploma: 'unknown' });
  yes = await closed('work', { diploma: 'yes' });
  elsewhere = await closed('work', { diploma: 'no', problems: ['social'], by: 'otherCoordinator' });
  bo = await closed('moved', { diploma: 'yes' });
  await h.db
    .insertInto('emergency_access')
    .values({
      municipality_id: h.municipalityId,
      person_id: said.id,
      staff_id: h.as.coordinator.staffId,
      reason: 'Akut läge, behöver se allt.',
      ends_at: new Date(Date.now() + 3_600_000),
    })
    .execute();
  await h.db
    .insertInto('register_periods')
    .values([
      period(registered.id, '2026-02-02', null, null),
      period(completed.id, '2025-09-01', '2026-01-20', 'completed'),
      period(bo.id, '2026-03-02', '2026-04-30', null),
    ])
    .execute();
  const offer = await h.db
    .insertInto('offers')
    .values({
      municipality_id: h.municipalityId,
      name: 'Studiebesök',
      kind: 'study_visit',
      kind_list_version: '2026-12',
      provider_name: 'Lotsa',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await h.db
    .insertInto('measures')
    .values([
      { municipality_id: h.municipalityId, person_id: bo.id, offer_id: offer.id, starts_on: '2026-03-09' },
      // Started after Bo left the register: the return counts it (he was in it in the half) and the check fails it.
      { municipality_id: h.municipalityId, person_id: bo.id, offer_id: offer.id, starts_on: '2026-05-04' },
    ])
    .execute();
  // The youth coach is Bo's contact person, and may see him only.
  await h.db
    .updateTable('cases')
    .set({ contact_person_id: h.as.youth_coach.staffId })
    .where('id', '=', bo.caseId)
    .execute();
}, 120_000);
afterAll(() => h.close());

const ids = async (q: string) => {
  const res = await h.as.coordinator.request('GET', cases(q));
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().cases as Listed[]).map((c) => c.caseId).sort();
};

describe('GET /api/v1/reports/outcomes/cases: the outcome table by gender, diploma and problems', () => {
  it('answers 403 to a manager and 400 naming a bad filter or a mix of cases and SCB rows', async () => {
    expect((await h.as.manager.request('GET', cases('&gender=female'))).statusCode).toBe(403);
    expect((await h.as.manager.request('GET', cases('&scbBlock=registrations'))).statusCode).toBe(403);
    for (const [q, field] of [
      ['&gender=other', 'gender'],
      ['&diploma=maybe', 'diploma'],
      ['&documentedProblems=yes', 'documentedProblems'],
      ['&scbBlock=contacts_made', 'scbBlock'],
      ['&scbCode=dropped_out', 'scbBlock'],
      ['&scbBlock=registrations&outcome=work', 'outcome'],
    ] as const) {
      const res = await h.as.coordinator.request('GET', cases(q));
      expect(res.statusCode, q).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
  });

  it('lists a coordinator the cases of each gender and diploma cell, as many as the report counts', async () => {
    const report = (await h.as.coordinator.request('GET', `/api/v1/reports/outcomes?${P}`)).json();
    const mine = [said, hidden, registered, completed, yes, bo];
    for (const g of ['female', 'male'] as const) {
      const expected = mine.filter((w) => w.gender === g).map((w) => w.caseId);
      expect(await ids(`&gender=${g}`), g).toEqual(expected.sort());
      expect(report.byGender[g]).toBe(expected.length);
      const work = [said, hidden, yes].filter((w) => w.gender === g).map((w) => w.caseId);
      expect(await ids(`&outcome=work&gender=${g}`)).toEqual(work.sort());
      expect(report.byOutcome.work[g]).toBe(work.length);
    }
    expect(await ids('&diploma=no')).toEqual([said.caseId, registered.caseId].sort());
    expect(report.withoutDiploma).toBe(2);
    expect(await ids('&diploma=unknown')).toEqual([hidden.caseId]);
    expect(report.diplomaUnknown).toBe(1);
    expect(await ids('&diploma=yes')).toEqual([completed.caseId, yes.caseId, bo.caseId].sort());
    expect(JSON.stringify((await h.as.coordinator.request('GET', cases('&diploma=no'))).json())).not.toContain(
      elsewhere.id,
    );
  });

  it('lists documented problems only of persons whose health and social category the reader may see', async () => {
    const report = (await h.as.coordinator.request('GET', `/api/v1/reports/outcomes?${P}`)).json();
    expect(report.documentedProblems).toBe(2);
    const res = await h.as.coordinator.request('GET', cases('&documentedProblems=true'));
    expect(res.json()).toMatchObject({ documentedProblems: true, truncated: false });
    expect(res.json().cases.map((c: Listed) => c.caseId)).toEqual([said.caseId]);
    expect(res.body).not.toContain(hidden.id);
    // Without problems says as much about the category: those the coordinator may not see stay out too.
    expect(await ids('&documentedProblems=false')).toEqual([]);
  });

  it('audits each person read with the cell it was read for', async () => {
    await h.as.coordinator.request('GET', cases('&diploma=unknown'));
    const read = await h.db
      .selectFrom('audit_log')
      .select(['entity_id', 'detail'])
      .where('entity', '=', 'outcome_report')
      .where('actor_id', '=', h.as.coordinator.staffId)
      .where('person_id', '=', hidden.id)
      .execute();
    expect(read.map((r) => r.entity_id)).toContain(hidden.caseId);
    expect(read.map((r) => r.detail)).toContainEqual(expect.objectContaining({ diploma: 'unknown' }));
  });
});

describe('GET /api/v1/reports/outcomes/cases?scbBlock=…: the persons behind the SCB return', () => {
  const rows = async (who: 'coordinator' | 'youth_coach', q: string) => {
    const res = await h.as[who].request('GET', cases(q));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().cases).toEqual([]);
    return res.json().scbRows as Row[];
  };

  it("lists a coordinator each block's rows, as many as the return counts, per code and in all", async () => {
    const scb = (await h.as.coordinator.request('GET', '/api/v1/reports/scb?half=2026-H1')).json();
    const registrations = await rows('coordinator', '&scbBlock=registrations');
    expect(registrations.map((r) => r.person.id).sort()).toEqual([registered.id, bo.id].sort());
    expect(registrations).toHaveLength(scb.blocks.registrations.total);
    const started = await rows('coordinator', '&scbBlock=measures_started&scbCode=study_visit');
    expect(started.map((r) => [r.person.id, r.on, r.code])).toEqual([
      [bo.id, '2026-03-09', 'study_visit'],
      [bo.id, '2026-05-04', 'study_visit'],
    ]);
    expect(started).toHaveLength(scb.blocks.measures_started.byCode.study_visit);
    const left = await rows('coordinator', '&scbBlock=deregistrations&scbCode=none');
    expect(left.map((r) => [r.person.id, r.on])).toEqual([[bo.id, '2026-04-30']]);
    expect(left).toHaveLength(scb.blocks.deregistrations.byCode.none);
    expect(await rows('coordinator', '&scbBlock=contacts')).toEqual([]);
  });

  it('lists a youth coach only the persons they may see, counts none of the others, and audits each', async () => {
    const res = await h.as.youth_coach.request('GET', cases('&scbBlock=registrations'));
    expect(res.json().scbRows.map((r: Row) => r.person.id)).toEqual([bo.id]);
    expect(res.body).not.toContain(registered.id);
    expect(res.json()).toMatchObject({ scbBlock: 'registrations', scbCode: null, truncated: false });
    const audited = await h.db
      .selectFrom('audit_log')
      .select(['person_id', 'action', 'detail'])
      .where('entity', '=', 'scb_return')
      .where('actor_id', '=', h.as.youth_coach.staffId)
      .execute();
    expect(audited.map((a) => a.person_id)).toEqual([bo.id]);
    expect(audited[0]).toMatchObject({ action: 'read', detail: expect.objectContaining({ block: 'registrations' }) });
  });
});
