import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './connection.js';
import { migrateDown, migrateTo, migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';
import { createTestDatabase } from '../testing/database.js';
import { todayInSweden } from '../../core/dates.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const tables = async () =>
  (
    await sql<{
      table_name: string;
    }>`select table_name from information_schema.tables where table_schema = 'public'
      and table_name not like 'lotsa_migrations%' order by 1`.execute(handle.db)
  ).rows.map((r) => r.table_name);

/** The columns of the population lists' primary key, in order. */
const populationKey = async () =>
  (
    await sql<{
      column: string;
    }>`select a.attname as column from pg_index i cross join unnest(i.indkey) with ordinality k(attnum, n)
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
      where i.indrelid = 'population_rows'::regclass and i.indisprimary order by k.n`.execute(handle.db)
  ).rows.map((r) => r.column);

/** Every migration in the folder, oldest first, by file name: what the migrator must know of. */
const MIGRATION_FILES = readdirSync(new URL('./migrations/', import.meta.url))
  .filter((file) => /^\d{14}_\w+\.ts$/.test(file))
  .map((file) => file.replace(/\.ts$/, ''))
  .sort();

/** What each migration's down step must have undone, checked right after reverting it. */
const UNDONE: Record<string, () => Promise<void>> = {
  // The oldest of those after the population key: none of their tables is left.
  '20261206100000_honest_attempts': async () => {
    for (const table of ['outreach_rule_changes', 'emergency_requests', 'municipality_trusts'])
      expect(await tables()).not.toContain(table);
  },
  '20261201090000_population_key_by_person': async () =>
    expect(await populationKey()).toEqual(['import_id', 'personal_identity_number']),
  '20261127090000_sms_outbox': async () => {
    const columns = await sql<{
      column_name: string;
    }>`select column_name from information_schema.columns where table_name = 'sms_messages'`.execute(handle.db);
    expect(columns.rows.map((r) => r.column_name)).not.toContain('failure_reason');
  },
  '20261126100000_outreach': async () => expect(await tables()).not.toContain('contact_attempts'),
  '20261126090000_consent': async () => expect(await tables()).not.toContain('consents'),
  '20261125120000_register': async () => expect(await tables()).not.toContain('imports'),
  '20261125090000_foundation': async () => expect(await tables()).toEqual([]),
};

describe('migrations', () => {
  it('are every timestamped file in the migrations folder, each with an up and a down step', () => {
    expect(MIGRATION_FILES.length).toBeGreaterThan(0);
    expect(Object.keys(migrations).sort()).toEqual(MIGRATION_FILES);
    for (const name of MIGRATION_FILES) {
      expect(typeof migrations[name]!.up, name).toBe('function');
      expect(typeof migrations[name]!.down, name).toBe('function');
    }
  });

  it('go down one at a time, newest first, to an empty schema, and up again', async () => {
    expect(await tables()).toContain('persons');
    expect(await populationKey()).toEqual(['personal_identity_number', 'import_id']);
    for (const name of Object.keys(UNDONE)) expect(MIGRATION_FILES, name).toContain(name);
    for (const name of [...MIGRATION_FILES].reverse()) {
      expect(await migrateDown(handle.db)).toEqual([`reverted ${name}`]);
      await UNDONE[name]?.();
    }
    expect(await migrateDown(handle.db)).toEqual([]);
    expect(await migrateToLatest(handle.db)).toEqual(MIGRATION_FILES.map((name) => `applied ${name}`));
    expect(await tables()).toContain('audit_log');
  });

  it('move staged rows into one partition per import, and back', async () => {
    await migrateTo(handle.db, '20261125120000_register');
    const municipality = (
      await sql<{
        id: string;
      }>`insert into municipalities (code, name) values ('1402', 'Partille kommun') returning id`.execute(handle.db)
    ).rows[0]!.id;
    const imports = await Promise.all(
      ['a', 'b'].map(
        async (sha) =>
          (
            await sql<{
              id: string;
            }>`insert into imports (municipality_id, kind, file_name, file_sha256, upload_path, status)
              values (${municipality}, 'population', 'f.csv', ${sha}, '/tmp/f.csv', 'ready') returning id`.execute(
              handle.db,
            )
          ).rows[0]!.id,
      ),
    );
    for (const [i, id] of imports.entries()) {
      await sql`insert into population_rows (import_id, municipality_id, line, personal_identity_number, birth_date,
        given_name, family_name, municipality_code, protected_identity) values (${id}, ${municipality}, 2,
          ${`20090101000${i}`}, '2009-01-01', 'Alva', 'Ek', '1402', false)`.execute(handle.db);
    }
    await migrateTo(handle.db, '20261125150000_staging_partitions');
    for (const [i, id] of imports.entries()) {
      const partition = `population_rows_${id.replaceAll('-', '')}`;
      const rows = (
        await sql<{ pnr: string }>`select personal_identity_number as pnr from ${sql.table(partition)}`.execute(
          handle.db,
        )
      ).rows;
      expect(rows.map((r) => r.pnr)).toEqual([`20090101000${i}`]);
    }
    await migrateTo(handle.db, '20261125120000_register');
    expect(
      (await sql<{ n: number }>`select count(*)::int as n from population_rows`.execute(handle.db)).rows[0]!.n,
    ).toBe(2);
    await sql`delete from population_rows`.execute(handle.db);
    await sql`delete from imports`.execute(handle.db);
    await sql`delete from municipalities`.execute(handle.db);
    await migrateToLatest(handle.db);
  });

  it('leave attempts as recorded, record the day the stricter rule starts, mark texts already attempts', async () => {
    await migrateTo(handle.db, '20261201090000_population_key_by_person');
    const municipality = (
      await sql<{
        id: string;
      }>`insert into municipalities (code, name) values ('1402', 'Partille kommun') returning id`.execute(handle.db)
    ).rows[0]!.id;
    const staff = (
      await sql<{
        id: string;
      }>`insert into staff (municipality_id, email, name, role, password_hash)
        values (${municipality}, 'coach@example.se', 'Coach', 'youth_coach', 'x') returning id`.execute(handle.db)
    ).rows[0]!.id;
    const person = (
      await sql<{
        id: string;
      }>`insert into persons (municipality_id, personal_identity_number, birth_date, given_name, family_name)
        values (${municipality}, '200901012384', '2009-01-01', 'Alva', 'Ek') returning id`.execute(handle.db)
    ).rows[0]!.id;
    const sms = (status: string) =>
      sql<{
        id: string;
      }>`insert into sms_messages (municipality_id, person_id, recipient, to_number, body, provider, status,
        sent_by) values (${municipality}, ${person}, 'young_person', '+46701740605', 'Hej', 'outbox',
          ${status}, ${staff}) returning id`.execute(handle.db);
    const stored = (await sms('stored')).rows[0]!.id;
    const failed = (await sms('failed')).rows[0]!.id;
    await migrateToLatest(handle.db);
    const rows = (
      await sql<{
        id: string;
        recorded: boolean;
      }>`select id, attempt_recorded_at is not null as recorded from sms_messages`.execute(handle.db)
    ).rows;
    expect(Object.fromEntries(rows.map((r) => [r.id, r.recorded]))).toEqual({ [stored]: true, [failed]: false });
    const rule = (
      await sql<{
        applies_from: string;
      }>`select to_char(applies_from, 'YYYY-MM-DD') as applies_from from outreach_rule_changes
        where rule = 'conversation_only_reached'`.execute(handle.db)
    ).rows;
    expect(rule).toEqual([{ applies_from: todayInSweden() }]);
    for (const table of ['sms_messages', 'persons', 'staff', 'municipalities'])
      await sql`delete from ${sql.table(table)}`.execute(handle.db);
  });

  it("give each case its target group: 'kaa' when a register period was open on the day it opened", async () => {
    await migrateTo(handle.db, '20261207130000_measures');
    const q = (text: TemplateStringsArray, ...values: unknown[]) =>
      sql<{ id: string }>(text, ...values).execute(handle.db);
    const municipality = (await q`insert into municipalities (code, name) values ('1402', 'Partille') returning id`)
      .rows[0]!.id;
    const person = async (pnr: string) =>
      (
        await q`insert into persons (municipality_id, personal_identity_number, birth_date, given_name, family_name)
        values (${municipality}, ${pnr}, '2009-01-01', 'Alva', 'Ek') returning id`
      ).rows[0]!.id;
    const inRegister = await person('200001012384');
    const leftBefore = await person('200001011493');
    const never = await person('200001012392');
    await q`insert into register_periods
      (municipality_id, person_id, entered_on, entry_reason, left_on, leave_reason, source) values
      (${municipality}, ${inRegister}, '2026-09-01', 'moved_in', null, null, '{}'),
      (${municipality}, ${leftBefore}, '2026-01-01', 'moved_in', '2026-03-01', 'moved_out', '{}')`;
    const openCase = async (personId: string) =>
      (
        await q`insert into cases (municipality_id, person_id, status, opened_at, closed_at)
        values (${municipality}, ${personId}, 'closed', '2026-10-01T10:00:00Z', '2026-11-01T10:00:00Z')
        returning id`
      ).rows[0]!.id;
    const before = { kaa: await openCase(inRegister), left: await openCase(leftBefore), none: await openCase(never) };
    await migrateToLatest(handle.db);
    const rows = (
      await sql<{ id: string; target_group: string; closed_on: string }>`
      select id, target_group, to_char(closed_on, 'YYYY-MM-DD') as closed_on from cases`.execute(handle.db)
    ).rows;
    const byId = Object.fromEntries(rows.map((r) => [r.id, [r.target_group, r.closed_on]]));
    expect(byId).toEqual({
      [before.kaa]: ['kaa', '2026-11-01'],
      [before.left]: ['other', '2026-11-01'],
      [before.none]: ['other', '2026-11-01'],
    });
    // New cases get theirs from the trigger, unless the insert names one.
    const created = (
      await q`insert into cases (municipality_id, person_id, status)
      values (${municipality}, ${inRegister}, 'new'),
      (${municipality}, ${never}, 'new') returning id, target_group`
    ).rows as unknown as { target_group: string }[];
    expect(created.map((r) => r.target_group)).toEqual(['kaa', 'other']);
    for (const table of ['cases', 'register_periods', 'persons', 'municipalities']) {
      await sql`delete from ${sql.table(table)}`.execute(handle.db);
    }
  });

  it('do nothing when already up to date', async () => {
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });

  it('give every table of personal data a municipality_id', async () => {
    const personal = [
      'persons',
      'guardians',
      'register_periods',
      'cases',
      'events',
      'protected_identity_grants',
      'staff',
      'units',
      'teams',
      'population_rows',
      'enrolment_rows',
      'notifications',
      'imports',
      'consents',
      'emergency_access',
      'applications',
      'staff_alerts',
      'access_reviews',
      'contact_attempts',
      'next_steps',
      'sms_messages',
      'sms_opt_outs',
      'meetings',
      'message_templates',
      'outreach_settings',
    ];
    const rows = (
      await sql<{
        table_name: string;
      }>`select table_name from information_schema.columns where table_schema = 'public'
        and column_name = 'municipality_id'`.execute(handle.db)
    ).rows;
    expect(rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(personal));
  });

  it('give every table that refers to a person a municipality_id too, new tables included', async () => {
    const { rows } = await sql<{ table_name: string; tenant: boolean }>`
      select distinct c.table_name, exists (select 1 from information_schema.columns m
        where m.table_schema = 'public' and m.table_name = c.table_name and m.column_name = 'municipality_id') as tenant
      from information_schema.columns c
      where c.table_schema = 'public' and c.column_name in ('person_id', 'student_id', 'personal_identity_number')
      order by 1`.execute(handle.db);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => !r.tenant).map((r) => r.table_name)).toEqual([]);
  });
});
