import { describe, expect, it } from 'vitest';
import { codeListsFor, halfOf, halfYear, recentHalves, scbChecks, scbCsv, type ScbRow } from './scb.js';

const lists = codeListsFor('2026-H2');
const row = (o: Partial<ScbRow>): ScbRow => ({
  block: 'registrations',
  personId: 'p1',
  identityNumber: '200001012384',
  on: '2026-08-03',
  code: 'dropped_out',
  key: '2026-08-03',
  ...o,
});

describe('the half-year', () => {
  it('runs January–June for H1 and July–December for H2, and is nothing else', () => {
    expect(halfYear('2026-H1')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(halfYear('2026-H2')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(halfYear('2026-H3')).toBeNull();
    expect(halfYear('2026-1')).toBeNull();
  });

  it('holds a day in H1 up to the end of June and in H2 from the first of July', () => {
    expect(halfOf('2026-06-30')).toBe('2026-H1');
    expect(halfOf('2026-07-01')).toBe('2026-H2');
    expect(halfOf('2027-01-01')).toBe('2027-H1');
  });

  it('lists the recent half-years newest first, across the turn of the year', () => {
    expect(recentHalves('2026-12-07', 3)).toEqual(['2026-H2', '2026-H1', '2025-H2']);
    expect(recentHalves('2027-02-01', 4)).toEqual(['2027-H1', '2026-H2', '2026-H1', '2025-H2']);
  });

  it('is made with the newest code list that applies to it', () => {
    expect(codeListsFor('2026-H1').version).toBe('2026.1');
  });
});

describe('the consistency checks', () => {
  const periods = [{ personId: 'p1', enteredOn: '2026-08-01', leftOn: '2026-10-31' }];

  it('passes a return whose measures lie inside a register period and whose rows all have reasons', () => {
    const rows = [
      row({}),
      row({ block: 'measures_started', on: '2026-09-01', code: 'guidance', key: 'm1' }),
      row({ block: 'deregistrations', on: '2026-10-31', code: 'turned_20' }),
    ];
    expect(scbChecks(rows, periods, lists)).toEqual([]);
  });

  it('finds a measure started outside every register period of the person', () => {
    const rows = [row({ block: 'measures_started', on: '2026-11-02', code: 'guidance', key: 'm1' })];
    expect(scbChecks(rows, periods, lists)).toEqual([
      { check: 'measure_outside_period', block: 'measures_started', personId: 'p1', on: '2026-11-02' },
    ]);
  });

  it('finds a de-registration without a reason, and someone counted twice in a block', () => {
    const rows = [row({ block: 'deregistrations', on: '2026-10-31', code: null }), row({}), row({})];
    expect(scbChecks(rows, periods, lists).map((f) => [f.check, f.block])).toEqual([
      ['missing_reason', 'deregistrations'],
      ['counted_twice', 'registrations'],
    ]);
  });

  it('finds a code that the code list does not have', () => {
    expect(scbChecks([row({ code: 'invented' })], periods, lists).map((f) => f.check)).toEqual(['unknown_code']);
  });
});

describe('the CSV file', () => {
  it("writes the header, then one line per row in SCB's block order with SCB's codes", () => {
    const csv = scbCsv(
      [row({ block: 'deregistrations', on: '2026-10-31', code: 'moved_out' }), row({})],
      '1402',
      lists,
    );
    expect(csv).toBe(
      'block;municipality_code;identity_number;date;code;code_list_version\r\n' +
        '1;1402;200001012384;2026-08-03;1;2026.1\r\n' +
        '5;1402;200001012384;2026-10-31;2;2026.1\r\n',
    );
  });
});
