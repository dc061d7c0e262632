import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../core/dates.js';
import { addDays } from '../../../core/outreach.js';
import { ensureMunicipality } from '../../bootstrap.js';
import type { DatabaseHandle } from '../../db/connection.js';
import { createTestDatabase } from '../../testing/database.js';
import { testIdentityNumber } from '../../testing/factories.js';
import { csv, populationRow, schoolHistory } from '../../testing/lists.js';
import { acceptImport } from '../imports/imports.service.js';
import { importFile } from '../imports/run-import.js';
import { reconcile } from './reconcile.js';

let handle: DatabaseHandle;
/** The municipality of the test that runs: each has its own, so its lists, register and reconciliations. */
let municipalityId: string;
let municipalityCode: string;
/** Codes of real municipalities, one for each test of the file. */
const CODES = ['1401', '1402', '1407', '1415', '1419', '1440', '1441', '1480', '1481', '1482'];
let municipalities = 0;
/** The day it is in Sweden when these tests reconcile; an applied reconciliation may not be later. */
const today = '2026-12-01';
const dir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-reconcile-'));
let files = 0;

/**
 * Imports a list the way the CLI does; every call is a new file. A population list much smaller
 * than the one before is confirmed, as the coordinator would (the guard itself is tested below).
 */
async function load(kind: 'population' | 'enrolments', rows: Record<string, string>[], status = 'ready') {
  const file = path.join(dir, `${kind}-${files++}.csv`);
  writeFileSync(file, csv(kind, rows));
  const result = await importFile(handle, { id: null, municipalityId }, kind, file, path.basename(file));
  if (status === 'ready' && result.previousResidents !== null && result.errorCount === 0) {
    await acceptImport(handle.db, { id: null, municipalityId }, result.id, [], true);
    return { ...result, status: 'ready' };
  }
  expect(result.status).toBe(status);
  return result;
}

/**
 * Applies as a coordinator who checked the preview: confirming the number leaving it showed (the guard is tested
 * below).
 */
async function apply(asOf: string) {
  const preview = await reconcile(handle, municipalityId, asOf, { apply: false, actorId: null });
  return reconcile(handle, municipalityId, asOf, {
    apply: true,
    actorId: null,
    confirmLeaving: preview.left.length,
    today,
  });
}
/** A row of the population list of the test's municipality. */
const resident = (pnr: string, over: Record<string, string> = {}) =>
  populationRow(pnr, { municipality_code: municipalityCode, ...over });
/** The lists of a result without the names, which these tests do not check. */
const bare = <T extends { name: string; protectedIdentity: boolean }>(list: T[]) =>
  list.map(({ name: _n, protectedIdentity: _p, ...rest }) => rest);
const person = (pnr: string) =>
  handle.db
    .selectFrom('persons')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('personal_identity_number', '=', pnr)
    .executeTakeFirstOrThrow();

beforeAll(async () => {
  handle = await createTestDatabase();
});
beforeEach(async () => {
  municipalityCode = CODES[municipalities++]!;
  municipalityId = await ensureMunicipality(handle.db, { code: municipalityCode, name: `Kommun ${municipalityCode}` });
});
afterAll(() => handle.close());

