import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connection.js';
import type { Database } from '../db/types.js';
import { createTestDatabase } from '../testing/database.js';
import { verifyAnchored } from './anchored-verify.js';
import { recordAudit } from './audit.js';
import { sealAudit } from './seal.js';
import { entryHash, GENESIS_HASH } from './chain.js';
import { CheckpointMismatch, checkpointNow, type CheckpointTarget } from './checkpoint.js';
import { createSigningKey, type SigningKey } from './signing-key.js';

let handle: DatabaseHandle;
let dir: string;
let key: SigningKey;
let checkpoints: string;
const actor = { id: null, municipalityId: null, ip: '198.51.100.7' };

beforeAll(async () => {
  handle = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotsa-anchor-'));
  key = createSigningKey(path.join(dir, 'key.pem'));
  checkpoints = path.join(dir, 'checkpoints.jsonl');
  for (let i = 0; i < 60; i++) {
    await handle.db
      .transaction()
      .execute((trx) =>
        recordAudit(trx, actor, [{ action: 'read', entity: 'person', entityId: `E${i}`, detail: { i } }]),
      );
    if (i === 29) {
      await sealAudit(handle.db);
      await checkpointNow(handle.db, key, { file: checkpoints });
    }
  }
  await sealAudit(handle.db);
  await checkpointNow(handle.db, key, { file: checkpoints });
});
afterAll(async () => {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the checkpoint file for one test, so that what a test writes stays its own. */
function target(): CheckpointTarget {
  const file = path.join(dir, `copy-${Math.random().toString(36).slice(2)}.jsonl`);
  fs.copyFileSync(checkpoints, file);
  return { file };
}

/**
 * Runs `tamper` as someone with owner rights would (around the triggers), then verifies; all rolled back afterwards.
 */
async function tamperedThenVerified(tamper: (trx: Transaction<Database>) => Promise<void>, t = target()) {
  let report: Awaited<ReturnType<typeof verifyAnchored>> | undefined;
  await handle.db
    .transaction()
    .execute(async (trx) => {
      await sql`alter table audit_log disable trigger user`.execute(trx);
      await sql`alter table audit_seals disable trigger user`.execute(trx);
      await tamper(trx);
      await sql`alter table audit_log enable trigger user`.execute(trx);
      await sql`alter table audit_seals enable trigger user`.execute(trx);
      report = await verifyAnchored(trx, key, t);
      throw new Error('roll back');
    })
    .catch((err: Error) => expect(err.message).toBe('roll back'));
  return report!;
}

/** Recomputes every seal with the project's own function, as an attacker with the source would. */
async function recompute(trx: Transaction<Database>) {
  await trx.deleteFrom('audit_seals').execute();
  let prev = GENESIS_HASH;
  let position = 0;
  for (const row of await trx.selectFrom('audit_log').selectAll().orderBy('id').execute()) {
    const hash = entryHash(prev, { ...row, detail: row.detail as Record<string, unknown> });
    await trx
      .insertInto('audit_seals')
      .values({ position: String(++position), entry_id: row.id, prev_hash: prev, hash })
      .execute();
    prev = hash;
  }
}

/** Removes entries with their seals (ids from `id` on, or only `id`). */
async function remove(trx: Transaction<Database>, id: string, onwards = false) {
  await trx
    .deleteFrom('audit_seals')
    .where('entry_id', onwards ? '>=' : '=', id)
    .execute();
  await trx
    .deleteFrom('audit_log')
    .where('id', onwards ? '>=' : '=', id)
    .execute();
}

const nth = (trx: Transaction<Database>, n: number) =>
  trx
    .selectFrom('audit_log')
    .select('id')
    .orderBy('id')
    .offset(n - 1)
    .limit(1)
    .executeTakeFirstOrThrow();

describe('verifying the audit log against its signed checkpoints', () => {
  it('passes an untouched log, says what it checked, and writes a new checkpoint', async () => {
    const t = target();
    const report = await verifyAnchored(handle.db, key, t);
    expect(report).toMatchObject({ ok: true, checkpointsMatched: 2, problems: [], entriesAfterNewest: 0 });
    expect(report.chain.checked).toBe(60);
    expect(report.written).toMatchObject({ count: 60 });
    expect(fs.readFileSync(t.file, 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it("finds an entry changed and the chain recomputed with the project's own hash function", async () => {
    const report = await tamperedThenVerified(async (trx) => {
      const { id } = await nth(trx, 10);
      await trx.updateTable('audit_log').set({ ip: '203.0.113.1' }).where('id', '=', id).execute();
      await recompute(trx);
    });
    expect(report.chain.ok).toBe(true);
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(2);
    expect(report.problems[0]!.problem).toMatch(/rewritten or recomputed/);
    expect(report.written).toBeNull();
  });

  it('finds an entry deleted and the chain recomputed', async () => {
    const report = await tamperedThenVerified(async (trx) => {
      const { id } = await nth(trx, 5);
      await remove(trx, id);
      await recompute(trx);
    });
    expect(report.chain.ok).toBe(true);
    expect(report.ok).toBe(false);
    expect(report.problems.length).toBeGreaterThan(0);
  });

  it('finds the newest 20 entries cut off, though the rest of the chain holds', async () => {
    const report = await tamperedThenVerified(async (trx) => {
      const { id } = await nth(trx, 41);
      await remove(trx, id, true);
    });
    expect(report.chain).toMatchObject({ ok: true, checked: 40 });
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.problem).toMatch(/newest of 60 .* is missing: the log was cut short/);
  });

  it('finds an entry changed without recomputing, by its hash', async () => {
    const report = await tamperedThenVerified(async (trx) => {
      const { id } = await nth(trx, 50);
      await trx
        .updateTable('audit_log')
        .set({ detail: JSON.stringify({ i: 'x' }) })
        .where('id', '=', id)
        .execute();
    });
    expect(report.chain).toMatchObject({ ok: false, brokenCount: 1 });
    expect(report.ok).toBe(false);
  });

  it('refuses a checkpoint line that was edited or signed by another key', async () => {
    const t = target();
    const lines = fs.readFileSync(t.file, 'utf8').trim().split('\n');
    const edited = { ...JSON.parse(lines[1]!), count: 59 };
    const other = createSigningKey(path.join(dir, 'other.pem'));
    fs.writeFileSync(t.file, `${lines[0]}\n${JSON.stringify(edited)}\n`);
    await checkpointNow(handle.db, other, t).catch(() => {});
    const report = await verifyAnchored(handle.db, key, t);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.problem)).toEqual([
      expect.stringMatching(/line 2 has a signature that does not hold/),
      expect.stringMatching(/line 3 was signed by another key/),
    ]);
  });

  it('the scheduled checkpoint refuses to vouch for a log cut short after the newest checkpoint', async () => {
    const t = target();
    let refusal: unknown;
    await handle.db
      .transaction()
      .execute(async (trx) => {
        await sql`alter table audit_log disable trigger user`.execute(trx);
        await sql`alter table audit_seals disable trigger user`.execute(trx);
        const { id } = await nth(trx, 60);
        await remove(trx, id);
        refusal = await checkpointNow(trx, key, t).catch((err: unknown) => err);
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(refusal).toBeInstanceOf(CheckpointMismatch);
    expect(fs.readFileSync(t.file, 'utf8')).toBe(fs.readFileSync(checkpoints, 'utf8'));
  });
});
