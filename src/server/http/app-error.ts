/** The one error type of Lotsa's use cases; the HTTP layer turns it into problem+json, the CLI into a sentence. */
import type { ErrorCode, FieldMessageKey, ProblemParams } from '../../core/errors.js';

/**
 * A failure with a stable code from core/errors; `fields` lists invalid fields, if any; `params` the
 * figures its sentence names; `options.retryAfterSeconds` when to try again (sent as Retry-After).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields: { field: string; code: FieldMessageKey }[] = [],
    readonly params: ProblemParams = {},
    readonly options: { retryAfterSeconds?: number } = {},
  ) {
    super(code);
  }
}
