import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, TEST_PASSWORD, type Harness } from '../../testing/harness.js';
import { insertStaff } from '../staff/staff.service.js';
import { codeListsFor, halfYear, scbChecks, type ScbFailure } from '../../../core/scb.js';
import { scbPeriods, scbRows, scbSummary } from './reports.queries.js';
import { blocksOf, countBlocks } from './scb.service.js';

let h: Harness;
let anna: { id: string; pnr: string };
let bo: { id: string; pnr: string };
let cilla: { id: string; pnr: string };
beforeAll(async () => {
  h = await createHarness();
  const person = async () => {
    const body = buildPerson();
    const { id } = (await h.as.coordinator.request('POST', '/api/v1/persons', body)).json();
    return { id: id as string, pnr: body.personalIdentityNumber };
  };
  anna = await person();
  bo = await person();
  cilla = await person();
  const m = h.municipalityId;
  await h.db
    .insertInto('register_periods')
    .values([
      {
        municipality_id: m,
        person_id: anna.id,
        entered_on: '2026-02-02',
        entry_reason: 'dropped_out',
        left_on: '2026-05-29',
        leave_reason: 'started_upper_secondary',
        source: '{}',
      },
      {
        municipality_id: m,
        person_id: bo.id,
        entered_on: '2026-03-02',
        entry_reason: 'never_started',
        left_on: '2026-04-30',
        leave_reason: null,
        source: '{}',
      },
      // Out of the register before the half: her measures in it are in neither measure block.
      {
        municipality_id: m,
        person_id: cilla.id,
        entered_on: '2025-03-03',
        entry_reason: 'dropped_out',
        left_on: '2025-10-01',
        leave_reason: 'moved_out',
        source: '{}',
      },
    ])
    .execute();
  const offer = await h.db
    .insertInto('offers')
    .values({
      municipality_id: m,
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
      {
        municipality_id: m,
        person_id: anna.id,
        offer_id: offer.id,
        starts_on: '2026-03-02',
        ended_on: '2026-04-10',
        end_reason: 'completed',
      },
      // Started after Bo left the register: the check must catch it.
      { municipality_id: m, person_id: bo.id, offer_id: offer.id, starts_on: '2026-05-04' },
      {
        municipality_id: m,
        person_id: cilla.id,
        offer_id: offer.id,
        starts_on: '2026-02-02',
        ended_on: '2026-03-02',
        end_reason: 'completed',
      },
    ])
    .execute();
});
afterAll(() => h.close());

