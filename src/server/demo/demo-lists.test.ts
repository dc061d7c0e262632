import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../core/dates.js';
import { ensureMunicipality } from '../bootstrap.js';
import type { DatabaseHandle } from '../db/connection.js';
import { acceptImport } from '../features/imports/imports.service.js';
import { importFile } from '../features/imports/run-import.js';
import { reconcile } from '../features/register/reconcile.js';
import { projectPath } from '../paths.js';
import { createTestDatabase } from '../testing/database.js';
import { fillDemo } from './demo.js';
import { DEMO_LIST_FILES, writeDemoLists } from './demo-lists.js';

let handle: DatabaseHandle;
let m: string;
const dir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-demo-lists-'));
beforeAll(async () => {
  handle = await createTestDatabase();
  m = await ensureMunicipality(handle.db, { code: '1402', name: 'Partille kommun' });
  await fillDemo(handle.db, m);
});
afterAll(() => handle.close());

describe('the demo sample lists', () => {
  it('hold only test identity numbers and reconcile the demo register with a few in and out, unguarded', async () => {
    await writeDemoLists(handle.db, m, dir);
    const testNumbers = new Set(
      readFileSync(projectPath('reference', 'skatteverket-testpersonnummer-2000-2009.csv'), 'utf8').split('\n'),
    );
    for (const name of Object.values(DEMO_LIST_FILES)) {
      const numbers = readFileSync(path.join(dir, name), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0]!);
      expect(
        numbers.filter((n) => !testNumbers.has(n)),
        name,
      ).toEqual([]);
    }
    const file = (name: string) => path.join(dir, name);
    const actor = { id: null, municipalityId: m };
    expect(
      await importFile(handle, actor, 'population', file(DEMO_LIST_FILES.population), DEMO_LIST_FILES.population),
    ).toMatchObject({ status: 'ready', errorCount: 0 });
    expect(
      await importFile(handle, actor, 'enrolments', file(DEMO_LIST_FILES.enrolments), DEMO_LIST_FILES.enrolments),
    ).toMatchObject({ status: 'ready', errorCount: 0 });
    const preview = await reconcile(handle, m, todayInSweden(), { apply: false, actorId: null });
    expect(preview.entered).toHaveLength(8);
    expect(preview.left.length).toBeGreaterThan(0);
    expect(preview.changed.length).toBeGreaterThan(0);
    expect(preview.leavingNeedsConfirmation).toBe(false);
    expect(preview.entered.every((e) => e.name.endsWith('Demosson'))).toBe(true);

    // The list cut short is held back until confirmed, and would then take most of the register out.
    const truncated = await importFile(
      handle,
      actor,
      'population',
      file(DEMO_LIST_FILES.truncated),
      DEMO_LIST_FILES.truncated,
    );
    expect(truncated).toMatchObject({ status: 'needs_review', rowsValid: 20 });
    expect(truncated.previousResidents).toBeGreaterThan(100);
    await acceptImport(handle.db, actor, truncated.id, [], true);
    expect(
      (await reconcile(handle, m, todayInSweden(), { apply: false, actorId: null })).leavingNeedsConfirmation,
    ).toBe(true);
  });
});
