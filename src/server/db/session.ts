/**
 * A session: one database connection held for a piece of bulk work, with a Kysely instance bound
 * to it (so transactions work as usual) and COPY in both directions on the same connection, inside
 * the same transaction. On PostgreSQL it is a client taken from the pool; on PGlite it is the one
 * connection, held under the lock the Kysely driver uses, so nothing else runs in between.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { DatabaseHandle, Db } from './connection.js';
import type { Database } from './types.js';
import { AppError } from '../http/app-error.js';
import { acquirePGlite, PGliteDialect, watchPGlite } from './pglite-dialect.js';

/** One held connection. `copyIn` takes a `COPY … FROM STDIN` statement, `copyOut` a `COPY … TO STDOUT`. */
export type Session = {
  db: Db;
  copyIn(statement: string, text: string): Promise<void>;
  copyOut(statement: string): AsyncIterable<string>;
};

function postgresSession(client: pg.PoolClient): Session {
  // Kysely sees a pool of this one client, which it may never release or end.
  const pool = { connect: async () => ({ query: client.query.bind(client), release: () => {} }), end: async () => {} };
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) }),
    copyIn: async (statement, text) => {
      const stream = client.query(copyFrom(statement));
      await pipeline(Readable.from([text]), stream);
    },
    copyOut: async function* (statement) {
      const stream = client.query(copyTo(statement));
      const decoder = new TextDecoder();
      for await (const chunk of stream) yield decoder.decode(chunk as Buffer, { stream: true });
      yield decoder.decode();
    },
  };
}

/** A `COPY … FROM STDIN` statement as PGlite runs it: from the blob given with the query. */
export const pgliteCopyIn = (statement: string) => statement.replace(/from stdin/i, "from '/dev/blob'");

function pgliteSession(pglite: PGlite): Session {
  return {
    db: new Kysely<Database>({ dialect: new PGliteDialect(pglite, { held: true }) }),
    copyIn: async (statement, text) => {
      await watchPGlite(pglite, () => pglite.query(pgliteCopyIn(statement), [], { blob: new Blob([text]) }));
    },
    copyOut: async function* (statement) {
      const result = await watchPGlite(pglite, () => pglite.query(statement.replace(/to stdout/i, "to '/dev/blob'")));
      if (result.blob) yield await result.blob.text();
    },
  };
}

/** Runs `work` with a session of its own and gives the connection back afterwards. */
export async function withSession<T>(handle: DatabaseHandle, work: (session: Session) => Promise<T>): Promise<T> {
  if (handle.raw.kind === 'postgresql') {
    const client = await handle.raw.pool.connect();
    let broken = false;
    const onError = () => (broken = true);
    client.on('error', onError);
    try {
      return await work(postgresSession(client));
    } catch (err) {
      // A use case's own refusal leaves the connection as it was; anything else (a failed COPY
      // can leave it mid-protocol) means the client is not handed back.
      if (!(err instanceof AppError)) broken = true;
      throw err;
    } finally {
      client.off('error', onError);
      client.release(broken || undefined);
    }
  }
  const release = await acquirePGlite(handle.raw.pglite);
  try {
    return await work(pgliteSession(handle.raw.pglite));
  } finally {
    release();
  }
}
