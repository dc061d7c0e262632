/**
 * A Kysely dialect for PGlite. PGlite is one connection, so the driver hands it out to one holder
 * at a time: a transaction keeps it until commit or rollback and other queries wait their turn.
 */
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

const fatalHandlers = new WeakMap<PGlite, (err: unknown) => void>();

/** Has `onFatal` told when PGlite itself breaks during a query (see `isPGliteFailure`). */
export function onPGliteFailure(pg: PGlite, onFatal: (err: unknown) => void) {
  fatalHandlers.set(pg, onFatal);
}

/**
 * True when `err` means PGlite itself broke, not one statement: the WebAssembly aborted (out of
 * memory, a crash) or PostgreSQL inside it exited. Nothing can be read or written after that.
 */
export function isPGliteFailure(err: unknown): boolean {
  return err instanceof WebAssembly.RuntimeError || (err as { name?: unknown } | null)?.name === 'ExitStatus';
}

/** Runs `call` on `pg`, telling the registered handler (if any) when PGlite itself broke. */
export async function watchPGlite<T>(pg: PGlite, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (isPGliteFailure(err)) fatalHandlers.get(pg)?.(err);
    throw err;
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await watchPGlite(this.pg, () => this.pg.query<R>(query.sql, query.parameters as unknown[]));
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported on PGlite');
  }
}

const queues = new WeakMap<PGlite, { tail: Promise<void>; waiting: number; inUse: boolean }>();

/** Whether `pg`'s one connection is in use and how many wait for it (for /metrics). */
export function pgliteUse(pg: PGlite): { inUse: boolean; waiting: number } {
  const queue = queues.get(pg);
  return { inUse: queue?.inUse ?? false, waiting: queue?.waiting ?? 0 };
}

/**
 * Waits for exclusive use of `pg` and returns the function that gives it back. The Kysely driver
 * and bulk writers share this lock, so nothing runs inside someone else's transaction.
 */
export async function acquirePGlite(pg: PGlite): Promise<() => void> {
  let queue = queues.get(pg);
  if (!queue) queues.set(pg, (queue = { tail: Promise.resolve(), waiting: 0, inUse: false }));
  const q = queue;
  let release!: () => void;
  const turn = new Promise<void>((resolve) => (release = resolve));
  const previous = q.tail;
  q.tail = previous.then(() => turn);
  q.waiting++;
  await previous;
  q.waiting--;
  q.inUse = true;
  let given = false;
  return () => {
    if (given) return;
    given = true;
    q.inUse = false;
    release();
  };
}

/**
 * `held`: the caller already holds the PGlite lock (a session, see session.ts), so the driver
 * neither takes the lock nor closes PGlite when the Kysely instance is destroyed.
 */
type DialectOptions = { held?: boolean };

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection;
  private readonly releases = new Map<DatabaseConnection, () => void>();

  constructor(
    private readonly pg: PGlite,
    private readonly options: DialectOptions,
  ) {
    this.connection = new PGliteConnection(pg);
  }

  async init(): Promise<void> {
    await this.pg.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (!this.options.held) this.releases.set(this.connection, await acquirePGlite(this.pg));
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const release = this.releases.get(connection);
    this.releases.delete(connection);
    release?.();
  }

  async destroy(): Promise<void> {
    if (this.options.held) return;
    (await acquirePGlite(this.pg))();
    await this.pg.close();
  }
}

/** Kysely dialect over one PGlite instance. */
export class PGliteDialect implements Dialect {
  constructor(
    private readonly pg: PGlite,
    private readonly options: DialectOptions = {},
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg, this.options);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
