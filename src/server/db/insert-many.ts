/**
 * Inserts many rows in one statement: the rows travel as one JSON parameter and PostgreSQL
 * spreads them with json_populate_recordset. Far fewer round trips than multi-row VALUES, and no
 * limit on parameters. Works the same on PGlite. Give every column you need, defaults are not applied.
 */
import { sql } from 'kysely';
import type { Db } from './connection.js';

/** Inserts `rows` (objects keyed by column) into `table`; table and column names come from code. */
export async function insertMany(db: Db, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const list = sql.raw(columns.map((c) => `"${c}"`).join(', '));
  await sql`insert into ${sql.table(table)} (${list}) select ${list} from
    json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(db);
}