describe('GET /api/v1/reports/scb', () => {
  it('answers 401 without a session, 403 to a school reporter and 400 naming the half for a bad one', async () => {
    expect((await h.anonymous('GET', '/api/v1/reports/scb?half=2026-H1')).statusCode).toBe(401);
    expect((await h.as.school_reporter.request('GET', '/api/v1/reports/scb?half=2026-H1')).statusCode).toBe(403);
    const bad = await h.as.coordinator.request('GET', '/api/v1/reports/scb?half=2026-H3');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['half']);
  });

  it('gives the coordinator the five blocks and each failed check with the person and what it is', async () => {
    const res = await h.as.coordinator.request('GET', '/api/v1/reports/scb?half=2026-H1');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      half: '2026-H1',
      from: '2026-01-01',
      to: '2026-06-30',
      codeListVersion: '2026.1',
      smallCellsSuppressed: false,
    });
    expect(body.blocks).toEqual({
      registrations: { total: 2, byCode: { dropped_out: 1, never_started: 1 } },
      contacts: { total: 0, byCode: {} },
      measures_started: { total: 2, byCode: { study_visit: 2 } },
      measures_ended: { total: 1, byCode: { completed: 1 } },
      deregistrations: { total: 2, byCode: { started_upper_secondary: 1, none: 1 } },
    });
    expect(body.checks.passed).toBe(false);
    expect(
      body.checks.listed
        .map((f: { check: string; block: string; person: { id: string } }) => [f.check, f.block, f.person.id])
        .sort(),
    ).toEqual([
      ['measure_outside_period', 'measures_started', bo.id],
      ['missing_reason', 'deregistrations', bo.id],
    ]);
    expect(body.checks.notShown).toBe(0);
  });

  it("counts and checks in the database exactly as core's rules do over the rows", async () => {
    const period = halfYear('2026-H1')!;
    const lists = codeListsFor('2026-H1');
    const rows = await scbRows(h.db, h.municipalityId, period, { identityNumbers: false });
    const periods = await scbPeriods(h.db, h.municipalityId, period);
    const summary = await scbSummary(h.db, h.municipalityId, period, lists);
    const key = (f: ScbFailure) => [f.check, f.block, f.personId, f.on].join();
    expect(summary.failures.map(key).sort()).toEqual(scbChecks(rows, periods, lists).map(key).sort());
    expect(summary.failures).toHaveLength(2);
    expect(blocksOf(summary.counts)).toEqual(countBlocks(rows));
    // Anna registered twice on one day (rolled back after): counted twice, found by both.
    const rollback = new Error('rollback');
    await expect(
      h.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('register_periods')
          .values({
            municipality_id: h.municipalityId,
            person_id: anna.id,
            entered_on: '2026-02-02',
            entry_reason: 'moved_in',
            left_on: '2026-02-10',
            leave_reason: 'other',
            source: '{}',
          })
          .execute();
        const twice = await scbSummary(trx, h.municipalityId, period, lists);
        const all = await scbRows(trx, h.municipalityId, period, { identityNumbers: false });
        const js = scbChecks(all, await scbPeriods(trx, h.municipalityId, period), lists);
        expect(twice.failures.map(key).sort()).toEqual(js.map(key).sort());
        expect(twice.failures.map((f) => f.check)).toContain('counted_twice');
        expect(blocksOf(twice.counts)).toEqual(countBlocks(all));
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });

  it('gives a manager counts only: small cells as "<3", failures counted but never named', async () => {
    const body = (await h.as.manager.request('GET', '/api/v1/reports/scb?half=2026-H1')).json();
    expect(body.smallCellsSuppressed).toBe(true);
    expect(body.blocks.registrations).toEqual({ total: '<3', byCode: { dropped_out: '<3', never_started: '<3' } });
    expect(body.checks).toEqual({ passed: false, failures: 2, listed: [], notShown: 2 });
    expect(JSON.stringify(body)).not.toContain(bo.pnr);
  });

  it('names no person to a team member of another agency', async () => {
    const units = new Map(
      (
        await h.db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', h.municipalityId).execute()
      ).map((u) => [u.name, u.id]),
    );
    await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: 'Test socialsekreterare',
      email: 'soc-scb@test.lotsa.local',
      role: 'team_member',
      unitId: units.get('Socialtjänsten')!,
      password: TEST_PASSWORD,
    });
    const social = await h.signIn('soc-scb@test.lotsa.local');
    const body = (await social.request('GET', '/api/v1/reports/scb?half=2026-H1')).json();
    expect(body.checks.listed).toEqual([]);
    expect(body.blocks.deregistrations.byCode.none).toBe('<3');
  });

  it('exports the CSV file in the documented layout to a coordinator only, auditing each person in it', async () => {
    expect((await h.as.manager.request('GET', '/api/v1/reports/scb?half=2026-H1&format=csv')).statusCode).toBe(403);
    // Only this export's entries: the XLSX test exports, and audits, the same persons.
    const before = await h.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    const res = await h.as.coordinator.request('GET', '/api/v1/reports/scb?half=2026-H1&format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe('block;municipality_code;identity_number;date;code;code_list_version');
    expect(lines).toContain(`1;1402;${anna.pnr};2026-02-02;1;2026.1`);
    expect(lines).toContain(`5;1402;${bo.pnr};2026-04-30;;2026.1`);
    expect(lines).toHaveLength(8);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['person_id', 'action'])
      .where('entity', '=', 'scb_return')
      .where('action', '=', 'export')
      .$if(before.id !== null, (q) => q.where('id', '>', before.id!))
      .execute();
    expect(audit.map((a) => a.person_id).sort()).toEqual([anna.id, bo.id].sort());
  });

  it('exports the same rows as an XLSX workbook', async () => {
    const res = await h.as.coordinator.request('GET', '/api/v1/reports/scb?half=2026-H1&format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
