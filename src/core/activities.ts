/**
 * Group activities and attendance, as rules both server and web use (no zod here): the kinds of
 * activity, how a recurrence expands into sessions over a date range (weekly on given weekdays and
 * times, or single dates; Swedish holidays and the activity's closed periods skipped; sessions
 * cancelled or moved), the stable id of a session, and attendance figures.
 */
import { addDays } from './outreach.js';

/** What kind of activity a centre runs. */
export const ACTIVITY_KINDS = [
  'working_life',
  'study_room',
  'wellness',
  'study_visit',
  'theme_evening',
  'lecture',
  'social_training',
  'support_group',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** How a person took part in a session. */
export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused', 'late'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** ISO weekdays: 1 Monday … 7 Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A time of day, HH:MM (24 h). */
export type TimeOfDay = string;
export type WeeklySlot = { weekday: Weekday; start: TimeOfDay; end: TimeOfDay };
export type SingleDate = { date: string; start: TimeOfDay; end: TimeOfDay };
/** When an activity meets: every week on given weekdays, or on single dates. */
export type Recurrence = { type: 'weekly'; slots: WeeklySlot[] } | { type: 'dates'; dates: SingleDate[] };

/** Days an activity is closed, both inclusive (a summer break, a Christmas closure): no session is planned. */
export type ClosedPeriod = { from: string; to: string; reason: string | null };

/**
 * An activity's timing: its recurrence within its first and (optional) last day, and the periods it is closed
 * (none when left out).
 */
export type ActivityTiming = {
  recurrence: Recurrence;
  startsOn: string;
  endsOn: string | null;
  closedPeriods?: ClosedPeriod[];
};

/** The closed period `day` falls in, or null when the activity is open that day. */
export function closedPeriodOn(t: Pick<ActivityTiming, 'closedPeriods'>, day: string): ClosedPeriod | null {
  return (t.closedPeriods ?? []).find((p) => p.from <= day && day <= p.to) ?? null;
}

/** A change to one session, by the day it was planned for: cancelled, or moved to another day or time. */
export type SessionChange = { occursOn: string; cancelled: boolean; movedTo: SingleDate | null; note: string | null };

/** One meeting of an activity. `occursOn` (the planned day) identifies it; `date` is when it takes place. */
export type Session = {
  id: string;
  occursOn: string;
  date: string;
  start: TimeOfDay;
  end: TimeOfDay;
  cancelled: boolean;
  moved: boolean;
  note: string | null;
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** True for a time of day written HH:MM. */
export const isTimeOfDay = (s: string) => TIME.test(s);

/** The ISO weekday (1 Monday … 7 Sunday) of a YYYY-MM-DD day. */
export function weekdayOf(day: string): Weekday {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return (d === 0 ? 7 : d) as Weekday;
}

/**
 * A session's id: the activity's id and the day the session was planned for, `<activityId>_<YYYY-MM-DD>`.
 * It stays the same when the session is moved or cancelled, and needs no table of its own (an activity
 * meets at most once a day).
 */
export function sessionId(activityId: string, occursOn: string): string {
  return `${activityId}_${occursOn}`;
}

/** The activity id and planned day in a session id, or null when it is not one. */
export function parseSessionId(id: string): { activityId: string; occursOn: string } | null {
  const m = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_(\d{4}-\d{2}-\d{2})$/i.exec(id);
  if (!m) return null;
  const d = new Date(`${m[2]}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || !d.toISOString().startsWith(m[2]!)) return null;
  return { activityId: m[1]!.toLowerCase(), occursOn: m[2]! };
}

/** A problem with an activity's timing, naming its field. */
export type TimingProblem = { field: string; code: 'required' | 'invalid' | 'end_before_start' };

/**
 * What is wrong with an activity's timing: a weekly recurrence needs at least one slot and each
 * weekday at most once; single dates at least one, each day once, within the activity's days;
 * every session ends after it starts; the last day is not before the first.
 */
export function timingProblems(t: ActivityTiming): TimingProblem[] {
  const problems: TimingProblem[] = [];
  if (t.endsOn !== null && t.endsOn < t.startsOn) problems.push({ field: 'endsOn', code: 'end_before_start' });
  (t.closedPeriods ?? []).forEach((p, i) => {
    if (p.to < p.from) problems.push({ field: `closedPeriods.${i}.to`, code: 'end_before_start' });
  });
  const times = (list: { start: string; end: string }[], field: string) =>
    list.forEach((s, i) => {
      if (!isTimeOfDay(s.start) || !isTimeOfDay(s.end) || s.end <= s.start)
        problems.push({ field: `${field}.${i}.end`, code: 'end_before_start' });
    });
  if (t.recurrence.type === 'weekly') {
    const { slots } = t.recurrence;
    if (slots.length === 0) problems.push({ field: 'recurrence.slots', code: 'required' });
    if (new Set(slots.map((s) => s.weekday)).size !== slots.length)
      problems.push({ field: 'recurrence.slots', code: 'invalid' });
    times(slots, 'recurrence.slots');
  } else {
    const { dates } = t.recurrence;
    if (dates.length === 0) problems.push({ field: 'recurrence.dates', code: 'required' });
    if (new Set(dates.map((d) => d.date)).size !== dates.length)
      problems.push({ field: 'recurrence.dates', code: 'invalid' });
    dates.forEach((d, i) => {
      if (d.date < t.startsOn || (t.endsOn !== null && d.date > t.endsOn))
        problems.push({ field: `recurrence.dates.${i}.date`, code: 'invalid' });
    });
    times(dates, 'recurrence.dates');
  }
  return problems;
}

/**
 * Planned sessions before changes, keyed by day: what the recurrence says, holidays left out of weekly ones and
 * closed periods left out of both.
 */
function planned(t: ActivityTiming, from: string, to: string, isHoliday: (day: string) => boolean): SingleDate[] {
  const first = from > t.startsOn ? from : t.startsOn;
  const last = t.endsOn !== null && t.endsOn < to ? t.endsOn : to;
  if (first > last) return [];
  if (t.recurrence.type === 'dates')
    return t.recurrence.dates
      .filter((d) => d.date >= first && d.date <= last && !closedPeriodOn(t, d.date))
      .sort((a, b) => a.date.localeCompare(b.date));
  const out: SingleDate[] = [];
  const byDay = new Map(t.recurrence.slots.map((s) => [s.weekday, s]));
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const slot = byDay.get(weekdayOf(day));
    if (slot && !isHoliday(day) && !closedPeriodOn(t, day)) out.push({ date: day, start: slot.start, end: slot.end });
  }
  return out;
}

/**
 * True when the activity plans a session on `occursOn` (in its recurrence, within its days, not a holiday of a weekly
 * one).
 */
export function plansSessionOn(t: ActivityTiming, occursOn: string, isHoliday: (day: string) => boolean): boolean {
  return planned(t, occursOn, occursOn, isHoliday).length === 1;
}

/**
 * The activity's sessions that take place from `from` to `to` (inclusive), by date and time: planned
 * ones with their changes applied. A moved session is listed on the day it moved to (when that is in
 * the range), a cancelled one stays listed, marked. Weekly sessions skip days `isHoliday` names;
 * single dates are kept (someone chose them). Ranges are capped by the caller.
 */
export function expandSessions(
  activityId: string,
  t: ActivityTiming,
  from: string,
  to: string,
  changes: SessionChange[],
  isHoliday: (day: string) => boolean,
): Session[] {
  const byDay = new Map(changes.map((c) => [c.occursOn, c]));
  const out: Session[] = [];
  const add = (p: SingleDate, c: SessionChange | undefined) => {
    const at = c?.movedTo ?? p;
    if (at.date < from || at.date > to) return;
    out.push({
      id: sessionId(activityId, p.date),
      occursOn: p.date,
      date: at.date,
      start: at.start,
      end: at.end,
      cancelled: c?.cancelled ?? false,
      moved: Boolean(c?.movedTo),
      note: c?.note ?? null,
    });
  };
  for (const p of planned(t, from, to, isHoliday)) {
    const c = byDay.get(p.date);
    if (!c?.movedTo || (c.movedTo.date >= from && c.movedTo.date <= to)) add(p, c);
  }
  // Sessions planned outside the range but moved into it.
  for (const c of changes) {
    if (!c.movedTo || c.movedTo.date < from || c.movedTo.date > to || (c.occursOn >= from && c.occursOn <= to))
      continue;
    const p = planned(t, c.occursOn, c.occursOn, isHoliday)[0];
    if (p) add(p, c);
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
}

/** The one session planned for `occursOn`, with its change applied, or null when none is planned that day. */
export function sessionOn(
  activityId: string,
  t: ActivityTiming,
  occursOn: string,
  change: SessionChange | undefined,
  isHoliday: (day: string) => boolean,
): Session | null {
  const p = planned(t, occursOn, occursOn, isHoliday)[0];
  if (!p) return null;
  const at = change?.movedTo ?? p;
  return {
    id: sessionId(activityId, occursOn),
    occursOn,
    date: at.date,
    start: at.start,
    end: at.end,
    cancelled: change?.cancelled ?? false,
    moved: Boolean(change?.movedTo),
    note: change?.note ?? null,
  };
}

/** A person's latest status in a session (corrections are later entries; the latest wins). */
export type LatestAttendance = { status: AttendanceStatus };

/**
 * Attendance figures over sessions: attended (present or late), absent, excused, and the rate
 * attended / (attended + absent). An excused absence is not counted against the rate. Null when
 * nobody was expected.
 */
export function attendanceFigures(entries: LatestAttendance[]): {
  present: number;
  late: number;
  absent: number;
  excused: number;
  rate: number | null;
} {
  const n = { present: 0, late: 0, absent: 0, excused: 0 };
  for (const e of entries) n[e.status] += 1;
  const attended = n.present + n.late;
  const expected = attended + n.absent;
  return { ...n, rate: expected === 0 ? null : Math.round((attended / expected) * 1000) / 1000 };
}

/** True when two enrolments' days overlap (a null end runs on). */
export function enrolmentsOverlap(
  a: { from: string; to: string | null },
  b: { from: string; to: string | null },
): boolean {
  return (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
}

/** The longest range of days a sessions or attendance query may span. */
export const MAX_RANGE_DAYS = 400;

/** The consent category enrolments and attendance belong to: contact and occupation. */
export const ATTENDANCE_CATEGORY = 'contact_occupation' as const;
