/**
 * The action plan as the young person takes it home: plain Swedish or English, each goal in their own
 * words with its sub-goals and steps (who does what, from when, by when, how it went, when we follow it
 * up), the plan's follow-up and evaluation, and who signed which version (förordning 2006:39).
 */
import { goalAreaName } from '../../../core/plan.js';
import type { Plan } from '../../../core/plan-schemas.js';
import { field, heading, paragraph, pdfBuffer, signatureLine } from '../../pdf/pdf.js';

/** What the printed plan is made from. */
export type PlanPrint = { plan: Plan; name: string; municipality: string };

const TEXT = {
  sv: {
    title: 'Min handlingsplan',
    intro:
      'Det här är planen vi har gjort tillsammans: dina mål, vad du vill, ' +
      'och vem som gör vad för att du ska nå dit. Planen kan ändras när det behövs. Säg till din kontaktperson om ' +
      'något inte stämmer.',
    name: 'Namn',
    contact: 'Din kontaktperson',
    version: 'Version',
    savedOn: 'Senast ändrad',
    none: 'Planen är inte gjord än.',
    goal: (n: number, area: string) => `Mål ${n}: ${area}`,
    ownWords: 'Med dina egna ord',
    subGoals: 'Delmål',
    doneMark: '(klart)',
    steps: 'Steg på vägen',
    noSteps: 'Inga steg är bestämda än.',
    who: 'Vem gör det',
    youngPerson: 'Du själv',
    when: 'När',
    from: 'från',
    by: 'klart senast',
    status: 'Läge',
    statuses: { planned: 'Planerat', ongoing: 'Pågår', done: 'Klart', stopped: 'Avslutat i förtid' },
    ended: 'Avslutat',
    why: 'Varför',
    reasons: {
      completed: 'genomfört',
      moved_on: 'gick vidare till studier eller arbete',
      interrupted: 'avbrutet',
      declined: 'tackade nej',
      other: 'annat',
    },
    followUp: 'Vi följer upp',
    followUpPlan: 'Nästa uppföljning av hela planen',
    evaluation: 'Utvärdering',
    evaluatedOn: 'Utvärderad',
    signed: 'Underskrifter',
    signedLine: (v: number, on: string, by: string, how: string) =>
      `Version ${v} undertecknad ${on} av ${by} (${how}).`,
    signers: { young_person: 'dig', guardian: 'vårdnadshavare' },
    methods: { in_lotsa: 'i Lotsa', paper: 'på papper' },
    sign: 'Din underskrift, datum och namnförtydligande',
    staffSign: 'Kontaktpersonens underskrift och datum',
    professions: {
      study_career_counsellor: 'studie- och yrkesvägledare',
      counsellor: 'kurator',
      social_worker: 'socialsekreterare',
      field_worker: 'fältassistent',
      job_coach: 'jobbcoach',
      employment_officer: 'arbetsförmedlare',
      youth_coach: 'ungdomscoach',
      other: '',
    },
    footer: (m: string) => `${m} · Aktivitetsansvaret för unga 16–19 år · Lotsa`,
  },
  en: {
    title: 'My action plan',
    intro:
      'This is the plan we made together: your goals, what you want, ' +
      'and who does what so that you get there. The plan can change ' +
      'when needed. Tell your contact person if something is not right.',
    name: 'Name',
    contact: 'Your contact person',
    version: 'Version',
    savedOn: 'Last changed',
    none: 'The plan is not made yet.',
    goal: (n: number, area: string) => `Goal ${n}: ${area}`,
    ownWords: 'In your own words',
    subGoals: 'Sub-goals',
    doneMark: '(done)',
    steps: 'Steps on the way',
    noSteps: 'No steps are decided yet.',
    who: 'Who does it',
    youngPerson: 'You',
    when: 'When',
    from: 'from',
    by: 'done by',
    status: 'Status',
    statuses: { planned: 'Planned', ongoing: 'Under way', done: 'Done', stopped: 'Ended early' },
    ended: 'Ended',
    why: 'Why',
    reasons: {
      completed: 'completed',
      moved_on: 'moved on to studies or work',
      interrupted: 'interrupted',
      declined: 'declined',
      other: 'other',
    },
    followUp: 'We follow up',
    followUpPlan: 'Next follow-up of the whole plan',
    evaluation: 'Evaluation',
    evaluatedOn: 'Evaluated',
    signed: 'Signatures',
    signedLine: (v: number, on: string, by: string, how: string) => `Version ${v} signed on ${on} by ${by} (${how}).`,
    signers: { young_person: 'you', guardian: 'a guardian' },
    methods: { in_lotsa: 'in Lotsa', paper: 'on paper' },
    sign: 'Your signature, date and name in capitals',
    staffSign: "Contact person's signature and date",
    professions: {
      study_career_counsellor: 'study and career counsellor',
      counsellor: 'counsellor',
      social_worker: 'social worker',
      field_worker: 'field worker',
      job_coach: 'job coach',
      employment_officer: 'employment officer',
      youth_coach: 'youth coach',
      other: '',
    },
    footer: (m: string) => `${m} · Activity responsibility for young people 16–19 · Lotsa`,
  },
};

