/**
 * The text encoding of a CSV list, decided row by row. Nearly every list is UTF-8 throughout and is
 * decoded as one stream. In any other file each line is decoded on its own: a line that is valid
 * UTF-8 as UTF-8, so a row saved as UTF-8 never turns into mojibake ("Åsa" into "Ã…sa"); a line that
 * is not, as Windows-1252 when the file is a Windows-1252 file, or as an error naming the line when
 * the file is UTF-8 with damaged rows. A file is UTF-8 with damaged rows when it starts with a UTF-8
 * byte-order mark or has at least as many non-ASCII lines in valid UTF-8 as lines that are not.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';

/** How a file's rows are to be decoded. */
export type FileEncoding = 'utf-8' | 'utf-8-damaged' | 'windows-1252';

/** A line longer than this many bytes is passed on in pieces (the CSV reader reports it as too long). */
const MAX_LINE_BYTES = 1 << 20;

/** One line's bytes, its line break included, and whether they are all ASCII. */
type ByteLine = { bytes: Buffer; ascii: boolean };

/** Cuts bytes into lines at LF or CR, across chunks; a line's bytes are joined once, when it ends. */
class LineSplitter {
  private parts: Buffer[] = [];
  private partsLength = 0;
  private ascii = true;

  push(chunk: Buffer): ByteLine[] {
    const lines: ByteLine[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b >= 0x80) this.ascii = false;
      else if (b === 0x0a || b === 0x0d) {
        lines.push(this.take(chunk.subarray(start, i + 1)));
        start = i + 1;
      }
    }
    if (start < chunk.length) {
      this.parts.push(chunk.subarray(start));
      this.partsLength += chunk.length - start;
      if (this.partsLength > MAX_LINE_BYTES) lines.push(this.take(Buffer.alloc(0)));
    }
    return lines;
  }

  end(): ByteLine[] {
    return this.partsLength ? [this.take(Buffer.alloc(0))] : [];
  }

  private take(tail: Buffer): ByteLine {
    const bytes = this.parts.length ? Buffer.concat([...this.parts, tail]) : tail;
    const line = { bytes, ascii: this.ascii };
    this.parts = [];
    this.partsLength = 0;
    this.ascii = true;
    return line;
  }
}

async function* byteLines(path: string): AsyncGenerator<ByteLine[]> {
  const splitter = new LineSplitter();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) yield splitter.push(chunk as Buffer);
  yield splitter.end();
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

/** True when the whole file is valid UTF-8 (checked natively, a mebibyte at a time). */
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

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Decides how the file at `path` is decoded (see the module comment). */
export async function fileEncoding(path: string): Promise<FileEncoding> {
  if (await isUtf8File(path)) return 'utf-8';
  let utf8 = 0;
  let other = 0;
  let first = true;
  for await (const lines of byteLines(path)) {
    for (const { bytes, ascii } of lines) {
      if (first && bytes.subarray(0, 3).equals(UTF8_BOM)) return 'utf-8-damaged';
      first = false;
      if (ascii) continue;
      if (isUtf8(bytes)) utf8++;
      else other++;
    }
  }
  return utf8 >= other ? 'utf-8-damaged' : 'windows-1252';
}

/**
 * The text of the file at `path`, decoded line by line: ASCII and valid UTF-8 as they are; any other
 * line as UTF-8 with U+FFFD for the bytes that are not (when `damagedUtf8`), or as Windows-1252.
 */
export async function* decodedByRow(path: string, damagedUtf8: boolean): AsyncGenerator<string> {
  const utf8 = new TextDecoder('utf-8');
  const other = new TextDecoder(damagedUtf8 ? 'utf-8' : 'windows-1252');
  for await (const lines of byteLines(path)) {
    let text = '';
    for (const { bytes, ascii } of lines)
      text += ascii ? bytes.toString('latin1') : isUtf8(bytes) ? utf8.decode(bytes) : other.decode(bytes);
    if (text) yield text;
  }
}
