import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratedDataDir } from '../server/testing/database.js';

const bin = path.resolve('bin/lotsa.js');
/** How long one command may take before it is stopped: minutes only on a machine busy with other work. */
const COMMAND_MS = 60_000;
let dataDir = '';
const env: Record<string, string | undefined> = { ...process.env };
delete env.DATABASE_URL;
beforeAll(async () => {
  dataDir = await migratedDataDir('lotsa-cli-units-');
  env.LOTSA_DATA_DIR = dataDir;
});

/** Runs `lotsa` with `args`; resolves with exit code and output. */
function lotsa(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env, timeout: COMMAND_MS }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// Every command opens the embedded database, a second or two each; the test may take as long as its commands may.
describe('lotsa units', { timeout: 16 * COMMAND_MS }, () => {
  it('adds a unit, refuses the same name in another case, renames, deactivates and reactivates it', async () => {
    const added = await lotsa(['units', 'add', '--name', 'Ungdomsmottagningen', '--kind', 'external']);
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/^Added Ungdomsmottagningen \(external\) \([0-9a-f-]{36}\)\.$/m);
    const twice = await lotsa(['units', 'add', '--name', 'ungdomsmottagningen']);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/already has a unit with that name/);
    const empty = await lotsa(['units', 'add', '--name', ' ']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/Invalid name/);
    const badKind = await lotsa(['units', 'add', '--name', 'X', '--kind', 'private']);
    expect(badKind.code).toBe(1);
    expect(badKind.stderr).toMatch(/Allowed choices are municipal, external/);
    expect((await lotsa(['units', 'rename', 'UNGDOMSMOTTAGNINGEN', 'Ungdomshälsan'])).stdout).toMatch(
      /Renamed: Ungdomshälsan \(external\)\./,
    );
    expect((await lotsa(['units', 'deactivate', 'Ungdomshälsan'])).stdout).toMatch(
      /Deactivated Ungdomshälsan \(external, deactivated\)\./,
    );
    const list = await lotsa(['units', 'list']);
    expect(list.stdout).toMatch(/^Utbildningsförvaltningen \(municipal, KAA\)$/m);
    expect(list.stdout).not.toMatch(/Ungdomshälsan/);
    expect((await lotsa(['units', 'list', '--all'])).stdout).toMatch(/^Ungdomshälsan \(external, deactivated\)$/m);
    const typo = await lotsa(['units', 'deactivate', 'Ungdomshalsan']);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/No unit is called "Ungdomshalsan". Units: .*Ungdomshälsan/);
    expect((await lotsa(['units', 'activate', 'Ungdomshälsan'])).stdout).toMatch(
      /Activated Ungdomshälsan \(external\)\./,
    );
    const staff = await lotsa([
      'users',
      'add',
      '--email',
      'ung@example.se',
      '--name',
      'Ulla',
      '--role',
      'team_member',
      '--unit',
      'Ungdomshälsan',
      '--profession',
      'counsellor',
    ]);
    expect(staff.stderr).toBe('');
    expect(staff.code).toBe(0);
  }, 240_000);
});
