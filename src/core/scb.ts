/**
 * The half-year return to Statistics Sweden (SCB) for the activity responsibility: its five blocks,
 * the code lists that translate Lotsa's codes into SCB's (versioned, since SCB changes them), the
 * consistency checks run before export, and the layout of the CSV file. Pure and zod-free. The
 * layout is documented in docs/figures.md; change `SCB_CSV_COLUMNS` and the code lists when SCB's
 * specification changes, adding a version rather than editing one a file was sent under.
 */
import type { EntryReason, LeaveReason } from './register.js';
import type { Occupation } from './outreach.js';
import type { EndReason, OfferKind } from './measures.js';

/** The five blocks, in SCB's order. */
export const SCB_BLOCKS = [
  'registrations',
  'contacts',
  'measures_started',
  'measures_ended',
  'deregistrations',
] as const;
export type ScbBlock = (typeof SCB_BLOCKS)[number];

/** One version of SCB's code lists, mapping each Lotsa code to SCB's. */
export type ScbCodeLists = {
  version: string;
  /** The first half-year the version applies to (YYYY-H1 or YYYY-H2). */
  appliesFrom: string;
  registrationReason: Record<EntryReason, string>;
  occupation: Record<Occupation, string>;
  measure: Record<OfferKind, string>;
  measureEnd: Record<EndReason, string>;
  deregistrationReason: Record<LeaveReason, string>;
};

/** Every version, oldest first; a return uses the newest version that applies to its half-year. */
export const SCB_CODE_LISTS: readonly ScbCodeLists[] = [
  {
    version: '2026.1',
    appliesFrom: '2026-H1',
    registrationReason: { dropped_out: '1', never_started: '2', certificate_only: '3', moved_in: '4', other: '9' },
    occupation: { education: '1', work: '2', measure: '3', none: '4', unknown: '9' },
    measure: {
      guidance: '01',
      study_visit: '02',
      cv_job_coaching: '03',
      work_placement: '04',
      work_training: '05',
      studies: '06',
      counselling: '07',
      health_track: '08',
      group_activity: '09',
      social_training: '10',
      employment_service_registration: '11',
      other: '99',
    },
    measureEnd: {
      completed: '1',
      moved_on_studies: '2',
      moved_on_work: '3',
      interrupted: '4',
      declined: '5',
      other: '9',
    },
    deregistrationReason: { turned_20: '1', moved_out: '2', started_upper_secondary: '3', completed: '4', other: '9' },
  },
];

/** The code lists a return for `half` (YYYY-H1|H2) is made with. */
export function codeListsFor(half: string): ScbCodeLists {
  const applying = SCB_CODE_LISTS.filter((l) => l.appliesFrom <= half);
  return applying[applying.length - 1] ?? SCB_CODE_LISTS[0]!;
}

/** The first and last day of a half-year written YYYY-H1 or YYYY-H2; null for anything else. */
export function halfYear(half: string): { from: string; to: string } | null {
  const m = /^(\d{4})-H([12])$/.exec(half);
  if (!m || Number(m[1]) < 1900 || Number(m[1]) > 2199) return null;
  return m[2] === '1' ? { from: `${m[1]}-01-01`, to: `${m[1]}-06-30` } : { from: `${m[1]}-07-01`, to: `${m[1]}-12-31` };
}

/** The half-year (YYYY-H1|H2) that `day` (YYYY-MM-DD) falls in. */
export function halfOf(day: string): string {
  return `${day.slice(0, 4)}-H${Number(day.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/**
 * The `count` half-years up to and including the one `day` falls in, newest first: the choices of
 * the return's page, where the last complete one (the second) is the one a municipality reports.
 */
export function recentHalves(day: string, count: number): string[] {
  let year = Number(day.slice(0, 4));
  let h = halfOf(day).endsWith('1') ? 1 : 2;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${year}-H${h}`);
    if (h === 1) {
      year -= 1;
      h = 2;
    } else h = 1;
  }
  return out;
}

/** One line of a block: whose, on which day, Lotsa's code (null when missing) and, for contacts, nothing more. */
export type ScbRow = {
  block: ScbBlock;
  personId: string;
  identityNumber: string;
  on: string;
  code: string | null;
  key: string;
};

