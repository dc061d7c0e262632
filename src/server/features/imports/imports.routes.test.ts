import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerJobHandlers } from '../../jobs/handlers.js';
import { runNextJob } from '../../jobs/queue.js';
import { testIdentityNumber } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { csv, populationRow, schoolHistory } from '../../testing/lists.js';
import { COLUMNS } from '../../../core/source-lists.js';
import { existsSync, readdirSync } from 'node:fs';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  registerJobHandlers();
});
afterAll(() => h.close());

/** Uploads a list as the coordinator of `on` and runs the queued job; returns the import. */
async function importListInto(on: Harness, kind: 'population' | 'enrolments', file: Buffer, contentType = 'text/csv') {
  const res = await on.as.coordinator.upload(`/api/v1/imports?kind=${kind}&fileName=${kind}.csv`, file, contentType);
  expect(res.statusCode).toBe(202);
  while (await runNextJob(on.handle));
  return (await on.as.coordinator.request('GET', `/api/v1/imports/${res.json().id}`)).json();
}

/** Uploads a list as the coordinator and runs the queued job; returns the import. */
const importList = (kind: 'population' | 'enrolments', file: Buffer, contentType = 'text/csv') =>
  importListInto(h, kind, file, contentType);

/**
 * Runs `test` on an app and database of its own. A population list is held for review when it has far fewer
 * residents than the municipality's list before it, so a test that expects a population list to be ready,
 * or says what the list before had, cannot share its municipality with the other tests' lists.
 */
async function withOwnMunicipality(test: (on: Harness) => Promise<void>) {
  const own = await createHarness();
  try {
    await test(own);
  } finally {
    await own.close();
  }
}

