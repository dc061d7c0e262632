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
      const outcome = await processImport(handle, payload.importId, payload.path, progress);
      keep = outcome.status === 'needs_mapping';
      return outcome;
    } finally {
      // The uploaded copy is only needed again if the coordinator has yet to map its columns; a failed import's goes at
      // once.
      if (!keep) await rm(payload.path, { force: true });
    }
  });
  registerJobHandler('reconcile', async (handle, { municipalityId, payload }, progress) => {
    const options = { apply: payload.apply, actorId: payload.actorId, confirmLeaving: payload.confirmLeaving ?? null };
    return reconcile(handle, municipalityId, payload.asOf, options, progress);
  });
}
