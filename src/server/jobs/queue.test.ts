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
  const at = (level: string) => (context: object, message: string) =>
    void lines.push({ level, context: context as Record<string, unknown>, message });
  const logger: BackgroundLogger = { error: at('error'), warn: at('warn'), info: at('info') };
  return { lines, logger };
}

describe('background work logs every failure', () => {
  it('logs a failing job with its id and kind, counts it, and marks it failed', async () => {
    const { lines, logger } = capture();
    setBackgroundLogger(logger);
    registerJobHandler('reconcile', async () => {
      throw new Error('the handler broke');
    });
    const before = failures.count;
    const payload = { asOf: '2026-12-01', apply: false, actorId: null };
    const id = await enqueueJob(handle.db, { municipalityId, kind: 'reconcile', payload, createdBy: null });
    expect(await runNextJob(handle)).toBe(true);
    const context = { jobId: id, kind: 'reconcile', err: expect.objectContaining({ message: 'the handler broke' }) };
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        message: `Job ${id} (reconcile) failed`,
        context: expect.objectContaining(context),
      }),
    ]);
    expect(failures.count).toBe(before + 1);
    expect(await jobRow(id)).toEqual({ status: 'failed', error: 'the handler broke' });
  });

  it('logs a heartbeat that cannot be written', async () => {
    const { lines, logger } = capture();
    setBackgroundLogger(logger);
    const broken = {
      updateTable: () => ({
        set: () => ({ where: () => ({ execute: () => Promise.reject(new Error('connection lost')) }) }),
      }),
    } as unknown as Db;
    const stop = startHeartbeat(broken, 'jobs', 'job-1');
    stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        context: expect.objectContaining({ id: 'job-1', err: expect.objectContaining({ message: 'connection lost' }) }),
      }),
    ]);
  });
});

describe('a job kind is a contract between who queues and who runs', () => {
  const handled: unknown[] = [];
  beforeAll(() => registerJobHandler('import', async (_handle, { payload }) => void handled.push(payload)));

  it('refuses to queue a payload that does not fit its kind, and stores nothing', async () => {
    const count = async () => (await handle.db.selectFrom('jobs').select('id').execute()).length;
    const before = await count();
    const wrong = { importId: 'not-a-uuid', path: '/tmp/list.csv' };
    await expect(
      enqueueJob(handle.db, { municipalityId, kind: 'import', payload: wrong, createdBy: null }),
    ).rejects.toThrow(/importId/);
    const typed = () =>
      enqueueJob(handle.db, {
        municipalityId,
        kind: 'import',
        // @ts-expect-error: an import job has no asOf, and the type says so before any test runs.
        payload: { asOf: '2026-12-01' },
        createdBy: null,
      });
    await expect(typed()).rejects.toThrow();
    expect(await count()).toBe(before);
  });

  it('hands the handler the checked payload', async () => {
    const payload = { importId: '0192a8f0-0000-7000-8000-000000000001', path: '/tmp/list.csv' };
    const id = await enqueueJob(handle.db, { municipalityId, kind: 'import', payload, createdBy: null });
    expect(await runNextJob(handle)).toBe(true);
    expect(handled).toEqual([payload]);
    expect(await jobRow(id)).toEqual({ status: 'done', error: null });
  });

  it('fails, with a logged reason, a stored job whose payload or kind is not one Lotsa knows', async () => {
    const { lines, logger } = capture();
    setBackgroundLogger(logger);
    const stored = async (kind: string, payload: object) =>
      (
        await handle.db
          .insertInto('jobs')
          .values({
            municipality_id: municipalityId,
            kind,
            payload: JSON.stringify(payload),
            status: 'queued',
            created_by: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const oldShape = await stored('import', { importId: 42 });
    expect(await runNextJob(handle)).toBe(true);
    expect((await jobRow(oldShape)).error).toMatch(/does not fit its kind[\s\S]*importId/);
    const unknown = await stored('no_such_kind', {});
    expect(await runNextJob(handle)).toBe(true);
    expect(await jobRow(unknown)).toEqual({ status: 'failed', error: 'No handler for jobs of kind no_such_kind' });
    expect(handled).toHaveLength(1);
    expect(lines.map((line) => line.context.jobId)).toEqual([oldShape, unknown]);
  });
});

/** The status and error of job `id`. */
async function jobRow(id: string) {
  return handle.db.selectFrom('jobs').select(['status', 'error']).where('id', '=', id).executeTakeFirstOrThrow();
}
