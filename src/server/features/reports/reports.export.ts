/** Files of the reports: XLSX workbooks a coordinator can read (exceljs, loaded on first use). */
import { SCB_BLOCK_NUMBER, SCB_CSV_COLUMNS, scbCode, type ScbCodeLists, type ScbRow } from '../../../core/scb.js';

const loadExcel = async () => (await import('exceljs')).default;

/** A workbook of one sheet per table: a header row and the rows, as bytes. */
export async function xlsxOf(
  sheets: { name: string; header: readonly string[]; rows: readonly (readonly (string | number | null)[])[] }[],
): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  book.creator = 'Lotsa';
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name.slice(0, 31));
    sheet.addRow([...s.header]).font = { bold: true };
    for (const r of s.rows) sheet.addRow([...r]);
    sheet.columns.forEach((c) => (c.width = 18));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The SCB return as a workbook: the same columns as the CSV file. */
export function scbXlsx(rows: readonly ScbRow[], municipalityCode: string, lists: ScbCodeLists): Promise<Buffer> {
  const sorted = [...rows].sort(
    (a, b) => SCB_BLOCK_NUMBER[a.block] - SCB_BLOCK_NUMBER[b.block] || a.on.localeCompare(b.on),
  );
  return xlsxOf([
    {
      name: 'SCB',
      header: SCB_CSV_COLUMNS,
      rows: sorted.map((r) => [
        SCB_BLOCK_NUMBER[r.block],
        municipalityCode,
        r.identityNumber,
        r.on,
        scbCode(r, lists) ?? '',
        lists.version,
      ]),
    },
  ]);
}

/** A table as CSV (semicolon-separated, as Swedish spreadsheets read it), with CRLF line ends. */
export function csvOf(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}

type Cell = string | number | null;
type Report = {
  byOutcome: Record<string, { total: Cell; female: Cell; male: Cell }>;
  byGender: { female: Cell; male: Cell };
  byTargetGroup: Record<string, Cell>;
  byAgeBand: Record<string, Cell>;
  closed: Cell;
  withoutDiploma: Cell;
  diplomaUnknown: Cell;
  documentedProblems: Cell;
  studiesOrWork: { count: Cell };
};

/** The outcome report as one table: a group, a code, the total and its split by gender where there is one. */
export function outcomeTable(r: Report): { header: string[]; rows: Cell[][] } {
  const rows: Cell[][] = [['closed', 'all', r.closed, r.byGender.female, r.byGender.male]];
  for (const [code, v] of Object.entries(r.byOutcome)) rows.push(['outcome', code, v.total, v.female, v.male]);
  for (const [code, v] of Object.entries(r.byTargetGroup)) rows.push(['target_group', code, v, null, null]);
  for (const [code, v] of Object.entries(r.byAgeBand)) rows.push(['age_band', code, v, null, null]);
  rows.push(
    ['without_diploma', 'no', r.withoutDiploma, null, null],
    ['diploma', 'unknown', r.diplomaUnknown, null, null],
    ['documented_problems', 'any', r.documentedProblems, null, null],
    ['studies_or_work_in_time', 'work_studies', r.studiesOrWork.count, null, null],
  );
  return { header: ['group', 'code', 'total', 'female', 'male'], rows };
}
