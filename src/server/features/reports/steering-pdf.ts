/**
 * The steering group's report as a PDF in Swedish or English: the period, the key figures, the outcome
 * table split by gender (the gender perspective), bars of outcomes by gender and the medians, then
 * outreach by channel, measures per offer with their cost, and status and caseloads
 * (`steering-pdf-work.ts`). It leaves the municipality, so every figure in it is made with small cells
 * and their complements suppressed unless the reader is the coordinator.
 */
import type { ShownOutcomeReport } from './outcomes.service.js';
import { steeringWorkSections, type SteeringWork } from './steering-pdf-work.js';
import { field, heading, paragraph, pdfBuffer, type Pdf } from '../../pdf/pdf.js';

type Lang = 'sv' | 'en';
const TEXT = {
  sv: {
    title: 'Rapport till styrgruppen: utfall',
    period: 'Period',
    key: 'Nyckeltal',
    closed: 'Avslutade deltagare',
    withoutDiploma: 'Utan gymnasieexamen',
    diplomaUnknown: 'Okänt om gymnasieexamen finns',
    problems: 'Med dokumenterad problematik',
    studiesOrWork: (m: number, t: number) =>
      `Till studier eller arbete inom ${m} månader (mål ${Math.round(t * 100)} %)`,
    table: 'Utfall per kön',
    outcome: 'Utfall',
    total: 'Totalt',
    female: 'Kvinnor',
    male: 'Män',
    gender: 'Könsperspektiv',
    medians: 'Mediantid i dagar från inskrivning eller ärendets start',
    toFirstContact: 'till första kontakt',
    toAssessment: 'till avslutad kartläggning',
    toFirstMeasure: 'till första insats',
    toOutcome: 'till avslut',
    suppressed: 'Celler med färre än 3 personer visas som "<3".',
    outcomes: {
      work: 'Arbete',
      studies: 'Studier',
      employment_service: 'Arbetsförmedlingen',
      other_authority: 'Annan myndighet',
      care: 'Vård',
      moved: 'Flyttat',
      turned_20: 'Fyllt 20',
      declined: 'Avböjt fortsatt kontakt',
      never_reached: 'Aldrig nådd',
      other: 'Annat',
    } as Record<string, string>,
  },
  en: {
    title: 'Report to the steering group: outcomes',
    period: 'Period',
    key: 'Key figures',
    closed: 'Participants closed',
    withoutDiploma: 'Without an upper-secondary diploma',
    diplomaUnknown: 'Diploma not known',
    problems: 'With documented problems',
    studiesOrWork: (m: number, t: number) =>
      `On to studies or work within ${m} months (target ${Math.round(t * 100)} %)`,
    table: 'Outcomes by gender',
    outcome: 'Outcome',
    total: 'Total',
    female: 'Women',
    male: 'Men',
    gender: 'Gender perspective',
    medians: 'Median days from register entry or the case opening',
    toFirstContact: 'to first contact',
    toAssessment: 'to a completed assessment',
    toFirstMeasure: 'to the first measure',
    toOutcome: 'to the outcome',
    suppressed: 'Cells of fewer than 3 persons are shown as "<3".',
    outcomes: {
      work: 'Work',
      studies: 'Studies',
      employment_service: 'Employment service',
      other_authority: 'Another authority',
      care: 'Care',
      moved: 'Moved away',
      turned_20: 'Turned 20',
      declined: 'Declined further contact',
      never_reached: 'Never reached',
      other: 'Other',
    } as Record<string, string>,
  },
};

const show = (v: number | string | null) => (v === null ? '—' : String(v));
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);

/** One row of a simple table: cells at fixed x positions. */
function row(doc: Pdf, cells: string[], bold = false) {
  const y = doc.y;
  const xs = [48, 290, 370, 450];
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
  cells.forEach((c, i) => doc.text(c, xs[i]!, y, { width: i === 0 ? 236 : 70, lineBreak: false }));
  doc.x = 48;
  doc.y = y + 15;
}

/** Horizontal bars of women and men per outcome, drawn to scale, with the numbers beside them. */
function bars(doc: Pdf, r: ShownOutcomeReport, t: (typeof TEXT)[Lang]) {
  const values = Object.values(r.byOutcome)
    .flatMap((v) => [v.female, v.male])
    .filter((v): v is number => typeof v === 'number');
  const max = Math.max(1, ...values);
  for (const [code, v] of Object.entries(r.byOutcome)) {
    const y = doc.y;
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(t.outcomes[code] ?? code, 48, y, { width: 140, lineBreak: false });
    (
      [
        ['female', '#7b3294'],
        ['male', '#008837'],
      ] as const
    ).forEach(([g, colour], i) => {
      const n = v[g];
      const w = typeof n === 'number' ? (n / max) * 260 : 4;
      doc
        .rect(195, y + i * 7, Math.max(w, 0.5), 6)
        .fill(colour)
        .fillColor('black');
      doc.fontSize(7).text(show(n), 200 + w, y + i * 7 - 1, { lineBreak: false });
    });
    doc.x = 48;
    doc.y = y + 17;
  }
  doc
    .fontSize(8)
    .fillColor('#7b3294')
    .text(`■ ${t.female}`, 195, doc.y, { continued: true })
    .fillColor('#008837')
    .text(`   ■ ${t.male}`)
    .fillColor('black');
  doc.x = 48;
}

/** The steering group's PDF of `r` in `lang`, with the work's figures `work` after the outcomes. */
export function steeringPdf(r: ShownOutcomeReport, lang: Lang, work?: SteeringWork): Promise<Buffer> {
  const t = TEXT[lang];
  return pdfBuffer({ title: t.title, language: lang }, (doc) => {
    heading(doc, t.title, 16);
    field(doc, t.period, `${r.from} – ${r.to}`);
    heading(doc, t.key);
    field(doc, t.closed, show(r.closed));
    field(doc, t.withoutDiploma, `${show(r.withoutDiploma)} (${pct(r.withoutDiplomaShare)})`);
    field(doc, t.diplomaUnknown, show(r.diplomaUnknown));
    field(doc, t.problems, `${show(r.documentedProblems)} (${pct(r.documentedProblemsShare)})`);
    field(
      doc,
      t.studiesOrWork(r.studiesOrWork.months, r.studiesOrWork.target),
      `${show(r.studiesOrWork.count)} (${pct(r.studiesOrWork.share)})`,
    );
    heading(doc, t.table);
    row(doc, [t.outcome, t.total, t.female, t.male], true);
    for (const [code, v] of Object.entries(r.byOutcome))
      row(doc, [t.outcomes[code] ?? code, show(v.total), show(v.female), show(v.male)]);
    row(doc, [t.closed, show(r.closed), show(r.byGender.female), show(r.byGender.male)], true);
    heading(doc, t.gender);
    bars(doc, r, t);
    heading(doc, t.medians);
    for (const k of ['toFirstContact', 'toAssessment', 'toFirstMeasure', 'toOutcome'] as const)
      field(doc, t[k], show(r.medianDays[k]));
    if (work) steeringWorkSections(doc, work, lang);
    if (r.smallCellsSuppressed) paragraph(doc, t.suppressed);
  });
}
