/** Runs one user action against the API at a time: whether it is busy, and the message of its last failure. */
import { useCallback, useState } from 'react';
import { messageOf, type Message } from '../api/fieldErrors.js';

/** The state of an action and `run`, which resolves true when `work` succeeded. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Message | null>(null);
  const run = useCallback(async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (err) {
      setError(messageOf(err));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
