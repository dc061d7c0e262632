/**
 * The rules behind the figures a municipality reports (issue 15): gender from the identity number,
 * age bands on the day a figure is about, medians, the share on to studies or work within N months,
 * the outcome table folded from grouped counts, and small-cell suppression where figures leave the
 * municipality. Pure and zod-free, shared by the server (which aggregates in SQL by the same rules)
 * and the web.
 */
import { STUDIES_OR_WORK, addMonths, type Diploma, type TargetGroup } from './outcomes.js';
import { ageOn, type Gender } from './personnummer.js';

export { genderOf, type Gender } from './personnummer.js';
export { addMonths, TARGET_GROUPS, type TargetGroup } from './outcomes.js';

/** Age bands of the outcome report. */
export const AGE_BANDS = ['16_17', '18_19', '20_25'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The age band of someone born on `birthDate` on `day` (both YYYY-MM-DD); null outside 16–25. */
export function ageBandOn(birthDate: string, day: string): AgeBand | null {
  const age = ageOn(birthDate, new Date(`${day}T12:00:00Z`));
  if (age >= 16 && age <= 17) return '16_17';
  if (age >= 18 && age <= 19) return '18_19';
  if (age >= 20 && age <= 25) return '20_25';
  return null;
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The median, as PostgreSQL's `percentile_cont(0.5)` gives it (the mean of the middle two); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The municipality's settings for the figures, with the seeds' defaults. */
export type FigureSettings = {
  /** On to studies or work within this many months of entering the register or opening the case… */
  targetMonths: number;
  /** …for this share of those closed (0–1). */
  targetShare: number;
  /** What one young person lost to society costs, in kronor (the seeds: 12–15 million). */
  lostYoungPersonCost: number;
  /** How many open cases a contact person can hold. */
  caseloadCapacity: number;
};
export const DEFAULT_FIGURE_SETTINGS: FigureSettings = {
  targetMonths: 5,
  targetShare: 0.6,
  lostYoungPersonCost: 12_000_000,
  caseloadCapacity: 30,
};

/** True when a case closed to studies or work on `closedOn`, at most `months` after `startedOn`. */
export function onToStudiesOrWorkInTime(
  c: { outcome: string; startedOn: string; closedOn: string },
  months: number,
): boolean {
  return (STUDIES_OR_WORK as readonly string[]).includes(c.outcome) && c.closedOn <= addMonths(c.startedOn, months);
}

/** A register period as the diploma rule reads it (YYYY-MM-DD days; `leaveReason` as core/register's). */
export type DiplomaPeriod = { enteredOn: string; leftOn: string | null; leaveReason: string | null };

/**
 * What the enrolment lists say about a person's upper-secondary diploma on `day`, as reconciliation
 * recorded it in the register: `yes` when a period ended on or before the day because a final
 * qualification appeared (`completed`, the rule `noQualification`); else `no` when the person was in
 * the register by then (the lists showed none); null when the lists never placed the person there.
 */
export function diplomaFromRegister(periods: readonly DiplomaPeriod[], day: string): 'yes' | 'no' | null {
  const known = periods.filter((p) => p.enteredOn <= day);
  if (known.some((p) => p.leftOn !== null && p.leftOn <= day && p.leaveReason === 'completed')) return 'yes';
  return known.length > 0 ? 'no' : null;
}

/**
 * The diploma a figure counts: the lists' word (through the register) beside what was recorded on the
 * case (typed in, or from the assessment). A diploma once had stays had, so `yes` from either wins (the
 * case may know of one the lists have not yet shown, from abroad or adult education); else `no` from
 * either; else unknown.
 */
export function diplomaForFigures(recorded: Diploma, fromRegister: 'yes' | 'no' | null): Diploma {
  if (recorded === 'yes' || fromRegister === 'yes') return 'yes';
  if (recorded === 'no' || fromRegister === 'no') return 'no';
  return 'unknown';
}

/**
 * One group of closed cases alike in everything the outcome table counts, as the SQL groups them:
 * the server counts in the database and folds the groups here.
 */
export type OutcomeGroup = {
  outcome: string;
  gender: Gender;
  targetGroup: TargetGroup;
  ageBand: AgeBand | null;
  /** By `diplomaForFigures`: without a diploma, or not known either way. */
  withoutDiploma: boolean;
  diplomaUnknown: boolean;
  documentedProblems: boolean;
  inTime: boolean;
  n: number;
};

/** The outcome report's medians, each traced to its cases by `median=<key>` of GET /reports/outcomes/cases. */
export const MEDIAN_KEYS = ['toFirstContact', 'toAssessment', 'toFirstMeasure', 'toOutcome'] as const;
export type MedianKey = (typeof MEDIAN_KEYS)[number];
/** Medians in days from the start (register entry, or the case's opening outside the register). */
export type OutcomeMedians = Record<MedianKey, number | null>;

/** The outcome report, counts and shares only (the JSON of GET /api/v1/reports/outcomes). */
export type OutcomeReport = {
  from: string;
  to: string;
  closed: number;
  byOutcome: Record<string, { total: number; female: number; male: number }>;
  byGender: Record<Gender, number>;
  byTargetGroup: Record<TargetGroup, number>;
  byAgeBand: Record<AgeBand | 'outside', number>;
  withoutDiploma: number;
  withoutDiplomaShare: number | null;
  /** Closed cases whose diploma neither the lists nor the case tell. */
  diplomaUnknown: number;
  documentedProblems: number;
  documentedProblemsShare: number | null;
  medianDays: OutcomeMedians;
  studiesOrWork: { months: number; target: number; count: number; share: number | null; targetMet: boolean | null };
};

/** A share rounded to three decimals; null of nothing. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

/** Folds grouped counts into the outcome report; every outcome code gets a row, with zeros. */
export function outcomeReport(input: {
  from: string;
  to: string;
  outcomeCodes: readonly string[];
  groups: readonly OutcomeGroup[];
  medians: OutcomeMedians;
  settings: Pick<FigureSettings, 'targetMonths' | 'targetShare'>;
}): OutcomeReport {
  const byOutcome = Object.fromEntries(input.outcomeCodes.map((c) => [c, { total: 0, female: 0, male: 0 }]));
  const byGender = { female: 0, male: 0 };
  const byTargetGroup = { kaa: 0, young_adult: 0, other: 0 };
  const byAgeBand = { '16_17': 0, '18_19': 0, '20_25': 0, outside: 0 };
  let closed = 0;
  let withoutDiploma = 0;
  let diplomaUnknown = 0;
  let problems = 0;
  let inTime = 0;
  for (const g of input.groups) {
    closed += g.n;
    const row = (byOutcome[g.outcome] ??= { total: 0, female: 0, male: 0 });
    row.total += g.n;
    row[g.gender] += g.n;
    byGender[g.gender] += g.n;
    byTargetGroup[g.targetGroup] += g.n;
    byAgeBand[g.ageBand ?? 'outside'] += g.n;
    if (g.withoutDiploma) withoutDiploma += g.n;
    if (g.diplomaUnknown) diplomaUnknown += g.n;
    if (g.documentedProblems) problems += g.n;
    if (g.inTime) inTime += g.n;
  }
  const sw = share(inTime, closed);
  return {
    from: input.from,
    to: input.to,
    closed,
    byOutcome,
    byGender,
    byTargetGroup,
    byAgeBand,
    withoutDiploma,
    withoutDiplomaShare: share(withoutDiploma, closed),
    diplomaUnknown,
    documentedProblems: problems,
    documentedProblemsShare: share(problems, closed),
    medianDays: input.medians,
    studiesOrWork: {
      months: input.settings.targetMonths,
      target: input.settings.targetShare,
      count: inTime,
      share: sw,
      targetMet: sw === null ? null : sw >= input.settings.targetShare,
    },
  };
}

/** Smallest count shown as a number where figures leave the municipality; smaller (non-zero) ones read "<3". */
export const SMALL_CELL_LIMIT = 3;
export const SMALL_CELL = '<3';

/** Whether the reader sees small cells as they are: only the municipality's own coordinator. */
export function seesSmallCells(reader: { role: string }): boolean {
  return reader.role === 'coordinator';
}

/** A count as it may leave the municipality: 1 and 2 become "<3" (0 identifies no one and stays). */
export function suppressCount(n: number): number | typeof SMALL_CELL {
  return n > 0 && n < SMALL_CELL_LIMIT ? SMALL_CELL : n;
}

/**
 * Every count in a figure (any depth of objects and arrays) suppressed by `suppressCount`; shares
 * computed from a suppressed count are dropped too (null), so they cannot give it back. Keys named in
 * `keep` (days, months, targets, years) are not counts and stay.
 */
export function suppressSmallCells<T>(
  value: T,
  keep: readonly string[] = ['from', 'to', 'months', 'target', 'medianDays', 'targetMet'],
): T {
  const protectedValue = protectPartitions(value, keep);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'number') return Number.isInteger(v) ? suppressCount(v) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      const out: Record<string, unknown> = {};
      for (const [k, x] of entries) out[k] = keep.includes(k) ? x : walk(x);
      for (const [k] of entries) {
        const base = k === 'share' ? 'count' : k.endsWith('Share') ? k.slice(0, -5) : null;
        if (base !== null && out[base] === SMALL_CELL) out[k] = null;
      }
      return out;
    }
    return v;
  };
  return walk(protectedValue) as T;
}

