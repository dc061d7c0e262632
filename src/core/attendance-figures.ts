/**
 * Attendance over a period, for the figures page: per activity (sessions held, present, late, absent, excused, the
 * rate, anonymous visits) and per young person, counted into bands of their own rate, never named. The rate rule is
 * core's `attendanceFigures`: present and late over present, late and absent; excused absence left out.
 */
import { attendanceFigures, type AttendanceStatus } from './activities.js';
import { protectPartition, SMALL_CELL } from './figures.js';

/** Bands of a young person's attendance rate over the period, highest first. */
export const RATE_BANDS = ['from90', 'from75', 'from50', 'below50', 'noRate'] as const;
export type RateBand = (typeof RATE_BANDS)[number];

/**
 * The band of a rate: 90 % or more, 75 % or more, 50 % or more, below 50 %; `noRate` when the person was never
 * expected (only excused absence).
 */
export function rateBand(rate: number | null): RateBand {
  if (rate === null) return 'noRate';
  if (rate >= 0.9) return 'from90';
  if (rate >= 0.75) return 'from75';
  if (rate >= 0.5) return 'from50';
  return 'below50';
}

/** One latest entry of a session: a known person's or an anonymous visitor's. */
export type PeriodEntry = {
  activityId: string;
  personId: string | null;
  anonymousKey: string | null;
  status: AttendanceStatus;
};

/** An activity as counted: its sessions held in the period (planned, not cancelled). */
export type PeriodActivity = { activityId: string; title: string; kind: string; sessions: number };

export type ActivityAttendance = PeriodActivity & {
  present: number;
  late: number;
  absent: number;
  excused: number;
  rate: number | null;
  /** Anonymous visitors who came (present or late). */
  anonymousVisits: number;
  /** Known young people with an entry in the period. */
  youngPeople: number;
};

export type AttendanceFigures = {
  from: string;
  to: string;
  activities: ActivityAttendance[];
  /** Young people with an entry in the period, by the band of their rate over all their activities. */
  youngPeople: Record<RateBand, number>;
  /** Known young people with an entry, and anonymous visits, over all activities. */
  totals: { youngPeople: number; anonymousVisits: number; rate: number | null };
};

const came = (s: AttendanceStatus) => s === 'present' || s === 'late';

/**
 * The period's figures from the latest entries (corrections already applied): activities without an entry are listed
 * with zeros when they held sessions; an activity's rate and each young person's rate follow `attendanceFigures`.
 */
export function attendanceInPeriod(
  period: { from: string; to: string },
  activities: PeriodActivity[],
  entries: PeriodEntry[],
): AttendanceFigures {
  const byActivity = new Map<string, PeriodEntry[]>();
  const byPerson = new Map<string, PeriodEntry[]>();
  for (const e of entries) {
    byActivity.set(e.activityId, [...(byActivity.get(e.activityId) ?? []), e]);
    if (e.personId) byPerson.set(e.personId, [...(byPerson.get(e.personId) ?? []), e]);
  }
  const rows = activities
    .filter((a) => a.sessions > 0 || byActivity.has(a.activityId))
    .map((a): ActivityAttendance => {
      const mine = byActivity.get(a.activityId) ?? [];
      const known = mine.filter((e) => e.personId);
      return {
        ...a,
        ...attendanceFigures(known),
        anonymousVisits: mine.filter((e) => e.anonymousKey && came(e.status)).length,
        youngPeople: new Set(known.map((e) => e.personId)).size,
      };
    })
    .sort((x, y) => x.title.localeCompare(y.title, 'sv') || x.activityId.localeCompare(y.activityId));
  const youngPeople = Object.fromEntries(RATE_BANDS.map((b) => [b, 0])) as Record<RateBand, number>;
  for (const list of byPerson.values()) youngPeople[rateBand(attendanceFigures(list).rate)] += 1;
  return {
    ...period,
    activities: rows,
    youngPeople,
    totals: {
      youngPeople: byPerson.size,
      anonymousVisits: entries.filter((e) => e.anonymousKey && came(e.status)).length,
      rate: attendanceFigures(entries.filter((e) => e.personId)).rate,
    },
  };
}

/** A count as shown outside the coordinator and managers: a number, or "<3". */
type ShownCount = number | typeof SMALL_CELL;

/**
 * Complementary suppression of attendance figures whose small cells are already hidden: the rate bands add up to
 * the total of young people, and the activities' anonymous visits to the total of visits, so when exactly one cell
 * of either is hidden, the next smallest is hidden too (core `protectPartition`). A copy; the input is not changed.
 */
export function protectAttendancePartitions<
  T extends { youngPeople: Record<string, ShownCount>; activities: { anonymousVisits: ShownCount }[] },
>(shown: T): T {
  const bands = { ...shown.youngPeople };
  protectPartition(bands);
  const visits = Object.fromEntries(shown.activities.map((a, i) => [String(i), a.anonymousVisits]));
  protectPartition(visits);
  return {
    ...shown,
    youngPeople: bands,
    activities: shown.activities.map((a, i) => ({ ...a, anonymousVisits: visits[String(i)]! })),
  };
}
