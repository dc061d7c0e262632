/**
 * Vitest global set-up of the end-to-end project: fills one embedded database with demo data and
 * dumps it to a file, which every spec file's server loads into memory (`startLotsa`).
 * Creating, migrating and filling a database takes several seconds; loading one takes a moment, and a
 * database in memory is neither written to disk while the spec runs nor deleted file by file after it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { ensureMunicipality } from '../src/server/bootstrap.js';
import { openDatabase } from '../src/server/db/connection.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { fillDemo } from '../src/server/demo/demo.js';
import { loadEnv } from '../src/server/env.js';
import { migratedTemplate } from '../src/server/testing/pglite-template.js';
import { enableTestPasswordHashing } from '../src/server/http/passwords.js';
import { chromium } from 'playwright-core';
import { CHROMIUM_OPTIONS, skipE2E } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump of the demo municipality's embedded database (PGlite's `dumpDataDir`), to load into memory. */
    demoDump: string;
    /** The identity numbers the demo data holds. */
    demoIdentityNumbersTaken: string[];
    /** Where the Chromium that every spec file connects to listens (empty when the specs are skipped). */
    browserEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The demo accounts' password is hashed cheaply, as the unit tests' are (src/server/testing/setup.ts).
  enableTestPasswordHashing();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-e2e-template-'));
  const env = loadEnv({ LOTSA_DATA_DIR: dataDir });
  // Started from the migrated database the PGlite project's set-up saved (or made now), not by initdb anew.
  const template = await migratedTemplate();
  await (
    await PGlite.create(path.join(dataDir, 'pgdata'), { loadDataDir: new Blob([readFileSync(template.file)]) })
  ).close();
  const database = await openDatabase({ dataDir });
  try {
    await migrateToLatest(database.db);
    const municipalityId = await ensureMunicipality(database.db, env.municipality);
    await fillDemo(database.db, municipalityId);
    if (database.raw.kind !== 'pglite') throw new Error('The demo template is an embedded database');
    const dump = path.join(dataDir, 'demo.tar');
    writeFileSync(dump, Buffer.from(await (await database.raw.pglite.dumpDataDir('none')).arrayBuffer()));
    project.provide('demoDump', dump);
    const taken = await database.db.selectFrom('persons').select('personal_identity_number').execute();
    project.provide(
      'demoIdentityNumbersTaken',
      taken.map((p) => p.personal_identity_number.trim()),
    );
  } finally {
    await database.close();
  }
  // One browser for the run, rather than one started (and stopped) per spec file; each test has its own context.
  const browser = skipE2E ? null : await chromium.launchServer(CHROMIUM_OPTIONS);
  project.provide('browserEndpoint', browser?.wsEndpoint() ?? '');
  return async () => {
    template.remove();
    await browser?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
