/**
 * The logger for work that runs outside a request: the job worker and its heartbeats, the hourly
 * housekeeping, the reaper of interrupted work. The server sets it to its own (Fastify's pino)
 * logger as it starts, so every failure lands in the same log as the requests; before that, and
 * in commands without a server, it writes to standard error.
 */

/** The part of pino's logger that background work uses: an object with `err` and context, and a message. */
export type BackgroundLogger = {
  error(context: object, message: string): void;
  warn(context: object, message: string): void;
  info(context: object, message: string): void;
};

const toStderr = (level: string) => (context: object, message: string) => {
  const err = (context as { err?: unknown }).err;
  console.error(`${level}: ${message}${err ? ` (${(err as Error)?.message ?? String(err)})` : ''}`);
};

const stderrLogger: BackgroundLogger = { error: toStderr('error'), warn: toStderr('warn'), info: toStderr('info') };
let current: BackgroundLogger = stderrLogger;

/** Sends background work's log to `logger` (the server's); `null` goes back to standard error. */
export function setBackgroundLogger(logger: BackgroundLogger | null): void {
  current = logger ?? stderrLogger;
}

/** The logger background work writes to. */
export function backgroundLog(): BackgroundLogger {
  return current;
}

/** The background tasks whose failures are counted, for /metrics' lotsa_background_failures_total. */
export type BackgroundTask =
  'housekeeping' | 'reaper' | 'sealing' | 'checkpoint' | 'heartbeat' | 'job_progress' | 'job_worker';

/** Failures of background work in this process since it started, by task. */
export const backgroundFailures = new Map<BackgroundTask, number>();

/**
 * Logs a failure of background work with its task, its error and `context`, at `level` (error
 * unless the work simply goes on, as a missed heartbeat does), and counts it for /metrics.
 */
export function backgroundFailed(
  task: BackgroundTask,
  err: unknown,
  message: string,
  { context = {}, level = 'error' }: { context?: object; level?: 'error' | 'warn' } = {},
): void {
  backgroundFailures.set(task, (backgroundFailures.get(task) ?? 0) + 1);
  current[level]({ ...context, err, task }, message);
}
