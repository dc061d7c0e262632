import { describe, expect, it } from 'vitest';
import {
  attendanceFigures,
  closedPeriodOn,
  enrolmentsOverlap,
  expandSessions,
  parseSessionId,
  plansSessionOn,
  sessionId,
  sessionOn,
  timingProblems,
  weekdayOf,
  type ActivityTiming,
} from './activities.js';
import { swedishHolidayOn } from './holidays.js';

const ID = '0193f0a0-0000-7000-8000-000000000001';
const noHolidays = () => false;
// Monday working life 9–12 and Wednesday wellness 13–15, from Monday 7 December 2026.
const weekly: ActivityTiming = {
  recurrence: {
    type: 'weekly',
    slots: [
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 3, start: '13:00', end: '15:00' },
    ],
  },
  startsOn: '2026-12-07',
  endsOn: null,
};

describe('weekdays and session ids', () => {
  it('counts ISO weekdays from Monday 1 to Sunday 7', () => {
    expect(weekdayOf('2026-12-07')).toBe(1);
    expect(weekdayOf('2026-12-13')).toBe(7);
  });
  it('names a session by its activity and planned day, and reads the name back', () => {
    expect(sessionId(ID, '2026-12-07')).toBe(`${ID}_2026-12-07`);
    expect(parseSessionId(`${ID}_2026-12-07`)).toEqual({ activityId: ID, occursOn: '2026-12-07' });
  });
  it('refuses a session id that is not an activity id and an existing day', () => {
    expect(parseSessionId(`${ID}_2026-02-30`)).toBeNull();
    expect(parseSessionId('not-a-session')).toBeNull();
    expect(parseSessionId(`${ID}-2026-12-07`)).toBeNull();
  });
});

describe('expanding a weekly activity into sessions', () => {
  it('meets on the given weekdays and times from its first day', () => {
    const s = expandSessions(ID, weekly, '2026-12-01', '2026-12-16', [], noHolidays);
    expect(s.map((x) => `${x.date} ${x.start}-${x.end}`)).toEqual([
      '2026-12-07 09:00-12:00',
      '2026-12-09 13:00-15:00',
      '2026-12-14 09:00-12:00',
      '2026-12-16 13:00-15:00',
    ]);
  });
  it('stops after its last day', () => {
    const s = expandSessions(ID, { ...weekly, endsOn: '2026-12-09' }, '2026-12-01', '2026-12-31', [], noHolidays);
    expect(s.map((x) => x.date)).toEqual(['2026-12-07', '2026-12-09']);
  });
  it('skips Swedish public holidays and the eves that count as Sundays', () => {
    // Christmas Eve and New Year's Eve 2026 are Thursdays; Christmas Day a Friday; 6 January 2027 a Wednesday.
    const t: ActivityTiming = {
      recurrence: {
        type: 'weekly',
        slots: [
          { weekday: 3, start: '10:00', end: '11:00' },
          { weekday: 4, start: '10:00', end: '11:00' },
          { weekday: 5, start: '10:00', end: '11:00' },
        ],
      },
      startsOn: '2026-12-21',
      endsOn: null,
    };
    const days = expandSessions(ID, t, '2026-12-21', '2027-01-08', [], (d) => swedishHolidayOn(d) !== null).map(
      (x) => x.date,
    );
    expect(days).toEqual(['2026-12-23', '2026-12-30', '2027-01-07', '2027-01-08']);
  });
  it('keeps a cancelled session listed, marked cancelled', () => {
    const s = expandSessions(
      ID,
      weekly,
      '2026-12-07',
      '2026-12-09',
      [{ occursOn: '2026-12-09', cancelled: true, movedTo: null, note: 'Sjuk ledare' }],
      noHolidays,
    );
    expect(s.map((x) => [x.date, x.cancelled, x.note])).toEqual([
      ['2026-12-07', false, null],
      ['2026-12-09', true, 'Sjuk ledare'],
    ]);
  });
  it('lists a moved session on its new day under its planned id, also when moved into the range', () => {
    const changes = [
      {
        occursOn: '2026-12-14',
        cancelled: false,
        movedTo: { date: '2026-12-11', start: '10:00', end: '12:00' },
        note: null,
      },
    ];
    const s = expandSessions(ID, weekly, '2026-12-10', '2026-12-12', changes, noHolidays);
    expect(s).toEqual([
      {
        id: sessionId(ID, '2026-12-14'),
        occursOn: '2026-12-14',
        date: '2026-12-11',
        start: '10:00',
        end: '12:00',
        cancelled: false,
        moved: true,
        note: null,
      },
    ]);
    expect(expandSessions(ID, weekly, '2026-12-14', '2026-12-15', changes, noHolidays)).toEqual([]);
  });
  it('finds one planned session by its day, moved or not, and none on a day without one', () => {
    const moved = {
      occursOn: '2026-12-14',
      cancelled: false,
      movedTo: { date: '2026-12-15', start: '10:00', end: '11:00' },
      note: null,
    };
    expect(sessionOn(ID, weekly, '2026-12-14', moved, noHolidays)).toMatchObject({
      id: sessionId(ID, '2026-12-14'),
      date: '2026-12-15',
      moved: true,
    });
    expect(sessionOn(ID, weekly, '2030-06-03', undefined, noHolidays)).toMatchObject({
      date: '2030-06-03',
      start: '09:00',
    });
    expect(sessionOn(ID, weekly, '2026-12-15', undefined, noHolidays)).toBeNull();
  });
  it('knows which days the recurrence plans a session on', () => {
    expect(plansSessionOn(weekly, '2026-12-14', noHolidays)).toBe(true);
    expect(plansSessionOn(weekly, '2026-12-15', noHolidays)).toBe(false);
    expect(plansSessionOn(weekly, '2026-11-30', noHolidays)).toBe(false);
  });
});

