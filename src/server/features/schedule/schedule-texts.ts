/** The words of the printed week and the young person's feed, in plain Swedish and English. */
import type { ScheduleItem } from '../../../core/schedule-schemas.js';

export type Lang = 'sv' | 'en';

export const TEXT = {
  sv: {
    title: (week: number) => `Min vecka – vecka ${week}`,
    hello: (name: string) => `Hej ${name}! Här är din vecka.`,
    period: (from: string, to: string) => `${from} – ${to}`,
    weekdays: ['Måndag', 'Tisdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lördag', 'Söndag'],
    months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
    nothing: 'Inget inplanerat.',
    allDay: 'Hela dagen',
    meeting: 'Möte',
    home_visit: 'Hembesök',
    drop_in: 'Drop-in',
    withStaff: (what: string, name: string) => `${what} med ${name}`,
    cancelled: 'Inställt',
    moved: (day: string, time: string) => `Flyttat (var ${day} ${time})`,
    askContact: 'Undrar du något, eller kan du inte komma? Hör av dig till din kontaktperson.',
    printed: (on: string) => `Utskrivet ${on}`,
    more: (n: number) => `… och ${n} till. Fråga din kontaktperson.`,
  },
  en: {
    title: (week: number) => `My week – week ${week}`,
    hello: (name: string) => `Hi ${name}! Here is your week.`,
    period: (from: string, to: string) => `${from} – ${to}`,
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    nothing: 'Nothing planned.',
    allDay: 'All day',
    meeting: 'Meeting',
    home_visit: 'Home visit',
    drop_in: 'Drop-in',
    withStaff: (what: string, name: string) => `${what} with ${name}`,
    cancelled: 'Cancelled',
    moved: (day: string, time: string) => `Moved (was ${day} ${time})`,
    askContact: 'Questions, or can’t come? Get in touch with your contact person.',
    printed: (on: string) => `Printed ${on}`,
    more: (n: number) => `… and ${n} more. Ask your contact person.`,
  },
} as const;

/** A day as "7 december" / "7 December". */
export function dayMonth(day: string, lang: Lang): string {
  const [, month, date] = day.split('-').map(Number);
  return `${date} ${TEXT[lang].months[month! - 1]}`;
}

/** What an item is called: a meeting by its kind (and, where allowed, whom), anything else by its title. */
export function itemTitle(item: ScheduleItem, lang: Lang, options: { withStaff: boolean; cancelledPrefix: boolean }): string {
  const t = TEXT[lang];
  let title = item.title ?? '';
  if (item.kind === 'meeting') {
    const what = item.detail === 'home_visit' ? t.home_visit : item.detail === 'drop_in' ? t.drop_in : t.meeting;
    title = options.withStaff && item.staffName ? t.withStaff(what, item.staffName) : what;
  }
  return options.cancelledPrefix ? `${t.cancelled}: ${title}` : title;
}
