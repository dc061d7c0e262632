import { mkdtempSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSource, UnreadableFileError } from './read-source.js';
import { xlsxWithoutReferences } from '../../testing/xlsx.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-read-source-'));

/** A file of a header and ASCII rows, then a row holding `name`, its first character starting at byte `at`. */
function fileWithNameAt(at: number, name: Buffer): string {
  const header = 'given_name,city\n';
  const filler = Buffer.alloc(at - header.length - 'x,'.length, 'a');
  for (let i = 99; i < filler.length; i += 100) filler[i] = 0x0a; // line breaks, so the filler is rows
  filler[filler.length - 1] = 0x0a;
  const file = path.join(dir, `list-${at}.csv`);
  writeFileSync(file, Buffer.concat([Buffer.from(header), filler, Buffer.from('x,'), name, Buffer.from('\n')]));
  return file;
}

async function lastRow(file: string): Promise<string[]> {
  let last: string[] = [];
  for await (const batch of (await openSource(file)).batches) last = batch[batch.length - 1]!.cells;
  return last;
}

describe('reading a list', () => {
  it('reads UTF-8 whose characters straddle the chunks the file is read in', async () => {
    // The reader takes the file a mebibyte at a time: put the two bytes of Å on both sides of that line.
    const file = fileWithNameAt((1 << 20) - 1, Buffer.from('Åsa Öberg', 'utf8'));
    expect(await lastRow(file)).toEqual(['x', 'Åsa Öberg']);
  });

  it('reads a file that is not UTF-8 as Windows-1252', async () => {
    const file = fileWithNameAt((1 << 20) - 1, Buffer.from([0xc5, 0x73, 0x61])); // "Åsa" in Windows-1252
    expect(await lastRow(file)).toEqual(['x', 'Åsa']);
  });
});

/** Every row of `file`: its header first (as line 1), then each data row with its line and any problem. */
async function allRows(file: string) {
  const source = await openSource(file);
  const rows: { line: number; cells: string[]; problem?: string }[] = [{ line: 1, cells: source.headers }];
  for await (const batch of source.batches) rows.push(...batch);
  return rows;
}

function write(name: string, content: Buffer | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('reading a list with bounds', () => {
  it("refuses a broken ZIP as no readable workbook, keeping the reader's own error for the log", async () => {
    const file = write('broken.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]));
    const refused = await openSource(file).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(UnreadableFileError);
    expect(refused).toMatchObject({ reason: 'not_a_list', message: expect.stringMatching(/no readable XLSX/) });
    expect((refused as Error).cause).toBeInstanceOf(Error);
  });

  it('reads CR-only line endings as line breaks, so no row becomes a column name', async () => {
    const file = write('mac.csv', 'personal_identity_number;given_name\r200812052397;Åsa\r200812062396;Nils\r');
    expect(await allRows(file)).toEqual([
      { line: 1, cells: ['personal_identity_number', 'given_name'] },
      { line: 2, cells: ['200812052397', 'Åsa'] },
      { line: 3, cells: ['200812062396', 'Nils'] },
    ]);
  });

  it('refuses a first line with more columns or longer names than a header has, saying why', async () => {
    const wide = write('wide.csv', `${Array.from({ length: 201 }, (_, i) => `c${i}`).join(',')}\n1\n`);
    await expect(openSource(wide)).rejects.toThrow(/201 columns, and a list has at most 200/);
    const long = write('long-name.csv', `personal_identity_number,${'x'.repeat(201)}\n1,2\n`);
    await expect(openSource(long)).rejects.toThrow(/column name is longer than 200/);
    const endless = write('endless.csv', `a,${'b'.repeat(200_000)}`);
    await expect(openSource(endless)).rejects.toThrow(/longer than any list row/);
  });

  it('reads a UTF-8 file with one damaged row as UTF-8, the damaged row an error naming its line', async () => {
    const rows = ['given_name,city', 'Åsa,Göteborg', 'Örjan,Mölndal'].map((r) => Buffer.from(`${r}\n`, 'utf8'));
    const damaged = Buffer.concat([Buffer.from('Nils,Partill'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const file = write('damaged.csv', Buffer.concat([rows[0]!, rows[1]!, damaged, rows[2]!]));
    expect(await allRows(file)).toEqual([
      { line: 1, cells: ['given_name', 'city'] },
      { line: 2, cells: ['Åsa', 'Göteborg'] },
      { line: 3, cells: [], problem: 'bad_encoding' },
      { line: 4, cells: ['Örjan', 'Mölndal'] },
    ]);
  });

  it('decodes each row of a Windows-1252 file on its own: a row saved as UTF-8 never becomes mojibake', async () => {
    const header = Buffer.from('given_name,city\n');
    const windows = (text: string) => Buffer.from(text, 'latin1');
    const file = write(
      'mixed-1252.csv',
      Buffer.concat([
        header,
        windows('Åsa,Sävedalen\n'),
        windows('Öjvind,Öjersjö\n'),
        Buffer.from('Åsa,Göteborg\n', 'utf8'),
      ]),
    );
    expect((await allRows(file)).slice(1).map((r) => r.cells)).toEqual([
      ['Åsa', 'Sävedalen'],
      ['Öjvind', 'Öjersjö'],
      ['Åsa', 'Göteborg'],
    ]);
  });

  it('reads an XLSX sheet whose rows and cells have no r attribute', async () => {
    const file = write(
      'no-refs.xlsx',
      xlsxWithoutReferences([
        ['personal_identity_number', 'given_name', 'city'],
        ['200812052397', 'Åsa', 'Partille'],
        ['200812062396', '', 'Lerum'],
      ]),
    );
    expect(await allRows(file)).toEqual([
      { line: 1, cells: ['personal_identity_number', 'given_name', 'city'] },
      { line: 2, cells: ['200812052397', 'Åsa', 'Partille'] },
      { line: 3, cells: ['200812062396', '', 'Lerum'] },
    ]);
  });

  it('gives back any rows written to an XLSX sheet, by ExcelJS or without references (property)', async () => {
    // Text XML can hold: no control characters but tab and LF (XML reads CR as LF), no lone surrogates.
    const xmlText = fc
      .string({ unit: 'grapheme', maxLength: 10 })
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .map((s) => s.replace(/[\u0000-\u0008\u000b-\u001f\r\ufffe\uffff]/g, ''));
    const rows = fc
      .array(fc.array(xmlText, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 })
      .map((rs) => rs.map((r, i) => [`r${i}`, ...r]));
    const trimEnd = (cells: string[]) => {
      const out = [...cells];
      while (out.length && out[out.length - 1] === '') out.pop();
      return out;
    };
    let n = 0;
    await fc.assert(
      fc.asyncProperty(rows, fc.boolean(), async (table, byExcelJs) => {
        let content: Buffer;
        if (byExcelJs) {
          const book = new ExcelJS.Workbook();
          const sheet = book.addWorksheet('Lista');
          for (const r of table) sheet.addRow(r);
          content = Buffer.from(await book.xlsx.writeBuffer());
        } else content = xlsxWithoutReferences(table);
        const file = write(`property-${n++}.xlsx`, content);
        const read = await allRows(file);
        expect(read.map((r) => ({ line: r.line, cells: trimEnd(r.cells) }))).toEqual(
          table.map((cells, i) => ({ line: i + 1, cells: trimEnd(i === 0 ? cells.map((c) => c.trim()) : cells) })),
        );
      }),
      { numRuns: 40 },
    );
  });
});
