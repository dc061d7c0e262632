/**
 * Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer).
 *
 * Accepted forms: YYYYMMDDNNNC, YYYYMMDD-NNNC, YYMMDDNNNC, YYMMDD-NNNC and YYMMDD+NNNC, where "+"
 * marks a person who has turned 100 (in a twelve-digit form the century already says so). Coordination numbers carry the day of birth plus 60.
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

export type ParseResult =
  | { ok: true; value: ParsedIdentityNumber }
  | { ok: false; error: IdentityNumberError };

const PATTERN = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

/** Luhn check over the ten digits YYMMDDNNNC. */
export function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Parses and validates an identity number. `today` decides the century of ten-digit forms:
 * without "+" the person is under 100 on that day, with "+" they are 100 or older.
 */
export function parseIdentityNumber(input: string, today: Date = new Date()): ParseResult {
  const m = PATTERN.exec(input.trim());
  if (!m) return { ok: false, error: 'format' };
  const [, century, yy, mm, dd, sep, serial, check] = m as unknown as string[];
  const month = Number(mm);
  let day = Number(dd);
  const kind: IdentityNumberKind = day > 60 ? 'coordination' : 'personal';
  if (kind === 'coordination') day -= 60;

  let year: number;
  if (century) {
    year = Number(century + yy);
  } else {
    const thisYear = today.getUTCFullYear();
    year = Math.floor(thisYear / 100) * 100 + Number(yy);
    const birthdayPassed = (y: number) =>
      y < thisYear ||
      (y === thisYear && (month < today.getUTCMonth() + 1 || (month === today.getUTCMonth() + 1 && day <= today.getUTCDate())));
    if (!birthdayPassed(year)) year -= 100;
    if (sep === '+') year -= 100;
  }
  if (!isRealDate(year, month, day)) return { ok: false, error: 'date' };
  if (serial === '000') return { ok: false, error: 'serial' };
  if (!luhnValid(`${yy}${mm}${dd}${serial}${check}`)) return { ok: false, error: 'checksum' };

  const canonical = `${year}${mm}${dd}${serial}${check}`;
  const birthDate = `${year}-${mm}-${String(day).padStart(2, '0')}`;
  return { ok: true, value: { canonical, kind, birthDate } };
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
