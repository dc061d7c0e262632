import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../testing/factories.js';
import { createHarness, type Harness } from '../testing/harness.js';
import { TEST_DB_KIND } from '../testing/database.js';

/**
 * PostgreSQL ends the app's connections (a restart, a failover, `pg_terminate_backend`,
 * `idle_in_transaction_session_timeout`) while requests run: the process lives on, the requests
 * caught in it are answered 503, and the pool opens new connections for the next ones. A process
 * that died of an unhandled 'error' event would fail this file as an unhandled error.
 */
describe.skipIf(TEST_DB_KIND !== 'postgresql')('a server whose PostgreSQL connections are ended', () => {
  let h: Harness;
  let admin: pg.Client;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    h = await createHarness();
    for (let i = 0; i < 3; i++) await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson());
    const pool = h.handle.raw.kind === 'postgresql' ? h.handle.raw.pool : null;
    admin = new pg.Client({ connectionString: (pool!.options as { connectionString: string }).connectionString });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await h?.close();
  });

  /** The app's backends in the test database, other than the admin connection. */
  const terminate = (where: string) =>
    admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database()
        and pid <> pg_backend_pid() ${where}`,
    );

  /** Light read load until `stop` is set: four readers in turn, every status kept. */
  function readLoad() {
    const statuses: { status: number; code?: string; type?: string }[] = [];
    let stop = false;
    const reader = async () => {
      while (!stop) {
        const res = await h.as.coordinator.request('GET', '/api/v1/persons');
        statuses.push({
          status: res.statusCode,
          type: res.headers['content-type'] as string,
          code: res.statusCode === 200 ? undefined : res.json().code,
        });
      }
    };
    const readers = Promise.all([reader(), reader(), reader(), reader()]);
    return { statuses, stop: async () => ((stop = true), await readers) };
  }

  it('lives through the end of a connection idle in a transaction, and that transaction fails', async () => {
    const load = readLoad();
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const held = h.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      opened();
      await sleep(500);
      await sql`select 1`.execute(trx);
    });
    const outcome = held.then(
      () => 'committed',
      (err: Error) => err.message,
    );
    await isOpen;
    await sleep(100);
    const killed = await terminate(`and state = 'idle in transaction'`);
    expect(killed.rowCount).toBeGreaterThanOrEqual(1);
    expect(await outcome).not.toBe('committed');
    await sleep(200);
    await load.stop();
    for (const s of load.statuses) {
      expect([200, 503]).toContain(s.status);
      if (s.status === 503)
        expect(s).toMatchObject({
          code: 'database_unavailable',
          type: expect.stringContaining('application/problem+json'),
        });
    }
    expect((await h.as.coordinator.request('GET', '/api/v1/persons')).statusCode).toBe(200);
  });

  it('answers 503 problem+json to a request whose connection is ended, and the next request succeeds', async () => {
    // The request waits for a lock the admin connection holds, so its connection is surely busy when ended.
    await admin.query('begin');
    await admin.query('lock table sessions in access exclusive mode');
    const pending = h.as.coordinator.request('GET', '/api/v1/persons');
    for (let i = 0; i < 100; i++) {
      const waiting = await admin.query(
        `select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (waiting.rowCount) break;
      await sleep(20);
    }
    await terminate('');
    await admin.query('rollback');
    const res = await pending;
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toMatchObject({ status: 503, code: 'database_unavailable' });
    // The pool learns of its ended idle connections as their sockets close, a moment later.
    await sleep(200);
    const sv = await h.as.coordinator.request('GET', '/api/v1/persons', undefined, { 'accept-language': 'sv' });
    expect(sv.statusCode).toBe(200);
  });

  it('lives through the end of all its connections under read load and recovers by itself', async () => {
    const load = readLoad();
    await sleep(300);
    for (let i = 0; i < 3; i++) {
      await terminate('');
      await sleep(150);
    }
    await sleep(300);
    await load.stop();
    expect(load.statuses.length).toBeGreaterThan(0);
    for (const s of load.statuses) {
      expect([200, 503]).toContain(s.status);
      if (s.status === 503)
        expect(s).toMatchObject({
          code: 'database_unavailable',
          type: expect.stringContaining('application/problem+json'),
        });
    }
    const after = await h.as.coordinator.request('GET', '/api/v1/persons');
    expect(after.statusCode).toBe(200);
    expect(after.json().items.length).toBe(3);
  });
});
