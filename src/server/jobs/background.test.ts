import os from 'node:os';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connection.js';
import type { Database } from '../db/types.js';
import { backgroundFailures, setBackgroundLogger, type BackgroundLogger } from '../log.js';
import { createTestDatabase } from '../testing/database.js';
import { runHousekeeping, runReaper, startHousekeeping, startReaper } from './background.js';

const settings = { sessionMaxHours: 12, retentionDays: 365, uploadsDir: os.tmpdir() };

let working: DatabaseHandle;
/** A PostgreSQL server that cannot be reached (nothing listens on port 1): every query fails. */
const pool = new pg.Pool({ connectionString: 'postgres://lotsa@127.0.0.1:1/lotsa', connectionTimeoutMillis: 2000 });
const broken = { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }) };
beforeAll(async () => {
  working = await createTestDatabase();
});
afterAll(async () => {
  await working.close();
  await broken.db.destroy();
});
afterEach(() => setBackgroundLogger(null));

/** A logger that keeps what it is told. */
function capture() {
  const lines: { level: string; context: Record<string, unknown>; message: string }[] = [];
  const at = (level: string) => (context: object, message: string) =>
    void lines.push({ level, context: context as Record<string, unknown>, message });
  const logger: BackgroundLogger = { error: at('error'), warn: at('warn'), info: at('info') };
  setBackgroundLogger(logger);
  return lines;
}

const until = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
};

describe('the hourly housekeeping and the reaper log every failure', () => {
  it('housekeeping that succeeds logs nothing', async () => {
    const lines = capture();
    expect(await runHousekeeping(working.db, settings)).toBe(true);
    expect(await runReaper(working.db)).toBe(true);
    expect(lines).toEqual([]);
  });

  it('housekeeping asked to keep the embedded statistics gathers them, so the planner knows the tables', async () => {
    const analyses = async () => {
      await sql`select pg_stat_clear_snapshot()`.execute(working.db);
      const { rows } = await sql<{ n: number }>`select analyze_count::int as n from pg_stat_user_tables
        where relname = 'persons'`.execute(working.db);
      return rows[0]!.n;
    };
    const before = await analyses();
    expect(await runHousekeeping(working.db, settings)).toBe(true);
    expect(await analyses()).toBe(before);
    expect(await runHousekeeping(working.db, { ...settings, embeddedStatistics: true })).toBe(true);
    expect(await analyses()).toBe(before + 1);
  });

  it('a failing housekeeping run logs each failing part with its error, and counts it', async () => {
    const lines = capture();
    const before = backgroundFailures.get('housekeeping') ?? 0;
    expect(await runHousekeeping(broken.db, settings)).toBe(false);
    expect(lines).toEqual([
      {
        level: 'error',
        message: 'Housekeeping: pruning expired sessions failed; it runs again within the hour',
        context: expect.objectContaining({
          task: 'housekeeping',
          part: 'pruning expired sessions',
          err: expect.any(Error),
        }),
      },
      {
        level: 'error',
        message: 'Housekeeping: retention failed; it runs again within the hour',
        context: expect.objectContaining({ task: 'housekeeping', part: 'retention', err: expect.any(Error) }),
      },
    ]);
    expect(backgroundFailures.get('housekeeping')).toBe(before + 2);
  });

  it('a failing reaper logs each part (jobs, imports, texts, e-mail) and keeps running on its timer', async () => {
    const lines = capture();
    const stop = startReaper(broken.db, 20);
    try {
      await until(() => lines.length >= 8);
    } finally {
      await stop();
    }
    expect(lines.slice(0, 4).map((l) => [l.level, l.message])).toEqual([
      ['error', 'Looking for interrupted work: failing interrupted jobs failed; it looks again within a minute'],
      ['error', 'Looking for interrupted work: failing interrupted imports failed; it looks again within a minute'],
      ['error', 'Looking for interrupted work: failing unsent text messages failed; it looks again within a minute'],
      ['error', 'Looking for interrupted work: failing unsent e-mail failed; it looks again within a minute'],
    ]);
    expect(lines.every((l) => l.context.task === 'reaper' && l.context.err instanceof Error)).toBe(true);
    // The second round ran too: a failure does not stop the timer.
    expect(lines.length).toBeGreaterThanOrEqual(8);
  });

  it('the housekeeping timer logs its failures through the application logger', async () => {
    const lines = capture();
    const stop = startHousekeeping(broken.db, settings, 20);
    try {
      await until(() => lines.length >= 2);
    } finally {
      await stop();
    }
    expect(lines[0]).toMatchObject({ level: 'error', context: { task: 'housekeeping' } });
  });
});
