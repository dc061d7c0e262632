/**
 * Benchmark of reading source lists at their bounds (figures, not a timed test).
 *
 *   npm run bench:imports        (tsx bench/imports.ts)
 *
 * Writes files to a temp directory and reads each through Lotsa's reader (openSource), as an import
 * does before checking rows: single lines of 10, 20 and 40 MB (read in time linear in their length,
 * skipped and reported as too long), a list with lines just under the limit, 500,000 rows with LF,
 * CRLF and CR-only line endings, the same rows in Windows-1252 (decoded row by row), and as UTF-8 with
 * one damaged row. Prints one line per case: seconds, MB/s, rows, rows with a problem. Needs no database.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openSource } from '../src/server/features/imports/read-source.js';

const HEADER =
  'personal_identity_number;given_name;family_name;street_address;postal_code;city;' +
  'municipality_code;protected_identity;registered_since';

/** A data row of plain synthetic text (no identity number needs to be valid to be read). */
const row = (i: number) =>
  `20080101${String(i % 10_000).padStart(4, '0')};Åsa;Öberg;Storgatan ${i % 200};433 30;Partille;1402;false;2010-01-01`;

/** Reads every row of `file`; returns seconds, rows and rows with a problem. */
async function readAll(file: string): Promise<{ seconds: number; rows: number; problems: number }> {
  const start = process.hrtime.bigint();
  let rows = 0;
  let problems = 0;
  try {
    for await (const batch of (await openSource(file)).batches) {
      rows += batch.length;
      for (const r of batch) if (r.problem) problems++;
    }
  } catch (err) {
    // A file refused as a whole (its first line no header) is a result too.
    console.log(`  refused: ${(err as Error).message.slice(0, 90)}`);
  }
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, rows, problems };
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lotsa-bench-imports-'));
  try {
    const cases: { name: string; content: () => Buffer }[] = [
      ...[10, 20, 40].map((mb) => ({
        name: `one line of ${mb} MB after the header`,
        content: () => Buffer.from(`${HEADER}\n${'x'.repeat(mb * 1024 * 1024)}\n${row(1)}\n`),
      })),
      { name: 'one header line of 40 MB (refused)', content: () => Buffer.from(`${'y;'.repeat(20 * 1024 * 1024)}\n`) },
      {
        name: '400 lines of 99,000 characters',
        content: () =>
          Buffer.from(`${HEADER}\n${Array.from({ length: 400 }, () => `${'z'.repeat(98_990)};1402`).join('\n')}\n`),
      },
      ...(['\n', '\r\n', '\r'] as const).map((eol) => ({
        name: `500,000 rows, UTF-8, ${JSON.stringify(eol)} line endings`,
        content: () =>
          Buffer.from(`${HEADER}${eol}${Array.from({ length: 500_000 }, (_, i) => row(i)).join(eol)}${eol}`),
      })),
      {
        name: '500,000 rows, Windows-1252 (decoded row by row)',
        content: () =>
          Buffer.from(`${HEADER}\n${Array.from({ length: 500_000 }, (_, i) => row(i)).join('\n')}\n`, 'latin1'),
      },
      {
        name: '500,000 rows, UTF-8 with one damaged row',
        content: () =>
          Buffer.concat([
            Buffer.from(`${HEADER}\n${Array.from({ length: 500_000 }, (_, i) => row(i)).join('\n')}\n`),
            Buffer.from([0xc5, 0x0a]),
          ]),
      },
    ];
    console.log('case | seconds | MB/s | rows | rows with a problem');
    for (const c of cases) {
      const file = path.join(dir, 'list.csv');
      const content = c.content();
      await writeFile(file, content);
      const r = await readAll(file);
      const mb = content.length / 1024 / 1024;
      console.log(`${c.name} | ${r.seconds.toFixed(2)} | ${(mb / r.seconds).toFixed(0)} | ${r.rows} | ${r.problems}`);
      await rm(file);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
