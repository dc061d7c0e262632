/**
 * Reads a source list file row by row, without holding it in memory: CSV in UTF-8 or
 * Windows-1252, with ';', ',' or tab, with or without BOM; or the first sheet of an XLSX workbook.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { csvRows } from './csv-reader.js';

/** A file Lotsa cannot read as a list; the message says why, for the coordinator. */
export class UnreadableFileError extends Error {
  constructor(
    readonly reason: 'not_a_list' | 'empty',
    detail: string,
  ) {
    super(detail);
  }
}

/** One data row: its line number in the file (the header is line 1) and its cells. */
type SourceRow = { line: number; cells: string[] };
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

/** How many bytes at the end of `chunk` begin a character that the next chunk completes. */
function unfinishedTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back]!;
    if ((byte & 0xc0) !== 0x80) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return length > back ? back : 0;
    }
  }
  return 0;
}

/** True when the whole file is valid UTF-8; otherwise it is read as Windows-1252. */
async function isUtf8File(path: string): Promise<boolean> {
  let carried = Buffer.alloc(0);
  for await (const read of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const chunk = carried.length ? Buffer.concat([carried, read as Buffer]) : (read as Buffer);
    const tail = unfinishedTail(chunk);
    if (!isUtf8(chunk.subarray(0, chunk.length - tail))) return false;
    carried = Buffer.from(chunk.subarray(chunk.length - tail));
  }
  return carried.length === 0;
}

function detectDelimiter(firstLine: string): string {
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

async function* decoded(path: string, encoding: string): AsyncIterable<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) yield decoder.decode(chunk as Buffer, { stream: true });
  yield decoder.decode();
}

async function openCsv(path: string, start: Buffer): Promise<Source> {
  const encoding = (await isUtf8File(path)) ? 'utf-8' : 'windows-1252';
  const firstLine = new TextDecoder(encoding).decode(start).replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const batches = csvRows(decoded(path, encoding), detectDelimiter(firstLine));
  const first = await batches.next();
  if (first.done) throw new UnreadableFileError('empty', 'The file has no rows.');
  const [header, ...rest] = first.value;
  return {
    headers: header!.cells.map((h) => h.trim()),
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

async function openXlsx(path: string): Promise<Source> {
  // Loaded only for workbooks: it takes longer to load than a CSV of 10,000 rows takes to import.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
  const rows = (async function* () {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        yield { line: row.number, cells: values.map(cellText) };
      }
      return;
    }
  })();
  const first = await rows.next();
  if (first.done) throw new UnreadableFileError('empty', 'The workbook has no rows.');
  return {
    headers: first.value.cells.map((h) => h.trim()),
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
      throw new UnreadableFileError('not_a_list', 'The file looks like a ZIP archive but is no readable XLSX workbook.');
    }
  }
  if (start.includes(0)) throw new UnreadableFileError('not_a_list', 'The file is neither CSV text nor an XLSX workbook.');
  return openCsv(path, start);
}
