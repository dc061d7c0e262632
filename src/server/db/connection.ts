/**
 * Opens Lotsa's database: a PostgreSQL server when a URL is given, otherwise embedded PGlite
 * (in a data directory, or in memory for tests). Dates come back as 'YYYY-MM-DD' strings and
 * bigints as strings on both, so the rest of the code sees the same values either way.
 */
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './types.js';

/** The typed query builder over Lotsa's schema. */
export type Db = Kysely<Database>;
export type DatabaseKind = 'pglite' | 'postgresql';

/** The driver underneath, for bulk loading with COPY. */
export type RawDatabase = { kind: 'postgresql'; pool: pg.Pool } | { kind: 'pglite'; pglite: PGlite };

/** An open database and how to close it. */
export type DatabaseHandle = { db: Db; kind: DatabaseKind; raw: RawDatabase; close(): Promise<void> };

export type DatabaseOptions =
  | { url: string; poolSize?: number }
  | { dataDir: string }
  | { memory: true; loadDataDir?: Blob };

const DATE_OID = 1082;
const INT8_OID = 20;
pg.types.setTypeParser(DATE_OID, (v: string) => v);
pg.types.setTypeParser(INT8_OID, (v: string) => v);

/** Opens the configured database: PostgreSQL when `databaseUrl` is set, else PGlite in `dataDir`. */
export function openConfiguredDatabase(env: { databaseUrl?: string; dataDir: string }): Promise<DatabaseHandle> {
  return openDatabase(env.databaseUrl ? { url: env.databaseUrl } : { dataDir: env.dataDir });
}

/** Opens the database described by `options`. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if ('url' in options) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection the server ends (restart, failover) is dropped from the pool, not fatal.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgresql', raw: { kind: 'postgresql', pool }, close: () => db.destroy() };
  }
  // Loaded only here, so a command on a PostgreSQL server does not pay for loading PGlite.
  const { PGlite } = await import('@electric-sql/pglite');
  const parsers = { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => v };
  let release = () => {};
  let pglite: PGlite;
  if ('dataDir' in options) {
    release = lockDataDir(options.dataDir);
    try {
      pglite = await PGlite.create(path.join(options.dataDir, 'pgdata'), { parsers });
    } catch (err) {
      release();
      throw err;
    }
  } else {
    pglite = await PGlite.create({ parsers, loadDataDir: options.loadDataDir });
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    raw: { kind: 'pglite', pglite },
    close: async () => {
      await db.destroy();
      release();
    },
  };
}
