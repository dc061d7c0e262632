/** SQL of the health check: does the database answer at all. */
import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';

/** Runs the smallest statement there is; throws when the database does not answer. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
