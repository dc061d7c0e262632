import type { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { isDatabaseUnavailable } from './unavailable.js';
import { onPGliteFailure, PGliteDialect } from './pglite-dialect.js';

/** A stand-in for PGlite whose every query fails with `error`. */
function failingPGlite(error: unknown): PGlite {
  return {
    waitReady: Promise.resolve(),
    query: async () => Promise.reject(error),
    close: async () => {},
  } as unknown as PGlite;
}

describe('the embedded database breaking', () => {
  it('tells the registered handler when the WebAssembly aborts, so the server can stop with a message', async () => {
    const pglite = failingPGlite(new WebAssembly.RuntimeError('Aborted(OOM)'));
    const onFatal = vi.fn();
    onPGliteFailure(pglite, onFatal);
    const db = new Kysely({ dialect: new PGliteDialect(pglite) });
    await expect(sql`select 1`.execute(db)).rejects.toThrow('Aborted(OOM)');
    expect(onFatal).toHaveBeenCalledOnce();
  });

  it('does not stop the server for a statement that fails, such as a constraint violation', async () => {
    const pglite = failingPGlite(Object.assign(new Error('duplicate key value'), { code: '23505' }));
    const onFatal = vi.fn();
    onPGliteFailure(pglite, onFatal);
    const db = new Kysely({ dialect: new PGliteDialect(pglite) });
    await expect(sql`select 1`.execute(db)).rejects.toThrow('duplicate key');
    expect(onFatal).not.toHaveBeenCalled();
  });
});

describe('a lost PostgreSQL connection', () => {
  it('is told apart from a failing statement', () => {
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: '08006' }) })),
    ).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
  });
});
