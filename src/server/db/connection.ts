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
import { onPGliteFailure, PGliteDialect } from './pglite-dialect.js';
import type { Database } from './types.js';

/** The typed query builder over Lotsa's schema. */
export type Db = Kysely<Database>;
export type DatabaseKind = 'pglite' | 'postgresql';

/** The driver underneath, for bulk loading with COPY. */
export type RawDatabase = { kind: 'postgresql'; pool: pg.Pool } | { kind: 'pglite'; pglite: PGlite };

/** An open database and how to close it. */
export type DatabaseHandle = { db: Db; kind: DatabaseKind; raw: RawDatabase; close(): Promise<void> };

/**
 * `onLostConnection`: told when PostgreSQL or the network ends one pooled connection (the pool
 * drops it and opens another when needed); by default a warning on stderr.
 * `onFatal`: told when the embedded database itself breaks (see pglite-dialect.ts); the server
 * stops on it, since nothing more can be read or written.
 */
export type DatabaseOptions = (
  | { url: string; poolSize?: number; onLostConnection?: (err: Error) => void }
  | { dataDir: string }
  | { memory: true; loadDataDir?: Blob }
) & { onFatal?: (err: unknown) => void };

const warnLostConnection = (err: Error) =>
  console.warn(
    `A database connection was lost (${(err as { code?: string }).code ?? err.message}); ` +
      'it is dropped and a new one is opened when needed.',
  );

const DATE_OID = 1082;
const INT8_OID = 20;
pg.types.setTypeParser(DATE_OID, (v: string) => v);
pg.types.setTypeParser(INT8_OID, (v: string) => v);

/** Opens the configured database: PostgreSQL when `databaseUrl` is set, else PGlite in `dataDir`. */
export function openConfiguredDatabase(
  env: { databaseUrl?: string; dataDir: string },
  onFatal?: (err: unknown) => void,
): Promise<DatabaseHandle> {
  return openDatabase(env.databaseUrl ? { url: env.databaseUrl, onFatal } : { dataDir: env.dataDir, onFatal });
}

/**
 * The options every embedded database is created with: dates and bigints as strings, and pg_trgm, which backs
 * name search (migration 20261208120000); every PGlite that writes persons needs it.
 */
export async function embeddedOptions() {
  const parsers = { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => v };
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  return { parsers, extensions: { pg_trgm } };
}

/** Opens the database described by `options`. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if ('url' in options) {
    // A server that does not answer fails the request (503) after ten seconds instead of holding it.
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 10_000,
    });
    // Every client gets its own error handler for its whole life: the pool's covers a client only
    // while it is idle, and a client that is lent out (inside a transaction, say) when the server
    // ends its session would otherwise emit an unhandled 'error' and end the process. The query
    // that was running fails (503, see unavailable.ts) and the pool drops the client on release.
    const onLost = options.onLostConnection ?? warnLostConnection;
    pool.on('connect', (client) => {
      client.on('error', onLost);
      // Lotsa's statements are short; PostgreSQL's JIT compiler (on by default) took seconds to compile
      // a work queue's plan that runs in milliseconds at 100,000 persons (issue 13). Queued before any
      // statement of the pool's user, on every new connection.
      client.query('set jit = off').catch(onLost);
    });
    // An idle client's error reaches the pool as well; the client's own handler has reported it.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgresql', raw: { kind: 'postgresql', pool }, close: () => db.destroy() };
  }
  // Loaded only here, so a command on a PostgreSQL server does not pay for loading PGlite.
  const { PGlite } = await import('@electric-sql/pglite');
  const { parsers, extensions } = await embeddedOptions();
  let release = () => {};
  let pglite: PGlite;
  if ('dataDir' in options) {
    release = lockDataDir(options.dataDir);
    try {
      pglite = await PGlite.create(path.join(options.dataDir, 'pgdata'), { parsers, extensions });
    } catch (err) {
      release();
      throw err;
    }
  } else {
    pglite = await PGlite.create({ parsers, extensions, loadDataDir: options.loadDataDir });
  }
  if (options.onFatal) onPGliteFailure(pglite, options.onFatal);
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
