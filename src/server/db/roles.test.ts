import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../audit/audit.js';
import { verifyAuditChain } from '../audit/verify.js';
import { sealAudit } from '../audit/seal.js';
import { createStagingTable, dropStagingTable } from '../features/imports/staging-tables.js';
import { createTestDatabase, TEST_DB_KIND } from '../testing/database.js';
import { openDatabase, type DatabaseHandle } from './connection.js';
import { auditLogExposure, grantAppRole, RoleError } from './roles.js';

let owner: DatabaseHandle;
let app: DatabaseHandle | undefined;
const role = `lotsa_app_${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  owner = await createTestDatabase();
});
afterAll(async () => {
  await app?.close();
  if (TEST_DB_KIND === 'postgresql') await sql`drop owned by ${sql.id(role)} cascade`.execute(owner.db).catch(() => {});
  await owner.close();
  if (TEST_DB_KIND === 'postgresql') {
    const admin = await openDatabase({ url: process.env.TEST_DATABASE_URL!, poolSize: 1 });
    await sql`drop role if exists ${sql.id(role)}`.execute(admin.db);
    await admin.close();
  }
});

describe.runIf(TEST_DB_KIND === 'postgresql')("the application's database role on a PostgreSQL server", () => {
  beforeAll(async () => {
    await sql`create role ${sql.id(role)} login password 'app-role-test'`.execute(owner.db);
    await grantAppRole(owner.db, role);
    const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(owner.db);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.username = role;
    url.password = 'app-role-test';
    url.pathname = `/${rows[0]!.db}`;
    app = await openDatabase({ url: url.toString(), poolSize: 2 });
  });

  it('records and reads audit entries', async () => {
    await app!.db
      .transaction()
      .execute((trx) =>
        recordAudit(trx, { id: null, municipalityId: null, ip: null }, [{ action: 'read', entity: 'person' }]),
      );
    // The application's role seals too: it appends seals and clears the list of entries waiting.
    expect(await sealAudit(app!.db)).toBeGreaterThan(0);
    expect((await verifyAuditChain(app!.db)).ok).toBe(true);
    expect(await auditLogExposure(app!.db)).toBeNull();
  });

  it('cannot update, delete or truncate audit entries, disable triggers or set session_replication_role', async () => {
    const db = app!.db;
    await expect(sql`update audit_log set action = 'nothing'`.execute(db)).rejects.toThrow(/permission denied/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/permission denied/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/permission denied/);
    await expect(sql`alter table audit_log disable trigger audit_log_append_only`.execute(db)).rejects.toThrow(
      /must be owner/,
    );
    await expect(sql`set session_replication_role = replica`.execute(db)).rejects.toThrow(/permission denied/);
    await expect(sql`update events set id = id`.execute(db)).rejects.toThrow(/permission denied/);
    await expect(
      sql`create trigger sneaky before insert on audit_log for each row execute function lotsa_forbid_change()`.execute(
        db,
      ),
    ).rejects.toThrow(/permission denied|must be owner/);
  });

  it('still does the rest of its work: sessions, and the tables of an import', async () => {
    await expect(sql`delete from sessions where false`.execute(app!.db)).resolves.toBeDefined();
    const importId = '00000000-0000-4000-8000-000000000001';
    await createStagingTable(app!.db, 'population', importId, '00000000-0000-4000-8000-000000000002');
    await dropStagingTable(app!.db, 'population', importId);
  });

  it('refuses to make the owner or a superuser the application role', async () => {
    await expect(grantAppRole(owner.db, 'postgres')).rejects.toThrow(RoleError);
  });
});

describe("the embedded database's single user", () => {
  it('is reported as able to change the audit log (the signed checkpoints protect it there)', async () => {
    if (TEST_DB_KIND === 'pglite') expect(await auditLogExposure(owner.db)).toBe('is a superuser');
    else expect(await auditLogExposure(owner.db)).toMatch(/superuser|owns/);
  });
});
