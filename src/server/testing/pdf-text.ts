/**
 * The text of each page of a PDF made by pdfkit with its standard fonts, for tests: inflates the
 * content streams and decodes the hex strings of their text operators (WinAnsi, as latin1). Each
 * text operator becomes one line.
 */
import zlib from 'node:zlib';

/** One string per page, lines joined with "\n". */
export function pdfPageTexts(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const pages: string[] = [];
  for (const match of source.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = zlib.inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    if (!content.includes('BT')) continue;
    const lines = [...content.matchAll(/\[([^\]]*)\]\s*TJ/g)].map((op) =>
      [...op[1]!.matchAll(/<([0-9a-f]*)>/g)].map((hex) => Buffer.from(hex[1]!, 'hex').toString('latin1')).join(''),
    );
    pages.push(lines.join('\n'));
  }
  return pages;
}
