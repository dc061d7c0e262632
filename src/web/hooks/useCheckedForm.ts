/**
 * One way to hold and submit a form whose values the browser checks with core's rule functions
 * (required fields, date order, an organisation number) rather than with a whole schema: the checks'
 * messages and the server's problem+json answer show the same way, by the API's field names.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf, useMessages, type FieldMessages } from '../api/fieldErrors.js';

/**
 * `values` start as `initial` and change with `set`; `bind(name)` gives a field component its id
 * (`fieldId`), value, change handler and error. `submit(checks, body)` counts the attempt, shows
 * `checks` (field → message) and, when there are none, sends `body()` with `send` as a TanStack
 * mutation. `errors` holds each field's message by the API's field name, `problem` the server's
 * sentence, and `attempt` counts submits so the summary can take focus again.
 */
export function useCheckedForm<V extends Record<string, unknown>, B, R = unknown>({
  initial,
  fieldId,
  send,
  onSuccess,
}: {
  initial: V | (() => V);
  fieldId: (field: string) => string;
  send: (body: B) => Promise<R>;
  onSuccess?: (result: R) => unknown;
}) {
  const messages = useMessages();
  const [values, setValues] = useState<V>(initial);
  const [local, setLocal] = useState<FieldMessages>({});
  const [attempt, setAttempt] = useState(0);
  const mutation = useMutation({ mutationFn: send, onSuccess });

  function submit(checks: FieldMessages, body: () => B): void {
    setAttempt((n) => n + 1);
    setLocal(checks);
    mutation.reset();
    if (Object.keys(checks).length === 0) mutation.mutate(body());
  }

  const failure = mutation.error ? messageOf(mutation.error) : null;
  const errors = messages.fields(local, failure);
  const set = (patch: Partial<V>) => setValues((current) => ({ ...current, ...patch }));
  return {
    values,
    set,
    bind: <K extends keyof V & string>(name: K) => ({
      id: fieldId(name),
      value: values[name],
      onChange: (value: V[K]) => setValues((current) => ({ ...current, [name]: value })),
      error: errors[name],
    }),
    submit,
    busy: mutation.isPending,
    attempt,
    errors,
    problem: messages.text(failure),
    fieldId,
  };
}
