import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/connection.js';
import { buildPerson } from '../testing/factories.js';
import { createHarness, type Harness } from '../testing/harness.js';
import { verifyAuditChain } from './verify.js';
import { sealAudit } from './seal.js';

let h: Harness;
let personId: string;
beforeAll(async () => {
  h = await createHarness();
  personId = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json().id;
});
afterAll(() => h.close());

/** Changes audit entries as someone with owner rights could, around the append-only trigger. */
async function tamper(db: Db, statement: ReturnType<typeof sql>) {
  await db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx);
    await sql`alter table audit_seals disable trigger audit_seals_append_only`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx);
    await sql`alter table audit_seals enable trigger audit_seals_append_only`.execute(trx);
  });
}

describe('the audit chain', () => {
  it('stays verifiable after a request names a person by an upper-case uuid', async () => {
    const res = await h.as.coordinator.request('GET', `/api/v1/persons/${personId.toUpperCase()}`);
    expect(res.statusCode).toBe(200);
    const entry = await h.db
      .selectFrom('audit_log')
      .select(['person_id', 'entity_id'])
      .where('action', '=', 'read')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(entry.person_id).toBe(personId);
    await sealAudit(h.db);
    const report = await verifyAuditChain(h.db);
    expect(report).toMatchObject({ ok: true, brokenCount: 0, broken: [] });
    expect(report.checked).toBeGreaterThan(3);
  });

  it('reports every broken entry and how many, not only the first', async () => {
    for (let i = 0; i < 5; i++) await h.as.coordinator.request('GET', `/api/v1/persons/${personId}`);
    const reads = await h.db
      .selectFrom('audit_log')
      .select('id')
      .where('person_id', '=', personId)
      .where('action', '=', 'read')
      .orderBy('id')
      .execute();
    await sealAudit(h.db);
    const [first, , third, fourth, fifth] = reads.slice(-5).map((r) => r.id);
    await tamper(h.db, sql`update audit_log set ip = '203.0.113.9' where id in (${first}, ${third})`);
    await tamper(h.db, sql`delete from audit_seals where entry_id = ${fourth}`);
    await tamper(h.db, sql`delete from audit_log where id = ${fourth}`);
    const report = await verifyAuditChain(h.db);
    expect(report.ok).toBe(false);
    expect(report.brokenCount).toBe(3);
    expect(report.broken.map((b) => b.id)).toEqual([String(first), String(third), String(fifth)]);
    expect(report.broken[0]!.reason).toMatch(/changed/);
    expect(report.broken[2]!.reason).toMatch(/removed or inserted/);
  });
});
