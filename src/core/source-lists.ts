/**
 * The two source lists Lotsa builds the register from, their columns, and the check of one row.
 * Errors name the column and a reason a coordinator understands (texts in ROW_ERRORS).
 */
import { END_REASONS, QUALIFICATIONS, SCHOOL_TYPES, type EndReason, type Qualification, type SchoolType } from './eligibility.js';
import { parseIdentityNumber } from './personnummer.js';

export const LIST_KINDS = ['population', 'enrolments'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** Lotsa's own column layout of each list, in order; the README documents them. */
export const COLUMNS = {
  population: ['personal_identity_number', 'given_name', 'family_name', 'street_address', 'postal_code', 'city', 'municipality_code', 'protected_identity', 'registered_since'],
  enrolments: ['personal_identity_number', 'school_unit_code', 'school_unit_name', 'school_type', 'programme_code', 'start_date', 'end_date', 'end_reason', 'qualification'],
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
  identity_format: { sv: 'Personnumret har fel form (ÅÅÅÅMMDDNNNN).', en: 'The identity number has the wrong form (YYYYMMDDNNNN).' },
  identity_date: { sv: 'Datumet i personnumret finns inte.', en: 'The date in the identity number does not exist.' },
  identity_checksum: { sv: 'Kontrollsiffran i personnumret stämmer inte.', en: 'The check digit of the identity number does not match.' },
  identity_serial: { sv: 'Födelsenumret i personnumret kan inte vara 000.', en: 'The serial number in the identity number cannot be 000.' },
  bad_date: { sv: 'Datumet ska skrivas ÅÅÅÅ-MM-DD och finnas.', en: 'The date must be written YYYY-MM-DD and exist.' },
  future_date: { sv: 'Datumet ligger i framtiden.', en: 'The date is in the future.' },
  end_before_start: { sv: 'Slutdatum ligger före startdatum.', en: 'The end date is before the start date.' },
  unknown_municipality: { sv: 'Okänd kommunkod (fyra siffror enligt SCB).', en: 'Unknown municipality code (four digits, as SCB lists them).' },
  other_municipality: { sv: 'Personen är folkbokförd i en annan kommun och importeras inte.', en: 'The person is registered in another municipality and is not imported.' },
  bad_boolean: { sv: 'Skriv ja eller nej (true/false).', en: 'Write yes or no (true/false).' },
  bad_school_unit_code: { sv: 'Skolenhetskoden ska vara åtta siffror.', en: 'The school unit code must be eight digits.' },
  unknown_school_type: { sv: 'Okänd skolform. Tillåtna: GR, GRAN, GY, GYAN, VUX, FHSK, OTHER.', en: 'Unknown school type. Allowed: GR, GRAN, GY, GYAN, VUX, FHSK, OTHER.' },
  unknown_end_reason: { sv: 'Okänd avslutsorsak. Tillåtna: completed, interrupted, transferred, other.', en: 'Unknown end reason. Allowed: completed, interrupted, transferred, other.' },
  unknown_qualification: { sv: 'Okänt utfall. Tillåtna: examen, gymnasiesarskolebevis, equivalent, studiebevis, none.', en: 'Unknown qualification. Allowed: examen, gymnasiesarskolebevis, equivalent, studiebevis, none.' },
  duplicate_row: { sv: 'Raden finns redan tidigare i filen.', en: 'The row appears earlier in the file.' },
  too_long: { sv: 'Värdet är för långt.', en: 'The value is too long.' },
} as const;
export type RowErrorCode = keyof typeof ROW_ERRORS;

/** One problem in one cell. */
export type RowError = { column: string; code: RowErrorCode; value: string };

export type PopulationRow = {
  personalIdentityNumber: string;
  birthDate: string;
  givenName: string;
  familyName: string;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  municipalityCode: string;
  protectedIdentity: boolean;
  registeredSince: string | null;
};

export type EnrolmentRow = {
  personalIdentityNumber: string;
  schoolUnitCode: string;
  schoolUnitName: string | null;
  schoolType: SchoolType;
  programmeCode: string | null;
  startDate: string;
  endDate: string | null;
  endReason: EndReason | null;
  qualification: Qualification | null;
};

export type RowResult<T> = { ok: true; row: T } | { ok: false; errors: RowError[] };

/** What a row check needs to know besides the row. */
export type RowContext = { today: string; municipalityCode: string; municipalityCodes: ReadonlySet<string> };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Accepts YYYY-MM-DD and YYYYMMDD; returns YYYY-MM-DD or null when it is no real date. */
export function parseDate(value: string): string | null {
  const v = /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}` : value;
  const m = ISO_DATE.exec(v);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === v ? v : null;
}

const BOOLEANS: Record<string, boolean> = { '': false, true: true, false: false, ja: true, nej: false, yes: true, no: false, '1': true, '0': false, j: true, n: false };

/** A cell reader that collects errors as it goes. */
function cells<K extends ListKind>(record: Record<Column<K>, string>, kind: K) {
  const errors: RowError[] = [];
  const fail = (column: string, code: RowErrorCode) => errors.push({ column, code, value: (record as Record<string, string>)[column] ?? '' });
  const text = (column: Column<K>, max = 200): string | null => {
    const v = (record[column] ?? '').trim();
    if (!v) {
      if ((REQUIRED[kind] as readonly string[]).includes(column)) fail(column, 'required');
      return null;
    }
    if (v.length > max) fail(column, 'too_long');
    return v;
  };
  const identity = (column: Column<K>, today: string) => {
    const v = text(column);
    if (v === null) return null;
    const parsed = parseIdentityNumber(v, new Date(`${today}T12:00:00Z`));
    if (!parsed.ok) {
      fail(column, `identity_${parsed.error}` as RowErrorCode);
      return null;
    }
    return parsed.value;
  };
  const date = (column: Column<K>, today: string, notAfterToday: boolean) => {
    const v = text(column);
    if (v === null) return null;
    const d = parseDate(v);
    if (!d) fail(column, 'bad_date');
    else if (notAfterToday && d > today) fail(column, 'future_date');
    return d;
  };
  const oneOf = <T extends string>(column: Column<K>, allowed: readonly T[], code: RowErrorCode): T | null => {
    const v = text(column);
    if (v === null) return null;
    const normal = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
    if (!normal) fail(column, code);
    return normal ?? null;
  };
  return { errors, fail, text, identity, date, oneOf };
}

/** Checks one population row; a row for another municipality is an error, so it is reported, not imported. */
export function checkPopulationRow(record: Record<Column<'population'>, string>, ctx: RowContext): RowResult<PopulationRow> {
  const c = cells(record, 'population');
  const id = c.identity('personal_identity_number', ctx.today);
  const givenName = c.text('given_name', 100);
  const familyName = c.text('family_name', 100);
  const streetAddress = c.text('street_address');
  const postalCode = c.text('postal_code', 10);
  const city = c.text('city', 100);
  const code = c.text('municipality_code', 4);
  if (code !== null && !ctx.municipalityCodes.has(code)) c.fail('municipality_code', 'unknown_municipality');
  else if (code !== null && code !== ctx.municipalityCode) c.fail('municipality_code', 'other_municipality');
  const flag = (record.protected_identity ?? '').trim().toLowerCase();
  if (!(flag in BOOLEANS)) c.fail('protected_identity', 'bad_boolean');
  const registeredSince = c.date('registered_since', ctx.today, true);
  if (c.errors.length) return { ok: false, errors: c.errors };
  return {
    ok: true,
    row: { personalIdentityNumber: id!.canonical, birthDate: id!.birthDate, givenName: givenName!, familyName: familyName!, streetAddress, postalCode, city, municipalityCode: code!, protectedIdentity: BOOLEANS[flag] ?? false, registeredSince },
  };
}

/** Checks one enrolment row. Enrolments come from any municipality's schools. */
export function checkEnrolmentRow(record: Record<Column<'enrolments'>, string>, ctx: RowContext): RowResult<EnrolmentRow> {
  const c = cells(record, 'enrolments');
  const id = c.identity('personal_identity_number', ctx.today);
  const unit = c.text('school_unit_code', 8);
  if (unit !== null && !/^\d{8}$/.test(unit)) c.fail('school_unit_code', 'bad_school_unit_code');
  const schoolUnitName = c.text('school_unit_name');
  const schoolType = c.oneOf('school_type', SCHOOL_TYPES, 'unknown_school_type');
  const programmeCode = c.text('programme_code', 20);
  const startDate = c.date('start_date', ctx.today, false);
  const endDate = c.date('end_date', ctx.today, true);
  if (startDate && endDate && endDate < startDate) c.fail('end_date', 'end_before_start');
  const endReason = c.oneOf('end_reason', END_REASONS, 'unknown_end_reason');
  const qualification = c.oneOf('qualification', QUALIFICATIONS, 'unknown_qualification');
  if (c.errors.length) return { ok: false, errors: c.errors };
  return { ok: true, row: { personalIdentityNumber: id!.canonical, schoolUnitCode: unit!, schoolUnitName, schoolType: schoolType!, programmeCode, startDate: startDate!, endDate, endReason, qualification } };
}

/** The key that makes two enrolment rows the same row. */
export const enrolmentKey = (r: EnrolmentRow) => `${r.personalIdentityNumber}|${r.schoolUnitCode}|${r.schoolType}|${r.startDate}`;
