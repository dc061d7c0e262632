/**
 * The individual schedule: a young person's week, assembled from what is recorded (booked meetings,
 * measures with weekly hours, activity sessions they are enrolled in) and the contact person's
 * additions. The rules that turn each source into the week's items are pure and live here, so the
 * server, the printed week and the young person's own view place items alike. No zod here.
 */
import { isoWeekday } from './iso-week.js';

/** What an item of the week is. */
export const SCHEDULE_KINDS = ['activity', 'meeting', 'measure', 'addition'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/** Whether an item takes place as planned, was cancelled, or was moved (to another time, shown). */
export const SCHEDULE_STATUSES = ['planned', 'cancelled', 'moved'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

/** A time of day, HH:MM on a 24-hour clock. */
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** One weekday's hours of a measure: weekday 1 (Monday) to 7 (Sunday), start and end as HH:MM. */
export type WeeklyHour = { weekday: number; start: string; end: string };

/** Problems of a list of weekly hours: an end not after its start, hours overlapping others that day. */
export function weeklyHoursProblems(hours: WeeklyHour[]): { index: number; field: 'start' | 'end'; code: 'invalid' }[] {
  const problems: { index: number; field: 'start' | 'end'; code: 'invalid' }[] = [];
  hours.forEach((h, i) => {
    if (h.end <= h.start) problems.push({ index: i, field: 'end', code: 'invalid' });
    else if (hours.some((o, j) => j < i && o.weekday === h.weekday && o.start < h.end && h.start < o.end)) {
      problems.push({ index: i, field: 'start', code: 'invalid' });
    }
  });
  return problems;
}

/** A measure as the week needs it: its days (end: ended, else planned end, else open) and hours. */
export type MeasureSource = { startsOn: string; plannedEndOn: string | null; endedOn: string | null; weeklyHours: WeeklyHour[] };

/** The days of `days` on which the measure runs, each with its hours, in day and time order. */
export function measureOccurrences(m: MeasureSource, days: string[]): { day: string; start: string; end: string }[] {
  const last = m.endedOn ?? m.plannedEndOn;
  const out: { day: string; start: string; end: string }[] = [];
  for (const day of days) {
    if (day < m.startsOn || (last && day > last)) continue;
    const weekday = isoWeekday(day);
    for (const h of m.weeklyHours) if (h.weekday === weekday) out.push({ day, start: h.start, end: h.end });
  }
  return out.sort((a, b) => (a.day + a.start).localeCompare(b.day + b.start));
}

/** An addition as the week needs it: once on `onDate`, or every week on its weekday until `untilDate`. */
export type AdditionSource = { onDate: string; weekly: boolean; untilDate: string | null };

/** The days of `days` the addition falls on. */
export function additionDays(a: AdditionSource, days: string[]): string[] {
  if (!a.weekly) return days.filter((d) => d === a.onDate);
  const weekday = isoWeekday(a.onDate);
  return days.filter((d) => d >= a.onDate && (!a.untilDate || d <= a.untilDate) && isoWeekday(d) === weekday);
}

const swedishParts = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The day (YYYY-MM-DD) and time (HH:MM) in Sweden at an instant. */
export function swedishDayAndTime(at: Date): { day: string; time: string } {
  const part = (type: string) => swedishParts.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return { day: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

/** Orders items by day, then start (whole-day items first), then title. */
export function compareItems(
  a: { day: string; start: string | null; title: string | null },
  b: { day: string; start: string | null; title: string | null },
): number {
  return a.day.localeCompare(b.day) || (a.start ?? '').localeCompare(b.start ?? '') || (a.title ?? '').localeCompare(b.title ?? '');
}

/** The instant a day and time (HH:MM) in Sweden names, summer time or not. */
export function instantInSweden(day: string, time: string): Date {
  const wanted = Date.parse(`${day}T${time}:00Z`);
  let guess = wanted - 3_600_000;
  // Twice: the first step finds the offset, the second corrects it across a change of summer time.
  for (let i = 0; i < 2; i++) {
    const shown = swedishDayAndTime(new Date(guess));
    guess += wanted - Date.parse(`${shown.day}T${shown.time}:00Z`);
  }
  return new Date(guess);
}
