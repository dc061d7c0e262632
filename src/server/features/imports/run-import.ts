/** Imports a file from disk in the calling process (the CLI's path; the API queues a job instead). */
import type { ListKind } from '../../../core/source-lists.js';
import type { Language } from '../../../core/errors.js';
import { recordAudit } from '../../audit/audit.js';
import type { DatabaseHandle } from '../../db/connection.js';
import type { Progress } from '../../jobs/queue.js';
import { fileSha256, importErrors, importSummary, registerImport } from './imports.service.js';
import { processImport } from './process-import.js';

/**
 * Registers and processes `path`; an already imported file is reported, not imported again. The
 * invalid rows it returns quote the file's cells, so reading them is audited, as on the web.
 */
export async function importFile(
  handle: DatabaseHandle,
  actor: { id: string | null; municipalityId: string },
  kind: ListKind,
  path: string,
  fileName: string,
  progress?: Progress,
  language: Language = 'en',
) {
  const { id, created } = await registerImport(handle.db, actor, kind, fileName, path, await fileSha256(path));
  if (created) await processImport(handle, id, path, progress);
  const summary = await importSummary(handle.db, actor.municipalityId, id);
  const errors = await handle.db.transaction().execute(async (trx) => {
    const rows = await importErrors(trx, id, language, 100_000);
    if (rows.length)
      await recordAudit(trx, { id: actor.id, municipalityId: actor.municipalityId, ip: null }, [
        { action: 'read', entity: 'import_errors', entityId: id, detail: { rows: rows.length, via: 'cli' } },
      ]);
    return rows;
  });
  return { ...summary, alreadyImported: !created, errors };
}
