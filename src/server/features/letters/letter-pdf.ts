/**
 * Renders letters as one A4 PDF with pdfkit, one letter a page, placed for a window envelope:
 * the recipient block sits where the right-hand window of a C5 (A4 folded once) or C4 (unfolded)
 * envelope shows it, with only a neutral return address above it: no logo, no authority's name
 * and nothing else that would show through the window. Protected identities get no address.
 */

const MM = 72 / 25.4;
/** The window area on the page, in millimetres from the top-left corner. */
export const WINDOW = { left: 110, top: 45, width: 85, height: 35 } as const;
const MARGIN = 22;

/** One letter to print. */
export type LetterPage = {
  /** The lines shown through the envelope window (recipient, or the forwarding marking). */
  windowLines: string[];
  /** A neutral return address above the recipient, or empty. */
  returnAddress: string;
  /** The date line, already formatted. */
  date: string;
  heading: string;
  body: string;
  /** Closing lines under the body (contact person, phone, sender), inside the envelope. */
  closing: string[];
};

/** Renders the letters, in order, into a single PDF. */
export async function renderLettersPdf(letters: LetterPage[], meta: { title: string }): Promise<Buffer> {
  // Loaded on the first letter rather than with the server: most processes never print one.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN * MM,
    autoFirstPage: false,
    info: { Title: meta.title, Creator: 'Lotsa' },
    pdfVersion: '1.7',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const letter of letters) page(doc, letter);
  doc.end();
  return done;
}

function page(doc: PDFKit.PDFDocument, letter: LetterPage) {
  doc.addPage();
  const x = WINDOW.left * MM;
  let y = WINDOW.top * MM;
  if (letter.returnAddress) {
    doc
      .font('Helvetica')
      .fontSize(7)
      .text(letter.returnAddress, x, y, { width: WINDOW.width * MM, lineBreak: false });
    y += 4 * MM;
  }
  doc.font('Helvetica').fontSize(11);
  for (const line of letter.windowLines) {
    doc.text(line, x, y, { width: WINDOW.width * MM, lineBreak: false, ellipsis: true });
    y += 5 * MM;
  }
  // Below the window and the fold zone of a C5 envelope: the letter itself.
  const left = MARGIN * MM;
  const width = doc.page.width - 2 * MARGIN * MM;
  doc.fontSize(10).text(letter.date, left, (WINDOW.top + WINDOW.height + 12) * MM, { width, align: 'right' });
  doc.moveDown(2);
  doc.font('Helvetica-Bold').fontSize(14).text(letter.heading, left, doc.y, { width });
  doc.moveDown(0.8);
  doc.font('Helvetica').fontSize(11);
  for (const paragraph of letter.body.split(/\n\s*\n/)) {
    doc.text(paragraph.trim(), left, doc.y, { width, lineGap: 2 });
    doc.moveDown(0.8);
  }
  doc.moveDown(0.5);
  for (const line of letter.closing) doc.text(line, left, doc.y, { width });
}