describe('reconciliation', () => {
  // Born 2008 or 2009, so under 20 on every day used here.
  const dropout = testIdentityNumber();
  const protectedPerson = testIdentityNumber();
  const movedAway = testIdentityNumber();
  const changedSchool = testIdentityNumber();
  const droppedOut = (pnr: string) =>
    schoolHistory(pnr, { end_date: '2026-03-01', end_reason: 'interrupted', qualification: 'none' });

  // The story of one municipality's register in October; a test of a later step first tells the earlier ones.
  /** The first lists, applied on 1 October: the dropout not yet resident, the one who changed school at school. */
  async function firstLists() {
    await load('population', [
      resident(protectedPerson, { protected_identity: 'ja' }),
      resident(movedAway),
      resident(changedSchool),
    ]);
    await load('enrolments', [
      ...droppedOut(dropout),
      ...droppedOut(protectedPerson),
      ...droppedOut(movedAway),
      ...schoolHistory(changedSchool),
    ]);
    return apply('2026-10-01');
  }
  /** 5 October: one moved away, the dropout moved in, and the protected person's list lost the protection. */
  async function oneMovesAway() {
    await load('population', [
      resident(dropout),
      resident(protectedPerson, { protected_identity: '' }),
      resident(changedSchool),
    ]);
    return apply('2026-10-05');
  }
  /** 20 October: the one who moved away is back at a new address, and the protected person moved. */
  async function oneComesBack() {
    await load('population', [
      resident(movedAway, { street_address: 'Nya gatan 7', city: 'Sävedalen' }),
      resident(protectedPerson, { street_address: 'Hemliga vägen 1' }),
      resident(dropout),
    ]);
    return apply('2026-10-20');
  }

  it('puts in everyone the rules put in, with the details of the population list', async () => {
    const result = await firstLists();
    expect(result.entered.map((e) => e.personalIdentityNumber)).toEqual([protectedPerson, movedAway].sort());
    expect((await person(protectedPerson)).protected_identity).toBe(true);
  });

  it('refuses to apply a day before the newest applied one, or a day still to come', async () => {
    await firstLists();
    await expect(apply('2026-09-30')).rejects.toMatchObject({ code: 'reconcile_before_newest' });
    await expect(apply(addDays(today, 1))).rejects.toMatchObject({ code: 'reconcile_future' });
    await expect(
      reconcile(handle, municipalityId, '2026-09-30', { apply: false, actorId: null }),
    ).resolves.toMatchObject({ inRegister: 2 });
  });

  it('never lowers protected identity from a list, and gives someone who comes back the newest details', async () => {
    await firstLists();
    const left = await oneMovesAway();
    expect(bare(left.left)).toEqual([
      { personalIdentityNumber: movedAway, reason: 'moved_out', rule: 'registeredInMunicipality' },
    ]);
    expect(left.changed).toEqual([]);
    expect((await person(protectedPerson)).protected_identity).toBe(true);

    const back = await oneComesBack();
    expect(bare(back.entered)).toEqual([{ personalIdentityNumber: movedAway, reason: 'dropped_out' }]);
    expect(bare(back.changed)).toEqual(
      [
        { personalIdentityNumber: movedAway, fields: ['street_address', 'city'] },
        { personalIdentityNumber: protectedPerson, fields: ['street_address'] },
      ].sort((a, b) => a.personalIdentityNumber.localeCompare(b.personalIdentityNumber)),
    );
    // A protected person's move is in the audit log, but the timeline gets no event that would tell it.
    const hidden = await person(protectedPerson);
    expect(hidden.street_address).toBe('Hemliga vägen 1');
    expect(
      await handle.db
        .selectFrom('events')
        .select('payload')
        .where('person_id', '=', hidden.id)
        .where('type', '=', 'person_updated')
        .execute(),
    ).toEqual([]);
    const hiddenLogged = await handle.db
      .selectFrom('audit_log')
      .select('detail')
      .where('person_id', '=', hidden.id)
      .where('entity', '=', 'person')
      .where('action', '=', 'update')
      .execute();
    expect(hiddenLogged).toEqual([{ detail: { fields: ['street_address'], source: 'population_list' } }]);
    const returning = await person(movedAway);
    expect(returning).toMatchObject({ street_address: 'Nya gatan 7', city: 'Sävedalen' });
    const logged = await handle.db
      .selectFrom('audit_log')
      .select(['entity', 'action', 'detail'])
      .where('person_id', '=', returning.id)
      .orderBy('id')
      .execute();
    expect(logged.slice(-2)).toEqual([
      { entity: 'register_period', action: 'create', detail: { asOf: '2026-10-20', person: 'known' } },
      { entity: 'person', action: 'update', detail: { fields: ['street_address', 'city'], source: 'population_list' } },
    ]);
    const updated = await handle.db
      .selectFrom('events')
      .select('payload')
      .where('person_id', '=', returning.id)
      .where('type', '=', 'person_updated')
      .execute();
    expect(updated).toEqual([{ payload: { fields: ['street_address', 'city'], source: 'population_list' } }]);
    const periods = await handle.db
      .selectFrom('register_periods')
      .innerJoin('persons', 'persons.id', 'register_periods.person_id')
      .select(['entered_on', 'left_on'])
      .where('persons.municipality_id', '=', municipalityId)
      .where('personal_identity_number', '=', movedAway)
      .orderBy('entered_on')
      .execute();
    expect(periods).toEqual([
      { entered_on: '2026-10-01', left_on: '2026-10-05' },
      { entered_on: '2026-10-20', left_on: null },
    ]);
  });

  it('ends an open enrolment that a newer list of the same school unit no longer has', async () => {
    // changedSchool is in upper secondary (unit 87654321) by the first list; a newer list of that unit lacks the
    // student.
    await firstLists();
    await oneMovesAway();
    await oneComesBack();
    await load(
      'population',
      [changedSchool, dropout, protectedPerson, movedAway].map((p) => resident(p)),
    );
    // A list of a school unit ends, the day before it arrived, the open enrolments it lacks; the lists arrive
    // today (the database's clock), so this is reconciled on the day they arrived.
    const arrived = todayInSweden();
    const still = await reconcile(handle, municipalityId, arrived, { apply: false, actorId: null });
    expect(still.entered.map((e) => e.personalIdentityNumber)).not.toContain(changedSchool);
    const backAtSchool = { ...schoolHistory(dropout)[1]!, start_date: '2026-08-17' };
    // A list of that unit with a row left out is no full roll: nobody's enrolment ends by it.
    const partial = await load(
      'enrolments',
      [backAtSchool, { ...backAtSchool, personal_identity_number: changedSchool, start_date: 'soon' }],
      'needs_review',
    );
    await acceptImport(handle.db, { id: null, municipalityId }, partial.id, [3]);
    const meanwhile = await reconcile(handle, municipalityId, arrived, { apply: false, actorId: null });
    expect(meanwhile.entered.map((e) => e.personalIdentityNumber)).not.toContain(changedSchool);
    await load('enrolments', [backAtSchool]);
    const after = await reconcile(handle, municipalityId, arrived, { apply: false, actorId: null });
    expect(bare(after.entered)).toEqual([{ personalIdentityNumber: changedSchool, reason: 'dropped_out' }]);
    // dropout started again at that unit, so leaves for upper secondary.
    expect(bare(after.left)).toEqual([
      { personalIdentityNumber: dropout, reason: 'started_upper_secondary', rule: 'notInUpperSecondary' },
    ]);
  });
});

