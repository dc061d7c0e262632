/**
 * Background jobs in a PostgreSQL table, so long work (imports, reconciliation) survives the
 * request that started it and reports progress. One worker loop per process claims queued jobs
 * with FOR UPDATE SKIP LOCKED; progress and results are written back to the row.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { DatabaseHandle, Db } from '../db/connection.js';
import { AppError } from '../http/app-error.js';
import { backgroundFailed, backgroundLog } from '../log.js';
import { SILENT_AFTER_SECONDS, silentFor, startHeartbeat } from './heartbeat.js';
import { isJobKind, JOB_PAYLOADS, type JobKind, type JobPayload } from './job-kinds.js';

/** Reports how far a job has come. */
export type Progress = (done: number, total?: number) => Promise<void>;
/** Runs one kind of job on its checked payload; what it returns is stored as the job's result. */
export type JobHandler<K extends JobKind> = (
  handle: DatabaseHandle,
  job: { municipalityId: string; payload: JobPayload<K> },
  progress: Progress,
) => Promise<unknown>;

const handlers = new Map<JobKind, JobHandler<JobKind>>();

/** How many jobs failed in this process since it started (for /metrics). */
export const failures = { count: 0 };

/** Registers the handler for a kind of job. */
export function registerJobHandler<K extends JobKind>(kind: K, handler: JobHandler<K>): void {
  handlers.set(kind, handler as JobHandler<JobKind>);
}

/** Queues a job after checking its payload against its kind's schema (a wrong one throws); returns its id. */
export async function enqueueJob<K extends JobKind>(
  db: Db,
  job: { municipalityId: string; kind: K; payload: JobPayload<K>; createdBy: string | null },
): Promise<string> {
  const payload = JOB_PAYLOADS[job.kind].parse(job.payload);
  const row = await db
    .insertInto('jobs')
    .values({
      municipality_id: job.municipalityId,
      kind: job.kind,
      payload: JSON.stringify(payload),
      status: 'queued',
      created_by: job.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A progress reporter that writes to the job row at most every 250 ms. It does not wait for the
 * write: the job may be inside a transaction that holds the only PGlite connection.
 */
function progressOf(db: Db, jobId: string): Progress {
  let last = 0;
  return async (done, total) => {
    const now = Date.now();
    if (now - last < 250 && total === undefined) return;
    last = now;
    void db
      .updateTable('jobs')
      .set({ progress: done, ...(total !== undefined && { total }) })
      .where('id', '=', jobId)
      .execute()
      .catch((err) =>
        backgroundFailed('job_progress', err, `The progress of job ${jobId} could not be written (the job goes on)`, {
          context: { jobId },
          level: 'warn',
        }),
      );
  };
}

/** Claims and runs the oldest queued job, if any; true when one ran. */
export async function runNextJob(handle: DatabaseHandle): Promise<boolean> {
  const job = await handle.db
    .updateTable('jobs')
    .set({ status: 'running', started_at: sql`now()`, heartbeat_at: sql`now()` })
    .where('id', '=', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'queued')
        .orderBy('created_at')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'kind', 'payload', 'municipality_id'])
    .executeTakeFirst();
  if (!job) return false;
  const stopBeating = startHeartbeat(handle.db, 'jobs', job.id);
  try {
    const handler = isJobKind(job.kind) ? handlers.get(job.kind) : undefined;
    if (!handler) throw new Error(`No handler for jobs of kind ${job.kind}`);
    const checked = JOB_PAYLOADS[job.kind as JobKind].safeParse(job.payload);
    if (!checked.success)
      throw new Error(
        `The payload of job ${job.id} (${job.kind}) does not fit its kind: ${z.prettifyError(checked.error)}`,
      );
    const result = await handler(
      handle,
      { municipalityId: job.municipality_id, payload: checked.data },
      progressOf(handle.db, job.id),
    );
    await handle.db
      .updateTable('jobs')
      .set({ status: 'done', result: JSON.stringify(result ?? null), finished_at: sql`now()` })
      .where('id', '=', job.id)
      .execute();
  } catch (err) {
    failures.count++;
    // A refusal the job's owner sees (an AppError, say a bad file) is a warning; anything else an error.
    const log = backgroundLog();
    (err instanceof AppError ? log.warn : log.error).call(
      log,
      { err, jobId: job.id, kind: job.kind },
      `Job ${job.id} (${job.kind}) failed`,
    );
    // An AppError's message is its stable code, which clients translate; the figures its sentence names are the result.
    const params = err instanceof AppError && Object.keys(err.params).length ? JSON.stringify(err.params) : null;
    await handle.db
      .updateTable('jobs')
      .set({ status: 'failed', error: (err as Error).message, result: params, finished_at: sql`now()` })
      .where('id', '=', job.id)
      .execute();
  } finally {
    stopBeating();
  }
  return true;
}

/**
 * Marks jobs whose process stopped as failed, so nobody waits for them: those whose heartbeat has
 * been silent for `silentSeconds` (0 when no other process can be running them).
 */
export async function failInterruptedJobs(db: Db, silentSeconds = SILENT_AFTER_SECONDS): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      status: 'failed',
      error: 'Interrupted: Lotsa stopped while the job ran. Start it again.',
      finished_at: sql`now()`,
    })
    .where(silentFor(silentSeconds))
    .execute();
}

/** Polls for jobs until stopped; returns the stop function, which waits for a running job. */
export function startWorker(handle: DatabaseHandle, pollMs = 500): () => Promise<void> {
  let stopped = false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!stopped) {
      // A lost database connection (or any failure outside a job's own) is logged and the loop goes on.
      const ran = await runNextJob(handle).catch((err) => {
        backgroundFailed('job_worker', err, 'The job worker could not claim or finish a job (it tries again)');
        return false;
      });
      if (!ran && !stopped)
        await new Promise<void>((resolve) => ((wake = resolve), setTimeout(resolve, pollMs).unref()));
    }
  })();
  return async () => {
    stopped = true;
    wake?.();
    await loop;
  };
}
