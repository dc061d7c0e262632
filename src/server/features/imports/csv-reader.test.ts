import { describe, expect, it } from 'vitest';
import { csvRows, MalformedCsvError, type CsvRow } from './csv-reader.js';

/** Reads `text` fed in pieces of `size` characters, so records cross chunk boundaries. */
async function read(text: string, size = 3, delimiter = ','): Promise<CsvRow[]> {
  async function* pieces() {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
  }
  const rows: CsvRow[] = [];
  for await (const batch of csvRows(pieces(), delimiter)) rows.push(...batch);
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

  it('says on which line a quoted cell that never ends starts', async () => {
    await expect(read('a,b\n1,2\n"never ends,3\n4,5\n')).rejects.toEqual(new MalformedCsvError(3));
  });
});
