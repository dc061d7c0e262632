/**
 * Refusals of input no route could use, before any route sees it: a URL too long (414), text
 * PostgreSQL cannot store anywhere in a body, query string or path (400 `unsafe_text`), and what
 * Node's HTTP parser or Fastify's router refuse before a request exists (431, 400, 414), all as
 * problem+json like every other error.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyInstance } from 'fastify';
import { isStorableText } from '../../core/input-rules.js';
import { problem, sendProblem } from './errors.js';
import { AppError } from './app-error.js';

/** The longest URL (path and query string) Lotsa reads; a longer one answers 414. */
export const MAX_URL_LENGTH = 8192;
/** How many unstorable fields one answer names at most. */
const MAX_NAMED = 20;

/** The paths (a.b.0.c) of every string in `value`, keys included, that cannot be stored. */
export function unstorableFields(value: unknown, path = '', found: string[] = []): string[] {
  if (found.length >= MAX_NAMED) return found;
  if (typeof value === 'string') {
    if (!isStorableText(value)) found.push(path || 'body');
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unstorableFields(v, path ? `${path}.${i}` : String(i), found));
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value) && !isStream(value)) {
    for (const [k, v] of Object.entries(value)) {
      const at = path ? `${path}.${k}` : k;
      if (!isStorableText(k)) found.push(at);
      else unstorableFields(v, at, found);
    }
  }
  return found;
}

/** Streams (an uploaded file) are read by their routes, not walked here. */
const isStream = (v: object) => typeof (v as { pipe?: unknown }).pipe === 'function';

/** Answers what Node's HTTP parser refuses (headers or request line too large, malformed) as problem+json. */
function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const body = JSON.stringify(
      problem(err.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : 'validation_failed', 'sv'),
    );
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/problem+json; ` +
        `charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/** Fastify's router refusing a URL (bad percent-encoding, a path parameter too long). */
function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(reply, request, err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'uri_too_long' : 'validation_failed');
}

/** Fastify options that route the parser's and router's refusals through problem+json. */
export const inputGuardOptions = { clientErrorHandler, frameworkErrors };

/** Installs the URL-length and storable-text checks on `app` (before authentication). */
export function installInputGuard(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.length > MAX_URL_LENGTH) return sendProblem(reply, request, 'uri_too_long');
  });
  app.addHook('preValidation', async (request) => {
    const fields = [request.params, request.query, request.body].flatMap((part) => unstorableFields(part));
    if (fields.length)
      throw new AppError(
        'validation_failed',
        fields.slice(0, MAX_NAMED).map((field) => ({ field, code: 'unsafe_text' as const })),
      );
  });
}
