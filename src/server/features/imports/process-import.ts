/**
 * Reads, checks and stages one import: every valid row goes to the staging table, every invalid
 * row to import_errors with its line, column and reason. Nothing here touches the register: only
 * reconciliation reads imports, and only ready ones, so a crash or kill mid-import leaves the
 * register as it was (the import stays 'running' and is marked failed at the next start).
 */
import { sql } from 'kysely';
import { checkEnrolmentRow, checkPopulationRow, enrolmentKey, REQUIRED, type ListKind, type RowContext, type RowError } from '../../../core/source-lists.js';
import { openBulkWriter } from '../../db/bulk-writer.js';
import type { DatabaseHandle } from '../../db/connection.js';
import type { Progress } from '../../jobs/queue.js';
import { municipalities } from '../../reference/municipalities.js';
import { mappingProblems, ownLayoutMapping, recordReader, sameHeaders, type ColumnMapping } from './column-mapping.js';
import { openSource, UnreadableFileError } from './read-source.js';

const POPULATION_COLUMNS = ['import_id', 'municipality_id', 'line', 'personal_identity_number', 'birth_date', 'given_name', 'family_name', 'street_address', 'postal_code', 'city', 'municipality_code', 'protected_identity', 'registered_since'];
const ENROLMENT_COLUMNS = ['import_id', 'municipality_id', 'line', 'personal_identity_number', 'school_unit_code', 'school_unit_name', 'school_type', 'programme_code', 'start_date', 'end_date', 'end_reason', 'qualification'];
const ERROR_COLUMNS = ['import_id', 'line', 'column_name', 'code', 'value', 'blocking'];

/** Codes that are reported but do not stop an import: the row is simply not imported. */
const NOT_BLOCKING = new Set(['other_municipality']);

/** How an import ended. */
export type ProcessOutcome = { status: 'ready' | 'needs_review' | 'needs_mapping' | 'failed'; rowsTotal: number; rowsValid: number; errorCount: number; failure?: string };

async function chooseMapping(handle: DatabaseHandle, municipalityId: string, kind: ListKind, headers: string[], given: ColumnMapping | null): Promise<ColumnMapping | null> {
  if (given) return given;
  const own = ownLayoutMapping(kind, headers);
  if (own) return own;
  const saved = await handle.db.selectFrom('import_mappings').select(['headers', 'mapping']).where('municipality_id', '=', municipalityId).where('kind', '=', kind).orderBy('created_at', 'desc').execute();
  const fit = saved.find((s) => sameHeaders(s.headers as unknown as string[], headers));
  return fit ? (fit.mapping as ColumnMapping) : null;
}

