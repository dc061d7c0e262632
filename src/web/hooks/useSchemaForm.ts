/**
 * One way to submit a form. Its values are checked in the browser with the core zod schema the server
 * checks them with, so a missing or too long field is named before any request, in the same words as the
 * server's 400 would; what passes is sent as a TanStack mutation, whose problem+json answer shows the same way.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { fieldErrorsOfIssues } from '../../core/field-codes.js';
import { ApiError } from '../api/client.js';
import { messageOf, useMessages } from '../api/fieldErrors.js';

/**
 * `submit(values)` checks `values` with `schema` and sends what it parsed with `send`. `errors` holds each
 * field's message by the API's field name, `problem` the sentence for the error summary, `code` the API's
 * error code (null without one), and `attempt` counts submits so the summary can take focus again.
 */
export function useSchemaForm<S extends z.ZodType, R>(
  schema: S,
  send: (body: z.output<S>) => Promise<R>,
  options: { onSuccess?: (result: R) => unknown } = {},
) {
  const messages = useMessages();
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const mutation = useMutation({ mutationFn: send, onSuccess: options.onSuccess });

  function submit(values: z.input<S>): void {
    setAttempt((n) => n + 1);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      mutation.reset();
      setRefused(new ApiError(400, 'validation_failed', '', fieldErrorsOfIssues(parsed.error.issues)));
      return;
    }
    setRefused(null);
    mutation.mutate(parsed.data);
  }

  const failure = refused ?? (mutation.error ? messageOf(mutation.error) : null);
  return {
    submit,
    busy: mutation.isPending,
    attempt,
    errors: messages.fields({}, failure),
    problem: messages.text(failure),
    code: failure instanceof ApiError ? failure.code : null,
  };
}
