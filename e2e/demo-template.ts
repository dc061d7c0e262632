/**
 * Vitest global set-up of the end-to-end project: fills one database with demo data, which every spec file's
 * server starts from a copy of (`startLotsa`). With TEST_DATABASE_URL set it is a template database on that
 * PostgreSQL server, which each spec file clones (`create database … template …`, a fraction of a second); else
 * an embedded database dumped to a file, which each spec file's server loads into memory. Creating, migrating and
 * filling a database takes several seconds; a copy of one takes a moment, and neither copy is written to disk
 * file by file while the spec runs. On the server a spec's queries cost about a third of what they cost in PGlite
 * (WebAssembly), and its server starts without loading a 70 MB dump: docs/development.md has the numbers.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { ensureMunicipality } from '../src/server/bootstrap.js';
import { openDatabase, type Db } from '../src/server/db/connection.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { fillDemo } from '../src/server/demo/demo.js';
import { loadEnv, type Env } from '../src/server/env.js';
import { migratedTemplate } from '../src/server/testing/pglite-template.js';
import { createMigratedDatabase, dropTemplateAndClones } from '../src/server/testing/postgres-template.js';
import { enableTestPasswordHashing } from '../src/server/http/passwords.js';
import { chromium } from 'playwright-core';
import { CHROMIUM_OPTIONS, skipE2E } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * A dump of the demo municipality's embedded database (PGlite's `dumpDataDir`), to load into memory; empty
     * when the specs run on PostgreSQL (`demoDatabase`).
     */
    demoDump: string;
    /** The demo municipality's template database on the server at TEST_DATABASE_URL, to clone; empty without one. */
    demoDatabase: string;
    /** The identity numbers the demo data holds. */
    demoIdentityNumbersTaken: string[];
    /** Where the Chromium that every spec file connects to listens (empty when the specs are skipped). */
    browserEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The demo accounts' password is hashed cheaply, as the unit tests' are (src/server/testing/setup.ts).
  enableTestPasswordHashing();
  const serverUrl = process.env.TEST_DATABASE_URL;
  const demo = serverUrl ? await demoOnServer(project, serverUrl) : await demoDump(project);
  // One browser for the run, rather than one started (and stopped) per spec file; each test has its own context.
  const browser = skipE2E ? null : await chromium.launchServer(CHROMIUM_OPTIONS);
  project.provide('browserEndpoint', browser?.wsEndpoint() ?? '');
  return async () => {
    await browser?.close();
    await demo.remove();
  };
}

/** The demo municipality in `db`, and the identity numbers it holds for `unusedIdentityNumber`. */
async function fill(project: TestProject, db: Db, municipality: Env['municipality']): Promise<void> {
  const municipalityId = await ensureMunicipality(db, municipality);
  await fillDemo(db, municipalityId);
  const taken = await db.selectFrom('persons').select('personal_identity_number').execute();
  project.provide(
    'demoIdentityNumbersTaken',
    taken.map((p) => p.personal_identity_number.trim()),
  );
}

/**
 * The demo template database on the PostgreSQL server, which each spec file clones and drops after it
 * (fixtures.ts); at the end of the run it is dropped with any clone a spec file left.
 */
async function demoOnServer(project: TestProject, serverUrl: string): Promise<{ remove: () => Promise<void> }> {
  const env = loadEnv({});
  const name = `lotsa_e2e_demo_${randomBytes(6).toString('hex')}`;
  await createMigratedDatabase(serverUrl, name, (db) => fill(project, db, env.municipality));
  project.provide('demoDatabase', name);
  project.provide('demoDump', '');
  return { remove: () => dropTemplateAndClones(serverUrl, name) };
}

/** The demo database embedded and dumped to a file, which each spec file's server loads into memory. */
async function demoDump(project: TestProject): Promise<{ remove: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-e2e-template-'));
  const env = loadEnv({ LOTSA_DATA_DIR: dataDir });
  // Started from the migrated database the PGlite project's set-up saved (or made now), not by initdb anew.
  const template = await migratedTemplate();
  const remove = async () => {
    template.remove();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await (
      await PGlite.create(path.join(dataDir, 'pgdata'), { loadDataDir: new Blob([readFileSync(template.file)]) })
    ).close();
    const database = await openDatabase({ dataDir });
    try {
      await migrateToLatest(database.db);
      await fill(project, database.db, env.municipality);
      if (database.raw.kind !== 'pglite') throw new Error('The demo template is an embedded database');
      const dump = path.join(dataDir, 'demo.tar');
      writeFileSync(dump, Buffer.from(await (await database.raw.pglite.dumpDataDir('none')).arrayBuffer()));
      project.provide('demoDump', dump);
      project.provide('demoDatabase', '');
    } finally {
      await database.close();
    }
  } catch (err) {
    await remove();
    throw err;
  }
  return { remove };
}
