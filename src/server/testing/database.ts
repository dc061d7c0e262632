/**
 * Test databases. By default a fresh in-memory PGlite, migrated (loaded from the project's saved
 * template when there is one); with LOTSA_TEST_DB=postgresql a new database on the server at
 * TEST_DATABASE_URL (cloned from the project's migrated template when there is one), created for the
 * test file and dropped after.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';

/** Which database the integration tests run on. */
export const TEST_DB_KIND = process.env.LOTSA_TEST_DB === 'postgresql' ? 'postgresql' : 'pglite';

async function adminQuery(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new, migrated, empty database; closing it drops it. */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (TEST_DB_KIND === 'pglite') {
    // The PGlite project's global set-up saved a migrated database (pglite-template.ts); start from it.
    const template = inject('pgliteTemplate');
    if (template) return openDatabase({ memory: true, loadDataDir: new Blob([readFileSync(template)]) });
    const handle = await openDatabase({ memory: true });
    await migrateToLatest(handle.db);
    return handle;
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('LOTSA_TEST_DB=postgresql needs TEST_DATABASE_URL');
  // The PostgreSQL project's global set-up migrated a template database (postgres-template.ts); clone it.
  // A clone is named after its template, and the set-up's teardown drops every one of them at the end of the
  // run, all at once: DROP DATABASE waits for a checkpoint of the whole server, a second or more each time,
  // while drops made together share one. Without a template the file drops its own database when done.
  const template = inject('postgresTemplate');
  const name = `${template || 'lotsa_test'}_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, template ? `create database ${name} template ${template}` : `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // A commit need not wait for its WAL to reach the disk (a crash of the server could lose the last ones):
  // a test database lives for one file, and nothing reads it after. Queries and their answers are the same.
  url.searchParams.set('options', '-c synchronous_commit=off');
  const handle = await openDatabase({ url: url.toString(), poolSize: 5 });
  if (!template) await migrateToLatest(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      if (!template) await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * A new data directory (under the system's temporary directory, its name starting with `prefix`) for
 * `lotsa` run as a child process. In the PGlite project it holds a migrated, empty embedded database
 * loaded from the project's template, so the child's first command neither runs initdb in WebAssembly
 * nor every migration (seconds of CPU each time); elsewhere it is empty, and the first command does both.
 */
export async function migratedDataDir(prefix: string): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const template = inject('pgliteTemplate');
  // Where openDatabase({ dataDir }) keeps the embedded database (db/connection.ts).
  if (template)
    await (await PGlite.create(path.join(dir, 'pgdata'), { loadDataDir: new Blob([readFileSync(template)]) })).close();
  return dir;
}