describe('POST /api/v1/imports', () => {
  it('answers 401 without a session and 403 to roles that do not import', async () => {
    const file = csv('population', [populationRow(testIdentityNumber())]);
    expect(
      (
        await h.anonymous('POST', '/api/v1/imports?kind=population&fileName=a.csv', file, {
          'content-type': 'text/csv',
        })
      ).statusCode,
    ).toBe(401);
    expect((await h.as.youth_coach.upload('/api/v1/imports?kind=population&fileName=a.csv', file)).statusCode).toBe(
      403,
    );
    expect((await h.as.school_reporter.upload('/api/v1/imports?kind=population&fileName=a.csv', file)).statusCode).toBe(
      403,
    );
  });

  it('rejects an unknown list kind', async () => {
    expect(
      (await h.as.coordinator.upload('/api/v1/imports?kind=pets&fileName=a.csv', Buffer.from('x'))).statusCode,
    ).toBe(400);
  });

  it('imports a UTF-8 file with BOM and semicolons, and gives the same import for the same file twice', async () => {
    await withOwnMunicipality(async (own) => {
      const body = csv(
        'population',
        [
          populationRow(testIdentityNumber(), { given_name: 'Åsa', family_name: 'Öberg' }),
          populationRow(testIdentityNumber()),
        ],
        ';',
      );
      const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]);
      const first = await importListInto(own, 'population', file);
      expect(first).toMatchObject({ status: 'ready', rowsTotal: 2, rowsValid: 2, errorCount: 0 });
      const again = await own.as.coordinator.upload('/api/v1/imports?kind=population&fileName=same.csv', file);
      expect(again.json()).toEqual({ id: first.id, alreadyImported: true });
      const stored = await own.db
        .selectFrom('population_rows')
        .select('family_name')
        .where('import_id', '=', first.id)
        .execute();
      expect(stored.map((r) => r.family_name).sort()).toEqual(['Ek', 'Öberg']);
    });
  });

  it('lets two simultaneous uploads of one file make one import', async () => {
    const file = csv('enrolments', schoolHistory(testIdentityNumber()));
    const [a, b] = await Promise.all(
      [1, 2].map(() => h.as.coordinator.upload('/api/v1/imports?kind=enrolments&fileName=e.csv', file)),
    );
    expect(a!.json().id).toBe(b!.json().id);
    expect([a!.json().alreadyImported, b!.json().alreadyImported].sort()).toEqual([false, true]);
  });

  it('reads Windows-1252 with semicolons', async () => {
    const pnr = testIdentityNumber();
    const text = csv(
      'enrolments',
      schoolHistory(pnr, { school_unit_name: 'Gymnasiet i Sävedalen, Öjersjö' }),
      ';',
    ).toString('utf8');
    const imp = await importList('enrolments', Buffer.from(text, 'latin1'));
    expect(imp.status).toBe('ready');
    const row = await h.db
      .selectFrom('enrolment_rows')
      .select('school_unit_name')
      .where('import_id', '=', imp.id)
      .where('school_type', '=', 'GY')
      .executeTakeFirstOrThrow();
    expect(row.school_unit_name).toBe('Gymnasiet i Sävedalen, Öjersjö');
  });

  it('reports each invalid row with line, column and reason; uses nothing until those rows are accepted', async () => {
    await withOwnMunicipality(async (own) => {
      // The list before it, with two residents.
      const two = [populationRow(testIdentityNumber()), populationRow(testIdentityNumber())];
      expect(await importListInto(own, 'population', csv('population', two))).toMatchObject({ status: 'ready' });
      const good = testIdentityNumber();
      const rows = [
        populationRow(good),
        populationRow('20080101-2380'),
        populationRow(testIdentityNumber(), { municipality_code: '9999' }),
        populationRow(testIdentityNumber(), { registered_since: '2099-01-01' }),
        populationRow(good),
        populationRow(testIdentityNumber(), { municipality_code: '1480' }),
      ];
      const imp = await importListInto(own, 'population', csv('population', rows));
      expect(imp).toMatchObject({
        status: 'needs_review',
        rowsTotal: 6,
        rowsValid: 1,
        errorCount: 4,
        otherMunicipalityRows: 1,
      });
      const errors = (
        await own.as.coordinator.request('GET', `/api/v1/imports/${imp.id}/errors`, undefined, {
          'accept-language': 'sv',
        })
      ).json();
      expect(
        errors.map((e: { line: number; column: string; code: string }) => `${e.line}:${e.column}:${e.code}`),
      ).toEqual([
        '3:personal_identity_number:identity_checksum',
        '4:municipality_code:unknown_municipality',
        '5:registered_since:future_date',
        '6:personal_identity_number:duplicate_row',
        '7:municipality_code:other_municipality',
      ]);
      expect(errors[0].message).toBe('Kontrollsiffran i personnumret stämmer inte.');

      const wrong = await own.as.coordinator.request('POST', `/api/v1/imports/${imp.id}/accept`, {
        skipLines: [3, 4, 5],
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().code).toBe('skip_lines_mismatch');
      // One resident where the list before had two: the smaller list is confirmed too (register-guard.test.ts).
      expect(
        (
          await own.as.coordinator.request('POST', `/api/v1/imports/${imp.id}/accept`, {
            skipLines: [3, 4, 5, 6],
            confirmShrink: true,
          })
        ).statusCode,
      ).toBe(204);
      expect((await own.as.coordinator.request('GET', `/api/v1/imports/${imp.id}`)).json().status).toBe('ready');
    });
  });

  it('checks enrolment rows: school type, unit code, dates', async () => {
    const pnr = testIdentityNumber();
    const rows = schoolHistory(pnr, {
      school_type: 'GYMNASIUM',
      school_unit_code: '1234',
      end_date: '2025-01-01',
      start_date: '2025-08-18',
    });
    const imp = await importList('enrolments', csv('enrolments', rows));
    const errors = (await h.as.coordinator.request('GET', `/api/v1/imports/${imp.id}/errors`)).json();
    expect(errors.map((e: { code: string }) => e.code).sort()).toEqual([
      'bad_school_unit_code',
      'end_before_start',
      'unknown_school_type',
    ]);
  });

  it('asks for a column mapping for another layout, remembers a saved one, and then imports', async () => {
    await withOwnMunicipality(async (own) => {
      const file = Buffer.from(
        `Personnummer;Förnamn;Efternamn;Kommun\n${testIdentityNumber()};Nils;Holm;1402\n`,
        'utf8',
      );
      const imp = await importListInto(own, 'population', file);
      expect(imp).toMatchObject({
        status: 'needs_mapping',
        headers: ['Personnummer', 'Förnamn', 'Efternamn', 'Kommun'],
      });
      const bad = await own.as.coordinator.request('POST', `/api/v1/imports/${imp.id}/mapping`, {
        mapping: { personal_identity_number: 'Personnummer' },
      });
      expect(bad.statusCode).toBe(400);
      const mapping = {
        personal_identity_number: 'Personnummer',
        given_name: 'Förnamn',
        family_name: 'Efternamn',
        municipality_code: 'Kommun',
      };
      expect(
        (
          await own.as.coordinator.request('POST', `/api/v1/imports/${imp.id}/mapping`, {
            mapping,
            saveAs: 'Skatteverket-utdrag',
          })
        ).statusCode,
      ).toBe(202);
      while (await runNextJob(own.handle));
      expect((await own.as.coordinator.request('GET', `/api/v1/imports/${imp.id}`)).json()).toMatchObject({
        status: 'ready',
        rowsValid: 1,
      });

      const next = Buffer.from(
        `Personnummer;Förnamn;Efternamn;Kommun\n${testIdentityNumber()};Siv;Holm;1402\n`,
        'utf8',
      );
      expect(await importListInto(own, 'population', next)).toMatchObject({ status: 'ready', rowsValid: 1 });
    });
  });

  it('reads the first sheet of an XLSX workbook, dates and numbers included', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Elever');
    const [gr] = schoolHistory(testIdentityNumber(), null);
    sheet.addRow([...Object.keys(gr!)]);
    sheet.addRow(
      Object.keys(gr!).map((k) =>
        k === 'personal_identity_number'
          ? Number(gr![k])
          : k === 'start_date'
            ? new Date(`${gr![k]}T00:00:00Z`)
            : gr![k],
      ),
    );
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const imp = await importList(
      'enrolments',
      file,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(imp).toMatchObject({ status: 'ready', rowsValid: 1 });
  });

  it('fails a file that is no list, saying why', async () => {
    const imp = await importList('population', Buffer.from([0, 1, 2, 3, 255, 0, 7]), 'application/octet-stream');
    expect(imp.status).toBe('failed');
    expect(imp.failure).toMatch(/neither CSV text nor an XLSX workbook/);
  });

  it('reads a quote inside an unquoted cell as it stands, and quoted cells with commas and line breaks', async () => {
    await withOwnMunicipality(async (own) => {
      const [a, b] = [testIdentityNumber(), testIdentityNumber()];
      const file = Buffer.from(
        `${COLUMNS.population.join(',')}\n${a},Lo"ve,Ek,,,,1402,false,\n${b},"Ebba, Maj","Ek\nLund",,,,1402,false,\n`,
      );
      const imp = await importListInto(own, 'population', file);
      expect(imp).toMatchObject({ status: 'ready', rowsValid: 2 });
      const names = await own.db
        .selectFrom('population_rows')
        .select(['given_name', 'family_name', 'line'])
        .where('import_id', '=', imp.id)
        .orderBy('line')
        .execute();
      expect(names).toEqual([
        { given_name: 'Lo"ve', family_name: 'Ek', line: 2 },
        { given_name: 'Ebba, Maj', family_name: 'Ek\nLund', line: 3 },
      ]);
    });
  });

  it('fails a population list without one resident of the municipality, which would move everyone out', async () => {
    const imp = await importList(
      'population',
      csv('population', [populationRow(testIdentityNumber(), { municipality_code: '1480' })]),
    );
    expect(imp).toMatchObject({
      status: 'failed',
      rowsValid: 0,
      failure: expect.stringMatching(/no valid row for a resident/),
    });
    expect(await h.db.selectFrom('population_rows').select('line').where('import_id', '=', imp.id).execute()).toEqual(
      [],
    );
  });

  it('keeps no uploaded copy once a list is processed, unless its columns are still to be mapped', async () => {
    // An app of its own: its own uploads directory, which the other tests' imports would add to or empty.
    await withOwnMunicipality(async (own) => {
      // The directory is made with the first upload.
      const uploads = () => (existsSync(own.env.uploadsDir) ? readdirSync(own.env.uploadsDir) : []);
      const before = uploads().length;
      await importListInto(own, 'population', csv('population', [populationRow(testIdentityNumber())]));
      expect(uploads()).toHaveLength(before);
      await importListInto(own, 'population', Buffer.from(`Personnummer;Namn\n${testIdentityNumber()};Nils\n`));
      expect(uploads()).toHaveLength(before + 1);
    });
  });

  it('answers 404 for an import of another municipality', async () => {
    const imp = await importList('population', csv('population', [populationRow(testIdentityNumber())]));
    expect((await h.as.otherCoordinator.request('GET', `/api/v1/imports/${imp.id}`)).statusCode).toBe(404);
    expect((await h.as.otherCoordinator.request('GET', `/api/v1/imports/${imp.id}/errors`)).statusCode).toBe(404);
  });
});
