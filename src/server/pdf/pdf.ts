/**
 * PDF documents with pdfkit: A4, Helvetica (covers Swedish letters), headings, fields, tick boxes and signature lines.
 */

/** pdfkit, loaded on the first document rather than with the server: most processes never write a PDF. */
const loadPdfKit = async () => (await import('pdfkit')).default;

/** A PDF document being written. */
export type Pdf = PDFKit.PDFDocument;

/** Builds an A4 PDF with `build` and returns its bytes. */
export async function pdfBuffer(info: { title: string; language: string }, build: (doc: Pdf) => void): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 48,
      info: { Title: info.title, Producer: 'Lotsa' },
      lang: info.language,
      displayTitle: true,
      pdfVersion: '1.7',
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica');
    build(doc);
    doc.end();
  });
}

/** A heading, with space above it. */
export function heading(doc: Pdf, text: string, size = 13): void {
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).text(text).font('Helvetica').fontSize(10.5).moveDown(0.3);
}

/** A paragraph of body text. */
export function paragraph(doc: Pdf, text: string): void {
  doc.font('Helvetica').fontSize(10.5).text(text, { lineGap: 2 }).moveDown(0.4);
}

/** A label and its value on one line. */
export function field(doc: Pdf, label: string, value: string): void {
  doc
    .font('Helvetica-Bold')
    .fontSize(10.5)
    .text(`${label}: `, { continued: true })
    .font('Helvetica')
    .text(value || '—');
}

/** A tick box, ticked or not, with its label and an optional explanation below. */
export function tickBox(doc: Pdf, ticked: boolean, label: string, explanation?: string): void {
  const x = doc.page.margins.left;
  const y = doc.y + 1;
  doc.rect(x, y, 10, 10).stroke();
  if (ticked)
    doc
      .moveTo(x + 2, y + 5)
      .lineTo(x + 4.5, y + 8)
      .lineTo(x + 8.5, y + 2)
      .stroke();
  doc
    .font('Helvetica-Bold')
    .fontSize(10.5)
    .text(label, x + 18, y - 1);
  if (explanation)
    doc
      .font('Helvetica')
      .fontSize(9.5)
      .text(explanation, x + 18);
  doc.x = x;
  doc.moveDown(0.4);
}

/** A line to sign on, with what goes there written below it. */
export function signatureLine(doc: Pdf, caption: string): void {
  doc.moveDown(1.4);
  const x = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc
    .moveTo(x, doc.y)
    .lineTo(x + width, doc.y)
    .stroke();
  doc.moveDown(0.2).font('Helvetica').fontSize(9).text(caption, x).fontSize(10.5);
}
