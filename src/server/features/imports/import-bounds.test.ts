import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS } from '../../../core/source-lists.js';
import { registerJobHandlers } from '../../jobs/handlers.js';
import { runNextJob } from '../../jobs/queue.js';
import { testIdentityNumber } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { csv, populationRow, schoolHistory } from '../../testing/lists.js';
import { xlsxWithoutReferences } from '../../testing/xlsx.js';
import { failInterruptedImports } from './imports.service.js';
import { MAX_STORED_ERROR_ROWS } from './process-import.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  registerJobHandlers();
});
afterAll(() => h.close());

const uploadPath = async (id: string) =>
  (await h.db.selectFrom('imports').select('upload_path').where('id', '=', id).executeTakeFirstOrThrow()).upload_path;

/** Uploads a list as the coordinator; returns the new import's id (the job not yet run). */
async function upload(
  file: Buffer,
  contentType = 'text/csv',
  kind = 'population',
): Promise<{ id: string; alreadyImported: boolean }> {
  const res = await h.as.coordinator.upload(`/api/v1/imports?kind=${kind}&fileName=list.csv`, file, contentType);
  expect(res.statusCode).toBe(202);
  return res.json();
}

async function importList(file: Buffer, contentType = 'text/csv', kind = 'population') {
  const { id } = await upload(file, contentType, kind);
  while (await runNextJob(h.handle));
  return (await h.as.coordinator.request('GET', `/api/v1/imports/${id}`)).json();
}

const errorsOf = async (id: string) =>
  (await h.as.coordinator.request('GET', `/api/v1/imports/${id}/errors?pageSize=1000`)).json() as {
    line: number;
    code: string;
    column: string | null;
  }[];

/** Makes the import look like one whose process died `seconds` ago, mid-load. */
const silence = (id: string, seconds: number) =>
  h.db
    .updateTable('imports')
    .set({ status: 'running', heartbeat_at: sql`now() - make_interval(secs => ${seconds})` })
    .where('id', '=', id)
    .execute();

