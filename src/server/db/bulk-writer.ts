/**
 * Loads many rows into one table with COPY: a single COPY stream on PostgreSQL, and COPY from an
 * in-memory blob every few thousand rows on PGlite. Rows are CSV-encoded; null stays NULL.
 */
import { once } from 'node:events';
import { from as copyFrom } from 'pg-copy-streams';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { DatabaseHandle } from './connection.js';
import { acquirePGlite, watchPGlite } from './pglite-dialect.js';
import { pgliteCopyIn } from './session.js';

/** A value COPY can take from CSV. */
export type Value = string | number | boolean | null;

const NEEDS_QUOTES = /[",\n\r]/;

/** One value as a CSV field: NULL unquoted and empty, everything else quoted when it needs to be. */
function csvField(value: Value): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  return value === '' || NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * One row as a CSV line for COPY, without its line break. Joined, not pieced together with `+`,
 * so the line is one flat string rather than a chain of its parts (which costs the garbage
 * collector dearly when tens of thousands of lines are kept until they are sent).
 */
export function csvLine(values: readonly Value[]): string {
  return values.map(csvField).join(',');
}

/** Rows as CSV text for COPY, one line each. */
export function csvLines(rows: readonly Value[][]): string {
  return rows.length ? `${rows.map(csvLine).join('\n')}\n` : '';
}

/** A sink for rows of one table. Call `close` to finish (and `abort` on failure). */
export type BulkWriter = { write(rows: Value[][]): Promise<void>; close(): Promise<void>; abort(): Promise<void> };

const FLUSH_BYTES = 1 << 16;

/** Where CSV text goes: a COPY stream on PostgreSQL, COPY from a blob on PGlite. */
type Sink = { send(text: string): Promise<void>; finish(): Promise<void>; abort(): Promise<void> };

async function postgresSink(pool: pg.Pool, statement: string): Promise<Sink> {
  const client = await pool.connect();
  const stream = client.query(copyFrom(statement));
  let failed: Error | null = null;
  let released = false;
  const release = (destroy = false) => {
    if (released) return;
    released = true;
    client.release(destroy || undefined);
  };
  stream.on('error', (err) => (failed = err));
  return {
    send: async (text) => {
      if (failed) throw failed;
      if (!stream.write(text)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
    },
    finish: async () => {
      try {
        stream.end();
        await once(stream, 'finish');
        if (failed) throw failed;
      } finally {
        release();
      }
    },
    abort: async () => {
      stream.destroy();
      release(true);
    },
  };
}

function pgliteSink(pglite: PGlite, statement: string): Sink {
  const fromBlob = pgliteCopyIn(statement);
  return {
    send: async (text) => {
      const release = await acquirePGlite(pglite);
      try {
        await watchPGlite(pglite, () => pglite.query(fromBlob, [], { blob: new Blob([text]) }));
      } finally {
        release();
      }
    },
    finish: async () => {},
    abort: async () => {},
  };
}

/** Opens a bulk writer for `columns` of `table` (both trusted identifiers from code). */
export async function openBulkWriter(
  handle: DatabaseHandle,
  table: string,
  columns: readonly string[],
): Promise<BulkWriter> {
  const statement = `copy ${table} (${columns.join(', ')}) from stdin with (format csv)`;
  const sink =
    handle.raw.kind === 'postgresql'
      ? await postgresSink(handle.raw.pool, statement)
      : pgliteSink(handle.raw.pglite, statement);
  let buffer = '';
  return {
    write: async (rows) => {
      buffer += csvLines(rows);
      if (buffer.length >= FLUSH_BYTES) {
        const text = buffer;
        buffer = '';
        await sink.send(text);
      }
    },
    close: async () => {
      if (buffer) await sink.send(buffer);
      buffer = '';
      await sink.finish();
    },
    abort: async () => {
      buffer = '';
      await sink.abort();
    },
  };
}
