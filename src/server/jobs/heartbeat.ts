/**
 * Heartbeats of long work. An import or job in progress sets its `heartbeat_at` every few seconds;
 * one whose heartbeat has gone silent belongs to a process that died, and may be failed by any
 * other process (several Lotsa processes can share one PostgreSQL server).
 */
import { sql } from 'kysely';
import type { Db } from '../db/connection.js';
import { backgroundFailed } from '../log.js';

const BEAT_MS = 15_000;

/** A heartbeat older than this means the work's process is gone. */
export const SILENT_AFTER_SECONDS = 300;

/** Beats for the row `id` of `table` now and every few seconds; returns the function that stops it. */
export function startHeartbeat(db: Db, table: 'imports' | 'jobs', id: string): () => void {
  const failed = (err: unknown) =>
    backgroundFailed(
      'heartbeat',
      err,
      `A heartbeat of ${table} ${id} could not be written (it beats again in a few seconds)`,
      { context: { table, id }, level: 'warn' },
    );
  const beat = () =>
    void db
      .updateTable(table)
      .set({ heartbeat_at: sql`now()` })
      .where('id', '=', id)
      .execute()
      .catch(failed);
  beat();
  const timer = setInterval(beat, BEAT_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** SQL condition: the row's work is running but its heartbeat is older than `seconds` (or it never beat). */
export const silentFor = (seconds: number) =>
  sql<boolean>`status = 'running' and (heartbeat_at is null
    or heartbeat_at < now() - make_interval(secs => ${seconds}))`;
