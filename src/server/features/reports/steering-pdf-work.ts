/**
 * The steering group's PDF beyond the outcomes: outreach by channel, measures per offer with their
 * cost, and status with the caseloads on the period's last day. Each section draws figures as the
 * services give them for a file that leaves the municipality, so small cells and their complements are
 * already "<3" and figures that would give them back already null ("—").
 */
import type { ChannelFigures } from '../../../core/channel-figures.js';
import type { MeasureFigures } from '../../../core/measure-figures.js';
import type { StatusFigures } from '../../../core/status-figures.js';
import { field, heading, type Pdf } from '../../pdf/pdf.js';

type Lang = 'sv' | 'en';
type Cell = number | string | null;

/** The figures of the work beside the outcomes, as the services show them. */
export type SteeringWork = {
  channels: ChannelFigures;
  measures: MeasureFigures;
  status: StatusFigures & { defaultCapacity: number };
};

const TEXT = {
  sv: {
    channels: 'Uppsökande per kanal',
    channel: 'Kanal',
    attempts: 'Försök',
    reached: 'Nådda',
    share: 'Andel',
    allChannels: 'Alla kanaler',
    measures: 'Insatser per erbjudande',
    offer: 'Erbjudande',
    participants: 'Deltagare',
    completed: 'Slutförda',
    interrupted: 'Avbrutna',
    cost: 'Kostnad (kr)',
    perParticipant: 'Per deltagare',
    allOffers: 'Alla erbjudanden (deltagare räknas en gång)',
    lostCost: 'Kostnaden för en ung person som hamnar utanför (kr)',
    inLost: 'Periodens insatser motsvarar så många unga personer',
    status: (on: string) => `Status ${on}`,
    statusCol: 'Status',
    total: 'Totalt',
    female: 'Kvinnor',
    male: 'Män',
    participantsNow: 'Deltagare med öppet ärende',
    statuses: { new: 'Ny', contacting: 'Kontaktas', active: 'Pågående' } as Record<string, string>,
    targetGroups: { kaa: 'KAA', young_adult: 'Unga vuxna', other: 'Övriga' } as Record<string, string>,
    caseload: 'Ärenden per kontaktperson',
    contactPerson: 'Kontaktperson',
    open: 'Öppna',
    capacity: 'Kapacitet',
    load: 'Belastning',
    nobody: 'Utan kontaktperson',
    channelNames: {
      phone: 'Telefon till den unga',
      phone_guardian: 'Telefon till vårdnadshavare',
      sms: 'Sms',
      email: 'E-post',
      letter: 'Brev',
      second_letter: 'Andra brevet',
      social_media: 'Sociala medier',
      field_meeting: 'Möte ute i fält',
      announced_home_visit: 'Aviserat hembesök',
      home_visit: 'Hembesök',
    } as Record<string, string>,
  },
  en: {
    channels: 'Outreach by channel',
    channel: 'Channel',
    attempts: 'Attempts',
    reached: 'Reached',
    share: 'Share',
    allChannels: 'All channels',
    measures: 'Measures per offer',
    offer: 'Offer',
    participants: 'Participants',
    completed: 'Completed',
    interrupted: 'Interrupted',
    cost: 'Cost (SEK)',
    perParticipant: 'Per participant',
    allOffers: 'All offers (participants counted once)',
    lostCost: 'The cost of one young person lost to society (SEK)',
    inLost: "The period's measures equal this many young persons",
    status: (on: string) => `Status on ${on}`,
    statusCol: 'Status',
    total: 'Total',
    female: 'Women',
    male: 'Men',
    participantsNow: 'Participants with an open case',
    statuses: { new: 'New', contacting: 'Contacting', active: 'Active' } as Record<string, string>,
    targetGroups: { kaa: 'Activity responsibility', young_adult: 'Young adults', other: 'Other' } as Record<
      string,
      string
    >,
    caseload: 'Cases per contact person',
    contactPerson: 'Contact person',
    open: 'Open',
    capacity: 'Capacity',
    load: 'Load',
    nobody: 'No contact person',
    channelNames: {
      phone: 'Phone the young person',
      phone_guardian: 'Phone the guardian',
      sms: 'Text message',
      email: 'E-mail',
      letter: 'Letter',
      second_letter: 'Second letter',
      social_media: 'Social media',
      field_meeting: 'Meeting in the field',
      announced_home_visit: 'Announced home visit',
      home_visit: 'Home visit',
    } as Record<string, string>,
  },
};

