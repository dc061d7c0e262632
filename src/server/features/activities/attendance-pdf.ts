/**
 * A person's attendance over a period as a PDF, in Swedish or English, for its recipient (e.g. social services by
 * consent): the figures, the enrolments (activity, from, to) and each session's status.
 */
import type { AttendanceStatus } from '../../../core/activities.js';
import type { PersonAttendance } from '../../../core/activity-schemas.js';
import { field, heading, paragraph, pdfBuffer } from '../../pdf/pdf.js';

const TEXT = {
  sv: {
    title: 'Närvarorapport',
    period: 'Period',
    person: 'Ungdom',
    rate: 'Närvaro',
    none: 'Ingen närvaro är registrerad under perioden.',
    sessions: 'Tillfällen',
    enrolments: 'Anmälningar',
    noEnrolments: 'Inga anmälningar under perioden.',
    onwards: 'tills vidare',
    counts: (f: PersonAttendance['figures']) =>
      `närvarande ${f.present}, sen ${f.late}, frånvarande ${f.absent}, giltig frånvaro ${f.excused}`,
    status: { present: 'Närvarande', late: 'Sen', absent: 'Frånvarande', excused: 'Giltig frånvaro' } satisfies Record<
      AttendanceStatus,
      string
    >,
    note:
      'Närvaro räknas som närvarande och sen delat med närvarande, sen och frånvarande; ' +
      'giltig frånvaro räknas inte.',
    footer: (today: string) => `Utskriven ${today} · Aktivitetsansvaret för unga 16–19 år · Lotsa`,
  },
  en: {
    title: 'Attendance report',
    period: 'Period',
    person: 'Young person',
    rate: 'Attendance',
    none: 'No attendance is recorded in the period.',
    sessions: 'Sessions',
    enrolments: 'Enrolments',
    noEnrolments: 'No enrolments in the period.',
    onwards: 'onwards',
    counts: (f: PersonAttendance['figures']) =>
      `present ${f.present}, late ${f.late}, absent ${f.absent}, excused ${f.excused}`,
    status: { present: 'Present', late: 'Late', absent: 'Absent', excused: 'Excused' } satisfies Record<
      AttendanceStatus,
      string
    >,
    note: 'Attendance is present and late divided by present, late and absent; excused absence is not counted.',
    footer: (today: string) => `Printed ${today} · Activity responsibility for young people 16–19 · Lotsa`,
  },
};

/** The report of `data` for the person named `name`, printed on `today`. */
export function attendancePdf(
  data: PersonAttendance & { name: string },
  language: 'sv' | 'en',
  today: string,
): Promise<Buffer> {
  const t = TEXT[language];
  return pdfBuffer({ title: `${t.title}: ${data.name}`, language: language === 'sv' ? 'sv-SE' : 'en-GB' }, (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text(t.title);
    doc.font('Helvetica').fontSize(10.5).moveDown(0.5);
    field(doc, t.person, data.name);
    field(doc, t.period, `${data.from} – ${data.to}`);
    const rate = data.figures.rate === null ? '–' : `${Math.round(data.figures.rate * 100)} %`;
    field(doc, t.rate, `${rate} (${t.counts(data.figures)})`);
    // The enrolments beside the sessions: what the person was expected at, from and to.
    heading(doc, t.enrolments);
    if (data.enrolments.length === 0) paragraph(doc, t.noEnrolments);
    for (const e of data.enrolments) doc.text(`${e.activityTitle}: ${e.from} – ${e.to ?? t.onwards}`);
    doc.moveDown(0.6);
    heading(doc, t.sessions);
    if (data.entries.length === 0) paragraph(doc, t.none);
    for (const e of data.entries) doc.text(`${e.date}  ${e.activityTitle}: ${t.status[e.status]}`);
    doc.moveDown(0.6);
    paragraph(doc, t.note);
    doc.moveDown(0.6).fontSize(8).fillColor('#444444').text(t.footer(today)).fillColor('black');
  });
}
