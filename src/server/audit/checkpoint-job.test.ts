import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connection.js';
import { createTestDatabase } from '../testing/database.js';
import { recordAudit } from './audit.js';
import { startCheckpoints } from './checkpoint-job.js';

let handle: DatabaseHandle;
let dir: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotsa-checkpoint-job-'));
});
afterAll(async () => {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const record = () =>
  handle.db
    .transaction()
    .execute((trx) =>
      recordAudit(trx, { id: null, municipalityId: null, ip: null }, [{ action: 'read', entity: 'person' }]),
    );

describe('the scheduled audit checkpoint', () => {
  it('makes the key on first start, checkpoints at once, logs an error rather than vouch for a cut log', async () => {
    const config = {
      keyFile: path.join(dir, 'conf', 'key.pem'),
      checkpointFile: path.join(dir, 'checkpoints.jsonl'),
      checkpointMinutes: 10,
      checkpointCommand: `cat >> ${path.join(dir, 'piped.txt')}`,
    };
    for (let i = 0; i < 3; i++) await record();
    const lines: string[] = [];
    const errors: string[] = [];
    const log = { info: (l: string) => lines.push(l), error: (l: string) => errors.push(l) };
    (await startCheckpoints(handle.db, config, log))();
    expect(lines[0]).toMatch(/Created the audit signing key .*key\.pem/);
    expect(fs.statSync(config.keyFile).mode & 0o777).toBe(0o600);
    const written = fs.readFileSync(config.checkpointFile, 'utf8');
    expect(JSON.parse(written)).toMatchObject({ v: 1, count: 3 });
    expect(fs.readFileSync(path.join(dir, 'piped.txt'), 'utf8')).toBe(written);

    await record();
    (await startCheckpoints(handle.db, config, log))();
    expect(JSON.parse(fs.readFileSync(config.checkpointFile, 'utf8').trim().split('\n')[1]!)).toMatchObject({
      count: 4,
    });
    expect(errors).toEqual([]);

    await handle.db.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger user`.execute(trx);
      await sql`alter table audit_seals disable trigger user`.execute(trx);
      await sql`delete from audit_seals where position = (select max(position) from audit_seals)`.execute(trx);
      await sql`delete from audit_log where id = (select max(id) from audit_log)`.execute(trx);
      await sql`alter table audit_seals enable trigger user`.execute(trx);
      await sql`alter table audit_log enable trigger user`.execute(trx);
    });
    (await startCheckpoints(handle.db, config, log))();
    expect(errors).toEqual([
      expect.stringMatching(
        /Audit checkpoint not written: the audit log no longer holds entry \d+ .* rewritten or cut short/,
      ),
    ]);
    expect(fs.readFileSync(config.checkpointFile, 'utf8').trim().split('\n')).toHaveLength(2);
  });
});
