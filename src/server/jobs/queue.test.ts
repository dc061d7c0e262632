import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureMunicipality } from '../bootstrap.js';
import type { DatabaseHandle, Db } from '../db/connection.js';
import { setBackgroundLogger, type BackgroundLogger } from '../log.js';
import { createTestDatabase } from '../testing/database.js';
import { startHeartbeat } from './heartbeat.js';
import { enqueueJob, failures, registerJobHandler, runNextJob } from './queue.js';

let handle: DatabaseHandle;
let municipalityId: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  municipalityId = await ensureMunicipality(handle.db, { code: '1402', name: 'Partille kommun' });
});
afterAll(() => handle.close());
afterEach(() => setBackgroundLogger(null));

/** A logger that keeps what it is told. */
function capture() {
  const lines: { level: string; context: Record<string, unknown>; message: string }[] = [];
  const at = (level: string) => (context: object, message: string) => void lines.push({ level, context: context as Record<string, unknown>, message });
  const logger: BackgroundLogger = { error: at('error'), warn: at('warn'), info: at('info') };
  return { lines, logger };
}

describe('background work logs every failure', () => {
  it('logs a failing job with its id and kind, counts it, and marks it failed', async () => {
    const { lines, logger } = capture();
    setBackgroundLogger(logger);
    registerJobHandler('log_test_failure', async () => {
      throw new Error('the handler broke');
    });
    const before = failures.count;
    const id = await enqueueJob(handle.db, { municipalityId, kind: 'log_test_failure', payload: {}, createdBy: null });
    expect(await runNextJob(handle)).toBe(true);
    expect(lines).toEqual([expect.objectContaining({ level: 'error', message: `Job ${id} (log_test_failure) failed`, context: expect.objectContaining({ jobId: id, kind: 'log_test_failure', err: expect.objectContaining({ message: 'the handler broke' }) }) })]);
    expect(failures.count).toBe(before + 1);
    expect(await handle.db.selectFrom('jobs').select(['status', 'error']).where('id', '=', id).executeTakeFirst()).toEqual({ status: 'failed', error: 'the handler broke' });
  });

  it('logs a heartbeat that cannot be written', async () => {
    const { lines, logger } = capture();
    setBackgroundLogger(logger);
    const broken = { updateTable: () => ({ set: () => ({ where: () => ({ execute: () => Promise.reject(new Error('connection lost')) }) }) }) } as unknown as Db;
    const stop = startHeartbeat(broken, 'jobs', 'job-1');
    stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual([expect.objectContaining({ level: 'warn', context: expect.objectContaining({ id: 'job-1', err: expect.objectContaining({ message: 'connection lost' }) }) })]);
  });
});
