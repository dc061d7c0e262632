import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratedDataDir } from '../server/testing/database.js';

const run = promisify(execFile);
const bin = path.resolve('bin/lotsa.js');
/** How long one command may take before it is stopped: minutes only on a machine busy with other work. */
const COMMAND_MS = 60_000;
let dataDir = '';
const env: Record<string, string | undefined> = { ...process.env };
delete env.DATABASE_URL;
beforeAll(async () => {
  dataDir = await migratedDataDir('lotsa-cli-');
  env.LOTSA_DATA_DIR = dataDir;
});

/** Runs `lotsa` with `args`, feeding `input` on stdin; resolves with exit code and output. */
function lotsa(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { env, timeout: COMMAND_MS }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input);
  });
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// A test may take as long as its commands may: at most four.
describe('the lotsa command', { timeout: 4 * COMMAND_MS }, () => {
  it('shows help for each command', async () => {
    const { stdout } = await run(process.execPath, [bin, 'users', 'add', '--help']);
    expect(stdout).toContain('--password-stdin');
    expect(stdout.replace(/\s+/g, ' ')).toContain('"youth_coach", "team_member", "school_reporter", "manager"');
  });

  it('adds a user with a final password from stdin, and refuses the same e-mail twice', async () => {
    const first = await lotsa(
      [
        'users',
        'add',
        '--email',
        'karin@example.se',
        '--name',
        'Karin',
        '--role',
        'coordinator',
        '--unit',
        'Socialtjänsten',
        '--password-stdin',
      ],
      'a long enough password\n',
    );
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Created coordinator karin@example.se/);
    expect(first.stdout).not.toMatch(/One-time password/);
    const again = await lotsa(
      ['users', 'add', '--email', 'karin@example.se', '--name', 'Karin', '--role', 'coordinator', '--password-stdin'],
      'a long enough password\n',
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/An account with that e-mail address already exists/);
  });

  it('prints a one-time password without --password-stdin and names the units on a typo', async () => {
    const ok = await lotsa(['users', 'add', '--email', 'coach@example.se', '--name', 'Coach', '--role', 'youth_coach']);
    expect(ok.stdout).toMatch(/One-time password: \S{4}-\S{4}-\S{4}-\S{4}/);
    const bad = await lotsa(['users', 'add', '--email', 'not-an-address', '--name', 'X', '--role', 'manager']);
    expect(bad.stderr).toMatch(/"not-an-address" is not a valid e-mail address/);
    const typo = await lotsa([
      'users',
      'add',
      '--email',
      'x@example.se',
      '--name',
      'X',
      '--role',
      'manager',
      '--unit',
      'Socialen',
    ]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/No unit is called "Socialen". Units: .*Socialtjänsten/);
  });

  it('verifies the audit log against signed checkpoints kept outside the database, saying what it did', async () => {
    const first = await lotsa(['audit', 'verify']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Created the audit signing key .*audit-signing-key\.pem/);
    expect(first.stdout).toMatch(/There was no checkpoint yet/);
    expect(first.stdout).toMatch(/Audit log intact: \d+ entries verified/);
    expect(fs.statSync(path.join(dataDir, 'audit-signing-key.pem')).mode & 0o777).toBe(0o600);
    const checkpoint = await lotsa(['audit', 'checkpoint']);
    expect(checkpoint.stdout).toMatch(/Wrote a checkpoint of \d+ entries/);
    const second = await lotsa(['audit', 'verify']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(
      /Checked \d+ audit entries: every entry's hash and its link to the one before hold\./,
    );
    expect(second.stdout).toMatch(
      /Checked 2 checkpoints in .*audit-checkpoints\.jsonl against the key [0-9a-f]{16} .*: 2 match the log\./,
    );
    const keygen = await lotsa(['audit', 'keygen']);
    expect(keygen.code).toBe(1);
    expect(keygen.stderr).toMatch(/already holds a key/);
  });

  it('stops with a clear message while another process holds the embedded database', async () => {
    fs.writeFileSync(path.join(dataDir, 'lotsa.pid'), String(process.pid));
    try {
      const res = await lotsa(['demo']);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/in use by another Lotsa process \(pid \d+\).*\n.*Stop that process/);
    } finally {
      fs.unlinkSync(path.join(dataDir, 'lotsa.pid'));
    }
  });
});
