/** Runs a form's action: busy while it runs, and the API's problem (or null) when it is done. */
import { useState } from 'react';
import { ApiError } from '../api/client.js';

/** `run(action)` resolves true when the action succeeded; `problem` holds what the API answered otherwise. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    try {
      await action();
      setProblem(null);
      return true;
    } catch (err) {
      setProblem(err instanceof ApiError ? err : new ApiError(0, 'internal_error', ''));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, problem, run };
}
