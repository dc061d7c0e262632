/**
 * Reads, checks and stages one import: every valid row goes to the import's own table, every
 * invalid row to import_errors with its line, column and reason. Nothing here touches the register:
 * only reconciliation reads imports, and only ready ones, whose table is attached. A crash or kill
 * mid-import leaves the register as it was: the import stays 'running', its heartbeat goes silent,
 * and it is failed (its table dropped) at the next start or by any other Lotsa process.
 */
import { sql } from 'kysely';
import {
  COLUMNS,
  enrolmentRowChecker,
  populationRowChecker,
  REQUIRED,
  rowContext,
  type ListKind,
  type RowChecker,
  type RowError,
  type StoredValue,
} from '../../../core/source-lists.js';
import { openBulkWriter, type Value } from '../../db/bulk-writer.js';
import type { DatabaseHandle, Db } from '../../db/connection.js';
import { todayInSweden } from '../../../core/dates.js';
import { populationShrank } from '../../../core/register.js';
import { startHeartbeat } from '../../jobs/heartbeat.js';
import { backgroundLog } from '../../log.js';
import type { Progress } from '../../jobs/queue.js';
import { municipalities } from '../../reference/municipalities.js';
import { cellPicker, mappingProblems, ownLayoutMapping, sameHeaders, type ColumnMapping } from './column-mapping.js';
import { MAX_COLUMNS, openSource, UnreadableFileError, type Source } from './read-source.js';
import {
  attachStagingTable,
  createStagingTable,
  dropStagingTable,
  moveRepeatedPersonsToErrors,
  stagingTable,
} from './staging-tables.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { repeatedEnrolments } from './repeated-rows.js';

/**
 * The columns a load gives: the list's own, then the line; import_id and municipality_id come from the staging table's
 * defaults.
 */
const LOADED_COLUMNS = { population: [...COLUMNS.population, 'line'], enrolments: [...COLUMNS.enrolments, 'line'] };
const ERROR_COLUMNS = ['import_id', 'line', 'column_name', 'code', 'value', 'blocking'];

/** Why a population list without a single resident of the municipality is not used. */
const NO_RESIDENTS =
  'The population list holds no valid row for a resident of the municipality, ' +
  'so it cannot be a snapshot of its residents. Check that the file and the municipality are the right ones.';

const SCHOOL_UNIT = /^\d{8}$/;

/** The most invalid rows whose errors are stored; past it they are only counted, and the import fails. */
export const MAX_STORED_ERROR_ROWS = 10_000;

/** Why an import with more invalid rows than are stored is not used. */
const tooManyErrors = (n: number) =>
  `${n} rows are invalid, more than Lotsa lists (the first ${MAX_STORED_ERROR_ROWS} are listed). Check that the file ` +
  `is the right list in the right layout, correct it and import it again.`;

/** Codes that are reported but do not stop an import: the row is simply not imported. */
const NOT_BLOCKING = new Set(['other_municipality']);

/**
 * Checks rows and turns each into the staging table's values (its line last), or says what is
 * wrong with it. A row that `isRepeat` finds repeats an earlier one is a `duplicate_row`.
 */
function stager(checker: RowChecker, isRepeat: ((values: readonly StoredValue[]) => boolean) | null) {
  return (line: number, cells: readonly string[]): Value[] | { errors: RowError[] } => {
    const values = checker.check(cells);
    if (!values) return { errors: checker.errors };
    if (isRepeat?.(values))
      return { errors: [{ column: 'personal_identity_number', code: 'duplicate_row', value: cells[0] ?? '' }] };
    (values as Value[]).push(line);
    return values;
  };
}

/** How an import ended. */
export type ProcessOutcome = {
  status: 'ready' | 'needs_review' | 'needs_mapping' | 'failed';
  rowsTotal: number;
  rowsValid: number;
  errorCount: number;
  failure?: string;
};

async function chooseMapping(
  handle: DatabaseHandle,
  municipalityId: string,
  kind: ListKind,
  headers: string[],
  given: ColumnMapping | null,
): Promise<ColumnMapping | null> {
  if (given) return given;
  const own = ownLayoutMapping(kind, headers);
  if (own) return own;
  const saved = await handle.db
    .selectFrom('import_mappings')
    .select(['headers', 'mapping'])
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', kind)
    .orderBy('created_at', 'desc')
    .execute();
  const fit = saved.find((s) => sameHeaders(s.headers as unknown as string[], headers));
  return fit ? (fit.mapping as ColumnMapping) : null;
}

/**
 * Whether a population list of `residents` has so many fewer than the newest ready one that it is
 * held for confirmation (a truncated file would otherwise take most of the register out); if so,
 * records the previous list's number on the import.
 */
async function holdIfShrunk(trx: Db, municipalityId: string, importId: string, residents: number): Promise<boolean> {
  const previous = await trx
    .selectFrom('imports')
    .select('rows_valid')
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', 'population')
    .where('status', '=', 'ready')
    .where('culled_at', 'is', null)
    .where('id', '<>', importId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!previous || !populationShrank(residents, previous.rows_valid)) return false;
  await trx
    .updateTable('imports')
    .set({ previous_residents: previous.rows_valid })
    .where('id', '=', importId)
    .execute();
  return true;
}