/** The plan as a PDF in `language`. */
export function planPdf(data: PlanPrint, language: 'sv' | 'en'): Promise<Buffer> {
  const t = TEXT[language];
  const { plan } = data;
  const unitName = (id: string | null) => plan.units.find((u) => u.id === id)?.name ?? '';
  return pdfBuffer({ title: t.title, language: language === 'sv' ? 'sv-SE' : 'en-GB' }, (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text(t.title).font('Helvetica').fontSize(10.5).moveDown(0.5);
    paragraph(doc, t.intro);
    field(doc, t.name, data.name);
    const contact = plan.contactPerson;
    const works = contact?.profession ? t.professions[contact.profession] : '';
    if (contact) field(doc, t.contact, works ? `${contact.name}, ${works}` : contact.name);
    if (plan.version > 0) {
      field(doc, t.version, String(plan.version));
      if (plan.updatedAt) field(doc, t.savedOn, plan.updatedAt.slice(0, 10));
    } else paragraph(doc, t.none);
    plan.goals.forEach((goal, i) => {
      heading(doc, t.goal(i + 1, goalAreaName(goal.area, language, plan.goalAreas)));
      paragraph(doc, goal.title);
      if (goal.ownWords) field(doc, t.ownWords, `”${goal.ownWords}”`);
      if (goal.subGoals.length) {
        doc.moveDown(0.3).font('Helvetica-Bold').text(t.subGoals).font('Helvetica');
        for (const s of goal.subGoals) doc.text(`• ${s.title}${s.done ? ` ${t.doneMark}` : ''}`, { indent: 10 });
      }
      doc.moveDown(0.3).font('Helvetica-Bold').text(t.steps).font('Helvetica');
      if (!goal.steps.length) doc.text(t.noSteps);
      for (const step of goal.steps) {
        const who =
          step.responsibleKind === 'young_person'
            ? t.youngPerson
            : step.responsibleKind === 'unit'
              ? unitName(step.responsibleUnitId)
              : (step.responsibleOther ?? '');
        const when = [step.startOn ? `${t.from} ${step.startOn}` : '', step.dueOn ? `${t.by} ${step.dueOn}` : '']
          .filter(Boolean)
          .join(', ');
        doc.moveDown(0.3).font('Helvetica-Bold').text(`• ${step.title}`, { indent: 10 }).font('Helvetica');
        const lines = [`${t.who}: ${who}`, when ? `${t.when}: ${when}` : '', `${t.status}: ${t.statuses[step.status]}`];
        if (step.endedOn)
          lines.push(`${t.ended}: ${step.endedOn}${step.endReason ? ` · ${t.why}: ${t.reasons[step.endReason]}` : ''}`);
        if (step.followUpOn) lines.push(`${t.followUp}: ${step.followUpOn}`);
        for (const line of lines.filter(Boolean)) doc.text(line, { indent: 22 });
      }
    });
    if (plan.followUpOn || plan.evaluation) heading(doc, t.followUp);
    if (plan.followUpOn) field(doc, t.followUpPlan, plan.followUpOn);
    if (plan.evaluation) field(doc, t.evaluation, plan.evaluation);
    if (plan.evaluatedOn) field(doc, t.evaluatedOn, plan.evaluatedOn);
    heading(doc, t.signed);
    for (const s of plan.signatures)
      paragraph(doc, t.signedLine(s.version, s.signedOn, t.signers[s.signedBy], t.methods[s.method]));
    if (!plan.signatures.some((s) => s.version === plan.version)) {
      signatureLine(doc, t.sign);
      signatureLine(doc, t.staffSign);
    }
    doc.moveDown(0.6).fontSize(8).fillColor('#444444').text(t.footer(data.municipality)).fillColor('black');
  });
}