/** Whether the reader sees small cells of figures that stay inside the municipality: its coordinator and managers. */
export function seesSmallCellsInside(reader: { role: string }): boolean {
  return reader.role === 'coordinator' || reader.role === 'manager';
}

const isCell = (v: unknown): v is number | typeof SMALL_CELL =>
  v === SMALL_CELL || (typeof v === 'number' && Number.isInteger(v));
const isHidden = (v: unknown) => v === SMALL_CELL || (typeof v === 'number' && v > 0 && v < SMALL_CELL_LIMIT);

/**
 * Complementary suppression in one partition (cells that add up to a total shown elsewhere): when
 * exactly one cell is hidden, the next smallest non-zero cell is hidden too, so the total minus the
 * shown cells no longer gives the hidden one back. Mutates `cells` (key → count); true if it hid one.
 */
export function protectPartition(cells: Record<string, number | typeof SMALL_CELL>): boolean {
  const keys = Object.keys(cells);
  if (keys.filter((k) => isHidden(cells[k])).length !== 1) return false;
  const next = keys
    .filter((k) => !isHidden(cells[k]) && (cells[k] as number) > 0)
    .sort((a, b) => (cells[a] as number) - (cells[b] as number))[0];
  if (next === undefined) return false; // the hidden cell is the whole total, which is hidden as well
  cells[next] = SMALL_CELL;
  return true;
}

