/** Runs the migrations in `migrations/` up to the newest, or one step down. */
import { Migrator, type MigrationResultSet } from 'kysely';
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

/** Applies every pending migration; returns a line per migration applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
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
