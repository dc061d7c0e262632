/**
 * How a failed check of input names its field and says what is wrong with it: the same rule for the
 * server's 400 answers and for a form's check in the browser, which both run the same zod schemas.
 */
import { FIELD_MESSAGES, type FieldError, type FieldMessageKey } from './errors.js';

/** What a zod issue (or fastify-type-provider-zod's report of one) carries that decides the field code. */
export type IssueLike = { code?: string; format?: string; origin?: string };

/** The field message key for a zod issue and its message. */
export function fieldCodeOf(issue: IssueLike, message: string | undefined): FieldMessageKey {
  if (issue.code === 'invalid_type' && /received undefined/.test(message ?? '')) return 'required';
  if (issue.code === 'too_small' && issue.origin === 'string') return 'required';
  if (issue.code === 'too_big' && issue.origin === 'string') return 'too_long';
  if (issue.code === 'invalid_format' && issue.format === 'email') return 'email';
  // Custom issues (such as the identity number's) carry their field message key as the message.
  if (issue.code === 'custom' && message && message in FIELD_MESSAGES) return message as FieldMessageKey;
  return 'invalid';
}

/** The field errors of zod issues, each field named by its path as the API names it (e.g. "guardians.0.name"). */
export function fieldErrorsOfIssues(
  issues: readonly (IssueLike & { path: readonly PropertyKey[]; message: string })[],
): FieldError[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join('.') || 'body',
    code: fieldCodeOf(issue, issue.message),
    message: '',
  }));
}
