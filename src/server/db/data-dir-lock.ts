/**
 * One process at a time may open the embedded database. The holder creates `<dataDir>/lotsa.pid`
 * atomically with its pid in it (written to a private file, then hard-linked into place); another
 * process finds it and stops with a clear message instead of opening the same files, which would
 * corrupt them. A lock left by a dead process is taken over; an unreadable one counts as held.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Thrown when another live process holds the data directory. */
export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number | null,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another Lotsa process${pid ? ` (pid ${pid})` : ''}, probably ` +
        `a running 'npm start'.\n` +
        `Stop that process and run the command again, or point both at a PostgreSQL server with DATABASE_URL.`,
    );
  }
}

const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Moves a dead process's lock aside; true when this call removed exactly that stale lock. */
function removeStale(file: string, stalePid: number): boolean {
  const aside = `${file}.stale-${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return false;
  }
  const moved = readPid(aside);
  if (moved === stalePid) {
    fs.unlinkSync(aside);
    return true;
  }
  // Another process took over between our read and rename: put its lock back.
  try {
    fs.linkSync(aside, file);
  } finally {
    fs.unlinkSync(aside);
  }
  return false;
}

/** Takes the lock on `dataDir` for this process; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'lotsa.pid');
  if (held.has(file)) throw new DataDirBusyError(dataDir, process.pid);
  const mine = `${file}.${process.pid}`;
  fs.writeFileSync(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.linkSync(mine, file);
        held.add(file);
        const release = () => {
          if (!held.delete(file)) return;
          if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
        };
        process.once('exit', release);
        return release;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const pid = readPid(file);
        if (pid === null || alive(pid)) throw new DataDirBusyError(dataDir, pid);
        removeStale(file, pid);
      }
    }
    throw new DataDirBusyError(dataDir, readPid(file));
  } finally {
    fs.rmSync(mine, { force: true });
  }
}
