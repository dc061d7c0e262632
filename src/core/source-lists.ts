/**
 * The two source lists Lotsa builds the register from, their columns, and the check of one row.
 * Errors name the column and a reason a coordinator understands (texts in ROW_ERRORS).
 */
import { END_REASONS, QUALIFICATIONS, SCHOOL_TYPES } from './eligibility.js';
import { isRealDate, parseIdentityNumber } from './personnummer.js';

export const LIST_KINDS = ['population', 'enrolments'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** Lotsa's own column layout of each list, in order; docs/register.md documents them. */
export const COLUMNS = {
  population: [
    'personal_identity_number',
    'given_name',
    'family_name',
    'street_address',
    'postal_code',
    'city',
    'municipality_code',
    'protected_identity',
    'registered_since',
  ],
  enrolments: [
    'personal_identity_number',
    'school_unit_code',
    'school_unit_name',
    'school_type',
    'programme_code',
    'start_date',
    'end_date',
    'end_reason',
    'qualification',
  ],
} as const;
export type Column<K extends ListKind> = (typeof COLUMNS)[K][number];

/** Columns every row must fill. */
export const REQUIRED: { [K in ListKind]: readonly Column<K>[] } = {
  population: ['personal_identity_number', 'given_name', 'family_name', 'municipality_code'],
  enrolments: ['personal_identity_number', 'school_unit_code', 'school_type', 'start_date'],
};

/** Why a row was not imported, in Swedish and English. */
export const ROW_ERRORS = {
  required: { sv: 'Värdet saknas.', en: 'The value is missing.' },
  identity_format: {
    sv: 'Personnumret har fel form (ÅÅÅÅMMDDNNNN).',
    en: 'The identity number has the wrong form (YYYYMMDDNNNN).',
  },
  identity_date: { sv: 'Datumet i personnumret finns inte.', en: 'The date in the identity number does not exist.' },
  identity_checksum: {
    sv: 'Kontrollsiffran i personnumret stämmer inte.',
    en: 'The check digit of the identity number does not match.',
  },
  identity_serial: {
    sv: 'Födelsenumret i personnumret kan inte vara 000.',
    en: 'The serial number in the identity number cannot be 000.',
  },
  bad_date: { sv: 'Datumet ska skrivas ÅÅÅÅ-MM-DD och finnas.', en: 'The date must be written YYYY-MM-DD and exist.' },
  future_date: { sv: 'Datumet ligger i framtiden.', en: 'The date is in the future.' },
  end_before_start: { sv: 'Slutdatum ligger före startdatum.', en: 'The end date is before the start date.' },
  unknown_municipality: {
    sv: 'Okänd kommunkod (fyra siffror enligt SCB).',
    en: 'Unknown municipality code (four digits, as SCB lists them).',
  },
  other_municipality: {
    sv: 'Personen är folkbokförd i en annan kommun och importeras inte.',
    en: 'The person is registered in another municipality and is not imported.',
  },
  bad_boolean: { sv: 'Skriv ja eller nej (true/false).', en: 'Write yes or no (true/false).' },
  bad_school_unit_code: {
    sv: 'Skolenhetskoden ska vara åtta siffror.',
    en: 'The school unit code must be eight digits.',
  },
  unknown_school_type: {
    sv: 'Okänd skolform. Tillåtna: GR, GRAN, GY, GYAN, VUX, FHSK, OTHER.',
    en: 'Unknown school type. Allowed: GR, GRAN, GY, GYAN, VUX, FHSK, OTHER.',
  },
  unknown_end_reason: {
    sv: 'Okänd avslutsorsak. Tillåtna: completed, interrupted, transferred, other.',
    en: 'Unknown end reason. Allowed: completed, interrupted, transferred, other.',
  },
  unknown_qualification: {
    sv: 'Okänt utfall. Tillåtna: examen, gymnasiesarskolebevis, equivalent, studiebevis, none.',
    en: 'Unknown qualification. Allowed: examen, gymnasiesarskolebevis, equivalent, studiebevis, none.',
  },
  duplicate_row: { sv: 'Raden finns redan tidigare i filen.', en: 'The row appears earlier in the file.' },
  too_long: { sv: 'Värdet är för långt.', en: 'The value is too long.' },
  line_too_long: {
    sv: 'Raden är längre än en rad i en lista kan vara (högst 100 000 tecken) och lästes inte.',
    en: 'The row is longer than a list row can be (at most 100,000 characters) and was not read.',
  },
  bad_encoding: {
    sv:
      'Raden innehåller tecken som inte är UTF-8 fast resten av filen är det. Spara filen som UTF-8 igen och ' +
      'importera den på nytt.',
    en:
      'The row holds characters that are not UTF-8 although the rest of the file is. Save the file as UTF-8 again ' +
      'and import it again.',
  },
  too_many_columns: { sv: 'Raden har fler än 200 kolumner.', en: 'The row has more than 200 columns.' },
} as const;
export type RowErrorCode = keyof typeof ROW_ERRORS;

/** One problem in one cell. */
export type RowError = { column: string; code: RowErrorCode; value: string };

/** A checked value as it is stored: text, a flag, or null for an empty optional cell. */
export type StoredValue = string | boolean | null;

/** What a row check needs to know besides the row; build it once per file with `rowContext`. */
export type RowContext = {
  today: string;
  todayDate: Date;
  municipalityCode: string;
  municipalityCodes: ReadonlySet<string>;
};

/** The context for checking the rows of one file on `today` (YYYY-MM-DD). */
export function rowContext(
  today: string,
  municipalityCode: string,
  municipalityCodes: ReadonlySet<string>,
): RowContext {
  return { today, todayDate: new Date(`${today}T12:00:00Z`), municipalityCode, municipalityCodes };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const COMPACT_DATE = /^\d{8}$/;

/** Accepts YYYY-MM-DD and YYYYMMDD; returns YYYY-MM-DD or null when it is no real date. */
export function parseDate(value: string): string | null {
  const v =
    value.length === 8 && COMPACT_DATE.test(value)
      ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}`
      : value;
  if (v.length !== 10 || !ISO_DATE.test(v)) return null;
  return isRealDate(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10))) ? v : null;
}

/** Yes and no as lists write them; an empty cell is no. */
const BOOLEANS = new Map<string, boolean>(
  Object.entries({
    '': false,
    true: true,
    false: false,
    ja: true,
    nej: false,
    yes: true,
    no: false,
    '1': true,
    '0': false,
    j: true,
    n: false,
  }),
);
const SCHOOL_UNIT_CODE = /^\d{8}$/;

/** Allowed values by their own and their lower-case spelling, so a check is a lookup or two. */
const lookup = <T extends string>(allowed: readonly T[]) =>
  new Map(allowed.flatMap((a) => [[a, a] as const, [a.toLowerCase(), a] as const]));
const SCHOOL_TYPE_BY_TEXT = lookup(SCHOOL_TYPES);
const END_REASON_BY_TEXT = lookup(END_REASONS);
const QUALIFICATION_BY_TEXT = lookup(QUALIFICATIONS);

/**
 * Reads the cells of one row and collects what is wrong with them. One reader serves a whole
 * file, row after row, so checking half a million rows allocates little besides the results.
 */
class CellReader {
  cells: readonly string[] = [];
  errors: RowError[] = [];
  constructor(
    private readonly columns: readonly string[],
    private readonly required: readonly boolean[],
    private readonly ctx: RowContext,
  ) {}

  start(cells: readonly string[]) {
    this.cells = cells;
    if (this.errors.length) this.errors = [];
  }

  fail(i: number, code: RowErrorCode) {
    this.errors.push({ column: this.columns[i]!, code, value: this.cells[i] ?? '' });
  }

  text(i: number, max = 200): string | null {
    const raw = this.cells[i];
    const v = raw === undefined ? '' : raw.trim();
    if (v === '') {
      if (this.required[i]) this.fail(i, 'required');
      return null;
    }
    if (v.length > max) this.fail(i, 'too_long');
    return v;
  }

  identity(i: number): string | null {
    const v = this.text(i);
    if (v === null) return null;
    const parsed = parseIdentityNumber(v, this.ctx.todayDate);
    if (parsed.ok) return parsed.value.canonical;
    this.fail(i, `identity_${parsed.error}`);
    return null;
  }

  date(i: number, notAfterToday: boolean): string | null {
    const v = this.text(i);
    if (v === null) return null;
    const d = parseDate(v);
    if (!d) this.fail(i, 'bad_date');
    else if (notAfterToday && d > this.ctx.today) this.fail(i, 'future_date');
    return d;
  }

  oneOf<T extends string>(i: number, allowed: ReadonlyMap<string, T>, code: RowErrorCode): T | null {
    const v = this.text(i);
    if (v === null) return null;
    const normal = allowed.get(v) ?? allowed.get(v.toLowerCase());
    if (normal === undefined) this.fail(i, code);
    return normal ?? null;
  }
}

/**
 * Checks rows of one kind of list. `check` takes a row's cells in the list's own column order
 * (COLUMNS) and returns the values to store, in the same order, or null when the row is invalid;
 * `errors` then says why, cell by cell.
 */
export type RowChecker = { check(cells: readonly string[]): StoredValue[] | null; readonly errors: RowError[] };

/** A checker whose `values` reads a row's cells with a reader and gives the values to store. */
function checker(
  kind: ListKind,
  ctx: RowContext,
  values: (c: CellReader, cells: readonly string[]) => StoredValue[],
): RowChecker {
  const columns = COLUMNS[kind];
  const c = new CellReader(
    columns,
    columns.map((col) => (REQUIRED[kind] as readonly string[]).includes(col)),
    ctx,
  );
  return {
    get errors() {
      return c.errors;
    },
    check(cells) {
      c.start(cells);
      const stored = values(c, cells);
      return c.errors.length ? null : stored;
    },
  };
}

/** A checker of population rows. A row for another municipality is an error, so it is reported, not imported. */
export const populationRowChecker = (ctx: RowContext): RowChecker =>
  checker('population', ctx, (c, cells) => {
    const id = c.identity(0);
    const givenName = c.text(1, 100);
    const familyName = c.text(2, 100);
    const streetAddress = c.text(3);
    const postalCode = c.text(4, 10);
    const city = c.text(5, 100);
    const code = c.text(6, 4);
    if (code !== null && !ctx.municipalityCodes.has(code)) c.fail(6, 'unknown_municipality');
    else if (code !== null && code !== ctx.municipalityCode) c.fail(6, 'other_municipality');
    const flag = BOOLEANS.get((cells[7] ?? '').trim().toLowerCase());
    if (flag === undefined) c.fail(7, 'bad_boolean');
    const registeredSince = c.date(8, true);
    return [id, givenName, familyName, streetAddress, postalCode, city, code, flag ?? null, registeredSince];
  });

/** A checker of enrolment rows. Enrolments come from any municipality's schools. */
export const enrolmentRowChecker = (ctx: RowContext): RowChecker =>
  checker('enrolments', ctx, (c) => {
    const id = c.identity(0);
    const unit = c.text(1, 8);
    if (unit !== null && !SCHOOL_UNIT_CODE.test(unit)) c.fail(1, 'bad_school_unit_code');
    const schoolUnitName = c.text(2);
    const schoolType = c.oneOf(3, SCHOOL_TYPE_BY_TEXT, 'unknown_school_type');
    const programmeCode = c.text(4, 20);
    const startDate = c.date(5, false);
    const endDate = c.date(6, true);
    if (startDate && endDate && endDate < startDate) c.fail(6, 'end_before_start');
    const endReason = c.oneOf(7, END_REASON_BY_TEXT, 'unknown_end_reason');
    const qualification = c.oneOf(8, QUALIFICATION_BY_TEXT, 'unknown_qualification');
    return [id, unit, schoolUnitName, schoolType, programmeCode, startDate, endDate, endReason, qualification];
  });