/**
 * Keys whose value is a partition of a total: `byGender`, `byOutcome`, …, the caseload per contact
 * person, the rungs of outreach by channel (attempts and reached add up to the report's totals) and the
 * offers of the measures report (completed and interrupted add up to its total; participants and
 * outcomes do too whenever each person took one offer, so they are protected as well).
 */
const PARTITION_TABLES = ['caseload', 'channels', 'offers'];
const isPartitionKey = (k: string) => /^by[A-Z]/.test(k) || PARTITION_TABLES.includes(k);

/**
 * A copy of `value` where every partition (an object under a `by…` key or `caseload`) has had
 * complementary suppression: a flat record of counts is one partition; a table (a record or array of
 * rows) is a partition per column, and a row with a `total` is a partition of that total. Repeated
 * until nothing changes, since hiding a cell in a row can leave one hidden cell alone in a column.
 */
function protectPartitions<T>(value: T, keep: readonly string[]): T {
  const copy = structuredClone(value) as unknown;
  const cellKeys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => !keep.includes(k) && isCell(o[k]));
  const apply = (o: Record<string, unknown>, keys: string[]) => {
    const cells = Object.fromEntries(keys.map((k) => [k, o[k] as number | typeof SMALL_CELL]));
    if (!protectPartition(cells)) return false;
    Object.assign(o, cells);
    return true;
  };
  const protect = (part: unknown): boolean => {
    if (!part || typeof part !== 'object') return false;
    const rows = (Array.isArray(part) ? part : Object.values(part)).filter(
      (r): r is Record<string, unknown> => !!r && typeof r === 'object' && !Array.isArray(r),
    );
    if (rows.length === 0) {
      if (Array.isArray(part)) return false;
      const flat = part as Record<string, unknown>;
      return apply(flat, cellKeys(flat));
    }
    let changed = false;
    for (const r of rows)
      if ('total' in r)
        changed =
          apply(
            r,
            cellKeys(r).filter((k) => k !== 'total'),
          ) || changed;
    const columns = new Set(rows.flatMap(cellKeys));
    for (const col of columns) {
      const column = Object.fromEntries(rows.map((r, i) => [String(i), r[col] as number | typeof SMALL_CELL]));
      if (rows.some((r) => !isCell(r[col])) || !protectPartition(column)) continue;
      rows.forEach((r, i) => (r[col] = column[String(i)]));
      changed = true;
    }
    return changed;
  };
  const visit = (v: unknown) => {
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (keep.includes(k)) continue;
      if (isPartitionKey(k)) for (let i = 0; i < 50 && protect(x); i++);
      else visit(x);
    }
  };
  visit(copy);
  return copy as T;
}

/** How many cases each median of the outcome report rests on. */
export type OutcomeMedianCases = Record<keyof OutcomeMedians, number>;

/** Medians as readers who see suppressed figures get them: null where a median rests on fewer than 3 cases. */
export function suppressMedians(medians: OutcomeMedians, cases: OutcomeMedianCases): OutcomeMedians {
  const out = { ...medians };
  for (const k of Object.keys(out) as (keyof OutcomeMedians)[]) if ((cases[k] ?? 0) < SMALL_CELL_LIMIT) out[k] = null;
  return out;
}
