/**
 * Retention (gallring) of what Lotsa only needed for a while: the rows of source lists no longer in
 * use, uploaded files, and finished background jobs with their results. Runs in the server a few
 * times a day and as `npx lotsa retention run`; every culled list is recorded in the audit log.
 *
 * A population list stops being in use when a newer one of its municipality is ready; failed lists
 * and lists nobody finished mapping or reviewing stop being in use when they are `days` old.
 * Enrolment lists stay: together they are the school history the register is built from.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { recordAudit } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import { dropStagingTable } from '../imports/staging-tables.js';
import {
  deleteFinishedJobs,
  markImportCulled,
  shortLockTimeout,
  staleImports,
  uploadsInUse,
} from './retention.queries.js';

const LOCK_NOT_AVAILABLE = '55P03';

/** What one run culled. */
export type RetentionReport = { lists: number; jobs: number; uploads: number };

/** Culls what is older than `days`; `uploads` is the directory the web app's uploads are kept in. */
export async function applyRetention(db: Db, days: number, uploads: string): Promise<RetentionReport> {
  const stale = await staleImports(db, days);
  let culled = 0;
  for (const imp of stale) {
    const done = await db.transaction().execute(async (trx) => {
      // Dropping a list's rows locks all lists for a moment: never queue behind a reconciliation
      // (and make everyone queue behind us); the next run takes it instead.
      await shortLockTimeout(trx);
      try {
        await dropStagingTable(trx, imp.kind, imp.id);
      } catch (err) {
        if ((err as { code?: string }).code === LOCK_NOT_AVAILABLE) return false;
        throw err;
      }
      await markImportCulled(trx, imp.id);
      await recordAudit(trx, { id: null, municipalityId: imp.municipality_id, ip: null }, [
        { action: 'cull', entity: 'import', entityId: imp.id, detail: { kind: imp.kind, afterDays: days } },
      ]);
      return true;
    });
    if (done) culled++;
  }
  const jobs = await deleteFinishedJobs(db, days);
  return { lists: culled, jobs, uploads: await removeOldUploads(db, uploads, days) };
}

/** Removes uploaded files older than `days` that no import waiting for a column mapping still needs. */
async function removeOldUploads(db: Db, uploads: string, days: number): Promise<number> {
  // No uploads directory yet means nothing was uploaded; any other failure is reported.
  const files = await readdir(uploads).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  const waiting = await uploadsInUse(db);
  let removed = 0;
  for (const name of files) {
    const file = path.join(uploads, name);
    if (waiting.has(file) || Date.now() - (await stat(file)).mtimeMs < days * 86_400_000) continue;
    await rm(file, { force: true });
    removed++;
  }
  return removed;
}
