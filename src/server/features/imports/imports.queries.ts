/** Queries over a municipality's imports. */
import type { Db } from '../../db/connection.js';

/** The ids of the municipality's `limit` most recent imports, newest first. */
export function recentImportIds(db: Db, municipalityId: string, limit: number) {
  return db
    .selectFrom('imports')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}