/** Processes the import `importId` from the file at `path`. */
export async function processImport(handle: DatabaseHandle, importId: string, path: string, progress: Progress = async () => {}): Promise<ProcessOutcome> {
  const { db } = handle;
  const imp = await db
    .selectFrom('imports')
    .innerJoin('municipalities', 'municipalities.id', 'imports.municipality_id')
    .select(['imports.kind', 'imports.municipality_id', 'imports.mapping', 'municipalities.code'])
    .where('imports.id', '=', importId)
    .executeTakeFirstOrThrow();
  const finish = async (outcome: ProcessOutcome, extra: { headers?: string[]; mapping?: ColumnMapping } = {}) => {
    await db
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
      .execute();
    return outcome;
  };

  let source;
  try {
    source = await openSource(path);
  } catch (err) {
    if (err instanceof UnreadableFileError) return finish({ status: 'failed', rowsTotal: 0, rowsValid: 0, errorCount: 0, failure: err.message });
    throw err;
  }
  const kind = imp.kind;
  const mapping = await chooseMapping(handle, imp.municipality_id, kind, source.headers, imp.mapping as ColumnMapping | null);
  if (!mapping || mappingProblems(kind, source.headers, mapping, REQUIRED[kind]).length) {
    return finish({ status: 'needs_mapping', rowsTotal: 0, rowsValid: 0, errorCount: 0 }, { headers: source.headers });
  }

  await db.updateTable('imports').set({ status: 'running', headers: JSON.stringify(source.headers), mapping: JSON.stringify(mapping) }).where('id', '=', importId).execute();
  await db.deleteFrom(kind === 'population' ? 'population_rows' : 'enrolment_rows').where('import_id', '=', importId).execute();
  await db.deleteFrom('import_errors').where('import_id', '=', importId).execute();

  const ctx: RowContext = { today: new Date().toISOString().slice(0, 10), municipalityCode: imp.code, municipalityCodes: new Set(municipalities().keys()) };
  const read = recordReader(kind, source.headers, mapping);
  const rows = await openBulkWriter(handle, kind === 'population' ? 'population_rows' : 'enrolment_rows', kind === 'population' ? POPULATION_COLUMNS : ENROLMENT_COLUMNS);
  const errors = await openBulkWriter(handle, 'import_errors', ERROR_COLUMNS);
  const seen = new Set<string>();
  let rowsTotal = 0;
  let rowsValid = 0;
  let errorCount = 0;
  const reject = async (line: number, list: RowError[]) => {
    const blocking = list.some((e) => !NOT_BLOCKING.has(e.code));
    if (blocking) errorCount++;
    for (const e of list) await errors.push([importId, line, e.column, e.code, e.value.slice(0, 200), !NOT_BLOCKING.has(e.code)]);
  };
  try {
    for await (const { line, cells } of source.rows) {
      rowsTotal++;
      const record = read(cells);
      if (kind === 'population') {
        const r = checkPopulationRow(record as never, ctx);
        if (!r.ok) await reject(line, r.errors);
        else if (seen.has(r.row.personalIdentityNumber)) await reject(line, [{ column: 'personal_identity_number', code: 'duplicate_row', value: record.personal_identity_number ?? '' }]);
        else {
          seen.add(r.row.personalIdentityNumber);
          const p = r.row;
          await rows.push([importId, imp.municipality_id, line, p.personalIdentityNumber, p.birthDate, p.givenName, p.familyName, p.streetAddress, p.postalCode, p.city, p.municipalityCode, p.protectedIdentity, p.registeredSince]);
          rowsValid++;
        }
      } else {
        const r = checkEnrolmentRow(record as never, ctx);
        if (!r.ok) await reject(line, r.errors);
        else if (seen.has(enrolmentKey(r.row))) await reject(line, [{ column: 'personal_identity_number', code: 'duplicate_row', value: record.personal_identity_number ?? '' }]);
        else {
          seen.add(enrolmentKey(r.row));
          const e = r.row;
          await rows.push([importId, imp.municipality_id, line, e.personalIdentityNumber, e.schoolUnitCode, e.schoolUnitName, e.schoolType, e.programmeCode, e.startDate, e.endDate, e.endReason, e.qualification]);
          rowsValid++;
        }
      }
      if (rowsTotal % 5000 === 0) await progress(rowsTotal);
    }
    await rows.close();
    await errors.close();
  } catch (err) {
    await rows.abort().catch(() => {});
    await errors.abort().catch(() => {});
    const where = err instanceof UnreadableFileError && err.line ? ` (line ${err.line})` : '';
    await db.deleteFrom(kind === 'population' ? 'population_rows' : 'enrolment_rows').where('import_id', '=', importId).execute();
    await finish({ status: 'failed', rowsTotal, rowsValid: 0, errorCount, failure: `${(err as Error).message}${where}` });
    if (err instanceof UnreadableFileError) return { status: 'failed', rowsTotal, rowsValid: 0, errorCount };
    throw err;
  }
  await progress(rowsTotal, rowsTotal);
  return finish({ status: errorCount ? 'needs_review' : 'ready', rowsTotal, rowsValid, errorCount });
}
