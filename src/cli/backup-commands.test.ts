import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { migratedDataDir } from '../server/testing/database.js';

const bin = path.resolve('bin/lotsa.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lotsa-backup-cli-'));
/** How long one command may take before it is stopped: minutes only on a machine busy with other work. */
const COMMAND_MS = 120_000;
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|DATABASE_OWNER_URL|LOTSA_)/.test(k)));

/** Runs `lotsa` with `args` on the data directory `dataDir`; resolves with exit code and output. */
function lotsa(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { ...baseEnv, ...env }, timeout: COMMAND_MS }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Every table of the embedded database in `dataDir`: its row count and a digest of all its rows. */
async function contents(dataDir: string): Promise<Record<string, { rows: number; digest: string }>> {
  const pglite = await PGlite.create(path.join(dataDir, 'pgdata'));
  try {
    const tables = await pglite.query<{ name: string }>(`select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname = 'public' order by 1`);
    const result: Record<string, { rows: number; digest: string }> = {};
    for (const { name } of tables.rows) {
      const { rows } = await pglite.query<{ rows: number; digest: string }>(`select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest from ${name} t`);
      result[name] = rows[0]!;
    }
    return result;
  } finally {
    await pglite.close();
  }
}

const dirs = [tmp];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('lotsa backup and lotsa restore', () => {
  // It may take as long as its ten commands may.
  it('back up a database, restore it elsewhere with every row, refuse to overwrite without --force, and refuse while Lotsa runs', async () => {
    const source = { LOTSA_DATA_DIR: await migratedDataDir('lotsa-backup-source-') };
    dirs.push(source.LOTSA_DATA_DIR);
    const file = path.join(tmp, 'lotsa.backup');
    expect((await lotsa(['users', 'add', '--email', 'karin@example.se', '--name', 'Karin', '--role', 'coordinator'], source)).code).toBe(0);
    // The demo municipality: persons, cases, timelines, consents, imports, and the audit log of it all.
    expect((await lotsa(['demo'], source)).code).toBe(0);
    const original = await contents(source.LOTSA_DATA_DIR);
    for (const table of ['persons', 'cases', 'events', 'consents', 'audit_log', 'audit_seals', 'staff']) expect(original[`public.${table}`]!.rows, table).toBeGreaterThan(0);

    const backup = await lotsa(['backup', file], source);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/^Backed up the embedded database in .* to .*lotsa\.backup \(\d+\.\d MB\)\./);

    const fresh = { LOTSA_DATA_DIR: path.join(tmp, 'fresh') };
    const restored = await lotsa(['restore', file], fresh);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(/Restored .* Check its audit log with `npx lotsa audit verify`, then start Lotsa\./);
    // Every row of every table is there, as it was.
    expect(await contents(fresh.LOTSA_DATA_DIR)).toEqual(original);
    const again = await lotsa(['users', 'add', '--email', 'karin@example.se', '--name', 'Karin', '--role', 'coordinator'], fresh);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    const verify = await lotsa(['audit', 'verify'], fresh);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/Audit log intact/);

    const refused = await lotsa(['restore', file], fresh);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already holds a database.*\n.*Give --force to replace it/);
    const forced = await lotsa(['restore', '--force', file], fresh);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/Moved the database that was there aside to .*pgdata\.replaced-/);

    // A live process holds the data directory (as a running `lotsa start` does).
    fs.writeFileSync(path.join(fresh.LOTSA_DATA_DIR, 'lotsa.pid'), String(process.pid));
    try {
      const busy = await lotsa(['backup', path.join(tmp, 'busy.backup')], fresh);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(new RegExp(`Lotsa is running on the embedded database in .* \\(pid ${process.pid}\\).*\\n.*Stop Lotsa`));
      expect(fs.existsSync(path.join(tmp, 'busy.backup'))).toBe(false);
    } finally {
      fs.rmSync(path.join(fresh.LOTSA_DATA_DIR, 'lotsa.pid'));
    }

    const onServer = await lotsa(['backup', file], { DATABASE_URL: 'postgres://lotsa@127.0.0.1:1/lotsa' });
    expect(onServer.code).toBe(1);
    expect(onServer.stderr).toMatch(/back it up with pg_dump and restore with pg_restore/);
  }, 10 * COMMAND_MS);
});
