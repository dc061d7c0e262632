import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify.js';
import { ensureMunicipality } from '../bootstrap.js';
import { fillDemo } from '../demo/demo.js';
import { BackupError, backupEmbedded, restoreEmbedded } from './backup.js';
import { openDatabase, type Db } from './connection.js';
import { sealAudit } from '../audit/seal.js';
import { lockDataDir } from './data-dir-lock.js';
import { migrateToLatest } from './migrate.js';
import { migratedDataDir, TEST_DB_KIND } from '../testing/database.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lotsa-backup-'));
let source = '';
const file = path.join(tmp, 'lotsa.backup');

/** Every table's row count and a digest of all its rows, in a stable order. */
async function contents(db: Db): Promise<Record<string, string>> {
  const tables = await sql<{
    name: string;
  }>`select table_name as name from information_schema.tables where table_schema = 'public'
    and table_type = 'BASE TABLE' order by 1`.execute(db);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const t = sql.table(name);
    const row = await sql<{
      n: string;
      digest: string | null;
    }>`select count(*)::text as n, md5(string_agg(r::text, '|' order by r::text)) as digest from ${t} r`.execute(db);
    out[name] = `${row.rows[0]!.n}:${row.rows[0]!.digest}`;
  }
  return out;
}

let before: Record<string, string>;
beforeAll(async () => {
  if (TEST_DB_KIND === 'postgresql') return;
  // A copy of the migrated template rather than a database made and migrated anew.
  source = await migratedDataDir('lotsa-backup-source-');
  const database = await openDatabase({ dataDir: source });
  await migrateToLatest(database.db);
  await fillDemo(database.db, await ensureMunicipality(database.db, { code: '1402', name: 'Partille' }));
  await sealAudit(database.db);
  before = await contents(database.db);
  await database.close();
}, 300_000);
const dirs = [tmp];
/**
 * The backup of the source: made by whichever test needs it first (it takes a while), then read by the others,
 * so each test may run alone or in any order.
 */
let backup: Promise<unknown> | undefined;
const backedUp = () => (backup ??= backupEmbedded(source, file));
afterAll(() => [...dirs, source].forEach((dir) => dir && fs.rmSync(dir, { recursive: true, force: true })));

// The embedded database only: the PostgreSQL project has nothing more to check here.
describe.skipIf(TEST_DB_KIND === 'postgresql')('backup and restore of the embedded database', () => {
  it('restores a backup into a fresh directory with every row and a verifying audit chain', async () => {
    await backedUp();
    expect(fs.existsSync(file)).toBe(true);
    const fresh = path.join(tmp, 'fresh');
    expect(await restoreEmbedded(file, fresh)).toEqual({ movedAside: null });
    const restored = await openDatabase({ dataDir: fresh });
    try {
      expect(Number(before.persons!.split(':')[0])).toBeGreaterThan(0);
      expect(Number(before.audit_log!.split(':')[0])).toBeGreaterThan(0);
      expect(await contents(restored.db)).toEqual(before);
      const chain = await verifyAuditChain(restored.db);
      expect(chain.ok).toBe(true);
      expect(chain.checked).toBe(Number(before.audit_log!.split(':')[0]));
    } finally {
      await restored.close();
    }
  }, 300_000);

  it('refuses while Lotsa holds the data directory, naming what to do', async () => {
    await backedUp();
    const release = lockDataDir(source);
    try {
      await expect(backupEmbedded(source, path.join(tmp, 'refused.backup'))).rejects.toThrow(
        /Lotsa is running on the embedded database .*\n.*Stop Lotsa .*pg_dump/s,
      );
      await expect(restoreEmbedded(file, source, { force: true })).rejects.toThrow(BackupError);
    } finally {
      release();
    }
    expect(fs.existsSync(path.join(tmp, 'refused.backup'))).toBe(false);
  }, 300_000);

  it('refuses to overwrite a directory that holds a database unless forced, and then moves it aside', async () => {
    await backedUp();
    // Any database will do: a copy of the migrated template, with a table of its own.
    const target = await migratedDataDir('lotsa-backup-occupied-');
    dirs.push(target);
    const other = await openDatabase({ dataDir: target });
    await sql`create table scratch (x int)`.execute(other.db);
    await other.close();
    await expect(restoreEmbedded(file, target)).rejects.toThrow(/already holds a database.*\n.*--force/s);
    const { movedAside } = await restoreEmbedded(file, target, { force: true });
    expect(movedAside).toMatch(/pgdata\.replaced-/);
    expect(fs.existsSync(path.join(movedAside!, 'PG_VERSION'))).toBe(true);
    const restored = await openDatabase({ dataDir: target });
    try {
      expect(await contents(restored.db)).toEqual(before);
    } finally {
      await restored.close();
    }
  }, 300_000);

  it('refuses a file that is not a backup, and a directory without a database', async () => {
    const bogus = path.join(tmp, 'bogus');
    fs.writeFileSync(bogus, 'not a backup');
    await expect(restoreEmbedded(bogus, path.join(tmp, 'x'))).rejects.toThrow(/is not a backup/);
    await expect(backupEmbedded(path.join(tmp, 'empty'), path.join(tmp, 'y'))).rejects.toThrow(/no embedded database/);
  });
});
