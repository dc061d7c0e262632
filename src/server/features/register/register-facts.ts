/**
 * What reconciliation needs to know, read in two streams on the reconciling session: every
 * enrolment row of the ready enrolment lists, kept by person, then one row per person who is in
 * the newest population list or has an open register period. Both travel as COPY text, which
 * costs a fraction of a result set of half a million rows, and are read a chunk at a time.
 */
import type { EndReason, EnrolmentFacts, Qualification, SchoolType } from '../../../core/eligibility.js';
import type { Session } from '../../db/session.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A UUID as an SQL literal. COPY takes no parameters, so the few values it needs are checked and inlined. */
function uuidLiteral(value: string): string {
  if (!UUID.test(value)) throw new Error(`Not a UUID: ${value}`);
  return `'${value}'`;
}

/** A COPY text field: null for NULL (\N). Values read here were checked on import and hold no tab, line break or backslash. */
const field = (f: string | undefined): string | null => (f === '\\N' || f === undefined ? null : f);

/** Calls `onLine` with each line of a COPY text stream (fields separated by tabs). */
async function eachLine(chunks: AsyncIterable<string>, onLine: (line: string) => void): Promise<void> {
  let rest = '';
  for await (const chunk of chunks) {
    const text = rest + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      onLine(text.slice(start, nl));
      start = nl + 1;
    }
    rest = text.slice(start);
  }
}

/** One enrolment as reconciliation sees it: the facts the rules read and where the row came from. */
type EnrolmentSource = EnrolmentFacts & { importId: string; line: number; schoolUnitCode: string };

/** Which list says who is enrolled at a school unit now, and the day before it was imported. */
export type Coverage = Map<string, { importId: string; endedBy: string }>;

/**
 * The enrolments of the ready lists `importIds` (newest first), by person: `of(pnr)` gives a
 * person's. Rows are kept as text until asked for, so half a million of them stay small.
 */
export async function readEnrolments(session: Session, importIds: string[], coverage: Coverage): Promise<{ of(pnr: string): EnrolmentSource[] }> {
  const rows = new Map<string, string>();
  if (importIds.length) {
    const stream = session.copyOut(
      `copy (select personal_identity_number, import_id, line, school_unit_code, school_type, start_date, end_date, end_reason, qualification from enrolment_rows where import_id in (${importIds.map(uuidLiteral).join(', ')})) to stdout`,
    );
    // The identity number is the first twelve characters of a line; the rest is kept as it is.
    await eachLine(stream, (line) => {
      const pnr = line.slice(0, 12);
      const earlier = rows.get(pnr);
      rows.set(pnr, earlier === undefined ? line.slice(13) : `${earlier}\n${line.slice(13)}`);
    });
  }
  const rank = new Map(importIds.map((id, i) => [id, i]));
  return { of: (pnr) => enrolmentsOf(rows.get(pnr), rank, coverage) };
}

/**
 * A person's enrolments from their rows. Where lists repeat an enrolment (same school unit, type
 * and start), the newest list's row wins. An enrolment still open in an older list of a school unit
 * that a newer list covers is over: the newer list no longer has the student there, so it ended by
 * the day before that list was imported.
 */
function enrolmentsOf(text: string | undefined, rank: Map<string, number>, coverage: Coverage): EnrolmentSource[] {
  if (text === undefined) return [];
  const out: EnrolmentSource[] = [];
  for (const row of text.split('\n')) {
    const [importId, line, unit, type, start, end, reason, qualification] = row.split('\t') as string[];
    const covering = coverage.get(unit!);
    const superseded = field(end) === null && covering !== undefined && covering.importId !== importId;
    const e: EnrolmentSource = {
      importId: importId!,
      line: Number(line),
      schoolUnitCode: unit!,
      schoolType: type as SchoolType,
      startDate: start!,
      endDate: superseded ? (covering.endedBy > start! ? covering.endedBy : start!) : field(end),
      // Gone from the roll without completing: as good as interrupted, until the school says otherwise.
      endReason: superseded ? 'other' : (field(reason) as EndReason | null),
      qualification: field(qualification) as Qualification | null,
    };
    const same = out.findIndex((o) => o.schoolUnitCode === e.schoolUnitCode && o.schoolType === e.schoolType && o.startDate === e.startDate);
    if (same < 0) out.push(e);
    else if (rank.get(e.importId)! < rank.get(out[same]!.importId)!) out[same] = e;
  }
  return out;
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
export const DETAIL_FIELDS = ['given_name', 'family_name', 'street_address', 'postal_code', 'city', 'protected_identity'] as const;

const differs = DETAIL_FIELDS.map((f) =>
  f === 'protected_identity' ? `case when pop.protected_identity and not cur.protected_identity then '${f}' end` : `case when pop.${f} is distinct from cur.${f} then '${f}' end`,
).join(', ');

/**
 * Calls `onPerson` for everyone in the population list `populationImportId` and everyone of the
 * municipality with an open register period, once each, with their person and period if any.
 */
export async function eachPerson(session: Session, municipalityId: string, populationImportId: string, onPerson: (p: PersonFacts) => void): Promise<void> {
  const stream = session.copyOut(`copy (
    with pop as (select * from population_rows where import_id = ${uuidLiteral(populationImportId)}),
         cur as (
           select p.id, p.personal_identity_number, p.given_name, p.family_name, p.street_address, p.postal_code, p.city, p.protected_identity, r.id as period_id, r.entered_on
           from persons p left join register_periods r on r.person_id = p.id and r.left_on is null
           where p.municipality_id = ${uuidLiteral(municipalityId)})
    select coalesce(pop.personal_identity_number, cur.personal_identity_number), pop.line, pop.municipality_code, pop.registered_since,
           cur.id, cur.period_id, cur.entered_on, case when cur.id is not null and pop.line is not null then concat_ws(',', ${differs}) end
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