describe('imports with bounds', () => {
  it('reads a file with CR-only line endings row by row, never its rows as column names', async () => {
    const file = Buffer.from(
      csv('population', [
        populationRow(testIdentityNumber(), { street_address: 'Hemlig väg 1' }),
        populationRow(testIdentityNumber()),
      ])
        .toString()
        .replaceAll('\n', '\r'),
    );
    const imp = await importList(file);
    expect(imp).toMatchObject({ status: 'ready', rowsTotal: 2, rowsValid: 2, headers: [...COLUMNS.population] });
  });

  it('fails a file whose first line is no header (too many columns), storing nothing of it', async () => {
    const imp = await importList(
      Buffer.from(`${Array.from({ length: 500 }, (_, i) => `Hemlig väg ${i}`).join(';')}\n`),
    );
    expect(imp).toMatchObject({ status: 'failed', headers: null, failure: expect.stringMatching(/500 columns/) });
  });

  it('reports a row with bytes that are not UTF-8 as an error naming its line, and keeps Åsa as Åsa', async () => {
    const good = csv('population', [populationRow(testIdentityNumber(), { given_name: 'Åsa' })]);
    const bad = Buffer.concat([
      Buffer.from(`${testIdentityNumber()},Nils,Ek,,,`),
      Buffer.from([0xc5]),
      Buffer.from('lvsborg,1402,false,\n'),
    ]);
    const imp = await importList(Buffer.concat([good, bad]));
    expect(imp).toMatchObject({ status: 'needs_review', rowsValid: 1, errorCount: 1 });
    expect((await errorsOf(imp.id)).map((e) => `${e.line}:${e.column}:${e.code}`)).toEqual(['3:null:bad_encoding']);
    const names = await h.db
      .selectFrom('population_rows')
      .select('given_name')
      .where('import_id', '=', imp.id)
      .execute();
    expect(names).toEqual([{ given_name: 'Åsa' }]);
  });

  it('takes no school unit of an enrolment list for a full roll when a row could not be read', async () => {
    const rows = csv('enrolments', schoolHistory(testIdentityNumber()));
    const unreadable = Buffer.concat([
      Buffer.from(`${testIdentityNumber()},12345678,Sk`),
      Buffer.from([0xf6]),
      Buffer.from('lan,GY,,2025-08-18,,,\n'),
    ]);
    // A row in UTF-8 with a letter outside ASCII makes the file UTF-8, so the other row is unreadable rather than
    // Windows-1252.
    const utf8Rows = Buffer.from(rows.toString().replace('Kyrktorpsskolan', 'Kyrktorpsskolan Öster'));
    const imp = await importList(Buffer.concat([utf8Rows, unreadable]), 'text/csv', 'enrolments');
    expect(await errorsOf(imp.id)).toEqual([expect.objectContaining({ code: 'bad_encoding' })]);
    expect(
      await h.db.selectFrom('import_school_units').select('school_unit_code').where('import_id', '=', imp.id).execute(),
    ).toEqual([]);
  });

  it('reads an XLSX workbook whose cells have no r attribute', async () => {
    const row = populationRow(testIdentityNumber(), { given_name: 'Åsa' });
    const file = xlsxWithoutReferences([[...COLUMNS.population], COLUMNS.population.map((c) => row[c] ?? '')]);
    const imp = await importList(file, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(imp).toMatchObject({ rowsValid: 1, errorCount: 0 });
    // Ready, unless the register guard holds a list smaller than this file's earlier ones (previousResidents set).
    expect(imp.status).toBe(imp.previousResidents === null ? 'ready' : 'needs_review');
  });

  it(`stores the errors of at most ${MAX_STORED_ERROR_ROWS} rows, counts all, and fails a list with more`, async () => {
    const rows = Array.from({ length: MAX_STORED_ERROR_ROWS + 5 }, () => populationRow('not-a-number'));
    const imp = await importList(csv('population', [populationRow(testIdentityNumber()), ...rows]));
    expect(imp).toMatchObject({
      status: 'failed',
      rowsTotal: MAX_STORED_ERROR_ROWS + 6,
      rowsValid: 1,
      errorCount: MAX_STORED_ERROR_ROWS + 5,
    });
    expect(imp.failure).toMatch(/10005 rows are invalid/);
    const stored = await h.db
      .selectFrom('import_errors')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('import_id', '=', imp.id)
      .executeTakeFirstOrThrow();
    expect(stored.n).toBe(MAX_STORED_ERROR_ROWS);
  });
});

describe('interrupted imports', () => {
  it('fails an import silent for 50 seconds (within two minutes by the reaper), deleting its upload', async () => {
    const { id } = await upload(csv('population', [populationRow(testIdentityNumber())]));
    const file = await uploadPath(id);
    expect(path.dirname(file)).toBe(h.env.uploadsDir);
    await silence(id, 50);
    await failInterruptedImports(h.db);
    expect(
      await h.db.selectFrom('imports').select(['status', 'failure']).where('id', '=', id).executeTakeFirstOrThrow(),
    ).toMatchObject({ status: 'failed', failure: expect.stringMatching(/^Interrupted/) });
    expect(existsSync(file)).toBe(false);
  });

  it('lets the same file be uploaded again at once when its import was interrupted', async () => {
    const list = csv('population', [populationRow(testIdentityNumber())]);
    const first = await upload(list);
    await silence(first.id, 50);
    const again = await upload(list);
    expect(again).toMatchObject({ alreadyImported: false });
    expect(again.id).not.toBe(first.id);
    while (await runNextJob(h.handle));
    const done = (await h.as.coordinator.request('GET', `/api/v1/imports/${again.id}`)).json();
    expect(done).toMatchObject({ rowsValid: 1, errorCount: 0 });
    expect(done.status).toBe(done.previousResidents === null ? 'ready' : 'needs_review');
  });

  it('still gives the running import for a re-upload while its process beats', async () => {
    const list = csv('population', [populationRow(testIdentityNumber())]);
    const first = await upload(list);
    await silence(first.id, 10);
    expect(await upload(list)).toEqual({ id: first.id, alreadyImported: true });
    await h.db.updateTable('imports').set({ status: 'failed' }).where('id', '=', first.id).execute();
  });

  it('deletes the uploaded file when processing throws', async () => {
    const { id } = await upload(csv('population', [populationRow(testIdentityNumber())]));
    const file = await uploadPath(id);
    expect(readdirSync(h.env.uploadsDir)).toContain(path.basename(file));
    // Another process took the import meanwhile: processing refuses it.
    await h.db.updateTable('imports').set({ status: 'failed' }).where('id', '=', id).execute();
    while (await runNextJob(h.handle).catch(() => true));
    expect(existsSync(file)).toBe(false);
  });
});
