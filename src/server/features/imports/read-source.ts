/**
 * Reads a source list file row by row, without holding it in memory: CSV in UTF-8 or
 * Windows-1252, with ';', ',' or tab, with or without BOM; or the first sheet of an XLSX workbook.
 * Its first row must be a header of at most MAX_COLUMNS names of at most MAX_HEADER_CHARS each.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { withCellReferences } from './cell-references.js';
import { csvRows, type CsvRow } from './csv-reader.js';
import { decodedByRow, fileEncoding } from './row-encoding.js';

/** The most columns a list may have; a row with more is an error, a header with more makes the file unreadable. */
export const MAX_COLUMNS = 200;
/** The longest column name read. */
export const MAX_HEADER_CHARS = 200;

/** A file Lotsa cannot read as a list; the message says why, for the coordinator. */
export class UnreadableFileError extends Error {
  constructor(
    readonly reason: 'not_a_list' | 'empty',
    detail: string,
    options?: ErrorOptions,
  ) {
    super(detail, options);
  }
}

/** One data row: its line number in the file (the header is line 1) and its cells, or why they could not be read. */
type SourceRow = CsvRow;
/** A list's headers and its data rows, a batch at a time. */
export type Source = { headers: string[]; batches: AsyncIterable<SourceRow[]> };

async function head(path: string, bytes: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(bytes), 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

function detectDelimiter(firstLine: string): string {
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

async function* decoded(path: string, encoding: string): AsyncIterable<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 }))
    yield decoder.decode(chunk as Buffer, { stream: true });
  yield decoder.decode();
}

/**
 * The header's names, or UnreadableFileError when the first row cannot be one: a file whose lines
 * Lotsa does not see (one line of everything) would otherwise show its data as column names.
 */
function headerNames(header: SourceRow): string[] {
  const unreadable = (why: string) =>
    new UnreadableFileError(
      'not_a_list',
      `The first line is no header Lotsa can read: ${why}. Check that the first line names the columns ` +
        `and that the file has a line break after each row.`,
    );
  if (header.problem === 'line_too_long') throw unreadable('it is longer than any list row could be');
  if (header.problem === 'bad_encoding') throw unreadable("it holds bytes that are not text in the file's encoding");
  if (header.cells.length > MAX_COLUMNS)
    throw unreadable(`it has ${header.cells.length} columns, and a list has at most ${MAX_COLUMNS}`);
  const names = header.cells.map((h) => h.trim());
  if (names.some((n) => n.length > MAX_HEADER_CHARS))
    throw unreadable(`a column name is longer than ${MAX_HEADER_CHARS} characters`);
  return names;
}

async function openCsv(path: string, start: Buffer): Promise<Source> {
  const encoding = await fileEncoding(path);
  const firstLine =
    new TextDecoder(encoding === 'windows-1252' ? encoding : 'utf-8')
      .decode(start)
      .replace(/^\uFEFF/, '')
      .split(/\r\n?|\n/)[0] ?? '';
  // A file entirely in UTF-8 (nearly every list) is decoded as a stream; any other row by row.
  const text = encoding === 'utf-8' ? decoded(path, 'utf-8') : decodedByRow(path, encoding === 'utf-8-damaged');
  let batches = csvRows(text, detectDelimiter(firstLine));
  if (encoding === 'utf-8-damaged') batches = markUndecodable(batches);
  const first = await batches.next();
  if (first.done) throw new UnreadableFileError('empty', 'The file has no rows.');
  const [header, ...rest] = first.value;
  return {
    headers: headerNames(header!),
    batches: (async function* () {
      if (rest.length) yield rest;
      for (let r = await batches.next(); !r.done; r = await batches.next()) yield r.value;
    })(),
  };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

/**
 * Rows of a UTF-8 file with bytes that are no UTF-8: a row holding such bytes (decoded as U+FFFD) is read as an error,
 * never as text.
 */
async function* markUndecodable(batches: AsyncGenerator<SourceRow[]>): AsyncGenerator<SourceRow[]> {
  for await (const batch of batches)
    yield batch.map((row) =>
      row.cells.some((c) => c.includes('\uFFFD')) ? { line: row.line, cells: [], problem: 'bad_encoding' } : row,
    );
}

async function openXlsx(path: string): Promise<Source> {
  // Loaded only for workbooks: it takes longer to load than a CSV of 10,000 rows takes to import.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  const rows = (async function* () {
    for await (const sheet of reader) {
      const worksheet = sheet as unknown as { iterator: AsyncIterable<Buffer> } & AsyncIterable<ExcelJS.Row>;
      worksheet.iterator = withCellReferences(worksheet.iterator) as AsyncIterable<never>;
      for await (const row of worksheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        // Array.from, not map: a sheet's missing cells are holes, which map would keep.
        yield { line: row.number, cells: Array.from(values, cellText) };
      }
      return;
    }
  })();
  const first = await rows.next();
  if (first.done) throw new UnreadableFileError('empty', 'The workbook has no rows.');
  return {
    headers: headerNames(first.value),
    batches: (async function* () {
      const batch: SourceRow[] = [];
      for await (const row of rows) {
        batch.push(row);
        if (batch.length === 1000) yield batch.splice(0);
      }
      if (batch.length) yield batch;
    })(),
  };
}

/** Opens a CSV or XLSX list. Throws UnreadableFileError for anything else. */
export async function openSource(path: string): Promise<Source> {
  const start = await head(path, 64 * 1024);
  if (start.length === 0) throw new UnreadableFileError('empty', 'The file is empty.');
  if (start.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    try {
      return await openXlsx(path);
    } catch (err) {
      if (err instanceof UnreadableFileError) throw err;
      throw new UnreadableFileError(
        'not_a_list',
        'The file looks like a ZIP archive but is no readable XLSX workbook.',
        // The reader's own error, which process-import logs: the coordinator reads only the sentence above.
        { cause: err },
      );
    }
  }
  if (start.includes(0))
    throw new UnreadableFileError('not_a_list', 'The file is neither CSV text nor an XLSX workbook.');
  return openCsv(path, start);
}
