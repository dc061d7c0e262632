/** The kinds of background job Lotsa runs, wired to the code that does the work. */
import { rm } from 'node:fs/promises';
import { processImport } from '../features/imports/process-import.js';
import { reconcile } from '../features/register/reconcile.js';
import { registerJobHandler } from './queue.js';

/** Registers every job handler; call once at start. */
export function registerJobHandlers(): void {
  registerJobHandler('import', async (handle, { payload }, progress) => {
    let keep = false;
    try {
      const outcome = await processImport(handle, String(payload.importId), String(payload.path), progress);
      keep = outcome.status === 'needs_mapping';
      return outcome;
    } finally {
      // The uploaded copy is only needed again if the coordinator has yet to map its columns; a failed import's goes at once.
      if (!keep) await rm(String(payload.path), { force: true });
    }
  });
  registerJobHandler('reconcile', async (handle, { municipalityId, payload }, progress) => {
    const job = payload as { asOf: string; apply: boolean; actorId: string | null; confirmLeaving?: number | null };
    return reconcile(handle, municipalityId, job.asOf, { apply: job.apply, actorId: job.actorId, confirmLeaving: job.confirmLeaving ?? null }, progress);
  });
}
