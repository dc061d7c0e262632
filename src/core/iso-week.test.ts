import { describe, expect, it } from 'vitest';
import { addWeeks, daysOfWeek, formatIsoWeek, isoWeekday, isoWeekOf, parseIsoWeek, weeksInYear } from './iso-week.js';

describe('ISO weeks', () => {
  it('reads YYYY-Www and refuses other shapes', () => {
    expect(parseIsoWeek('2026-W50')).toEqual({ year: 2026, week: 50 });
    for (const bad of ['2026-W5', '2026W50', '2026-w50', '2026-W00', '2026-W54', ' 2026-W50', '26-W50', '2026-12-07', '']) {
      expect(parseIsoWeek(bad)).toBeNull();
    }
  });

  it('knows which years have 53 weeks: 2026 starts on a Thursday, 2027 does not, leap 2032 starts on a Thursday too', () => {
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2027)).toBe(52);
    expect(weeksInYear(2020)).toBe(53); // a leap year starting on a Wednesday
    expect(weeksInYear(2032)).toBe(53);
    expect(parseIsoWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(parseIsoWeek('2027-W53')).toBeNull();
  });

  it('puts 2026-W53 across the new year, from Monday 28 December to Sunday 3 January', () => {
    expect(daysOfWeek({ year: 2026, week: 53 })).toEqual([
      '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03',
    ]);
    expect(formatIsoWeek(isoWeekOf('2027-01-03'))).toBe('2026-W53');
    expect(formatIsoWeek(isoWeekOf('2027-01-04'))).toBe('2027-W01');
  });

  it('lets week 1 start in the year before: 2025-W01 begins on Monday 30 December 2024', () => {
    expect(daysOfWeek({ year: 2025, week: 1 })[0]).toBe('2024-12-30');
    expect(formatIsoWeek(isoWeekOf('2024-12-30'))).toBe('2025-W01');
    expect(formatIsoWeek(isoWeekOf('2021-01-03'))).toBe('2020-W53');
  });

  it('numbers weekdays Monday 1 to Sunday 7 and steps weeks across years', () => {
    expect(isoWeekday('2026-12-07')).toBe(1);
    expect(isoWeekday('2026-12-13')).toBe(7);
    expect(formatIsoWeek(addWeeks({ year: 2026, week: 52 }, 1))).toBe('2026-W53');
    expect(formatIsoWeek(addWeeks({ year: 2026, week: 53 }, 1))).toBe('2027-W01');
    expect(formatIsoWeek(addWeeks({ year: 2027, week: 1 }, -1))).toBe('2026-W53');
    expect(formatIsoWeek(addWeeks({ year: 2026, week: 10 }, -10))).toBe('2025-W52');
  });
});