describe('activities on single dates', () => {
  const t: ActivityTiming = {
    recurrence: {
      type: 'dates',
      dates: [
        { date: '2026-12-18', start: '09:00', end: '15:00' },
        { date: '2026-12-25', start: '18:00', end: '20:00' },
      ],
    },
    startsOn: '2026-12-01',
    endsOn: null,
  };
  it('meets on each date, holidays included (someone chose them)', () => {
    expect(
      expandSessions(ID, t, '2026-12-01', '2026-12-31', [], (d) => swedishHolidayOn(d) !== null).map((x) => x.date),
    ).toEqual(['2026-12-18', '2026-12-25']);
  });
});

describe('closed periods', () => {
  // A Christmas closure from Monday 21 December to Sunday 3 January, and a summer break in July.
  const closed: ActivityTiming = {
    ...weekly,
    closedPeriods: [
      { from: '2026-12-21', to: '2027-01-03', reason: 'Julstängt' },
      { from: '2027-07-01', to: '2027-07-31', reason: null },
    ],
  };
  it('plans no session of a weekly activity inside a closed period, both ends included', () => {
    const days = expandSessions(ID, closed, '2026-12-14', '2027-01-06', [], noHolidays).map((x) => x.date);
    expect(days).toEqual(['2026-12-14', '2026-12-16', '2027-01-04', '2027-01-06']);
  });
  it('plans no single date inside a closed period either', () => {
    const t: ActivityTiming = {
      recurrence: { type: 'dates', dates: [{ date: '2027-07-15', start: '10:00', end: '12:00' }] },
      startsOn: '2027-07-01',
      endsOn: null,
      closedPeriods: closed.closedPeriods,
    };
    expect(expandSessions(ID, t, '2027-07-01', '2027-07-31', [], noHolidays)).toEqual([]);
  });
  it('has no session to find, take attendance at or move onto on a closed day', () => {
    expect(sessionOn(ID, closed, '2026-12-28', undefined, noHolidays)).toBeNull();
    expect(plansSessionOn(closed, '2026-12-28', noHolidays)).toBe(false);
    expect(plansSessionOn(closed, '2027-01-04', noHolidays)).toBe(true);
  });
  it('names the closed period a day falls in, and none outside', () => {
    expect(closedPeriodOn(closed, '2027-01-03')?.reason).toBe('Julstängt');
    expect(closedPeriodOn(closed, '2027-01-04')).toBeNull();
    expect(closedPeriodOn(weekly, '2026-12-24')).toBeNull();
  });
  it('names a closed period that ends before it starts', () => {
    const t = { ...closed, closedPeriods: [{ from: '2027-07-31', to: '2027-07-01', reason: null }] };
    expect(timingProblems(t)).toEqual([{ field: 'closedPeriods.0.to', code: 'end_before_start' }]);
  });
});

