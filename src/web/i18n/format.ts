/** Date and time formatting in the UI language. */
import { useTranslation } from 'react-i18next';
import { localeOf } from './index.js';

/** Formatters for the current UI language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return {
    /** A calendar date (YYYY-MM-DD or ISO timestamp) as a local date. */
    date: (value: string) =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeZone: value.length === 10 ? 'UTC' : undefined,
      }).format(new Date(value)),
    /** An ISO timestamp as local date and time. */
    dateTime: (value: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)),
    /** An ISO timestamp as local time of day. */
    time: (value: string) => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(value)),
    /** A whole number with the language's digit grouping. */
    number: (value: number) => new Intl.NumberFormat(locale).format(value),
  };
}

/** Today's date in the browser's time zone as YYYY-MM-DD (the value of a date input). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
