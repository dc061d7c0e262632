/**
 * What any text or date sent to Lotsa must be, whatever the field: rules the server applies to
 * every request (http/input-guard.ts) and the schemas apply to each field, so forms say the same.
 */

/** A UTF-16 surrogate without its other half, which no character encoding can store. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when PostgreSQL can store `s` as it is: no NUL character and no lone surrogate. */
export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

/**
 * The days Lotsa accepts (YYYY-MM-DD): from the birth of the oldest person any register could
 * hold to well past any plan. Outside it a date is a typing error (year 0000, 9999).
 */
export const DAY_RANGE = { first: '1900-01-01', last: '2199-12-31' } as const;

/** True when `day` (YYYY-MM-DD, already known to exist) lies within DAY_RANGE. */
export function isDayInRange(day: string): boolean {
  return day >= DAY_RANGE.first && day <= DAY_RANGE.last;
}

/** True when the instant `iso` (a date-time with offset) falls on a day within DAY_RANGE (UTC). */
export function isInstantInRange(iso: string): boolean {
  const t = Date.parse(iso);
  return !Number.isNaN(t) && isDayInRange(new Date(t).toISOString().slice(0, 10));
}