/**
 * Thrown when an import was failed by another process (its heartbeat had gone silent) while this one still worked on
 * it.
 */
class ImportTakenAway extends Error {}

/**
 * Processes the import `importId` from the file at `path`. The import is running, with a
 * heartbeat, from the first step; whatever happens, it ends ready, waiting for review or mapping,
 * or failed with the reason, and only ever as the outcome of the process that ran it.
 */
export async function processImport(
  handle: DatabaseHandle,
  importId: string,
  path: string,
  progress: Progress = async () => {},
): Promise<ProcessOutcome> {
  const { db } = handle;
  const imp = await db
    .updateTable('imports')
    .set({ status: 'running', heartbeat_at: sql`now()` })
    .from('municipalities')
    .whereRef('municipalities.id', '=', 'imports.municipality_id')
    .where('imports.id', '=', importId)
    .where('imports.status', '=', 'queued')
    .returning(['imports.kind', 'imports.municipality_id', 'imports.mapping', 'municipalities.code'])
    .executeTakeFirst();
  if (!imp) throw new Error(`Import ${importId} is not waiting to be processed`);
  /** Records the outcome, unless another process has failed the import meanwhile. */
  const finish = async (
    outcome: ProcessOutcome,
    extra: { headers?: string[]; mapping?: ColumnMapping } = {},
    q: Db = db,
  ) => {
    const updated = await q
      .updateTable('imports')
      .set({
        status: outcome.status,
        rows_total: outcome.rowsTotal,
        rows_valid: outcome.rowsValid,
        error_count: outcome.errorCount,
        failure: outcome.failure ?? null,
        ...(extra.headers && { headers: JSON.stringify(extra.headers) }),
        ...(extra.mapping && { mapping: JSON.stringify(extra.mapping) }),
        finished_at: sql`now()`,
      })
      .where('id', '=', importId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n)
      throw new ImportTakenAway(`Import ${importId} was failed by another process meanwhile`);
    return outcome;
  };
  const stopBeating = startHeartbeat(db, 'imports', importId);
  try {
    return await run(
      handle,
      {
        importId,
        kind: imp.kind,
        municipalityId: imp.municipality_id,
        municipalityCode: imp.code,
        mapping: imp.mapping as ColumnMapping | null,
      },
      path,
      progress,
      finish,
    );
  } catch (err) {
    if (err instanceof ImportTakenAway) throw err;
    await dropStagingTable(db, imp.kind, importId);
    // The first failure is thrown (and logged by the job worker); one in recording it is logged here.
    await finish({
      status: 'failed',
      rowsTotal: 0,
      rowsValid: 0,
      errorCount: 0,
      failure: `${(err as Error).message}`,
    }).catch((failed) =>
      backgroundLog().error(
        { err: failed, importId },
        `Import ${importId} failed and could not be marked failed (start-up or the reaper fails it later)`,
      ),
    );
    throw err;
  } finally {
    stopBeating();
  }
}

/** Opens the file, finds its mapping and loads it. */
async function run(
  handle: DatabaseHandle,
  imp: {
    importId: string;
    kind: ListKind;
    municipalityId: string;
    municipalityCode: string;
    mapping: ColumnMapping | null;
  },
  path: string,
  progress: Progress,
  finish: (
    outcome: ProcessOutcome,
    extra?: { headers?: string[]; mapping?: ColumnMapping },
    q?: Db,
  ) => Promise<ProcessOutcome>,
): Promise<ProcessOutcome> {
  const { db } = handle;
  const { importId, kind } = imp;
  let source;
  try {
    source = await openSource(path);
  } catch (err) {
    if (err instanceof UnreadableFileError) {
      // The coordinator reads the sentence; the reader's own error, when there is one, goes to the log.
      if (err.cause)
        backgroundLog().warn({ err: err.cause, importId }, `Import ${importId}: the file could not be read`);
      return finish({ status: 'failed', rowsTotal: 0, rowsValid: 0, errorCount: 0, failure: err.message });
    }
    throw err;
  }
  const mapping = await chooseMapping(handle, imp.municipalityId, kind, source.headers, imp.mapping);
  if (!mapping || mappingProblems(kind, source.headers, mapping, REQUIRED[kind]).length) {
    return finish({ status: 'needs_mapping', rowsTotal: 0, rowsValid: 0, errorCount: 0 }, { headers: source.headers });
  }
  await db
    .updateTable('imports')
    .set({ headers: JSON.stringify(source.headers), mapping: JSON.stringify(mapping) })
    .where('id', '=', importId)
    .execute();
  await db.deleteFrom('import_errors').where('import_id', '=', importId).execute();
  await createStagingTable(db, kind, importId, imp.municipalityId);
  return load(handle, imp, source, mapping, progress, finish);
}

