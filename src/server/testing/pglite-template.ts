/**
 * Vitest global set-up of the PGlite project: makes one migrated, empty embedded database and
 * saves it to a file, which every test database starts from (`createTestDatabase`). Creating an
 * embedded database runs initdb in WebAssembly, several seconds a time; loading a saved one is a
 * fraction of that, and every test file needs one.
 */
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
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

export default async function setup(project: TestProject): Promise<() => void> {
  const handle = await openDatabase({ memory: true });
  const file = path.join(os.tmpdir(), `lotsa-pglite-template-${randomBytes(6).toString('hex')}.tar`);
  try {
    await migrateToLatest(handle.db);
    if (handle.raw.kind !== 'pglite') throw new Error('expected PGlite');
    const dump = await handle.raw.pglite.dumpDataDir('none');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await handle.close();
  }
  project.provide('pgliteTemplate', file);
  return () => rmSync(file, { force: true });
}
