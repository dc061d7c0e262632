/**
 * Each import's rows live in a table of their own, a partition of population_rows or
 * enrolment_rows. The table is loaded while it stands alone (no indexes, no foreign keys to check
 * row by row) and attached when the import is complete; until then no query over the lists sees
 * it, so a crash mid-import leaves nothing half-read. Dropping an import's rows is dropping its table.
 */
import { sql, type Kysely } from 'kysely';
import type { ListKind } from '../../../core/source-lists.js';
import type { Database } from '../../db/types.js';

/** The parent table of a kind of list. */
const stagingParent = (kind: ListKind) => (kind === 'population' ? 'population_rows' : 'enrolment_rows');

/** The name of an import's own table. `importId` is a UUID from the database, so the name is safe. */
export function stagingTable(kind: ListKind, importId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(importId)) throw new Error(`Not an import id: ${importId}`);
  return `${stagingParent(kind)}_${importId.replaceAll('-', '')}`;
}

/**
 * Creates the import's table, empty and unattached, shaped like its parent. Its import_id and
 * municipality_id default to the import's, so a load gives only the columns that vary.
 */
export async function createStagingTable(
  db: Kysely<Database>,
  kind: ListKind,
  importId: string,
  municipalityId: string,
): Promise<void> {
  const table = sql.table(stagingTable(kind, importId));
  await sql`drop table if exists ${table}`.execute(db);
  await sql`create table ${table} (like ${sql.table(stagingParent(kind))}, check (import_id =
    ${sql.lit(importId)}))`.execute(db);
  await sql`alter table ${table} alter column import_id
    set default ${sql.lit(importId)}, alter column municipality_id set default ${sql.lit(municipalityId)}`.execute(db);
}

/**
 * Attaches the loaded table to its parent: PostgreSQL builds the parent's indexes on it and checks
 * its foreign keys in one pass each, and the check constraint spares it a scan of the rows. With
 * `analyze` its statistics are gathered at once; a PostgreSQL server's autovacuum gathers them
 * within a minute anyway (PGlite has none), and the queries over the lists do not depend on them.
 */
export async function attachStagingTable(
  db: Kysely<Database>,
  kind: ListKind,
  importId: string,
  options: { analyze: boolean },
): Promise<void> {
  const table = sql.table(stagingTable(kind, importId));
  await sql`alter table ${sql.table(stagingParent(kind))} attach partition ${table} for
    values in (${sql.lit(importId)})`.execute(db);
  if (options.analyze) await sql`analyze ${table}`.execute(db);
}

/** Drops the import's rows, attached or not. */
export async function dropStagingTable(db: Kysely<Database>, kind: ListKind, importId: string): Promise<void> {
  await sql`drop table if exists ${sql.table(stagingTable(kind, importId))}`.execute(db);
}

/**
 * Moves every repeat of a person in a population list (each row after their first) from the
 * import's table to its errors as `duplicate_row`; returns how many rows moved.
 */
export async function moveRepeatedPersonsToErrors(db: Kysely<Database>, importId: string): Promise<number> {
  const table = sql.table(stagingTable('population', importId));
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ line: number }>`
      with repeated as (
        select line, personal_identity_number from (
          select line, personal_identity_number, row_number() over (partition by personal_identity_number
            order by line) as nth from ${table}) numbered
        where nth > 1),
      recorded as (
        insert into import_errors (import_id, line, column_name, code, value, blocking)
        select ${importId}, line, 'personal_identity_number', 'duplicate_row', personal_identity_number, true
          from repeated)
      delete from ${table} where line in (select line from repeated) returning line`.execute(trx);
    return rows.length;
  });
}
