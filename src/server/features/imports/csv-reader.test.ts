import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRows, type CsvRow } from './csv-reader.js';

/** Reads `text` fed in pieces of `size` characters, so records cross chunk boundaries. */
async function read(text: string, size = 3, delimiter = ',', maxChars?: number): Promise<CsvRow[]> {
  async function* pieces() {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
  }
  const rows: CsvRow[] = [];
  for await (const batch of csvRows(pieces(), delimiter, maxChars)) rows.push(...batch);
  return rows;
}

describe('the CSV reader', () => {
  it('splits plain rows and numbers their lines, skipping empty lines, with LF or CRLF', async () => {
    expect(await read('a,b\n1,2\n\n3,4\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 4, cells: ['3', '4'] },
    ]);
    expect(await read('a;b\r\n1;2\r\n3;', 2, ';')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', ''] },
    ]);
  });

  it('drops a byte-order mark before the first header', async () => {
    expect((await read('\uFEFFpersonal_identity_number,x\n1,2\n', 1))[0]!.cells[0]).toBe('personal_identity_number');
  });

  it('reads quoted cells with delimiters, doubled quotes and line breaks, and keeps counting lines', async () => {
    const rows = await read('a,b\n"Storgatan 1, lgh 2","He said ""hej"""\n"two\nlines",x\n5,6\n');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['Storgatan 1, lgh 2', 'He said "hej"'] },
      { line: 3, cells: ['two\nlines', 'x'] },
      { line: 5, cells: ['5', '6'] },
    ]);
  });

  it('takes a quote inside an unquoted cell as a plain character', async () => {
    expect(await read('a,b\nO"Brien,12" screen\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['O"Brien', '12" screen'] },
    ]);
  });

  it('reads a line whose quote never ends as it stands, and goes on with the next', async () => {
    expect(await read('a,b\n1,2\n"never ends,3\n4,5\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['"never ends', '3'] },
      { line: 4, cells: ['4', '5'] },
    ]);
  });

  it('never lets a stray quote swallow the rows after it', async () => {
    const lines = ['a,b', '"Nisse,1', ...['2', '3', '4', '5'].map((n) => `x${n},${n}`), 'O"Brien,6', 'y,7'];
    const rows = await read(`${lines.join('\n')}\n`, 7);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rows[1]!.cells).toEqual(['"Nisse', '1']);
    expect(rows[6]!.cells).toEqual(['O"Brien', '6']);
    // Nor when no quote follows for the rest of the file.
    const long = `a,b\n"stray,1\n${Array.from({ length: 2000 }, (_, i) => `r${i},${i}`).join('\n')}\n`;
    expect(await read(long, 4096)).toHaveLength(2002);
  });

  it('takes a quoted cell over two lines only when the record then has as many cells as the header', async () => {
    expect(await read('a,b,c\n"two\nlines",x,y\n"odd\n",z\n')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['two\nlines', 'x', 'y'] },
      { line: 4, cells: ['"odd'] },
      { line: 5, cells: ['"', 'z'] },
    ]);
  });

  it('reads a lone CR as a line break, also where a CRLF is cut between chunks', async () => {
    const expected = [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ];
    for (const size of [1, 2, 3, 4]) {
      expect(await read('a,b\r1,2\r3,4\r', size)).toEqual(expected);
      expect(await read('a,b\r\n1,2\r\n3,4', size)).toEqual(expected);
    }
  });

  it('reports a line longer than the limit as too long, keeps none of it, and reads on', async () => {
    const long = 'x'.repeat(60);
    expect(await read(`a,b\n${long},1\n2,3\n"${long}\n${long}",4\n5,6\n`, 7, ',', 50)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: [], problem: 'line_too_long' },
      { line: 3, cells: ['2', '3'] },
      { line: 4, cells: [], problem: 'line_too_long' },
      { line: 5, cells: [], problem: 'line_too_long' },
      { line: 6, cells: ['5', '6'] },
    ]);
    // With the real limit: a line of a million characters, in the 64 KiB chunks files are read in, and one at the
    // file's end.
    const huge = 'y'.repeat(1_000_000);
    expect(await read(`a,b\n${huge}\n1,2\n${huge}`, 65_536)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: [], problem: 'line_too_long' },
      { line: 3, cells: ['1', '2'] },
      { line: 4, cells: [], problem: 'line_too_long' },
    ]);
  });

  it('gives back any rows written as CSV, whatever their text, line breaks and chunking (property)', async () => {
    // Any text but CR (a CR inside a quoted cell reads as LF, like every line break) and the BOM.
    const cell = fc
      .string({
        unit: fc.oneof(
          fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
          fc.constantFrom(',', ';', '"', '\n', ' '),
        ),
        maxLength: 12,
      })
      .map((c) => c.replace(/[\r\uFEFF]/g, ''));
    const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
      fc.array(
        fc.array(cell, { minLength: width, maxLength: width }).filter((cells) => !(width === 1 && cells[0] === '')),
        { minLength: 1, maxLength: 12 },
      ),
    );
    const options = fc.record({
      delimiter: fc.constantFrom(',', ';', '\t'),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      quoteAll: fc.boolean(),
      size: fc.integer({ min: 1, max: 40 }),
    });
    await fc.assert(
      fc.asyncProperty(table, options, async (rows, { delimiter, eol, quoteAll, size }) => {
        // At most four line breaks in a record: more are taken for a stray quote (see csv-reader.ts).
        fc.pre(rows.every((r) => r.join('').split('\n').length <= 5));
        const quote = (c: string) =>
          quoteAll || /[",;\t\n]/.test(c) || c.startsWith(' ') ? `"${c.replaceAll('"', '""')}"` : c;
        const text = rows.map((r) => r.map(quote).join(delimiter)).join(eol) + eol;
        let line = 1;
        const expected = rows.map((cells) => {
          const row = { line, cells };
          line += cells.join('').split('\n').length;
          return row;
        });
        expect(await read(text, size, delimiter)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
