import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connection.js';
import { createTestDatabase, TEST_DB_KIND } from '../testing/database.js';
import { recordAudit } from './audit.js';
import { SEAL_BOUND_SECONDS, sealAudit, unsealedBacklog } from './seal.js';
import { verifyAuditChain } from './verify.js';

let handle: DatabaseHandle;
const actor = { id: null, municipalityId: null, ip: '198.51.100.7' };
const append = (n: number, tag: string) =>
  handle.db.transaction().execute((trx) =>
    recordAudit(
      trx,
      actor,
      Array.from({ length: n }, (_, i) => ({
        action: 'read' as const,
        entity: 'person' as const,
        entityId: `${tag}-${i}`,
      })),
    ),
  );

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe('sealing the audit log', () => {
  it('appends without sealing, then seals each entry once, in order, while appends and other sealers run', async () => {
    await append(3, 'first');
    expect(await unsealedBacklog(handle.db)).toMatchObject({ count: 3 });
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, checked: 0, unsealed: 3, overdue: 0 });
    const work = [
      ...Array.from({ length: 20 }, (_, i) => append(5, `w${i}`)),
      ...Array.from({ length: 5 }, () => sealAudit(handle.db)),
    ];
    await Promise.all(work);
    await sealAudit(handle.db);
    const report = await verifyAuditChain(handle.db);
    expect(report).toMatchObject({ ok: true, checked: 103, unsealed: 0, brokenCount: 0 });
    const seals = await handle.db
      .selectFrom('audit_seals')
      .select(['position', 'entry_id'])
      .orderBy('position')
      .execute();
    expect(seals.map((s) => Number(s.position))).toEqual(Array.from({ length: 103 }, (_, i) => i + 1));
    expect(new Set(seals.map((s) => s.entry_id)).size).toBe(103);
    expect(await unsealedBacklog(handle.db)).toEqual({ count: 0, oldestSeconds: 0 });
  });

  it.skipIf(TEST_DB_KIND === 'pglite')(
    'seals an entry whose transaction commits late after those sealed before it',
    async () => {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const late = handle.db.transaction().execute(async (trx) => {
        await recordAudit(trx, actor, [{ action: 'read', entity: 'person', entityId: 'late' }]);
        await held;
      });
      await new Promise((r) => setTimeout(r, 50));
      await append(2, 'early');
      await sealAudit(handle.db);
      release();
      await late;
      expect(await sealAudit(handle.db)).toBe(1);
      const report = await verifyAuditChain(handle.db);
      expect(report).toMatchObject({ ok: true, unsealed: 0 });
      const lateEntry = await handle.db
        .selectFrom('audit_log')
        .select('id')
        .where('entity_id', '=', 'late')
        .executeTakeFirstOrThrow();
      expect(report.head?.id).toBe(String(lateEntry.id));
    },
  );

  it('finds an entry written behind the sealer once older than the bound, and a sealed entry changed', async () => {
    await sealAudit(handle.db);
    const old = new Date(Date.now() - (SEAL_BOUND_SECONDS + 5) * 1000);
    await handle.db.transaction().execute(async (trx) => {
      // Someone with owner rights writes an entry and keeps it off the list the job seals from.
      await sql`alter table audit_log disable trigger audit_log_to_seal`.execute(trx);
      await trx
        .insertInto('audit_log')
        .values({
          at: old,
          action: 'read',
          entity: 'person',
          entity_id: 'forged',
          detail: '{}',
          municipality_id: null,
          actor_id: null,
          person_id: null,
          ip: null,
        })
        .execute();
      await sql`alter table audit_log enable trigger audit_log_to_seal`.execute(trx);
    });
    expect(await sealAudit(handle.db)).toBe(0);
    const forged = await verifyAuditChain(handle.db);
    expect(forged).toMatchObject({ ok: false, unsealed: 1, overdue: 1, brokenCount: 0 });
    expect(forged.reason).toMatch(/waited more than 60 s/);

    const victim = await handle.db
      .selectFrom('audit_seals')
      .select('entry_id')
      .orderBy('position')
      .limit(1)
      .offset(10)
      .executeTakeFirstOrThrow();
    await handle.db.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx);
      await sql`update audit_log set ip = '203.0.113.1' where id = ${victim.entry_id}`.execute(trx);
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx);
    });
    const changed = await verifyAuditChain(handle.db);
    expect(changed).toMatchObject({ ok: false, brokenCount: 1, firstBrokenId: String(victim.entry_id) });
  });
});
