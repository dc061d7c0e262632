import { describe, expect, it } from 'vitest';
import { enrolmentKey, repeatedEnrolments } from './repeated-rows.js';

const row = (pnr: string, unit: string, type: string, start: string) => [
  pnr,
  unit,
  'Skolan',
  type,
  'NA',
  start,
  null,
  null,
  null,
];

describe('repeated enrolment rows', () => {
  it('finds a row that repeats an earlier one, and only that row', () => {
    const isRepeat = repeatedEnrolments();
    expect(isRepeat(row('200701012384', '12345678', 'GY', '2023-08-15'))).toBe(false);
    expect(isRepeat(row('200701012384', '12345678', 'GY', '2023-08-15'))).toBe(true);
    expect(isRepeat(row('200701012384', '12345678', 'GY', '2023-08-15'))).toBe(true);
  });

  it('tells apart rows that differ in the person, the school unit, the school type or the start date alone', () => {
    const isRepeat = repeatedEnrolments();
    const rows = [
      row('200701012384', '12345678', 'GY', '2023-08-15'),
      row('200701012392', '12345678', 'GY', '2023-08-15'),
      row('200701012384', '12345679', 'GY', '2023-08-15'),
      row('200701012384', '12345678', 'GYAN', '2023-08-15'),
      row('200701012384', '12345678', 'GY', '2023-08-16'),
      row('200701012384', '12345678', 'GY', '2023-09-15'),
      row('200701012384', '12345678', 'GY', '2024-08-15'),
      row('200701012384', '99999999', 'OTHER', '9999-12-31'),
      row('200701012384', '00000000', 'GR', '0001-01-01'),
    ];
    expect(rows.map(isRepeat)).toEqual(rows.map(() => false));
  });

  it('packs the extremes of every field into exact integers', () => {
    const [hi, lo] = enrolmentKey(row('999999999999', '99999999', 'OTHER', '9999-12-31'));
    expect(Number.isSafeInteger(hi)).toBe(true);
    expect(Number.isSafeInteger(lo)).toBe(true);
  });
});
