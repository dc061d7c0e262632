/** Starts a background job on the server and follows it until it is done or has failed. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorCode } from '../../core/errors.js';
import { ApiError } from '../api/client.js';
import { registerApi } from '../api/registerEndpoints.js';
import { POLL_INTERVAL_MS } from '../components/constants.js';

/** Where a job stands: not started, running (rows or persons done so far), done with a result, or failed. */
export type JobState<R> =
  | { status: 'idle' }
  | { status: 'running'; progress: number; total: number | null }
  | { status: 'done'; result: R }
  | { status: 'failed'; error: ApiError };

/** A job's error is a stable error code when the server knew what went wrong, otherwise a technical text. */
function jobError(error: string | null, result: unknown): ApiError {
  // A failed job's result holds the figures its error's sentence names (such as `leaving`), if any.
  const params =
    result && typeof result === 'object'
      ? Object.fromEntries(Object.entries(result).filter(([, v]) => typeof v === 'number'))
      : {};
  return error && /^[a-z_]+$/.test(error)
    ? new ApiError(0, error as ErrorCode, '', [], params)
    : new ApiError(0, 'internal_error', '');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The state of the current job, a way to start one, and a way to forget it. A newer start cancels the older. */
export function useJob<R>() {
  const [state, setState] = useState<JobState<R>>({ status: 'idle' });
  const generation = useRef(0);
  useEffect(() => () => void generation.current++, []);

  const start = useCallback(async (begin: () => Promise<{ jobId: string }>): Promise<JobState<R>> => {
    const mine = ++generation.current;
    const set = (next: JobState<R>) => {
      if (mine === generation.current) setState(next);
      return next;
    };
    set({ status: 'running', progress: 0, total: null });
    try {
      const { jobId } = await begin();
      for (;;) {
        if (mine !== generation.current) return { status: 'idle' };
        const job = await registerApi.job(jobId);
        if (job.status === 'done') return set({ status: 'done', result: job.result as R });
        if (job.status === 'failed') return set({ status: 'failed', error: jobError(job.error, job.result) });
        set({ status: 'running', progress: job.progress, total: job.total });
        await sleep(POLL_INTERVAL_MS);
      }
    } catch (err) {
      return set({ status: 'failed', error: err instanceof ApiError ? err : new ApiError(0, 'internal_error', '') });
    }
  }, []);

  const reset = useCallback(() => {
    generation.current++;
    setState({ status: 'idle' });
  }, []);

  return { state, start, reset };
}
