/**
 * Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer).
 *
 * Accepted forms: YYYYMMDDNNNC, YYYYMMDD-NNNC, YYMMDDNNNC, YYMMDD-NNNC and YYMMDD+NNNC, where "+"
 * marks a person who has turned 100 (in a twelve-digit form the century already says so). Coordination numbers carry
 * the day of birth plus 60.
 * The canonical form Lotsa stores is twelve digits, YYYYMMDDNNNC.
 */

export type IdentityNumberKind = 'personal' | 'coordination';

export type ParsedIdentityNumber = {
  /** Twelve digits, YYYYMMDDNNNC. */
  canonical: string;
  kind: IdentityNumberKind;
  /** Date of birth as YYYY-MM-DD (for coordination numbers, the day with 60 subtracted). */
  birthDate: string;
};

/** Why a string is not a valid identity number; the key doubles as an i18n key. */
export type IdentityNumberError = 'format' | 'date' | 'checksum' | 'serial';

export type ParseResult = { ok: true; value: ParsedIdentityNumber } | { ok: false; error: IdentityNumberError };

const PATTERN = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

/** Luhn check over the ten digits YYMMDDNNNC. */
function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    let d = (tenDigits.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when the day exists in the Gregorian calendar (month 1–12). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/**
 * Parses and validates an identity number. `today` decides the century of ten-digit forms:
 * without "+" the person is under 100 on that day, with "+" they are 100 or older.
 */
export function parseIdentityNumber(input: string, today: Date = new Date()): ParseResult {
  const trimmed = input.trim();
  // The canonical form, which lists mostly hold, is checked digit by digit without a regex.
  if (trimmed.length === 12 && CANONICAL.test(trimmed)) return checkDigits(trimmed, Number(trimmed.slice(0, 4)));
  const m = PATTERN.exec(trimmed);
  if (!m) return { ok: false, error: 'format' };
  const [, century, yy, mm, dd, sep, serial, check] = m as unknown as string[];
  if (century) return checkDigits(`${century}${yy}${mm}${dd}${serial}${check}`, Number(century + yy));
  const month = Number(mm);
  const day = Number(dd) > 60 ? Number(dd) - 60 : Number(dd);
  const thisYear = today.getUTCFullYear();
  let year = Math.floor(thisYear / 100) * 100 + Number(yy);
  const birthdayPassed = (y: number) =>
    y < thisYear ||
    (y === thisYear &&
      (month < today.getUTCMonth() + 1 || (month === today.getUTCMonth() + 1 && day <= today.getUTCDate())));
  if (!birthdayPassed(year)) year -= 100;
  if (sep === '+') year -= 100;
  return checkDigits(`${year}${mm}${dd}${serial}${check}`, year);
}

const CANONICAL = /^\d{12}$/;

/**
 * Checks twelve digits YYYYMMDDNNNC whose year is `year`: a real date (day + 60 for coordination numbers), serial,
 * Luhn.
 */
function checkDigits(canonical: string, year: number): ParseResult {
  const month = Number(canonical.slice(4, 6));
  const rawDay = Number(canonical.slice(6, 8));
  const kind: IdentityNumberKind = rawDay > 60 ? 'coordination' : 'personal';
  if (!isRealDate(year, month, kind === 'coordination' ? rawDay - 60 : rawDay)) return { ok: false, error: 'date' };
  if (canonical.slice(8, 11) === '000') return { ok: false, error: 'serial' };
  if (!luhnValid(canonical.slice(2))) return { ok: false, error: 'checksum' };
  return { ok: true, value: { canonical, kind, birthDate: birthDateOf(canonical) } };
}

/**
 * The date of birth (YYYY-MM-DD) in a canonical twelve-digit number; a coordination number's day is the birth day plus
 * 60.
 */
export function birthDateOf(canonical: string): string {
  const day = Number(canonical.slice(6, 8));
  const dd = day > 60 ? String(day - 60).padStart(2, '0') : canonical.slice(6, 8);
  return `${canonical.slice(0, 4)}-${canonical.slice(4, 6)}-${dd}`;
}

/** Formats a canonical twelve-digit number as YYYYMMDD-NNNC for display. */
export function formatIdentityNumber(canonical: string): string {
  return canonical.length === 12 ? `${canonical.slice(0, 8)}-${canonical.slice(8)}` : canonical;
}

/** Age in whole years on `on` for a birth date given as YYYY-MM-DD. */
export function ageOn(birthDate: string, on: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = on.getUTCFullYear() - y;
  const beforeBirthday = on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return age;
}

/** The legal genders an identity number carries; Lotsa stores no other gender data. */
export const GENDERS = ['female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];

/** The legal gender of a canonical twelve-digit number: its eleventh digit, odd for male, even for female. */
export function genderOf(canonical: string): Gender {
  return (canonical.charCodeAt(10) - 48) % 2 === 1 ? 'male' : 'female';
}
