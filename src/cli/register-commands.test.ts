/**
 * `lotsa import` and `lotsa register reconcile` guard the register: a shrunk list and many leaving need the operator's
 * word.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/connection.js';
import { migratedDataDir } from '../server/testing/database.js';
import { testIdentityNumber } from '../server/testing/factories.js';
import { csv, populationRow, schoolHistory } from '../server/testing/lists.js';

const bin = path.resolve('bin/lotsa.js');
/** How long one command may take before it is stopped: minutes only on a machine busy with other work. */
const COMMAND_MS = 60_000;
let dataDir = '';
const env: Record<string, string | undefined> = { ...process.env, LOTSA_MUNICIPALITY_CODE: '1402' };
delete env.DATABASE_URL;
beforeAll(async () => {
  dataDir = await migratedDataDir('lotsa-cli-register-');
  env.LOTSA_DATA_DIR = dataDir;
});

function lotsa(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env, timeout: COMMAND_MS }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function file(name: string, content: Buffer): string {
  const at = path.join(dataDir, name);
  fs.writeFileSync(at, content);
  return at;
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('lotsa register reconcile --apply', () => {
  it(
    'takes many out of the register only with --confirm-leaving and the right number',
    { timeout: 12 * COMMAND_MS },
    async () => {
      const people = Array.from({ length: 25 }, () => testIdentityNumber());
      expect(
        (
          await lotsa(
            'import',
            'population',
            file(
              'pop1.csv',
              csv(
                'population',
                people.map((p) => populationRow(p)),
              ),
            ),
          )
        ).code,
      ).toBe(0);
      const enrolments = people.flatMap((p) =>
        schoolHistory(p, { end_date: '2026-03-01', end_reason: 'interrupted', qualification: 'none' }),
      );
      expect((await lotsa('import', 'enrolments', file('enr1.csv', csv('enrolments', enrolments)))).code).toBe(0);
      expect((await lotsa('register', 'reconcile', '--as-of', '2026-11-02', '--apply')).stdout).toMatch(
        /Applied as of 2026-11-02: 25 enter, 0 leave/,
      );

      const small = await lotsa(
        'import',
        'population',
        file(
          'pop2.csv',
          csv(
            'population',
            people.slice(0, 2).map((p) => populationRow(p)),
          ),
        ),
      );
      expect(small.code).toBe(1);
      expect(small.stdout).toMatch(/this population list has 2 residents, the previous one had 25/);
      const id = /import accept (\S+) --confirm-shrink/.exec(small.stdout)![1]!;
      expect((await lotsa('import', 'accept', id)).stderr).toMatch(
        /has 2 residents, the previous one had 25.*--confirm-shrink/,
      );
      expect((await lotsa('import', 'accept', id, '--confirm-shrink')).code).toBe(0);

      const preview = await lotsa('register', 'reconcile', '--as-of', '2026-11-16');
      expect(preview.stdout).toMatch(/Preview as of 2026-11-16: 0 enter, 23 leave/);
      expect(preview.stdout).toContain(`${people[24]}  Alva Ek  moved_out`);
      expect(preview.stdout).toMatch(/--apply --confirm-leaving 23/);
      for (const confirm of [[], ['--confirm-leaving', '22']]) {
        const refused = await lotsa('register', 'reconcile', '--as-of', '2026-11-16', '--apply', ...confirm);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(
          new RegExp(
            'Nothing was changed: this reconciliation takes 23 of the 25 persons in the register out' +
              '.*--confirm-leaving 23',
          ),
        );
      }
      const applied = await lotsa(
        'register',
        'reconcile',
        '--as-of',
        '2026-11-16',
        '--apply',
        '--confirm-leaving',
        '23',
      );
      expect(applied.code).toBe(0);
      expect(applied.stdout).toMatch(
        /Applied as of 2026-11-16: 0 enter, 23 leave, 0 changed; 2 in the register \(25 before\)/,
      );
    },
  );
});

describe('lotsa import', () => {
  it(
    'records in the audit log that it printed the invalid rows, identity numbers and all',
    { timeout: 2 * COMMAND_MS },
    async () => {
      const valid = testIdentityNumber();
      const invalid = `${valid.slice(0, 11)}${(Number(valid.at(-1)) + 1) % 10}`;
      const res = await lotsa(
        'import',
        'population',
        file(
          'pop-invalid.csv',
          csv('population', [populationRow(valid), populationRow(invalid, { given_name: 'Fel' })]),
        ),
      );
      expect(res.stdout).toContain(invalid);
      const database = await openDatabase({ dataDir });
      try {
        const entries = await database.db
          .selectFrom('audit_log')
          .select(['action', 'entity', 'detail'])
          .where('entity', '=', 'import_errors')
          .execute();
        expect(entries).toContainEqual({ action: 'read', entity: 'import_errors', detail: { rows: 1, via: 'cli' } });
      } finally {
        await database.close();
      }
    },
  );
});
