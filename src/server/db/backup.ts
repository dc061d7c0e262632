/**
 * Backup and restore of the embedded database (`npx lotsa backup FILE`, `npx lotsa restore FILE`).
 * A backup is PGlite's own dump of its data directory (a gzipped tarball of pgdata/), taken while
 * this process holds the data directory's lock: nothing else writes, so the copy is consistent.
 * While Lotsa runs it holds that lock, and the command refuses, saying what to do instead.
 * On a PostgreSQL server, pg_dump and pg_restore do this job (docs/operations.md, Backups).
 */
import fs from 'node:fs';
import path from 'node:path';
import { lockDataDir, DataDirBusyError } from './data-dir-lock.js';

/** A backup or restore that cannot go ahead; the message says why and what to do. */
export class BackupError extends Error {}

const busy = (dataDir: string, pid: number | null, what: 'back up' | 'restore') =>
  new BackupError(
    `Lotsa is running on the embedded database in ${dataDir}${pid ? ` (pid ${pid})` : ''}, so it cannot be ` +
      `${what === 'back up' ? 'backed up' : 'restored'} consistently now.\n` +
      `Stop Lotsa (for example: systemctl stop lotsa), run the command again, then start Lotsa. ` +
      `To back up without stopping, run Lotsa on a PostgreSQL server (DATABASE_URL) ` +
      `and use pg_dump (docs/operations.md, Backups).`,
  );

function lockFor(dataDir: string, what: 'back up' | 'restore'): () => void {
  try {
    return lockDataDir(dataDir);
  } catch (err) {
    if (err instanceof DataDirBusyError) throw busy(dataDir, err.pid, what);
    throw err;
  }
}

/** Writes `bytes` to `file` through a temporary file beside it, so a failed write leaves no half backup. */
function writeAtomically(file: string, bytes: Uint8Array) {
  const partial = `${file}.${process.pid}.partial`;
  try {
    fs.writeFileSync(partial, bytes, { mode: 0o600 });
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** Backs up the embedded database in `dataDir` to `file`; returns the backup's size in bytes. */
export async function backupEmbedded(dataDir: string, file: string): Promise<number> {
  const pgdata = path.join(dataDir, 'pgdata');
  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION')))
    throw new BackupError(`There is no embedded database in ${dataDir} to back up (LOTSA_DATA_DIR).`);
  const release = lockFor(dataDir, 'back up');
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create(pgdata);
    try {
      // A checkpoint first, so every committed change is in the data files the dump copies.
      await pglite.exec('checkpoint');
      const dump = await pglite.dumpDataDir('gzip');
      const bytes = new Uint8Array(await dump.arrayBuffer());
      writeAtomically(path.resolve(file), bytes);
      return bytes.length;
    } finally {
      await pglite.close();
    }
  } finally {
    release();
  }
}

/**
 * Restores the backup `file` into the embedded database of `dataDir`. A directory that already
 * holds a database is refused unless `force`; then that database is moved aside (not deleted) to
 * pgdata.replaced-<time>, whose name is returned.
 */
export async function restoreEmbedded(
  file: string,
  dataDir: string,
  { force = false }: { force?: boolean } = {},
): Promise<{ movedAside: string | null }> {
  if (!fs.existsSync(file)) throw new BackupError(`There is no backup file ${file}.`);
  const bytes = fs.readFileSync(file);
  // A gzip stream starts with 1f 8b: anything else is not a backup this command wrote.
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    throw new BackupError(`${file} is not a backup of Lotsa's embedded database (made by npx lotsa backup).`);
  const release = lockFor(dataDir, 'restore');
  const pgdata = path.join(dataDir, 'pgdata');
  let movedAside: string | null = null;
  try {
    if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0) {
      if (!force) {
        throw new BackupError(
          `${dataDir} already holds a database (${pgdata}); restoring would replace it.\n` +
            `Give --force to replace it: the current database is then moved aside to ${pgdata}.replaced-<time>, ` +
            `not deleted. Or restore into an empty directory (LOTSA_DATA_DIR).`,
        );
      }
      movedAside = `${pgdata}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(pgdata, movedAside);
    }
    const { PGlite } = await import('@electric-sql/pglite');
    try {
      const pglite = await PGlite.create(pgdata, { loadDataDir: new Blob([bytes]) });
      await pglite.query('select 1');
      await pglite.close();
    } catch (err) {
      // Leave the directory as it was: the half-loaded copy goes, the database moved aside comes back.
      fs.rmSync(pgdata, { recursive: true, force: true });
      if (movedAside) fs.renameSync(movedAside, pgdata);
      throw new BackupError(`${file} could not be restored (${(err as Error).message}); ${dataDir} is as it was.`);
    }
    return { movedAside };
  } finally {
    release();
  }
}
