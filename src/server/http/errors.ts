/** The error handler that turns every failure (AppError above all) into problem+json in the caller's language. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { fieldCodeOf, type IssueLike } from '../../core/field-codes.js';
import {
  ERRORS,
  FIELD_MESSAGES,
  type ErrorCode,
  type FieldError,
  type FieldMessageKey,
  type Language,
  type Problem,
  type ProblemParams,
} from '../../core/errors.js';
import { AppError } from './app-error.js';
import { languageOf } from './language.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';

/**
 * Builds the problem+json body for `code` in `language`; `params` fill the sentence's {{placeholders}} and travel as
 * members of their own.
 */
export function problem(
  code: ErrorCode,
  language: Language,
  fields: { field: string; code: FieldMessageKey }[] = [],
  params: ProblemParams = {},
): Problem {
  const def = ERRORS[code];
  const sentence = def[language].replace(/\{\{(\w+)\}\}/g, (whole, key: string) =>
    key in params ? String(params[key as keyof ProblemParams]) : whole,
  );
  const body: Problem = {
    type: `https://lotsa.se/problems/${code.replaceAll('_', '-')}`,
    title: sentence,
    status: def.status,
    detail: sentence,
    code,
    ...params,
  };
  if (fields.length) {
    body.errors = fields.map((f): FieldError => ({ ...f, message: FIELD_MESSAGES[f.code][language] }));
    body.detail = `${sentence} ${body.errors.map((e) => `${e.field}: ${e.message}`).join(' ')}`;
  }
  return body;
}

/** Sends `code` as problem+json. */
export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  fields: { field: string; code: FieldMessageKey }[] = [],
  params: ProblemParams = {},
) {
  const body = problem(code, languageOf(request), fields, params);
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** Fastify's own refusals of a request (body, media type, JSON, URL) by their code or status. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
};
const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'validation_failed',
  404: 'not_found',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  431: 'headers_too_large',
};

/** The error code for a client error Fastify raised (any 4xx), or null for anything else. */
function fastifyRefusal(err: FastifyError): ErrorCode | null {
  if (err.code && err.code in FASTIFY_CODES) return FASTIFY_CODES[err.code]!;
  if (err instanceof SyntaxError && err.statusCode === 400) return 'invalid_json';
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500)
    return STATUS_CODES[err.statusCode] ?? 'validation_failed';
  return null;
}

/** PostgreSQL's data exceptions (class 22: a date out of range, bad encoding, a number too large). */
const isBadValue = (err: unknown) => /^22[0-9A-Z]{3}$/.test(String((err as { code?: unknown } | null)?.code ?? ''));

/** Installs the error and not-found handlers on `app`. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError & { code?: string }, request, reply) => {
    if (err instanceof AppError) {
      // Every 429 says when to come back; a code without its own time asks for a minute.
      if (ERRORS[err.code].status === 429) reply.header('retry-after', String(err.options.retryAfterSeconds ?? 60));
      return sendProblem(reply, request, err.code, err.fields, err.params);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => {
        const issue: IssueLike = { code: v.keyword, ...(v.params as object) };
        const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.') || err.validationContext || 'body';
        return { field, code: fieldCodeOf(issue, v.message) };
      });
      const onlyIdentity = fields.length > 0 && fields.every((f) => f.field === 'personalIdentityNumber');
      return sendProblem(reply, request, onlyIdentity ? 'invalid_identity_number' : 'validation_failed', fields);
    }
    const refusal = fastifyRefusal(err);
    if (refusal) return sendProblem(reply, request, refusal);
    if (isDatabaseUnavailable(err)) {
      request.log.warn({ err }, 'the database connection was lost during the request');
      reply.header('retry-after', '5');
      return sendProblem(reply, request, 'database_unavailable');
    }
    if (isBadValue(err)) {
      // A value the schemas let through but PostgreSQL refused: a schema to tighten, answered as the caller's error.
      request.log.warn({ err }, 'the database refused a value of the request');
      return sendProblem(reply, request, 'validation_failed');
    }
    if (isUniqueViolation(err)) request.log.warn({ err }, 'unique violation reached the error handler');
    if (isResponseSerializationError(err))
      request.log.error({ issues: err.cause.issues }, 'response did not match its schema');
    else request.log.error({ err }, 'unhandled error');
    return sendProblem(reply, request, 'internal_error');
  });
}
