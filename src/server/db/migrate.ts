/** Runs the migrations in `migrations/` up to the newest, or one step down. */
import { Migrator, sql, type MigrationResultSet } from 'kysely';
import type { Db } from './connection.js';
import { migrations } from './migrations/index.js';

function migrator(db: Db): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'lotsa_migrations',
    migrationLockTableName: 'lotsa_migrations_lock',
  });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return (result.results ?? []).map((r) => `${r.direction === 'Up' ? 'applied' : 'reverted'} ${r.migrationName}`);
}

/**
 * True when every migration, and no other, is recorded as applied. Two small queries: Kysely's Migrator first
 * reads the whole catalog (every table and column) to learn whether its tables exist, which cost each `lotsa`
 * command and each start of the embedded database most of a second of CPU.
 */
async function upToDate(db: Db): Promise<boolean> {
  const { rows } = await sql<{
    present: boolean;
  }>`select to_regclass('lotsa_migrations') is not null as present`.execute(db);
  if (!rows[0]?.present) return false;
  const applied = await sql<{ name: string }>`select name from lotsa_migrations`.execute(db);
  const names = new Set(Object.keys(migrations));
  return applied.rows.length === names.size && applied.rows.every((r) => names.has(r.name));
}

/** Applies every pending migration; returns a line per migration applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  if (await upToDate(db)) return [];
  return check(await migrator(db).migrateToLatest());
}

/** Reverts the newest applied migration; returns what was reverted. */
export async function migrateDown(db: Db): Promise<string[]> {
  return check(await migrator(db).migrateDown());
}

/** Migrates up or down to exactly `name`; returns a line per migration applied or reverted. */
export async function migrateTo(db: Db, name: string): Promise<string[]> {
  return check(await migrator(db).migrateTo(name));
}
