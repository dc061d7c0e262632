/**
 * Worksheet XML may leave out the `r` attribute of rows and cells (ECMA-376 allows it: a row then
 * follows the row before it, a cell the cell before it). ExcelJS's reader needs it, so a sheet's
 * XML is streamed through here first, which writes in every missing reference.
 */

/** Column number (1 = A) as letters. */
function columnLetters(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** Column number of a reference such as "AB12". */
function columnNumber(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n;
}

const TAG = /<(row|c)(?=[\s/>])([^>]*)>/g;
const REF = /\sr="([^"]*)"/;

/** A transform of worksheet XML text that gives each row and cell its reference; keeps its place across chunks. */
function referencer(): (xml: string) => string {
  let row = 0;
  let column = 0;
  return (xml) =>
    xml.replace(TAG, (tag: string, name: string, attributes: string) => {
      const given = REF.exec(attributes)?.[1];
      if (name === 'row') {
        row = given ? Number(given) : row + 1;
        column = 0;
        return given ? tag : `<row r="${row}"${attributes}>`;
      }
      column = given ? columnNumber(given) : column + 1;
      return given ? tag : `<c r="${columnLetters(column)}${row}"${attributes}>`;
    });
}

/**
 * The worksheet XML of `chunks` (bytes of UTF-8, or text) as text with every row and cell
 * reference written in. Decodes as a stream, so a character split between chunks stays whole.
 */
export async function* withCellReferences(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  const fix = referencer();
  let carry = '';
  for await (const chunk of chunks) {
    const text = carry + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    // A tag cut by the chunk's end waits for the rest of it.
    const open = text.lastIndexOf('<');
    const cut = open > text.lastIndexOf('>') ? open : text.length;
    carry = text.slice(cut);
    if (cut > 0) yield fix(text.slice(0, cut));
  }
  const last = carry + decoder.decode();
  if (last) yield fix(last);
}
