import { describe, expect, it } from 'vitest';
import { additionDays, instantInSweden, measureOccurrences, swedishDayAndTime, weeklyHoursProblems } from './schedule.js';
import { daysOfWeek } from './iso-week.js';

const w50 = daysOfWeek({ year: 2026, week: 50 }); // Monday 7 December 2026 to Sunday 13 December
const placement = [1, 2, 3].map((weekday) => ({ weekday, start: '09:00', end: '15:00' }));

describe('a measure in the week', () => {
  it('puts a work placement Monday to Wednesday 9–15 on those days', () => {
    expect(measureOccurrences({ startsOn: '2026-12-01', plannedEndOn: null, endedOn: null, weeklyHours: placement }, w50)).toEqual([
      { day: '2026-12-07', start: '09:00', end: '15:00' },
      { day: '2026-12-08', start: '09:00', end: '15:00' },
      { day: '2026-12-09', start: '09:00', end: '15:00' },
    ]);
  });

  it('keeps to the days it runs: from its start, to its end, else its planned end', () => {
    const starts = { startsOn: '2026-12-08', plannedEndOn: null, endedOn: null, weeklyHours: placement };
    expect(measureOccurrences(starts, w50).map((o) => o.day)).toEqual(['2026-12-08', '2026-12-09']);
    const ended = { startsOn: '2026-12-01', plannedEndOn: '2026-12-31', endedOn: '2026-12-07', weeklyHours: placement };
    expect(measureOccurrences(ended, w50).map((o) => o.day)).toEqual(['2026-12-07']);
    const planned = { startsOn: '2026-12-01', plannedEndOn: '2026-12-08', endedOn: null, weeklyHours: placement };
    expect(measureOccurrences(planned, w50).map((o) => o.day)).toEqual(['2026-12-07', '2026-12-08']);
  });

  it('refuses hours that end before they start or overlap on a day, naming the entry', () => {
    expect(weeklyHoursProblems(placement)).toEqual([]);
    expect(weeklyHoursProblems([{ weekday: 1, start: '15:00', end: '09:00' }])).toEqual([{ index: 0, field: 'end', code: 'invalid' }]);
    const overlap = [{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '11:00', end: '13:00' }, { weekday: 2, start: '11:00', end: '13:00' }];
    expect(weeklyHoursProblems(overlap)).toEqual([{ index: 1, field: 'start', code: 'invalid' }]);
  });
});

describe('an addition in the week', () => {
  it('falls once on its day, or every week on its weekday from its day until its last', () => {
    expect(additionDays({ onDate: '2026-12-10', weekly: false, untilDate: null }, w50)).toEqual(['2026-12-10']);
    expect(additionDays({ onDate: '2026-12-17', weekly: false, untilDate: null }, w50)).toEqual([]);
    expect(additionDays({ onDate: '2026-11-05', weekly: true, untilDate: null }, w50)).toEqual(['2026-12-10']);
    expect(additionDays({ onDate: '2026-11-05', weekly: true, untilDate: '2026-12-09' }, w50)).toEqual([]);
    expect(additionDays({ onDate: '2026-12-17', weekly: true, untilDate: null }, w50)).toEqual([]);
  });
});

describe('Swedish time', () => {
  it('reads an instant as the day and time in Sweden, winter and summer', () => {
    expect(swedishDayAndTime(new Date('2026-12-07T23:30:00Z'))).toEqual({ day: '2026-12-08', time: '00:30' });
    expect(swedishDayAndTime(new Date('2026-06-01T07:00:00Z'))).toEqual({ day: '2026-06-01', time: '09:00' });
  });

  it('finds the instant of a day and time in Sweden, on either side of a change of summer time', () => {
    expect(instantInSweden('2026-12-07', '09:00').toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(instantInSweden('2026-06-01', '09:00').toISOString()).toBe('2026-06-01T07:00:00.000Z');
    expect(instantInSweden('2026-03-29', '09:00').toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(instantInSweden('2026-10-25', '09:00').toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });
});
