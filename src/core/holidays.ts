/**
 * Swedish public holidays, from the maintained `date-holidays` library (its rules follow the law on
 * public holidays, lagen om allmänna helgdagar), not a hand-kept list. Midsummer's, Christmas and New
 * Year's eves count too (the library's "bank" days in Sweden): they are treated as Sundays in working
 * life and a centre is closed. Pure: no Node or DOM APIs, so server and web may both use it.
 */
import Holidays from 'date-holidays';

const sweden = new Holidays('SE');
const byYear = new Map<number, Map<string, string>>();

/** The year's days off in Sweden, YYYY-MM-DD → Swedish name. */
export function swedishHolidays(year: number): Map<string, string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Map();
    for (const h of sweden.getHolidays(year)) {
      if (h.type === 'public' || h.type === 'bank') days.set(h.date.slice(0, 10), h.name);
    }
    byYear.set(year, days);
  }
  return days;
}

/** The name of the Swedish holiday on `day` (YYYY-MM-DD), or null on an ordinary day. */
export function swedishHolidayOn(day: string): string | null {
  return swedishHolidays(Number(day.slice(0, 4))).get(day) ?? null;
}
