/**
 * What reconciliation needs to know, read in two streams on the reconciling session: every
 * enrolment row of the ready enrolment lists, kept by person, then one row per person who is in
 * the newest population list or has an open register period. Both travel as COPY text, which
 * costs a fraction of a result set of half a million rows, and are read a chunk at a time.
 */
import type { EndReason, EnrolmentFacts, Qualification, SchoolType } from '../../../core/eligibility.js';
import type { Session } from '../../db/session.js';
import { IntegerMap } from '../../integer-tables.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A UUID as an SQL literal. COPY takes no parameters, so the few values it needs are checked and inlined. */
function uuidLiteral(value: string): string {
  if (!UUID.test(value)) throw new Error(`Not a UUID: ${value}`);
  return `'${value}'`;
}

/**
 * A COPY text field: null for NULL (\N). Values read here were checked on import and hold no tab, line break or
 * backslash.
 */
const field = (f: string | undefined): string | null => (f === '\\N' || f === undefined ? null : f);

/**
 * Calls `onLine` with each line of a COPY text stream (fields separated by tabs), as where it lies
 * in a text of whole lines: the `nth` text (from 0) of the stream, from `start` to `end`.
 */
async function eachLineIn(
  chunks: AsyncIterable<string>,
  onLine: (text: string, start: number, end: number, nth: number) => void,
): Promise<void> {
  let rest = '';
  let nth = -1;
  for await (const chunk of chunks) {
    const text = rest + chunk;
    nth++;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      onLine(text, start, nl, nth);
      start = nl + 1;
    }
    rest = text.slice(start);
  }
}

/** Calls `onLine` with each line of a COPY text stream. */
const eachLine = (chunks: AsyncIterable<string>, onLine: (line: string) => void) =>
  eachLineIn(chunks, (text, start, end) => onLine(text.slice(start, end)));

/**
 * A person's twelve-digit identity number at `at` in `text`, as a number (below 2^40), read without making a string.
 */
function personKey(text: string, at: number): number {
  let key = 0;
  for (let i = at; i < at + 12; i++) key = key * 10 + text.charCodeAt(i) - 48;
  return key;
}

/** One enrolment as reconciliation sees it: the facts the rules read and where the row came from. */
type EnrolmentSource = EnrolmentFacts & { importId: string; line: number; schoolUnitCode: string };

/** Which list says who is enrolled at a school unit now, and the day before it was imported. */
export type Coverage = Map<string, { importId: string; endedBy: string }>;

/**
 * The enrolments of the ready lists `importIds` (newest first), by person: `of(pnr)` gives a
 * person's. The rows stay in the texts they came in, found through tables of plain numbers (the
 * text and place of each row, the row before it of the same person, each person's last row), so
 * 450,000 rows make no object each until a person's are asked for.
 */
export async function readEnrolments(
  session: Session,
  importIds: string[],
  coverage: Coverage,
): Promise<{ of(pnr: string): EnrolmentSource[] }> {
  const texts: string[] = [];
  let rows = 0;
  let where = new Float64Array(1 << 16);
  let before = new Int32Array(1 << 16);
  const last = new IntegerMap();
  if (importIds.length) {
    // The list as its place among `importIds` rather than its id, which would be a third of the text.
    const list = `array_position(array[${importIds.map(uuidLiteral).join(', ')}]::uuid[], import_id) - 1`;
    const stream = session.copyOut(
      `copy (select personal_identity_number, ${list}, line, school_unit_code, school_type, start_date, end_date,
        end_reason, qualification from enrolment_rows
          where import_id in (${importIds.map(uuidLiteral).join(', ')})) to stdout`,
    );
    await eachLineIn(stream, (text, start, _end, nth) => {
      texts[nth] = text;
      if (rows === before.length) {
        where = grown(where);
        before = grown(before);
      }
      const key = personKey(text, start);
      // The identity number and its tab are left behind: the row is kept from its list on.
      where[rows] = nth * TEXT_SPAN + start + 13;
      before[rows] = last.get(key);
      last.set(key, rows++);
    });
  }
  const rowText = (row: number) => {
    const text = texts[Math.floor(where[row]! / TEXT_SPAN)]!;
    const start = where[row]! % TEXT_SPAN;
    return text.slice(start, text.indexOf('\n', start));
  };
  return {
    of: (pnr) => {
      const mine: string[] = [];
      for (let row = last.get(personKey(pnr, 0)); row >= 0; row = before[row]!) mine.push(rowText(row));
      return enrolmentsOf(mine, importIds, coverage);
    },
  };
}

