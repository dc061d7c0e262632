import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMunicipality } from '../../bootstrap.js';
import type { DatabaseHandle } from '../../db/connection.js';
import { createTestDatabase } from '../../testing/database.js';
import { testIdentityNumber } from '../../testing/factories.js';
import { csv, populationRow, schoolHistory } from '../../testing/lists.js';
import { failInterruptedImports } from '../imports/imports.service.js';
import { importFile } from '../imports/run-import.js';
import { createStagingTable, stagingTable } from '../imports/staging-tables.js';
import { applyRetention } from './retention.js';

let handle: DatabaseHandle;
let municipalityId: string;
const dir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-retention-'));
const uploads = path.join(dir, 'uploads');

async function load(kind: 'population' | 'enrolments', rows: Record<string, string>[], name: string) {
  const file = path.join(dir, name);
  writeFileSync(file, csv(kind, rows));
  return (await importFile(handle, { id: null, municipalityId }, kind, file, name)).id;
}

const rowsOf = async (importId: string, table: 'population_rows' | 'enrolment_rows') =>
  (await handle.db.selectFrom(table).select('line').where('import_id', '=', importId).execute()).length;
const age = (id: string, days: number) =>
  sql`update imports set created_at = now() - make_interval(days => ${days}) where id = ${id}`.execute(handle.db);

beforeAll(async () => {
  handle = await createTestDatabase();
  municipalityId = await ensureMunicipality(handle.db, { code: '1402', name: 'Partille kommun' });
});
afterAll(() => handle.close());

describe('retention', () => {
  it('culls an old population list once a newer is used, old uploads and jobs; keeps what is needed', async () => {
    const pnr = testIdentityNumber();
    const old = await load('population', [populationRow(pnr)], 'old.csv');
    const newest = await load('population', [populationRow(pnr), populationRow(testIdentityNumber())], 'new.csv');
    const enrolments = await load('enrolments', schoolHistory(pnr), 'enr.csv');
    await age(old, 101);
    for (const id of [newest, enrolments]) await age(id, 100);
    await handle.db
      .insertInto('jobs')
      .values([
        {
          municipality_id: municipalityId,
          kind: 'reconcile',
          status: 'done',
          finished_at: sql`now() - interval '100 days'`,
        },
        {
          municipality_id: municipalityId,
          kind: 'reconcile',
          status: 'done',
          finished_at: sql`now() - interval '1 day'`,
        },
      ])
      .execute();
    mkdirSync(uploads);
    writeFileSync(path.join(uploads, 'stale'), 'x');
    writeFileSync(path.join(uploads, 'fresh'), 'x');
    utimesSync(path.join(uploads, 'stale'), new Date('2026-01-01'), new Date('2026-01-01'));

    expect(await applyRetention(handle.db, 90, uploads)).toEqual({ lists: 1, jobs: 1, uploads: 1 });
    expect(await rowsOf(old, 'population_rows')).toBe(0);
    expect(await rowsOf(newest, 'population_rows')).toBe(2);
    expect(await rowsOf(enrolments, 'enrolment_rows')).toBe(2);
    expect(
      await handle.db.selectFrom('imports').select('culled_at').where('id', '=', old).executeTakeFirstOrThrow(),
    ).toEqual({ culled_at: expect.any(Date) });
    const logged = await handle.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'cull')
      .execute();
    expect(logged).toEqual([{ action: 'cull', entity_id: old }]);
    expect(readdirSync(uploads)).toEqual(['fresh']);
    expect(await applyRetention(handle.db, 90, uploads)).toEqual({ lists: 0, jobs: 0, uploads: 0 });
  });
});

describe('an import whose process died', () => {
  it('is failed and its half-loaded rows dropped once its heartbeat is silent, not before', async () => {
    const imports = await Promise.all(
      ['dead', 'alive'].map(
        async (sha) =>
          (
            await handle.db
              .insertInto('imports')
              .values({
                municipality_id: municipalityId,
                kind: 'population',
                file_name: 'f.csv',
                file_sha256: sha,
                upload_path: '/tmp/f.csv',
                status: 'running',
                heartbeat_at: sha === 'dead' ? sql`now() - interval '5 minutes'` : sql`now()`,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
      ),
    );
    for (const id of imports) await createStagingTable(handle.db, 'population', id, municipalityId);
    await failInterruptedImports(handle.db);
    const statuses = await handle.db
      .selectFrom('imports')
      .select(['id', 'status'])
      .where('id', 'in', imports)
      .execute();
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [imports[0]!]: 'failed',
      [imports[1]!]: 'running',
    });
    const tables = (
      await sql<{
        n: string;
      }>`select relname as n from pg_class where relname in
        (${sql.join(imports.map((id) => stagingTable('population', id)))})`.execute(handle.db)
    ).rows;
    expect(tables.map((t) => t.n)).toEqual([stagingTable('population', imports[1]!)]);
  });
});
