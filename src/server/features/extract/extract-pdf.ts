/** The register extract as a PDF, in Swedish or English: one section per kind of information, then the access log. */
import { field, heading, paragraph, pdfBuffer, type Pdf } from '../../pdf/pdf.js';
import type { Extract } from './extract.service.js';
import { readEvent } from '../../../core/events/index.js';
import { categoryName } from '../consents/consent-form.js';

const TEXT = {
  sv: {
    title: 'Registerutdrag',
    intro: (m: string, at: string) =>
      `Det här är det ${m} har om dig i Lotsa, systemet för kommunernas aktivitetsansvar för unga, ` +
      `och vem som har tagit del av det (dataskyddsförordningen artikel 15). Utdraget togs fram ${at}.`,
    person: 'Personuppgifter',
    name: 'Namn',
    pnr: 'Personnummer',
    address: 'Adress',
    phone: 'Telefon',
    email: 'E-post',
    guardians: 'Vårdnadshavare',
    withheld:
      'Skyddade personuppgifter: adress och kontaktuppgifter visas inte i det här utdraget. Kontakta kommunen för ' +
      'att få dem på ett säkert sätt.',
    notIncluded: 'Uppgifter som inte ingår',
    periods: 'Perioder i registret',
    cases: 'Ärenden',
    events: 'Händelser och anteckningar',
    consents: 'Samtycken',
    applications: 'Ansökningar',
    emergency: 'Nödåtkomst',
    log: 'Vem har tagit del av uppgifterna',
    none: 'Inga.',
    withdrawn: 'återkallat',
    until: 'gäller till',
    to: 'till',
    assessments: 'Kartläggningar',
    assessment: (n: number) => `Kartläggning ${n}`,
    completed: 'klar',
    draft: 'utkast',
    participants: 'Deltog',
    sectionWithheld: (c: string) => `Svaren i kategorin ${c} ingår inte i utdraget.`,
    education: 'Högsta avslutade utbildning',
    diploma: 'Gymnasieexamen',
    needs: 'Dokumenterade behov',
    plans: 'Handlingsplan, alla versioner',
    planVersion: (v: number, at: string, by: string) => `Version ${v}, sparad ${at}${by ? ` av ${by}` : ''}`,
    ownWords: 'Med egna ord',
    followUp: 'uppföljning',
    signed: (on: string, by: string, how: string) => `Undertecknad ${on} (${by}, ${how})`,
    evaluation: 'Utvärdering',
    measures: 'Insatser',
    referrals: 'Lotsning till andra aktörer',
    accompanied: 'personal följde med',
    ended: 'slutade',
    why: 'varför',
    planned: 'planerat slut',
  },
  en: {
    title: 'Register extract',
    intro: (m: string, at: string) =>
      `This is what ${m} holds about you in Lotsa, the system for the municipal activity responsibility for young ` +
      `people, and who has accessed it (GDPR Article 15). Produced ${at}.`,
    person: 'Personal details',
    name: 'Name',
    pnr: 'Personal identity number',
    address: 'Address',
    phone: 'Phone',
    email: 'E-mail',
    guardians: 'Guardians',
    withheld:
      'Protected identity: address and contact details are not shown in this extract. Contact the municipality to ' +
      'receive them securely.',
    notIncluded: 'Information not included',
    periods: 'Periods in the register',
    cases: 'Cases',
    events: 'Events and notes',
    consents: 'Consents',
    applications: 'Applications',
    emergency: 'Emergency access',
    log: 'Who has accessed the information',
    none: 'None.',
    withdrawn: 'withdrawn',
    until: 'valid until',
    to: 'to',
    assessments: 'Assessments',
    assessment: (n: number) => `Assessment ${n}`,
    completed: 'completed',
    draft: 'draft',
    participants: 'Took part',
    sectionWithheld: (c: string) => `The answers in the category ${c} are not in this extract.`,
    education: 'Highest completed education',
    diploma: 'Upper-secondary diploma',
    needs: 'Documented needs',
    plans: 'Action plan, every version',
    planVersion: (v: number, at: string, by: string) => `Version ${v}, saved ${at}${by ? ` by ${by}` : ''}`,
    ownWords: 'In their own words',
    followUp: 'follow-up',
    signed: (on: string, by: string, how: string) => `Signed ${on} (${by}, ${how})`,
    evaluation: 'Evaluation',
    measures: 'Measures',
    referrals: 'Guiding onward to other agencies',
    accompanied: 'staff went along',
    ended: 'ended',
    why: 'why',
    planned: 'planned end',
  },
};

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');
/** A note's text after its line (other events are named by type, time and who). */
const noteText = (type: string, payload: unknown) => {
  const event = readEvent(type, payload);
  return event?.type === 'note' ? `: ${event.payload.text}` : '';
};

