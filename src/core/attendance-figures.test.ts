import { describe, expect, it } from 'vitest';
import { attendanceInPeriod, protectAttendancePartitions, rateBand, type PeriodEntry } from './attendance-figures.js';

const GYM = { activityId: 'a-gym', title: 'Gym', kind: 'wellness', sessions: 4 };
const STUDY = { activityId: 'a-study', title: 'Studierum', kind: 'study_room', sessions: 2 };
const entry = (activityId: string, who: string, status: PeriodEntry['status']): PeriodEntry =>
  who.startsWith('anon:')
    ? { activityId, personId: null, anonymousKey: who.slice(5), status }
    : { activityId, personId: who, anonymousKey: null, status };

describe('a young person’s rate band', () => {
  it('puts 90 % and more in the top band, then 75 %, 50 % and below', () => {
    expect([0.9, 0.899, 0.75, 0.5, 0.499, 0].map(rateBand)).toEqual([
      'from90',
      'from75',
      'from75',
      'from50',
      'below50',
      'below50',
    ]);
  });
  it('has no band of a rate for someone never expected (only excused)', () => {
    expect(rateBand(null)).toBe('noRate');
  });
});

describe('attendance over a period', () => {
  const period = { from: '2026-12-01', to: '2026-12-31' };

  it('rates each activity as present and late over present, late and absent, excused left out', () => {
    const f = attendanceInPeriod(
      period,
      [GYM],
      [
        entry('a-gym', 'p1', 'present'),
        entry('a-gym', 'p1', 'late'),
        entry('a-gym', 'p2', 'absent'),
        entry('a-gym', 'p2', 'excused'),
      ],
    );
    expect(f.activities[0]).toMatchObject({ present: 1, late: 1, absent: 1, excused: 1, rate: 0.667 });
    expect(f.activities[0]!.youngPeople).toBe(2);
  });

  it('counts anonymous visitors who came, not those marked absent, and keeps them out of the rate', () => {
    const f = attendanceInPeriod(
      period,
      [GYM],
      [
        entry('a-gym', 'anon:1', 'present'),
        entry('a-gym', 'anon:2', 'late'),
        entry('a-gym', 'anon:3', 'absent'),
        entry('a-gym', 'p1', 'present'),
      ],
    );
    expect(f.activities[0]).toMatchObject({ anonymousVisits: 2, rate: 1, absent: 0, youngPeople: 1 });
    expect(f.totals).toEqual({ youngPeople: 1, anonymousVisits: 2, rate: 1 });
  });

  it('bands each young person by their rate over all their activities, never by name', () => {
    const f = attendanceInPeriod(
      period,
      [GYM, STUDY],
      [
        // p1: 3 of 4 across both activities (75 %); p2: 1 of 3 (33 %); p3: only excused.
        entry('a-gym', 'p1', 'present'),
        entry('a-study', 'p1', 'present'),
        entry('a-study', 'p1', 'late'),
        entry('a-gym', 'p1', 'absent'),
        entry('a-gym', 'p2', 'present'),
        entry('a-study', 'p2', 'absent'),
        entry('a-study', 'p2', 'absent'),
        entry('a-gym', 'p3', 'excused'),
      ],
    );
    expect(f.youngPeople).toEqual({ from90: 0, from75: 1, from50: 0, below50: 1, noRate: 1 });
    expect(JSON.stringify(f)).not.toContain('p1');
  });

  it('lists an activity that held sessions without entries, drops one that held none, sorts by title', () => {
    const f = attendanceInPeriod(period, [GYM, STUDY, { ...STUDY, activityId: 'a-none', sessions: 0 }], []);
    expect(f.activities.map((a) => [a.title, a.rate, a.sessions])).toEqual([
      ['Gym', null, 4],
      ['Studierum', null, 2],
    ]);
  });
});

describe('hiding a cell that the totals would give back', () => {
  const activity = (anonymousVisits: number | '<3') => ({ title: 'x', anonymousVisits });
  it('hides the next smallest band when exactly one band is hidden, since the bands add up to the total', () => {
    const shown = protectAttendancePartitions({
      youngPeople: { from90: 5, from75: 4, from50: 0, below50: '<3' as const, noRate: 0 },
      activities: [],
    });
    expect(shown.youngPeople).toEqual({ from90: 5, from75: '<3', from50: 0, below50: '<3', noRate: 0 });
  });

  it('hides a second activity’s anonymous visits when only one is hidden, and leaves two hidden ones alone', () => {
    const one = protectAttendancePartitions({
      youngPeople: {},
      activities: [activity(7), activity('<3'), activity(4)],
    });
    expect(one.activities.map((a) => a.anonymousVisits)).toEqual([7, '<3', '<3']);
    const two = protectAttendancePartitions({
      youngPeople: {},
      activities: [activity(7), activity('<3'), activity('<3')],
    });
    expect(two.activities.map((a) => a.anonymousVisits)).toEqual([7, '<3', '<3']);
  });
});
