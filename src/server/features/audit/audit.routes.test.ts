import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/audit.js';
import { sealAudit } from '../../audit/seal.js';
import { TEST_DB_KIND } from '../../testing/database.js';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';

let h: Harness;
let personId: string;
beforeAll(async () => {
  h = await createHarness();
  personId = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json().id;
  await h.as.coordinator.request('GET', `/api/v1/persons/${personId}`);
});
afterAll(() => h.close());

describe('GET /api/v1/audit', () => {
  it('is for administrators only', async () => {
    expect((await h.anonymous('GET', '/api/v1/audit')).statusCode).toBe(401);
    for (const role of ['coordinator', 'manager', 'youth_coach'] as const)
      expect((await h.as[role].request('GET', '/api/v1/audit')).statusCode).toBe(403);
  });

  it('rejects a malformed time filter', async () => {
    const res = await h.as.administrator.request('GET', '/api/v1/audit?from=yesterday');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('from');
  });

  it('shows who read and wrote a person, filtered by person and staff member', async () => {
    const res = await h.as.administrator.request(
      'GET',
      `/api/v1/audit?personId=${personId}&actorId=${h.as.coordinator.staffId}`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'read']);
    expect(body.items[0]).toMatchObject({
      actor: { id: h.as.coordinator.staffId },
      person: { id: personId },
      entity: 'person',
    });
  });

  it('filters by time: a window in the past is empty, today holds the entries', async () => {
    const byCoordinator = `personId=${personId}&actorId=${h.as.coordinator.staffId}`;
    const past = (await h.as.administrator.request('GET', `/api/v1/audit?${byCoordinator}&to=2020-01-01`)).json();
    expect(past.total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const now = (
      await h.as.administrator.request('GET', `/api/v1/audit?${byCoordinator}&from=${today}&to=${today}`)
    ).json();
    expect(now.total).toBe(2);
  });

  it("puts the administrator's reading of the log into the person's own trail", async () => {
    await h.as.administrator.request('GET', `/api/v1/audit?personId=${personId}`);
    const res = (
      await h.as.administrator.request(
        'GET',
        `/api/v1/audit?personId=${personId}&actorId=${h.as.administrator.staffId}&ownReads=true`,
      )
    ).json();
    expect(res.items[0]).toMatchObject({ action: 'read', entity: 'audit_log', person: { id: personId } });
  });

  it('never shows entries of another municipality', async () => {
    const res = (
      await h.as.administrator.request('GET', `/api/v1/audit?actorId=${h.as.otherCoordinator.staffId}`)
    ).json();
    expect(res.total).toBe(0);
  });
});

describe('the audit log itself', () => {
  it('cannot be changed or deleted by the application', async () => {
    await expect(h.db.updateTable('audit_log').set({ action: 'nothing' }).execute()).rejects.toThrow(/append-only/);
    await expect(h.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    // Its seals refer to it, so PostgreSQL refuses a truncate even before the trigger would.
    await expect(sql`truncate audit_log`.execute(h.db)).rejects.toThrow(/append-only|referenced in a foreign key/);
  });

  it('verifies as an intact chain, and a tampered entry is found', async () => {
    await sealAudit(h.db);
    const intact = await verifyAuditChain(h.db);
    expect(intact).toMatchObject({ ok: true, firstBrokenId: null });
    expect(intact.checked).toBeGreaterThan(5);

    // Someone with owner rights goes around the trigger; the chain still tells.
    const victim = await h.db
      .selectFrom('audit_log')
      .select('id')
      .where('person_id', '=', personId)
      .where('action', '=', 'read')
      .executeTakeFirstOrThrow();
    await h.db.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx);
      await sql`update audit_log set actor_id = null where id = ${victim.id}`.execute(trx);
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx);
    });
    const broken = await verifyAuditChain(h.db);
    expect(broken).toMatchObject({ ok: false, firstBrokenId: String(victim.id) });
    expect(TEST_DB_KIND).toMatch(/pglite|postgresql/);
  });
});
