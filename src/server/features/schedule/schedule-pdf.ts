/**
 * The young person's week on one A4 page, in plain Swedish or English: each day with what happens
 * when and where, cancelled and moved items said so, and who to ask. A very full week is cut short
 * with a line saying how much more there is, so the page stays one page.
 */
import { isoWeekday, parseIsoWeek } from '../../../core/iso-week.js';
import type { ScheduleItem } from '../../../core/schedule-schemas.js';
import { heading, paragraph, pdfBuffer, type Pdf } from '../../pdf/pdf.js';
import type { PersonWeek } from './person-week.js';
import { dayMonth, itemTitle, TEXT, type Lang } from './schedule-texts.js';

const timeOf = (item: ScheduleItem, lang: Lang) =>
  item.start ? (item.end ? `${item.start}–${item.end}` : item.start) : TEXT[lang].allDay;

/** One line of the page: the time, what, where, and its state. */
function line(item: ScheduleItem, lang: Lang): string {
  const t = TEXT[lang];
  const parts = [itemTitle(item, lang, { withStaff: true, cancelledPrefix: item.status === 'cancelled' })];
  if (item.place) parts.push(item.place);
  if (item.status === 'moved' && item.movedFrom) {
    const from = item.movedFrom;
    parts.push(t.moved(`${t.weekdays[isoWeekday(from.day) - 1]!.toLowerCase()} ${dayMonth(from.day, lang)}`, from.start ?? ''));
  }
  return `${timeOf(item, lang)}   ${parts.join(' · ')}`;
}

/** The PDF of the week for the young person. */
export function schedulePdf(input: { givenName: string; week: PersonWeek; printedOn: string }, lang: Lang): Promise<Buffer> {
  const t = TEXT[lang];
  const { week, days, items } = input.week;
  const number = parseIsoWeek(week)?.week ?? 0;
  return pdfBuffer({ title: t.title(number), language: lang === 'sv' ? 'sv-SE' : 'en-GB' }, (doc: Pdf) => {
    const size = items.length > 28 ? 9 : 10.5;
    // Room kept at the foot of the page for the closing lines.
    const limit = doc.page.height - doc.page.margins.bottom - 60;
    doc.font('Helvetica-Bold').fontSize(18).text(t.title(number));
    doc.font('Helvetica').fontSize(11).text(t.period(dayMonth(days[0]!, lang), dayMonth(days[6]!, lang))).moveDown(0.4);
    paragraph(doc, t.hello(input.givenName));
    let shown = 0;
    for (const [i, day] of days.entries()) {
      if (doc.y > limit) break;
      heading(doc, `${t.weekdays[i]} ${dayMonth(day, lang)}`, 12);
      const today = items.filter((item) => item.day === day);
      if (today.length === 0) doc.font('Helvetica').fontSize(size).fillColor('#444444').text(t.nothing).fillColor('black');
      for (const item of today) {
        if (doc.y > limit) break;
        doc.font(item.status === 'planned' ? 'Helvetica' : 'Helvetica-Oblique').fontSize(size).text(line(item, lang), { lineGap: 1 });
        shown++;
      }
    }
    if (shown < items.length) paragraph(doc, t.more(items.length - shown));
    doc.moveDown(0.8);
    paragraph(doc, t.askContact);
    doc.fontSize(8.5).fillColor('#444444').text(t.printed(input.printedOn)).fillColor('black');
  });
}