/** A register period, for the check that every measure lies inside one. */
export type ScbPeriod = { personId: string; enteredOn: string; leftOn: string | null };

/** What a failed check is and what the coordinator should do about it (texts in i18n under figures.scb.fix). */
export const SCB_CHECKS = ['measure_outside_period', 'missing_reason', 'counted_twice', 'unknown_code'] as const;
export type ScbCheck = (typeof SCB_CHECKS)[number];
export type ScbFailure = { check: ScbCheck; block: ScbBlock; personId: string; on: string };

/**
 * The consistency checks before export: every measure started inside one of the person's register
 * periods, every de-registration (and ended measure) with a reason, nobody twice in a block for the
 * same thing, and every code in the code list.
 */
export function scbChecks(rows: readonly ScbRow[], periods: readonly ScbPeriod[], lists: ScbCodeLists): ScbFailure[] {
  const failures: ScbFailure[] = [];
  const byPerson = new Map<string, ScbPeriod[]>();
  for (const p of periods) byPerson.set(p.personId, [...(byPerson.get(p.personId) ?? []), p]);
  const seen = new Set<string>();
  for (const r of rows) {
    const fail = (check: ScbCheck) => failures.push({ check, block: r.block, personId: r.personId, on: r.on });
    const dup = `${r.block}|${r.personId}|${r.key}`;
    if (seen.has(dup)) fail('counted_twice');
    seen.add(dup);
    if (r.block === 'measures_started') {
      const inside = (byPerson.get(r.personId) ?? []).some(
        (p) => p.enteredOn <= r.on && (p.leftOn === null || p.leftOn >= r.on),
      );
      if (!inside) fail('measure_outside_period');
    }
    if (r.code === null) {
      if (r.block !== 'contacts') fail('missing_reason');
    } else if (scbCode(r, lists) === null) fail('unknown_code');
  }
  return failures;
}

/** Each block's code list under `lists`: Lotsa's code to SCB's. */
export function scbCodeTable(lists: ScbCodeLists): Record<ScbBlock, Record<string, string>> {
  return {
    registrations: lists.registrationReason,
    contacts: lists.occupation,
    measures_started: lists.measure,
    measures_ended: lists.measureEnd,
    deregistrations: lists.deregistrationReason,
  };
}

/** SCB's code for a row's Lotsa code under `lists`; null when the list has none. */
export function scbCode(r: Pick<ScbRow, 'block' | 'code'>, lists: ScbCodeLists): string | null {
  if (r.code === null) return null;
  const table = scbCodeTable(lists)[r.block];
  return Object.hasOwn(table, r.code) ? table[r.code]! : null;
}

/** The CSV file's columns, in order (semicolon-separated, UTF-8, a header line, one line per row). */
export const SCB_CSV_COLUMNS = [
  'block',
  'municipality_code',
  'identity_number',
  'date',
  'code',
  'code_list_version',
] as const;

/** SCB's number of each block. */
export const SCB_BLOCK_NUMBER: Record<ScbBlock, number> = {
  registrations: 1,
  contacts: 2,
  measures_started: 3,
  measures_ended: 4,
  deregistrations: 5,
};

/** The CSV file of a return: the header and one line per row, blocks in SCB's order. */
export function scbCsv(rows: readonly ScbRow[], municipalityCode: string, lists: ScbCodeLists): string {
  const lines = [SCB_CSV_COLUMNS.join(';')];
  const sorted = [...rows].sort(
    (a, b) =>
      SCB_BLOCK_NUMBER[a.block] - SCB_BLOCK_NUMBER[b.block] ||
      a.on.localeCompare(b.on) ||
      a.identityNumber.localeCompare(b.identityNumber),
  );
  for (const r of sorted)
    lines.push(
      [
        SCB_BLOCK_NUMBER[r.block],
        municipalityCode,
        r.identityNumber,
        r.on,
        scbCode(r, lists) ?? '',
        lists.version,
      ].join(';'),
    );
  return `${lines.join('\r\n')}\r\n`;
}