function list(doc: Pdf, lines: string[], none: string) {
  if (lines.length === 0) return paragraph(doc, none);
  doc.fontSize(9.5);
  for (const line of lines) doc.text(`• ${line}`, { lineGap: 1 });
  doc.fontSize(10.5);
}

/** Renders `extract` as a PDF in `language`. */
export function extractPdf(extract: Extract, language: 'sv' | 'en'): Promise<Buffer> {
  const t = TEXT[language];
  const p = extract.person;
  return pdfBuffer(
    { title: `${t.title}: ${p.givenName} ${p.familyName}`, language: language === 'sv' ? 'sv-SE' : 'en-GB' },
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(18).text(t.title).font('Helvetica').fontSize(10.5).moveDown(0.5);
      paragraph(doc, t.intro(extract.municipality, when(extract.producedAt)));
      if (extract.withheld.length) {
        heading(doc, t.notIncluded);
        for (const w of extract.withheld) paragraph(doc, w.statement);
      }
      heading(doc, t.person);
      field(doc, t.name, `${p.givenName} ${p.familyName}`);
      field(doc, t.pnr, p.personalIdentityNumber);
      if (p.contactDetailsWithheld) paragraph(doc, t.withheld);
      else {
        field(
          doc,
          t.address,
          [p.streetAddress, [p.postalCode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', '),
        );
        field(doc, t.phone, p.phone ?? '');
        field(doc, t.email, p.email ?? '');
      }
      if (p.guardians.length)
        field(doc, t.guardians, p.guardians.map((g) => [g.name, g.phone].filter(Boolean).join(', ')).join('; '));
      heading(doc, t.periods);
      list(
        doc,
        extract.registerPeriods.map(
          (r) => `${r.enteredOn} (${r.entryReason})${r.leftOn ? ` ${t.to} ${r.leftOn} (${r.leaveReason})` : ''}`,
        ),
        t.none,
      );
      heading(doc, t.cases);
      list(
        doc,
        extract.cases.map(
          (c) =>
            `${when(c.openedAt)}${c.closedAt ? ` ${t.to} ${when(c.closedAt)}` : ''}: ${c.status}` +
            `${c.team ? `, ${c.team}` : ''}${c.contactPerson ? `, ${c.contactPerson}` : ''}`,
        ),
        t.none,
      );
      heading(doc, t.consents);
      list(
        doc,
        extract.consents.map(
          (c) =>
            `${c.givenOn}: ${c.recipients.join(', ')} — ${c.categories.join(', ')} — ` +
            `${c.purpose}${c.validUntil ? ` (${t.until} ${c.validUntil})` : ''}` +
            `${c.withdrawnAt ? ` (${t.withdrawn} ${when(c.withdrawnAt)})` : ''}`,
        ),
        t.none,
      );
      heading(doc, t.applications);
      list(
        doc,
        extract.applications.map(
          (a) => `${a.signedOn}: ${a.team}, ${a.referrer}, ${a.status}${a.decisionNote ? ` — ${a.decisionNote}` : ''}`,
        ),
        t.none,
      );
      workSections(doc, extract, language);
      heading(doc, t.events);
      list(
        doc,
        extract.events.map(
          (e) => `${when(e.occurredAt)} ${e.type}${e.by ? ` (${e.by})` : ''}${noteText(e.type, e.payload)}`,
        ),
        t.none,
      );
      heading(doc, t.emergency);
      list(
        doc,
        extract.emergencyAccess.map((e) => `${when(e.startedAt)}–${when(e.endsAt)}: ${e.by} — ${e.reason}`),
        t.none,
      );
      heading(doc, t.log);
      list(
        doc,
        extract.accessLog.map(
          (a) => `${when(a.at)} ${a.by ?? '—'}${a.unit ? ` (${a.unit})` : ''}: ${a.action} ${a.what}`,
        ),
        t.none,
      );
    },
  );
}

