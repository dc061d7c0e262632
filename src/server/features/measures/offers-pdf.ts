/**
 * The catalogue of offers as a PDF in plain Swedish or English, for young people, guardians and
 * colleagues: the municipality's active offers grouped by what they are (core's OFFER_KIND_LIST, in
 * its order), each with who provides it, where, how many places and what it costs.
 */
import { OFFER_KINDS, type CostUnit, type OfferKind, type StudyForm } from '../../../core/measures.js';
import type { Offer } from '../../../core/measure-schemas.js';
import { field, heading, paragraph, pdfBuffer } from '../../pdf/pdf.js';

/** The code lists every language must name in full. */
type Labels = { kinds: Record<OfferKind, string>; studyForms: Record<StudyForm, string>; [text: string]: unknown };

const TEXT = {
  sv: {
    title: 'Insatskatalog',
    intro: (m: string) =>
      `Det här kan ${m} erbjuda dig som är 16–19 år och inte går i gymnasiet: stöd att hitta studier ` +
      'eller arbete, och att må bra på vägen. Fråga din kontaktperson om det du vill veta mer om.',
    none: 'Katalogen har inga erbjudanden än.',
    provider: 'Vem',
    where: 'Var',
    studyForm: 'Studieform',
    places: 'Platser',
    cost: 'Kostnad',
    costPer: (amount: string, unit: CostUnit) => `${amount} kr per ${unit === 'week' ? 'vecka' : 'deltagare'}`,
    printed: (on: string) => `Utskriven ${on}`,
    footer: (m: string) => `${m} · Aktivitetsansvaret för unga 16–19 år · Lotsa`,
    kinds: {
      guidance: 'Studie- och yrkesvägledning',
      study_visit: 'Studiebesök',
      cv_job_coaching: 'CV- och jobbsökarstöd',
      work_placement: 'Praktik',
      work_training: 'Arbetsträning',
      studies: 'Studier',
      counselling: 'Samtalsstöd',
      health_track: 'Hälsospår',
      group_activity: 'Gruppaktivitet',
      social_training: 'Social träning',
      employment_service_registration: 'Stöd att skriva in sig på Arbetsförmedlingen',
      other: 'Annat',
    },
    studyForms: {
      komvux: 'Komvux',
      folkhogskola: 'Folkhögskola',
      introduction_programme: 'Introduktionsprogram',
      single_course: 'Enstaka kurs',
    },
  },
  en: {
    title: 'Offer catalogue',
    intro: (m: string) =>
      `This is what ${m} can offer you if you are 16 to 19 and not in upper secondary school: support ` +
      'to find studies or work, and to feel well on the way. ' +
      'Ask your contact person about anything you want to know more about.',
    none: 'The catalogue has no offers yet.',
    provider: 'Who',
    where: 'Where',
    studyForm: 'Form of study',
    places: 'Places',
    cost: 'Cost',
    costPer: (amount: string, unit: CostUnit) => `SEK ${amount} per ${unit === 'week' ? 'week' : 'participant'}`,
    printed: (on: string) => `Printed ${on}`,
    footer: (m: string) => `${m} · Activity responsibility for young people 16–19 · Lotsa`,
    kinds: {
      guidance: 'Study and career guidance',
      study_visit: 'Study visit',
      cv_job_coaching: 'CV and job-search coaching',
      work_placement: 'Work placement',
      work_training: 'Work training',
      studies: 'Studies',
      counselling: 'Counselling',
      health_track: 'Health track',
      group_activity: 'Group activity',
      social_training: 'Social training',
      employment_service_registration: 'Support to register with Arbetsförmedlingen',
      other: 'Other',
    },
    studyForms: {
      komvux: 'Municipal adult education (komvux)',
      folkhogskola: 'Folk high school',
      introduction_programme: 'Introduction programme',
      single_course: 'A single course',
    },
  },
} satisfies Record<'sv' | 'en', Labels>;

/** What the printed catalogue is made from. */
export type OffersPrint = { municipality: string; offers: Offer[]; today: string };

/** The active offers of `municipality` as a PDF in `language`, printed on `today` (YYYY-MM-DD). */
export function offersPdf(data: OffersPrint, language: 'sv' | 'en'): Promise<Buffer> {
  const t = TEXT[language];
  const amount = (n: number) => n.toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB');
  const info = { title: `${t.title}: ${data.municipality}`, language: language === 'sv' ? 'sv-SE' : 'en-GB' };
  return pdfBuffer(info, (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text(`${t.title} – ${data.municipality}`);
    doc.font('Helvetica').fontSize(10.5).moveDown(0.5);
    paragraph(doc, t.intro(data.municipality));
    const active = data.offers.filter((o) => o.active);
    if (active.length === 0) paragraph(doc, t.none);
    for (const kind of OFFER_KINDS) {
      const offers = active.filter((o) => o.kind === kind);
      if (offers.length === 0) continue;
      heading(doc, t.kinds[kind]);
      for (const o of offers) {
        doc.moveDown(0.3).font('Helvetica-Bold').text(o.name).font('Helvetica');
        if (o.description) paragraph(doc, o.description);
        if (o.studyForm) field(doc, t.studyForm, t.studyForms[o.studyForm]);
        field(doc, t.provider, o.provider.name);
        if (o.location) field(doc, t.where, o.location);
        if (o.capacity !== null) field(doc, t.places, String(o.capacity));
        if (o.costAmount !== null && o.costUnit) {
          field(doc, t.cost, t.costPer(amount(o.costAmount), o.costUnit));
        }
      }
    }
    const footer = `${t.printed(data.today)} · ${t.footer(data.municipality)}`;
    doc.moveDown(0.6).fontSize(8).fillColor('#444444').text(footer).fillColor('black');
  });
}
