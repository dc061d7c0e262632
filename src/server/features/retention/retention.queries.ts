/** SQL of retention: source lists no longer in use, finished jobs, and the uploads still needed. */
import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';

const olderThan = (days: number) => sql<Date>`now() - make_interval(days => ${days})`;

/**
 * Lists older than `days` not yet culled that are no longer in use: failed or never finished
 * (mapping, review), or a ready population list of a municipality that has a newer ready one.
 */
export function staleImports(db: Db, days: number) {
  return db
    .selectFrom('imports')
    .select(['id', 'kind', 'municipality_id', 'upload_path'])
    .where('culled_at', 'is', null)
    .where('created_at', '<', olderThan(days))
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['failed', 'needs_mapping', 'needs_review']),
        eb.and([
          eb('kind', '=', 'population'),
          eb('status', '=', 'ready'),
          eb.exists(
            eb
              .selectFrom('imports as newer')
              .select('newer.id')
              .whereRef('newer.municipality_id', '=', 'imports.municipality_id')
              .where('newer.kind', '=', 'population')
              .where('newer.status', '=', 'ready')
              .whereRef('newer.created_at', '>', 'imports.created_at'),
          ),
        ]),
      ]),
    )
    .execute();
}

/** Makes the transaction give up on a lock it has waited two seconds for (SQLSTATE 55P03). */
export async function shortLockTimeout(db: Db): Promise<void> {
  await sql`set local lock_timeout = '2s'`.execute(db);
}

/** Deletes a list's row errors and marks it culled now. */
export async function markImportCulled(db: Db, importId: string): Promise<void> {
  await db.deleteFrom('import_errors').where('import_id', '=', importId).execute();
  await db
    .updateTable('imports')
    .set({ culled_at: sql`now()` })
    .where('id', '=', importId)
    .execute();
}

/** Deletes the jobs done or failed more than `days` ago; returns how many. */
export async function deleteFinishedJobs(db: Db, days: number): Promise<number> {
  const jobs = await db
    .deleteFrom('jobs')
    .where('status', 'in', ['done', 'failed'])
    .where('finished_at', '<', olderThan(days))
    .executeTakeFirst();
  return Number(jobs.numDeletedRows);
}

/** The uploaded files that lists still queued, running or waiting for a column mapping need. */
export async function uploadsInUse(db: Db): Promise<Set<string | null>> {
  const rows = await db
    .selectFrom('imports')
    .select('upload_path')
    .where('status', 'in', ['queued', 'running', 'needs_mapping'])
    .where('culled_at', 'is', null)
    .execute();
  return new Set(rows.map((i) => i.upload_path));
}
