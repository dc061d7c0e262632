/**
 * ISO 8601 weeks (`YYYY-Www`), as Swedish calendars number them: a week runs Monday to Sunday and
 * belongs to the year its Thursday falls in, so week 1 holds the year's first Thursday and a year
 * has 53 weeks when it starts on a Thursday (or on a Wednesday in a leap year). Pure: no time zone,
 * days are YYYY-MM-DD strings.
 */

/** An ISO week: its year and number (1–53). */
export type IsoWeek = { year: number; week: number };

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The weekday of a day, 1 (Monday) to 7 (Sunday). */
export function isoWeekday(day: string): number {
  return utc(day).getUTCDay() || 7;
}

/** The Monday of week 1 of `year`: the Monday on or before 4 January. */
function firstMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - (isoWeekday(dayOf(jan4)) - 1) * DAY_MS;
}

/** How many weeks the ISO year has: 52, or 53. */
export function weeksInYear(year: number): number {
  return (firstMonday(year + 1) - firstMonday(year)) / (7 * DAY_MS);
}

/** The week as `YYYY-Www`. */
export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** Reads `YYYY-Www`; null when it is not a week that exists (W00, W54, or W53 of a 52-week year). */
export function parseIsoWeek(text: string): IsoWeek | null {
  const match = WEEK_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1900 || year > 2199 || week < 1 || week > weeksInYear(year)) return null;
  return { year, week };
}

/** The ISO week a day (YYYY-MM-DD) belongs to. */
export function isoWeekOf(day: string): IsoWeek {
  // The week's Thursday decides the year.
  const thursday = utc(day).getTime() + (4 - isoWeekday(day)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  return { year, week: Math.floor((thursday - firstMonday(year)) / (7 * DAY_MS)) + 1 };
}

/** The seven days of the week, Monday first, as YYYY-MM-DD. */
export function daysOfWeek({ year, week }: IsoWeek): string[] {
  const monday = firstMonday(year) + (week - 1) * 7 * DAY_MS;
  return Array.from({ length: 7 }, (_, i) => dayOf(monday + i * DAY_MS));
}

/** The week `weeks` weeks after (negative: before) the given one. */
export function addWeeks(week: IsoWeek, weeks: number): IsoWeek {
  const monday = utc(daysOfWeek(week)[0]!).getTime() + weeks * 7 * DAY_MS;
  return isoWeekOf(dayOf(monday));
}
