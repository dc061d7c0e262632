/**
 * The recurring background work of a server process: the hourly housekeeping (expired sessions and
 * retention) and, on a shared PostgreSQL server, the reaper that fails work left by a process that
 * died (jobs, imports, unsent text messages and e-mail). Each part runs on its own, so one that fails does not
 * hide another, and every failure is logged through the application's logger with the part's name
 * and error, and counted (lotsa_background_failures_total). Nothing is dropped silently.
 */
import type { Db } from '../db/connection.js';
import { failInterruptedImports } from '../features/imports/imports.service.js';
import { applyRetention } from '../features/retention/retention.js';
import { failUnsentMessages } from '../features/sms/sms.jobs.js';
import { refreshStatistics } from '../db/statistics.js';
import { pruneSessions } from '../http/sessions.js';
import { backgroundFailed, type BackgroundTask } from '../log.js';
import { failInterruptedJobs } from './queue.js';

/**
 * What housekeeping needs of the configuration. `embeddedStatistics`: also gather the planner's statistics,
 * which the embedded database has no autovacuum to do (db/statistics.ts).
 */
export type HousekeepingSettings = {
  sessionMaxHours: number;
  retentionDays: number;
  uploadsDir: string;
  embeddedStatistics?: boolean;
};

/** One part of a recurring task: its name in the log, and the work. */
type Part = { name: string; run: () => Promise<unknown> };

/** Runs every part, each on its own; logs each failure with `when` (when it runs again). True when all succeeded. */
async function runParts(task: BackgroundTask, parts: Part[], when: string): Promise<boolean> {
  const results = await Promise.allSettled(parts.map((part) => part.run()));
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') return;
    const part = parts[i]!.name;
    backgroundFailed(
      task,
      result.reason,
      `${task === 'housekeeping' ? 'Housekeeping' : 'Looking for interrupted work'}: ${part} failed; ${when}`,
      { context: { part } },
    );
  });
  return results.every((result) => result.status === 'fulfilled');
}

/**
 * The hourly housekeeping, once: prune expired sessions, cull what retention allows and, when asked, gather the
 * embedded database's statistics. True when every part succeeded.
 */
export function runHousekeeping(db: Db, settings: HousekeepingSettings): Promise<boolean> {
  const parts: Part[] = [
    { name: 'pruning expired sessions', run: () => pruneSessions(db, settings.sessionMaxHours) },
    { name: 'retention', run: () => applyRetention(db, settings.retentionDays, settings.uploadsDir) },
  ];
  if (settings.embeddedStatistics) parts.push({ name: 'planner statistics', run: () => refreshStatistics(db) });
  return runParts('housekeeping', parts, 'it runs again within the hour');
}

/**
 * Fails work whose process stopped (its heartbeat silent, or a text message never sent), once.
 * `silentSeconds` 0 fails all running work: only for a start where no other process can run it.
 */
export function runReaper(db: Db, silentSeconds?: number): Promise<boolean> {
  return runParts(
    'reaper',
    [
      { name: 'failing interrupted jobs', run: () => failInterruptedJobs(db, silentSeconds) },
      { name: 'failing interrupted imports', run: () => failInterruptedImports(db, silentSeconds) },
      { name: 'failing unsent text messages', run: () => failUnsentMessages(db, 'sms', silentSeconds) },
      { name: 'failing unsent e-mail', run: () => failUnsentMessages(db, 'email', silentSeconds) },
    ],
    'it looks again within a minute',
  );
}

/**
 * Runs `task`'s `work` every `intervalMs` (never two at once) until the returned function is called,
 * which resolves once a run under way has finished (and logged what failed).
 */
function every(task: BackgroundTask, intervalMs: number, work: () => Promise<unknown>): () => Promise<void> {
  let current: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (current) return;
    // `work` logs its own failures; this catch only guards the timer against a bug in that logging.
    current = work()
      .catch((err: unknown) => backgroundFailed(task, err, `The ${task} failed unexpectedly; it runs again`))
      .finally(() => (current = null));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await current;
  };
}

/** Housekeeping every hour (or `intervalMs`) until stopped; the server also runs it once at start. */
export function startHousekeeping(
  db: Db,
  settings: HousekeepingSettings,
  intervalMs = 60 * 60 * 1000,
): () => Promise<void> {
  return every('housekeeping', intervalMs, () => runHousekeeping(db, settings));
}

/** The reaper every minute (or `intervalMs`) until stopped; for PostgreSQL, where other processes may die mid-work. */
export function startReaper(db: Db, intervalMs = 60 * 1000): () => Promise<void> {
  return every('reaper', intervalMs, () => runReaper(db));
}
