/**
 * Is the job queue moving? It has stopped when a queued job has waited longer than
 * STALLED_AFTER_MINUTES while no job is running with a live heartbeat: a long job that still
 * beats holds the queue up, but it is working; no worker at all, or a worker that fails to claim
 * jobs, is not. Read by GET /api/health and /metrics.
 */
import { sql } from 'kysely';
import type { Db } from '../db/connection.js';

/** A queued job waiting this long, with nothing running, means the queue has stopped. */
export const STALLED_AFTER_MINUTES = 10;
/** A running job whose heartbeat (every 15 s) is newer than this is being worked on. */
const LIVE_HEARTBEAT_SECONDS = 120;

/** The queue's state: how many jobs wait and run, and how long the oldest waiting one has waited. */
export type QueueHealth = {
  state: 'ok' | 'stalled';
  queued: number;
  running: number;
  oldestQueuedMinutes: number | null;
};

/** Reads the queue's state in one statement. */
export async function jobQueueHealth(db: Db): Promise<QueueHealth> {
  const { rows } = await sql<{ queued: string; running: string; live: string; oldest_seconds: number | null }>`
    select count(*) filter (where status = 'queued') as queued,
           count(*) filter (where status = 'running') as running,
           count(*) filter (where status = 'running'
             and heartbeat_at > now() - make_interval(secs => ${LIVE_HEARTBEAT_SECONDS})) as live,
           extract(epoch from now() - min(created_at) filter (where status = 'queued'))::float8 as oldest_seconds
      from jobs where status in ('queued', 'running')`.execute(db);
  const row = rows[0]!;
  const oldestQueuedMinutes = row.oldest_seconds === null ? null : Math.floor(Number(row.oldest_seconds) / 60);
  const stalled =
    oldestQueuedMinutes !== null && oldestQueuedMinutes >= STALLED_AFTER_MINUTES && Number(row.live) === 0;
  return {
    state: stalled ? 'stalled' : 'ok',
    queued: Number(row.queued),
    running: Number(row.running),
    oldestQueuedMinutes,
  };
}
