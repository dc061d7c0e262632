/** The error handler that turns every failure (AppError above all) into problem+json in the caller's language. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERRORS, FIELD_MESSAGES, type ErrorCode, type FieldError, type FieldMessageKey, type Language, type Problem } from '../../core/errors.js';
import { AppError } from './app-error.js';
import { languageOf } from './language.js';
import { isUniqueViolation } from '../db/unique-violation.js';


/** Builds the problem+json body for `code` in `language`. */
export function problem(code: ErrorCode, language: Language, fields: { field: string; code: FieldMessageKey }[] = []): Problem {
  const def = ERRORS[code];
  const body: Problem = {
    type: `https://lotsa.se/problems/${code.replaceAll('_', '-')}`,
    title: def[language],
    status: def.status,
    detail: def[language],
    code,
  };
  if (fields.length) {
    body.errors = fields.map((f): FieldError => ({ ...f, message: FIELD_MESSAGES[f.code][language] }));
    body.detail = `${def[language]} ${body.errors.map((e) => `${e.field}: ${e.message}`).join(' ')}`;
  }
  return body;
}

/** Sends `code` as problem+json. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, fields: { field: string; code: FieldMessageKey }[] = []) {
  const body = problem(code, languageOf(request), fields);
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** What fastify-type-provider-zod reports of a zod issue: its code as `keyword`, the rest as params. */
type ZodIssueLike = { code?: string; format?: string; origin?: string };

function fieldCode(issue: ZodIssueLike, message: string | undefined): FieldMessageKey {
  if (issue.code === 'invalid_type' && /received undefined/.test(message ?? '')) return 'required';
  if (issue.code === 'too_small' && issue.origin === 'string') return 'required';
  if (issue.code === 'too_big' && issue.origin === 'string') return 'too_long';
  if (issue.code === 'invalid_format' && issue.format === 'email') return 'email';
  // Custom issues (such as the identity number's) carry their field message key as the message.
  if (issue.code === 'custom' && message && message in FIELD_MESSAGES) return message as FieldMessageKey;
  return 'invalid';
}


/** Installs the error and not-found handlers on `app`. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError & { code?: string }, request, reply) => {
    if (err instanceof AppError) {
      // Every 429 says when to come back; a code without its own time asks for a minute.
      if (ERRORS[err.code].status === 429) reply.header('retry-after', String(err.options.retryAfterSeconds ?? 60));
      return sendProblem(reply, request, err.code, err.fields);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => {
        const issue: ZodIssueLike = { code: v.keyword, ...(v.params as object) };
        const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.') || err.validationContext || 'body';
        return { field, code: fieldCode(issue, v.message) };
      });
      const onlyIdentity = fields.length > 0 && fields.every((f) => f.field === 'personalIdentityNumber');
      return sendProblem(reply, request, onlyIdentity ? 'invalid_identity_number' : 'validation_failed', fields);
    }
    if (err.statusCode === 400 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return sendProblem(reply, request, 'validation_failed', []);
    }
    if (isUniqueViolation(err)) request.log.warn({ err }, 'unique violation reached the error handler');
    if (isResponseSerializationError(err)) request.log.error({ issues: err.cause.issues }, 'response did not match its schema');
    else request.log.error({ err }, 'unhandled error');
    return sendProblem(reply, request, 'internal_error');
  });
}