describe('leaving on the 20th birthday', () => {
  it('closes the period on the birthday, not on the day reconciled', async () => {
    const pnr = '200610242380'; // turns 20 on 2026-10-24
    await load('population', [resident(pnr)]);
    await load(
      'enrolments',
      schoolHistory(pnr, {
        start_date: '2022-08-16',
        end_date: '2023-03-01',
        end_reason: 'interrupted',
        qualification: 'none',
      }),
    );
    expect(bare((await apply('2026-10-21')).entered)).toContainEqual({
      personalIdentityNumber: pnr,
      reason: 'dropped_out',
    });
    expect(bare((await apply('2026-11-24')).left)).toContainEqual({
      personalIdentityNumber: pnr,
      reason: 'turned_20',
      rule: 'under20',
    });
    const period = await handle.db
      .selectFrom('register_periods')
      .innerJoin('persons', 'persons.id', 'register_periods.person_id')
      .select('left_on')
      .where('personal_identity_number', '=', pnr)
      .executeTakeFirstOrThrow();
    expect(period.left_on).toBe('2026-10-24');
  });
});

describe('writing those who enter', () => {
  const count = async (table: 'persons' | 'register_periods' | 'cases' | 'audit_log') =>
    (
      await handle.db
        .selectFrom(table)
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  const counts = async () => ({
    persons: await count('persons'),
    periods: await count('register_periods'),
    cases: await count('cases'),
    audit: await count('audit_log'),
  });

  it('writes all or nothing: a person, a case started on the entry day, a period and an audit entry each', async () => {
    const newcomers = Array.from({ length: 7 }, () => testIdentityNumber());
    await load(
      'population',
      newcomers.map((p) => resident(p)),
    );
    await load(
      'enrolments',
      newcomers.flatMap((p) =>
        schoolHistory(p, { end_date: '2026-03-01', end_reason: 'interrupted', qualification: 'none' }),
      ),
    );
    const failing = [...newcomers].sort()[4]!;
    await sql`create function lotsa_test_fail() returns trigger language plpgsql as $$
      begin
        if new.person_id = (select id from persons where personal_identity_number = ${sql.lit(failing)}) then raise
          exception 'simulated crash'; end if;
        return new;
      end $$`.execute(handle.db);
    await sql`create trigger lotsa_test_fail before insert
      on register_periods for each row execute function lotsa_test_fail()`.execute(handle.db);
    const before = await counts();
    try {
      await expect(apply('2026-11-25')).rejects.toThrow(/simulated crash/);
    } finally {
      await sql`drop trigger lotsa_test_fail on register_periods`.execute(handle.db);
      await sql`drop function lotsa_test_fail`.execute(handle.db);
    }
    expect(await counts()).toEqual(before);

    const result = await apply('2026-11-25');
    expect(bare(result.entered)).toEqual(
      [...newcomers].sort().map((pnr) => ({ personalIdentityNumber: pnr, reason: 'dropped_out' })),
    );
    const written = await handle.db
      .selectFrom('persons')
      .innerJoin('register_periods', 'register_periods.person_id', 'persons.id')
      .innerJoin('cases', 'cases.person_id', 'persons.id')
      .select(['persons.personal_identity_number as pnr', 'register_periods.entered_on', 'cases.status'])
      .select(['cases.started_on', 'cases.register_diploma'])
      .select((eb) =>
        eb
          .selectFrom('audit_log')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('audit_log.person_id', '=', 'persons.id')
          .where('entity', '=', 'register_period')
          .as('audited'),
      )
      .where('persons.personal_identity_number', 'in', newcomers)
      .orderBy('persons.personal_identity_number')
      .execute();
    expect(written).toEqual(
      [...newcomers].sort().map((pnr) => ({
        pnr,
        entered_on: '2026-11-25',
        status: 'new',
        started_on: '2026-11-25',
        register_diploma: 'no',
        audited: 1,
      })),
    );
  });
});

describe('a person in several enrolment lists', () => {
  it('reads their enrolments newest list first, whatever order the database gives the rows in', async () => {
    const pnr = testIdentityNumber();
    const [gr] = schoolHistory(pnr, null);
    const gy = { ...schoolHistory(pnr)[1]!, end_date: '2026-03-01', end_reason: 'interrupted', qualification: 'none' };
    await load('population', [resident(pnr)]);
    const older = await load('enrolments', [gr!, gy]);
    // Ended the same day at another school with a studiebevis: the newer list's row comes first.
    const newer = await load('enrolments', [
      {
        ...gy,
        school_unit_code: '11112222',
        start_date: '2025-09-01',
        end_reason: 'completed',
        qualification: 'studiebevis',
      },
    ]);
    for (let i = 0; i < 3; i++) {
      const preview = await reconcile(handle, municipalityId, today, { apply: false, actorId: null });
      expect(bare(preview.entered)).toContainEqual({ personalIdentityNumber: pnr, reason: 'certificate_only' });
    }
    const applied = await apply(today);
    expect(bare(applied.entered)).toContainEqual({ personalIdentityNumber: pnr, reason: 'certificate_only' });
    const period = await handle.db
      .selectFrom('register_periods')
      .innerJoin('persons', 'persons.id', 'register_periods.person_id')
      .select('source')
      .where('personal_identity_number', '=', pnr)
      .executeTakeFirstOrThrow();
    expect((period.source as { enrolments: unknown[] }).enrolments).toEqual([
      { importId: newer.id, line: 2 },
      { importId: older.id, line: 2 },
      { importId: older.id, line: 3 },
    ]);
  });
});
