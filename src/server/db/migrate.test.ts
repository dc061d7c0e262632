import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './connection.js';
import { migrateDown, migrateToLatest } from './migrate.js';
import { createTestDatabase } from '../testing/database.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const tables = async () =>
  (await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' and table_name not like 'lotsa_migrations%' order by 1`.execute(handle.db)).rows.map((r) => r.table_name);

describe('migrations', () => {
  it('go down to an empty schema and up again', async () => {
    expect(await tables()).toContain('persons');
    expect(await migrateDown(handle.db)).toEqual(['reverted 20261126090000_consent']);
    expect(await tables()).not.toContain('consents');
    expect(await migrateDown(handle.db)).toEqual(['reverted 20261125120000_register']);
    expect(await tables()).not.toContain('imports');
    expect(await migrateDown(handle.db)).toEqual(['reverted 20261125090000_foundation']);
    expect(await tables()).toEqual([]);
    expect(await migrateToLatest(handle.db)).toEqual(['applied 20261125090000_foundation', 'applied 20261125120000_register', 'applied 20261126090000_consent']);
    expect(await tables()).toContain('audit_log');
  });

  it('do nothing when already up to date', async () => {
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });

  it('give every table of personal data a municipality_id', async () => {
    const personal = ['persons', 'guardians', 'register_periods', 'cases', 'events', 'protected_identity_grants', 'staff', 'units', 'teams', 'population_rows', 'enrolment_rows', 'notifications', 'imports', 'consents', 'emergency_access', 'applications', 'staff_alerts', 'access_reviews'];
    const rows = (await sql<{ table_name: string }>`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'municipality_id'`.execute(handle.db)).rows;
    expect(rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(personal));
  });
});
