/**
 * Vitest global set-up of the PGlite project: makes one migrated, empty embedded database and
 * saves it to a file, which every test database starts from (`createTestDatabase`). Creating an
 * embedded database runs initdb in WebAssembly, seven seconds of CPU a time; loading a saved one is
 * a fraction of that, and every test file needs one. The end-to-end project's set-up starts its demo
 * database from the same file (`migratedTemplate`), so a run makes it once.
 */
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The file of a migrated, empty PGlite database (a tar of its data directory). */
    pgliteTemplate: string;
  }
}

/**
 * The file of a migrated, empty PGlite database for this Vitest run (global set-ups all run in its main
 * process): made by the first set-up that asks, read by the others. `remove` deletes it when this caller
 * made it, and does nothing otherwise.
 */
export async function migratedTemplate(): Promise<{ file: string; remove: () => void }> {
  const file = path.join(os.tmpdir(), `lotsa-pglite-template-${process.pid}.tar`);
  if (existsSync(file)) return { file, remove: () => {} };
  const handle = await openDatabase({ memory: true });
  try {
    await migrateToLatest(handle.db);
    if (handle.raw.kind !== 'pglite') throw new Error('expected PGlite');
    const dump = await handle.raw.pglite.dumpDataDir('none');
    // Written whole, then renamed: a reader never sees half a file.
    writeFileSync(`${file}.partial`, Buffer.from(await dump.arrayBuffer()));
    renameSync(`${file}.partial`, file);
  } finally {
    await handle.close();
  }
  return { file, remove: () => rmSync(file, { force: true }) };
}

export default async function setup(project: TestProject): Promise<() => void> {
  const { file, remove } = await migratedTemplate();
  project.provide('pgliteTemplate', file);
  return remove;
}