const show = (v: Cell | undefined) => (v === null || v === undefined ? '—' : String(v));
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);

/** A row of cells at the x positions `xs`; the first cell is as wide as the gap to the second. */
function row(doc: Pdf, xs: number[], cells: string[], bold = false) {
  if (doc.y > doc.page.height - 72) doc.addPage();
  const y = doc.y;
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
  cells.forEach((c, i) => doc.text(c, xs[i]!, y, { width: (xs[i + 1] ?? 548) - xs[i]! - 6, lineBreak: false }));
  doc.x = 48;
  doc.y = y + 14;
}

/** Outreach by channel: attempts, reached and the share per rung, and all channels. */
function channelsSection(doc: Pdf, c: ChannelFigures, t: (typeof TEXT)[Lang]) {
  heading(doc, t.channels);
  const xs = [48, 300, 370, 440];
  row(doc, xs, [t.channel, t.attempts, t.reached, t.share], true);
  for (const ch of c.channels)
    row(doc, xs, [t.channelNames[ch.channel] ?? ch.channel, show(ch.attempts), show(ch.reached), pct(ch.reachedShare)]);
  row(doc, xs, [t.allChannels, show(c.attempts), show(c.reached), ''], true);
}

/** Measures per offer with their cost, and the cost of a young person lost to society beside them. */
function measuresSection(doc: Pdf, m: MeasureFigures, t: (typeof TEXT)[Lang]) {
  heading(doc, t.measures);
  const xs = [48, 210, 275, 335, 395, 470];
  row(doc, xs, [t.offer, t.participants, t.completed, t.interrupted, t.cost, t.perParticipant], true);
  for (const o of m.offers)
    row(doc, xs, [
      o.name,
      show(o.participants),
      show(o.completed),
      show(o.interrupted),
      show(o.cost),
      show(o.costPerParticipant),
    ]);
  const total = m.total as Record<string, Cell>;
  row(
    doc,
    xs,
    [t.allOffers, show(total.participants), show(total.completed), show(total.interrupted), show(total.cost), ''],
    true,
  );
  doc.moveDown(0.5);
  field(doc, t.lostCost, show(m.lostYoungPersonCost));
  field(doc, t.inLost, show(m.costInLostYoungPersons));
}

/** Participants on the day by status and gender, by target group, and the caseload per contact person. */
function statusSection(doc: Pdf, s: SteeringWork['status'], t: (typeof TEXT)[Lang]) {
  heading(doc, t.status(s.on));
  field(doc, t.participantsNow, show(s.participants));
  const xs = [48, 290, 370, 450];
  row(doc, xs, [t.statusCol, t.total, t.female, t.male], true);
  for (const [code, v] of Object.entries(s.byStatus))
    row(doc, xs, [t.statuses[code] ?? code, show(v.total), show(v.female), show(v.male)]);
  doc.moveDown(0.5);
  for (const [code, n] of Object.entries(s.byTargetGroup)) field(doc, t.targetGroups[code] ?? code, show(n));
  heading(doc, t.caseload);
  const cx = [48, 290, 370, 450];
  row(doc, cx, [t.contactPerson, t.open, t.capacity, t.load], true);
  for (const c of s.caseload)
    row(doc, cx, [
      c.contactPerson?.name ?? t.nobody,
      show(c.open),
      show(c.capacity ?? s.defaultCapacity),
      c.load === null ? '—' : `${Math.round(c.load * 100)} %`,
    ]);
}

/** Draws the work's sections of the steering group's PDF in `lang`. */
export function steeringWorkSections(doc: Pdf, w: SteeringWork, lang: Lang): void {
  const t = TEXT[lang];
  channelsSection(doc, w.channels, t);
  measuresSection(doc, w.measures, t);
  statusSection(doc, w.status, t);
}
