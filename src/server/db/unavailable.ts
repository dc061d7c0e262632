/**
 * Recognises a failure of the connection to PostgreSQL, as opposed to a failure of one statement:
 * the server ended the session (restart, failover, `pg_terminate_backend`,
 * `idle_in_transaction_session_timeout`), the network dropped it, or no connection could be
 * opened. Such a request is answered 503 and the pool opens a new connection for the next one.
 */

/** SQLSTATE classes and codes that mean the session is gone or cannot be had. */
const SQLSTATES = /^(08...|57P0[123]|53300)$/;
/** Node's socket errors on a connection that went away or could not be made. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** What `pg` and `pg-pool` throw when the connection ended or none came in time. */
const MESSAGES = new RegExp(
  '^(Connection terminated|Client has encountered a connection error|Client was closed' +
    '|timeout exceeded when trying to connect)',
);

/** True when `err` (or an error it was caused by) says the database connection is lost or unavailable. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (SQLSTATES.test(code) || SOCKET_CODES.has(code))) return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
  }
  return false;
}