/** The assessments, every plan version, measures and referrals, each as the extract holds them. */
function workSections(doc: Pdf, extract: Extract, language: 'sv' | 'en') {
  const t = TEXT[language];
  heading(doc, t.assessments);
  if (!extract.assessments.length) paragraph(doc, t.none);
  for (const a of extract.assessments) {
    const state = a.status === 'completed' ? `${t.completed} ${a.completedOn ?? ''}` : t.draft;
    doc
      .font('Helvetica-Bold')
      .text(`${t.assessment(a.number)} (${state.trim()})`)
      .font('Helvetica');
    if (a.participants.length) field(doc, t.participants, a.participants.join(', '));
    for (const s of a.sections) {
      if (s.withheld) paragraph(doc, `${s.title}: ${t.sectionWithheld(categoryName(s.category, language))}`);
      else if (s.answers.length)
        list(
          doc,
          s.answers.map((q) => `${s.title}: ${q.question} ${q.answer}`),
          t.none,
        );
    }
    if (a.highestEducation) field(doc, t.education, a.highestEducation);
    if (a.diploma) field(doc, t.diploma, a.diploma);
    if (a.needs?.length) field(doc, t.needs, a.needs.join(', '));
  }
  heading(doc, t.plans);
  if (!extract.planVersions.length) paragraph(doc, t.none);
  for (const v of extract.planVersions) {
    doc
      .font('Helvetica-Bold')
      .text(t.planVersion(v.version, when(v.changedAt), v.changedBy ?? ''))
      .font('Helvetica');
    const lines = v.goals.flatMap((g) => [
      `${g.area[language]}: ${g.title}${g.ownWords ? ` (${t.ownWords}: ”${g.ownWords}”)` : ''}`,
      ...g.subGoals.map((s) => `  – ${s.title}`),
      ...g.steps.map((s) => {
        const who =
          s.responsibleKind === 'unit'
            ? (s.responsibleUnit ?? '')
            : s.responsibleKind === 'other'
              ? (s.responsibleOther ?? '')
              : s.responsibleKind;
        const dates = [s.startOn, s.dueOn].filter(Boolean).join('–');
        const end = s.endedOn ? `, ${t.ended} ${s.endedOn}${s.endReason ? ` (${s.endReason})` : ''}` : '';
        return (
          `  – ` +
          `${s.title}: ${who}${dates ? `, ${dates}` : ''}, ${s.status}${end}` +
          `${s.followUpOn ? `, ${t.followUp} ${s.followUpOn}` : ''}`
        );
      }),
    ]);
    if (v.followUpOn) lines.push(`${t.followUp} ${v.followUpOn}`);
    if (v.evaluation) lines.push(`${t.evaluation}${v.evaluatedOn ? ` ${v.evaluatedOn}` : ''}: ${v.evaluation}`);
    lines.push(...v.signatures.map((s) => t.signed(s.signedOn, s.signedBy, s.method)));
    list(doc, lines, t.none);
  }
  heading(doc, t.measures);
  list(
    doc,
    extract.measures.map((m) => {
      const end = m.endedOn
        ? `, ${t.ended} ${m.endedOn}${m.endReason ? ` (${t.why}: ${m.endReason})` : ''}`
        : m.plannedEndOn
          ? `, ${t.planned} ${m.plannedEndOn}`
          : '';
      const rest = [
        m.goal,
        m.followUps.map((f) => `${t.followUp} ${f.on}${f.note ? `: ${f.note}` : ''}`).join('; '),
        m.evaluation,
      ]
        .filter(Boolean)
        .join(' — ');
      return `${m.startsOn}: ${m.offer}${m.provider ? ` (${m.provider})` : ''}${end}${rest ? ` — ${rest}` : ''}`;
    }),
    t.none,
  );
  heading(doc, t.referrals);
  list(
    doc,
    extract.referrals.map(
      (r) =>
        `${r.sentOn}: ${r.agencyName ?? r.agency}, ${r.status}${r.accompanied ? `, ${t.accompanied}` : ''}` +
        `${r.reason ? ` — ${r.reason}` : ''}${r.outcome ? ` — ${r.outcome}` : ''}`,
    ),
    t.none,
  );
}
