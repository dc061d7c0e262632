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
