import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './database.js';

describe('a test database', () => {
  it('refuses statements after it is closed, so late work cannot reach the next test file', async () => {
    const database = await createTestDatabase();
    expect((await sql<{ one: number }>`select 1 as one`.execute(database.db)).rows).toEqual([{ one: 1 }]);
    await database.close();
    await expect(sql`select 1`.execute(database.db)).rejects.toThrow(/closed|destroyed/);
    await expect(database.db.selectFrom('persons').select('id').execute()).rejects.toThrow(/closed|destroyed/);
  });

  it('starts as the template left it, also when an embedded one is reused after an earlier file', async () => {
    const first = await createTestDatabase();
    await sql`create table scratch (x int)`.execute(first.db);
    const before = await first.db
      .selectFrom('lotsa_migrations' as never)
      .select(sql`count(*)`.as('n'))
      .execute();
    await first.close();
    const second = await createTestDatabase();
    try {
      const tables = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_tables where tablename = 'scratch'`.execute(second.db);
      expect(tables.rows[0]!.n).toBe(0);
      expect(
        await second.db
          .selectFrom('lotsa_migrations' as never)
          .select(sql`count(*)`.as('n'))
          .execute(),
      ).toEqual(before);
    } finally {
      await second.close();
    }
  });
});