/** Reads every row of `source` into the import's table and its errors, then attaches the table. */
async function load(
  handle: DatabaseHandle,
  imp: { importId: string; kind: ListKind; municipalityId: string; municipalityCode: string },
  source: Source,
  mapping: ColumnMapping,
  progress: Progress,
  finish: (
    outcome: ProcessOutcome,
    extra?: { headers?: string[]; mapping?: ColumnMapping },
    q?: Db,
  ) => Promise<ProcessOutcome>,
): Promise<ProcessOutcome> {
  const { db } = handle;
  const { importId, kind } = imp;

  const ctx = rowContext(todayInSweden(), imp.municipalityCode, new Set(municipalities().keys()));
  const pick = cellPicker(kind, source.headers, mapping);
  // A repeated person in a population list is caught by the list's primary key when it is attached,
  // which costs nothing when there is none; enrolments are compared here.
  const stage =
    kind === 'population'
      ? stager(populationRowChecker(ctx), null)
      : stager(enrolmentRowChecker(ctx), repeatedEnrolments());
  const schoolUnits = new Set<string>();
  const partialUnits = new Set<string>();
  const rows = await openBulkWriter(handle, stagingTable(kind, importId), LOADED_COLUMNS[kind]);
  const errors = await openBulkWriter(handle, 'import_errors', ERROR_COLUMNS);
  let rowsTotal = 0;
  let rowsValid = 0;
  let errorCount = 0;
  let errorRows = 0;
  let unreadRows = 0;
  try {
    for await (const batch of source.batches) {
      const valid: Value[][] = [];
      const invalid: Value[][] = [];
      for (const { line, cells, problem } of batch) {
        // A row that could not be read, or is wider than any list, is an error of the whole row.
        const unread = problem ?? (cells.length > MAX_COLUMNS ? 'too_many_columns' : null);
        if (unread) {
          errorCount++;
          unreadRows++;
          if (errorRows++ < MAX_STORED_ERROR_ROWS) invalid.push([importId, line, null, unread, '', true]);
          continue;
        }
        const row = pick(cells);
        const staged = stage(line, row);
        if (Array.isArray(staged)) {
          valid.push(staged);
          if (kind === 'enrolments') schoolUnits.add(staged[1] as string);
        } else {
          // A unit with a row left out is not a full roll: the list then says nothing of who left it.
          const unit = kind === 'enrolments' ? (row[1] ?? '').trim() : '';
          if (SCHOOL_UNIT.test(unit)) partialUnits.add(unit);
          if (staged.errors.some((e) => !NOT_BLOCKING.has(e.code))) errorCount++;
          if (errorRows++ < MAX_STORED_ERROR_ROWS)
            for (const e of staged.errors)
              invalid.push([importId, line, e.column, e.code, e.value.slice(0, 200), !NOT_BLOCKING.has(e.code)]);
        }
      }
      rowsTotal += batch.length;
      rowsValid += valid.length;
      await rows.write(valid);
      if (invalid.length) await errors.write(invalid);
      await progress(rowsTotal);
    }
    await rows.close();
    await errors.close();
  } catch (err) {
    // processImport drops the rows and fails the import.
    const aborted = (failed: unknown) =>
      backgroundLog().warn({ err: failed, importId }, `Import ${importId}: a bulk write could not be aborted cleanly`);
    await rows.abort().catch(aborted);
    await errors.abort().catch(aborted);
    throw err;
  }
  await progress(rowsTotal, rowsTotal);
  if (errorRows > MAX_STORED_ERROR_ROWS) {
    // Rows that are not listed cannot be reviewed, so the import cannot be accepted.
    await dropStagingTable(db, kind, importId);
    return finish({ status: 'failed', rowsTotal, rowsValid, errorCount, failure: tooManyErrors(errorCount) });
  }
  if (kind === 'population' && rowsValid === 0) {
    // A population list is a full snapshot: one without a single resident would move everyone out.
    await dropStagingTable(db, kind, importId);
    return finish({ status: 'failed', rowsTotal, rowsValid: 0, errorCount, failure: NO_RESIDENTS });
  }
  const attach = () =>
    db.transaction().execute(async (trx) => {
      await attachStagingTable(trx, kind, importId, { analyze: handle.kind === 'pglite' });
      // An unread row may have been of any unit, so then no unit's roll is known to be full.
      const rolls = unreadRows ? [] : [...schoolUnits].filter((code) => !partialUnits.has(code));
      if (rolls.length)
        await trx
          .insertInto('import_school_units')
          .values(rolls.map((code) => ({ import_id: importId, school_unit_code: code })))
          .execute();
      const shrank = kind === 'population' && (await holdIfShrunk(trx, imp.municipalityId, importId, rowsValid));
      return finish(
        { status: errorCount || shrank ? 'needs_review' : 'ready', rowsTotal, rowsValid, errorCount },
        {},
        trx,
      );
    });
  try {
    return await attach();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const moved = await moveRepeatedPersonsToErrors(db, importId);
    rowsValid -= moved;
    errorCount += moved;
    return attach();
  }
}
