/**
 * The planner's statistics. PostgreSQL's autovacuum keeps them current on a server; the embedded database
 * (PGlite) runs no background workers, so there they are gathered by Lotsa itself: after the demo is filled,
 * after the register is applied, and in the hourly housekeeping. Without them the planner takes every table
 * for empty and joins 300 persons in nested loops: a caseworker's work queues took two seconds, not 60 ms.
 */
import { sql } from 'kysely';
import type { DatabaseHandle, Db } from './connection.js';

/** Gathers statistics on every table (`ANALYZE`): a second or two at a municipality's size. */
export async function refreshStatistics(db: Db): Promise<void> {
  await sql`analyze`.execute(db);
}

/** As {@link refreshStatistics}, on the embedded database only (a server's autovacuum does it there). */
export async function refreshEmbeddedStatistics(handle: Pick<DatabaseHandle, 'db' | 'kind'>): Promise<void> {
  if (handle.kind === 'pglite') await refreshStatistics(handle.db);
}
