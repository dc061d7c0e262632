/**
 * Lotsa's app in this process on a database the load benchmark kept (`BENCH_REUSE_DATABASE`, on the server of
 * `BENCH_DATABASE_URL`), with every statement it runs passed to `log` (Kysely's query log): what
 * `bench/load-profile.ts` and `bench/load-explain.ts` send their requests through with `app.inject`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import { buildApp } from '../src/server/app.js';
import { openDatabase, type DatabaseHandle } from '../src/server/db/connection.js';
import type { Database } from '../src/server/db/types.js';
import { loadEnv } from '../src/server/env.js';
import { BENCH_MUNICIPALITY } from './load-data.js';

/** The kept database's address, from BENCH_REUSE_DATABASE; throws when it is unset or no plain name. */
export function keptDatabaseUrl(): URL {
  const name = process.env.BENCH_REUSE_DATABASE;
  if (!name || !/^[a-z0-9_]+$/.test(name))
    throw new Error('Set BENCH_REUSE_DATABASE to a database the benchmark kept.');
  const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  url.pathname = `/${name}`;
  return url;
}

/**
 * The app, ready, on the kept database, with a new data directory, and the database's pool (for EXPLAIN) and
 * handle (to close after the app); `logLevel` unset means no logger.
 */
export async function appOnKeptDatabase(log: (event: LogEvent) => void, logLevel?: string) {
  const url = keptDatabaseUrl().toString();
  // Opened as Lotsa opens it (its type parsers), then queried through a Kysely that logs each statement.
  const opened = await openDatabase({ url });
  if (opened.raw.kind !== 'postgresql') throw new Error('PostgreSQL only');
  const pool = opened.raw.pool;
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
  const handle: DatabaseHandle = {
    db,
    kind: 'postgresql',
    raw: { kind: 'postgresql', pool },
    close: () => db.destroy(),
  };
  const appEnv = loadEnv({
    LOG_LEVEL: logLevel ?? 'silent',
    DATABASE_URL: url,
    LOTSA_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'lotsa-bench-app-')),
    LOTSA_MUNICIPALITY_CODE: BENCH_MUNICIPALITY.code,
  });
  const app = await buildApp(handle, appEnv, { logger: Boolean(logLevel) });
  await app.ready();
  return { app, pool, handle };
}