describe('timing rules', () => {
  it('accepts a weekly recurrence and single dates within the activity', () => {
    expect(timingProblems(weekly)).toEqual([]);
  });
  it('names a weekday given twice, a session ending before it starts, and a last day before the first', () => {
    const t: ActivityTiming = {
      recurrence: {
        type: 'weekly',
        slots: [
          { weekday: 1, start: '09:00', end: '08:00' },
          { weekday: 1, start: '13:00', end: '14:00' },
        ],
      },
      startsOn: '2026-12-07',
      endsOn: '2026-12-01',
    };
    expect(
      timingProblems(t)
        .map((p) => p.field)
        .sort(),
    ).toEqual(['endsOn', 'recurrence.slots', 'recurrence.slots.0.end']);
  });
  it('names a single date outside the activity’s days and an empty recurrence', () => {
    expect(
      timingProblems({
        recurrence: { type: 'dates', dates: [{ date: '2026-11-01', start: '09:00', end: '10:00' }] },
        startsOn: '2026-12-01',
        endsOn: null,
      }),
    ).toEqual([{ field: 'recurrence.dates.0.date', code: 'invalid' }]);
    expect(timingProblems({ recurrence: { type: 'weekly', slots: [] }, startsOn: '2026-12-01', endsOn: null })).toEqual(
      [{ field: 'recurrence.slots', code: 'required' }],
    );
  });
});

describe('Swedish holidays from the library', () => {
  it('names Midsummer Eve, National Day and Easter Monday, and not an ordinary Tuesday', () => {
    expect(swedishHolidayOn('2026-06-19')).toBe('midsommarafton');
    expect(swedishHolidayOn('2026-06-06')).toBe('nationaldagen');
    expect(swedishHolidayOn('2027-03-29')).toBe('annandag påsk');
    expect(swedishHolidayOn('2026-12-08')).toBeNull();
  });
});

describe('attendance figures', () => {
  it('counts present and late as attended and leaves excused absences out of the rate', () => {
    const f = attendanceFigures([
      { status: 'present' },
      { status: 'late' },
      { status: 'absent' },
      { status: 'excused' },
    ]);
    expect(f).toEqual({ present: 1, late: 1, absent: 1, excused: 1, rate: 0.667 });
  });
  it('has no rate when nobody was expected', () => {
    expect(attendanceFigures([{ status: 'excused' }]).rate).toBeNull();
  });
});

describe('overlapping enrolments', () => {
  it('overlap when they share a day, an open end running on', () => {
    expect(enrolmentsOverlap({ from: '2026-01-01', to: '2026-01-31' }, { from: '2026-01-31', to: null })).toBe(true);
    expect(enrolmentsOverlap({ from: '2026-01-01', to: null }, { from: '2027-01-01', to: '2027-02-01' })).toBe(true);
    expect(enrolmentsOverlap({ from: '2026-01-01', to: '2026-01-30' }, { from: '2026-01-31', to: null })).toBe(false);
  });
});
