/**
 * The consent form Lotsa prints, pre-filled from the case, in the plain language of Partille's
 * intake routine: staff from several agencies may share what the young person needs and how it
 * goes, to support them better, and only with their consent (OSL 12 kap. 2 §).
 */
import { CONSENT_CATEGORIES, type ConsentCategory } from '../../../core/consent.js';
import { field, heading, paragraph, pdfBuffer, signatureLine, tickBox } from '../../pdf/pdf.js';

/** What the form is pre-filled with. */
export type ConsentFormData = {
  name: string;
  personalIdentityNumber: string;
  under18: boolean;
  guardians: string[];
  team: string | null;
  contactPerson: string | null;
  municipality: string;
  /** Every unit of the municipality; those of the team's members are ticked. */
  units: { name: string; ticked: boolean }[];
};

const TEXT = {
  sv: {
    title: 'Samtycke till att dela information',
    intro:
      'Vi som arbetar med dig kommer från olika verksamheter, till exempel skolan, socialtjänsten, ' +
      'arbetsmarknadsenheten och Arbetsförmedlingen. Var och en har tystnadsplikt mot de andra. Om du samtycker får ' +
      'vi dela information om vad du behöver och hur det går för dig. Då kan vi stötta dig bättre, ' +
      'och du slipper berätta samma sak flera gånger.',
    you: 'Du',
    name: 'Namn',
    pnr: 'Personnummer',
    team: 'Team',
    contact: 'Din kontaktperson',
    who: 'Vilka får dela information med varandra?',
    whoHint: 'Kryssa för de verksamheter du säger ja till.',
    what: 'Vilken information får de dela?',
    categories: {
      contact_occupation: [
        'Kontaktuppgifter och sysselsättning',
        'Hur vi når dig och vad du gör nu: skola, arbete eller något annat.',
      ],
      assessment_plan: [
        'Kartläggning och handlingsplan',
        'Det vi har pratat om, dina mål och det vi planerar tillsammans.',
      ],
      health_social: [
        'Hälsa och social situation',
        'Det du har berättat om din hälsa eller din livssituation och som behövs för att stötta dig.',
      ],
    } satisfies Record<ConsentCategory, [string, string]>,
    why: 'Varför?',
    purpose: 'För att vi tillsammans ska kunna stötta dig till studier, arbete eller annan sysselsättning.',
    howLong: 'Hur länge?',
    until: 'Samtycket gäller till och med ______________ eller tills du tar tillbaka det.',
    rights: 'Du bestämmer',
    rightsText:
      'Det är frivilligt att samtycka, och du får stöd av oss även om du säger nej. Du kan ta tillbaka ditt samtycke ' +
      'när du vill, helt eller bara för någon verksamhet, ' +
      'genom att säga det till din kontaktperson. Då slutar vi dela från den stunden. Du har rätt att få veta vilka ' +
      'uppgifter vi har om dig och vem som har läst dem.',
    guardian: 'Du som är under 18 år: din vårdnadshavare skriver också under när det behövs.',
    sign: 'Underskrift',
    youngSign: 'Din underskrift, datum och namnförtydligande',
    guardianSign: (g: string) => `Vårdnadshavare${g ? ` (${g})` : ''}: underskrift, datum och namnförtydligande`,
    staffSign: 'Personal som tog emot samtycket: underskrift och datum',
    footer: (m: string) => `${m} · Aktivitetsansvaret för unga 16–19 år · Lotsa`,
  },
  en: {
    title: 'Consent to share information',
    intro:
      'We who work with you come from different services, for example school, social services, ' +
      'the labour-market unit and the Public Employment Service. Each of us has a duty of confidentiality towards ' +
      'the others. If you consent, we may share information about what you need and how things are going for you. ' +
      'Then we can support you better, and you do not have to tell the same thing several times.',
    you: 'You',
    name: 'Name',
    pnr: 'Personal identity number',
    team: 'Team',
    contact: 'Your contact person',
    who: 'Who may share information with each other?',
    whoHint: 'Tick the services you say yes to.',
    what: 'What information may they share?',
    categories: {
      contact_occupation: [
        'Contact details and occupation',
        'How we reach you and what you do now: school, work or something else.',
      ],
      assessment_plan: ['Assessment and plan', 'What we have talked about, your goals and what we plan together.'],
      health_social: [
        'Health and social situation',
        'What you have told us about your health or your life situation and that is needed to support you.',
      ],
    } satisfies Record<ConsentCategory, [string, string]>,
    why: 'Why?',
    purpose: 'So that together we can support you towards studies, work or another occupation.',
    howLong: 'For how long?',
    until: 'The consent is valid until ______________ or until you take it back.',
    rights: 'You decide',
    rightsText:
      'Consenting is voluntary, and you get our support even if you say no. You can take your consent back whenever ' +
      'you want, fully or for one service only, by telling your contact person. Then we stop sharing ' +
      'from that moment. You have the right to know what information we hold about you and who has read it.',
    guardian: 'If you are under 18: your guardian also signs when needed.',
    sign: 'Signature',
    youngSign: 'Your signature, date and name in capitals',
    guardianSign: (g: string) => `Guardian${g ? ` (${g})` : ''}: signature, date and name in capitals`,
    staffSign: 'Staff member who received the consent: signature and date',
    footer: (m: string) => `${m} · Activity responsibility for young people 16–19 · Lotsa`,
  },
};

/** The name of a category as the consent form gives it, in `language`. */
export function categoryName(category: ConsentCategory, language: 'sv' | 'en'): string {
  return TEXT[language].categories[category][0];
}

/** The consent form as a PDF in `language`. */
export function consentFormPdf(data: ConsentFormData, language: 'sv' | 'en'): Promise<Buffer> {
  const t = TEXT[language];
  return pdfBuffer({ title: t.title, language: language === 'sv' ? 'sv-SE' : 'en-GB' }, (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text(t.title).font('Helvetica').fontSize(10.5).moveDown(0.5);
    paragraph(doc, t.intro);
    heading(doc, t.you);
    field(doc, t.name, data.name);
    field(doc, t.pnr, data.personalIdentityNumber);
    if (data.team) field(doc, t.team, data.team);
    if (data.contactPerson) field(doc, t.contact, data.contactPerson);
    heading(doc, t.who);
    paragraph(doc, t.whoHint);
    for (const unit of data.units) tickBox(doc, unit.ticked, unit.name);
    heading(doc, t.what);
    for (const category of CONSENT_CATEGORIES)
      tickBox(doc, false, t.categories[category][0], t.categories[category][1]);
    heading(doc, t.why);
    paragraph(doc, t.purpose);
    heading(doc, t.howLong);
    paragraph(doc, t.until);
    heading(doc, t.rights);
    paragraph(doc, t.rightsText);
    heading(doc, t.sign);
    signatureLine(doc, t.youngSign);
    if (data.under18) {
      doc.moveDown(0.6);
      paragraph(doc, t.guardian);
      const guardians = data.guardians.length ? data.guardians : [''];
      for (const g of guardians.slice(0, 2)) signatureLine(doc, t.guardianSign(g));
    }
    signatureLine(doc, t.staffSign);
    doc.moveDown(0.6).fontSize(8).fillColor('#444444').text(t.footer(data.municipality)).fillColor('black');
  });
}
