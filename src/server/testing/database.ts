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
import { Kysely, type KyselyPlugin } from 'kysely';
import { embeddedOptions, openDatabase, type DatabaseHandle } from '../db/connection.js';
import { acquirePGlite, PGliteDialect } from '../db/pglite-dialect.js';
import type { Database } from '../db/types.js';
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

/** Embedded databases a closed test handle gave back, for the next test file of this process to reuse. */
const idle: PGlite[] = [];

/**
 * Empties a reused embedded database to what the template holds: every table as the migrations left it, with
 * identities restarted, and nothing a test left behind (import staging tables, session settings, advisory locks).
 * Triggers are off meanwhile (the audit log and journal refuse deletion). Waits its turn for the database, so a
 * statement still running from the last file finishes first.
 */
async function resetToTemplate(pglite: PGlite): Promise<void> {
  const release = await acquirePGlite(pglite);
  try {
    await pglite.exec(`
      rollback;
      reset all;
      select pg_advisory_unlock_all();
      set session_replication_role = replica;
      do $$ declare t record; begin
        for t in select tablename from pg_tables where schemaname = 'public'
          and tablename not in (select tablename from lotsa_test_template.tables) loop
          execute format('drop table if exists public.%I cascade', t.tablename);
        end loop;
        execute (select 'truncate ' || string_agg(format('public.%I', tablename), ', ') || ' restart identity cascade'
          from lotsa_test_template.tables);
        for t in select tablename from lotsa_test_template.tables where seeded loop
          execute format('insert into public.%I select * from lotsa_test_template.%I', t.tablename, t.tablename);
        end loop;
      end $$;
      reset session_replication_role;`);
  } finally {
    release();
  }
}

/**
 * Records, in the schema lotsa_test_template, which tables the migrated template has and a copy of the rows
 * of those that are not empty (the migrations' own records and seeded rows), for {@link resetToTemplate}.
 */
async function recordTemplate(pglite: PGlite): Promise<void> {
  await pglite.exec(`
    create schema lotsa_test_template;
    create table lotsa_test_template.tables (tablename text primary key, seeded boolean not null default false);
    insert into lotsa_test_template.tables (tablename) select tablename from pg_tables where schemaname = 'public';
    do $$ declare t record; seeded boolean; begin
      for t in select tablename from lotsa_test_template.tables loop
        execute format('select exists (select 1 from public.%I)', t.tablename) into seeded;
        if seeded then
          execute format('create table lotsa_test_template.%I as select * from public.%I', t.tablename, t.tablename);
          update lotsa_test_template.tables set seeded = true where tablename = t.tablename;
        end if;
      end loop;
    end $$;`);
}

/**
 * A migrated, empty embedded database from the project's template. Creating one costs over a second of CPU,
 * so a test file's closed handle is kept, and the next file of the same process gets it back emptied.
 */
async function embeddedFromTemplate(template: string): Promise<DatabaseHandle> {
  let pglite = idle.pop();
  if (pglite) {
    await resetToTemplate(pglite);
  } else {
    pglite = await PGlite.create({ ...(await embeddedOptions()), loadDataDir: new Blob([readFileSync(template)]) });
    await recordTemplate(pglite);
  }
  const kept = pglite;
  let closed = false;
  // Work a test file left running after it closed its database must not write into the next file's.
  const refuseAfterClose: KyselyPlugin = {
    transformQuery: ({ node }) => {
      if (closed) throw new Error('This test database was closed: the statement belongs to an earlier test file');
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return {
    db: new Kysely<Database>({ dialect: new PGliteDialect(kept), plugins: [refuseAfterClose] }),
    kind: 'pglite',
    raw: { kind: 'pglite', pglite: kept },
    close: async () => {
      if (closed) return;
      closed = true;
      idle.push(kept);
    },
  };
}

/** A new, migrated, empty database; closing it drops it (an embedded one is emptied and reused). */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (TEST_DB_KIND === 'pglite') {
    const template = inject('pgliteTemplate');
    if (template) return embeddedFromTemplate(template);
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
