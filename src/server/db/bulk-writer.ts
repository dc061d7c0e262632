/**
 * Loads many rows into one table with COPY: a single COPY stream on PostgreSQL, and COPY from an
 * in-memory blob every few thousand rows on PGlite. Rows are CSV-encoded; null stays NULL.
 */
import { once } from 'node:events';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseHandle } from './connection.js';
import { acquirePGlite } from './pglite-dialect.js';

type Value = string | number | boolean | null;

/** One value as a CSV field: NULL unquoted and empty, everything else quoted when it needs to be. */
export function csvField(value: Value): string {
  if (value === null) return '';
  const s = String(value);
  return s === '' || /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A sink for rows of one table. Call `close` to finish (and `abort` on failure). */
export type BulkWriter = { push(values: Value[]): Promise<void>; close(): Promise<void>; abort(): Promise<void> };

const FLUSH_BYTES = 1 << 20;

/** Opens a bulk writer for `columns` of `table` (both trusted identifiers from code). */
export async function openBulkWriter(handle: DatabaseHandle, table: string, columns: readonly string[]): Promise<BulkWriter> {
  const statement = `copy ${table} (${columns.join(', ')}) from stdin with (format csv)`;
  let buffer: string[] = [];
  let size = 0;

  if (handle.raw.kind === 'postgresql') {
    const client = await handle.raw.pool.connect();
    const stream = client.query(copyFrom(statement));
    let failed: Error | null = null;
    let released = false;
    const release = (destroy = false) => {
      if (released) return;
      released = true;
      client.release(destroy || undefined);
    };
    stream.on('error', (err) => (failed = err));
    const flush = async () => {
      if (failed) throw failed;
      const chunk = buffer.join('');
      buffer = [];
      size = 0;
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
    };
    return {
      push: async (values) => {
        const line = `${values.map(csvField).join(',')}\n`;
        buffer.push(line);
        size += line.length;
        if (size >= FLUSH_BYTES) await flush();
      },
      close: async () => {
        try {
          if (size) await flush();
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

  const pglite = handle.raw.pglite;
  const flush = async () => {
    const blob = new Blob(buffer);
    buffer = [];
    size = 0;
    const release = await acquirePGlite(pglite);
    try {
      await pglite.query(statement.replace('from stdin', "from '/dev/blob'"), [], { blob });
    } finally {
      release();
    }
  };
  return {
    push: async (values) => {
      const line = `${values.map(csvField).join(',')}\n`;
      buffer.push(line);
      size += line.length;
      if (size >= FLUSH_BYTES) await flush();
    },
    close: async () => {
      if (size) await flush();
    },
    abort: async () => {
      buffer = [];
    },
  };
}