/** A row's `where` is its text's number × TEXT_SPAN + its place in the text (no string is that long). */
const TEXT_SPAN = 2 ** 32;

function grown<T extends Float64Array | Int32Array>(array: T): T {
  const bigger = new (array.constructor as new (n: number) => T)(2 * array.length);
  bigger.set(array);
  return bigger;
}

/**
 * A person's enrolments from their rows, newest list first and each list's in its order (the
 * database gives them in no order of its own: a parallel scan mixes them). Where lists repeat an
 * enrolment (same school unit, type and start), the newest list's row wins. An enrolment still open
 * in an older list of a school unit that a newer list covers is over: the newer list no longer has
 * the student there, so it ended by the day before that list was imported.
 */
function enrolmentsOf(rows: string[], importIds: string[], coverage: Coverage): EnrolmentSource[] {
  const out: (EnrolmentSource & { rank: number })[] = [];
  for (const row of rows) {
    const [list, line, unit, type, start, end, reason, qualification] = row.split('\t') as string[];
    const rank = Number(list);
    const importId = importIds[rank]!;
    const covering = coverage.get(unit!);
    const superseded = field(end) === null && covering !== undefined && covering.importId !== importId;
    const e = {
      importId,
      rank,
      line: Number(line),
      schoolUnitCode: unit!,
      schoolType: type as SchoolType,
      startDate: start!,
      endDate: superseded ? (covering.endedBy > start! ? covering.endedBy : start!) : field(end),
      // Gone from the roll without completing: as good as interrupted, until the school says otherwise.
      endReason: superseded ? ('other' as const) : (field(reason) as EndReason | null),
      qualification: field(qualification) as Qualification | null,
    };
    const same = out.findIndex(
      (o) => o.schoolUnitCode === e.schoolUnitCode && o.schoolType === e.schoolType && o.startDate === e.startDate,
    );
    if (same < 0) out.push(e);
    else if (e.rank < out[same]!.rank) out[same] = e;
  }
  return out.sort((a, b) => a.rank - b.rank || a.line - b.line);
}

/** One person reconciliation looks at. */
export type PersonFacts = {
  pnr: string;
  /** The person's line in the newest population list, or null when they are not in it. */
  line: number | null;
  municipalityCode: string | null;
  registeredSince: string | null;
  personId: string | null;
  periodId: string | null;
  enteredOn: string | null;
  /** Details in the population list that differ from the person's (only for persons in both). */
  changed: string[];
};

/** Population fields that reconciliation copies to a person; protected identity is only ever raised. */
export const DETAIL_FIELDS = [
  'given_name',
  'family_name',
  'street_address',
  'postal_code',
  'city',
  'protected_identity',
] as const;

const differs = DETAIL_FIELDS.map((f) =>
  f === 'protected_identity'
    ? `case when pop.protected_identity and not cur.protected_identity then '${f}' end`
    : `case when pop.${f} is distinct from cur.${f} then '${f}' end`,
).join(', ');

/**
 * Calls `onPerson` for everyone in the population list `populationImportId` and everyone of the
 * municipality with an open register period, once each, with their person and period if any.
 */
export async function eachPerson(
  session: Session,
  municipalityId: string,
  populationImportId: string,
  onPerson: (p: PersonFacts) => void,
): Promise<void> {
  const stream = session.copyOut(`copy (
    with pop as (select * from population_rows where import_id = ${uuidLiteral(populationImportId)}),
         cur as (
           select p.id, p.personal_identity_number, p.given_name, p.family_name, p.street_address, p.postal_code,
             p.city, p.protected_identity, r.id as period_id, r.entered_on
           from persons p left join register_periods r on r.person_id = p.id and r.left_on is null
           where p.municipality_id = ${uuidLiteral(municipalityId)})
    select coalesce(pop.personal_identity_number, cur.personal_identity_number), pop.line, pop.municipality_code,
      pop.registered_since,
           cur.id, cur.period_id, cur.entered_on, case when cur.id is not null and pop.line is not null
             then concat_ws(',', ${differs}) end
    from pop full join cur on cur.personal_identity_number = pop.personal_identity_number
    where pop.line is not null or cur.period_id is not null) to stdout`);
  await eachLine(stream, (text) => {
    const f = text.split('\t');
    const line = field(f[1]);
    const changed = field(f[7]);
    onPerson({
      pnr: f[0]!,
      line: line === null ? null : Number(line),
      municipalityCode: field(f[2]),
      registeredSince: field(f[3]),
      personId: field(f[4]),
      periodId: field(f[5]),
      enteredOn: field(f[6]),
      changed: changed ? changed.split(',') : [],
    });
  });
}
