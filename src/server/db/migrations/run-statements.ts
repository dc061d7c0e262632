/** Runs a migration's SQL statements in order (each alone: drivers take one statement per query). */
import { sql, type Kysely } from 'kysely';

export async function runStatements(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
