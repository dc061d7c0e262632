/**
 * Demo assessments (kartläggning) for the young people the demo just added: for those in active
 * work or closed, one at every stage: a draft just started, a completed one, and a completed one
 * with a newer version under way or completed. Answers in plain Swedish on the default manual;
 * health and social answers are there too, shown only to those a consent lets see them.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_MANUAL, DOCUMENTED_NEEDS, HIGHEST_EDUCATION } from '../../core/assessment.js';
import { addDays } from '../../core/outreach.js';
import type { Insertable } from 'kysely';
import type { Db } from '../db/connection.js';
import type { AssessmentAnswersTable, AssessmentsTable, EventsTable } from '../db/types.js';
import { eventRow } from '../db/events.js';
import { currentManualFor } from '../features/assessments/assessment-manual.service.js';

type DemoCase = { id: string; person_id: string; status: string; contact_person_id: string | null; opened_at: Date };

const ANSWERS: Record<string, string[]> = {
  wants: [
    'Jag vill jobba med bilar, kanske bli mekaniker.',
    'Plugga klart gymnasiet och sen jobba med barn.',
    'Vet inte riktigt än. Något med musik eller data.',
    'Få ett jobb och tjäna egna pengar.',
  ],
  matters_now: [
    'Att få en bättre dygnsrytm.',
    'Att komma hemifrån mer och träffa folk.',
    'Att få ihop pengar till körkort.',
    'Att slippa känna press hela tiden.',
  ],
  in_the_way: [
    'Har svårt att komma upp på morgonen.',
    'Saknar betyg i matte och engelska.',
    'Vet inte vem jag ska fråga.',
    'Det var mycket stök i klassen, jag orkade inte.',
  ],
  programmes: [
    'Började på fordonsprogrammet, hoppade av i tvåan.',
    'Gick introduktionsprogram (språkintroduktion) ett år.',
    'Började på barn- och fritidsprogrammet, slutade efter en termin.',
  ],
  grades: [
    'Godkänt i de flesta ämnen, saknar matte.',
    'Saknar betyg i svenska, engelska och matte.',
    'Har betyg från grundskolan i alla ämnen utom idrott.',
  ],
  what_went_wrong: [
    'Mycket frånvaro i åttan och nian.',
    'Fick inte det stöd jag behövde.',
    'Trivdes bra med lärarna men inte i klassen.',
  ],
  jobs: ['Sommarjobb på kommunens park två somrar.', 'Praktik i en matbutik i nian, gick bra.', 'Inget jobb än.'],
  work_wishes: ['Lager eller butik.', 'Något med djur.', 'Bygg, gärna med händerna.'],
  interests: ['Gaming, fotboll och att laga cyklar.', 'Ritar mycket, gillar film.', 'Tränar på gym nästan varje dag.'],
  strengths: [
    'Noggrann och bra med människor.',
    'Kompisar säger att jag är lugn och lyssnar.',
    'Bra på att fixa saker som gått sönder.',
  ],
  day: [
    'Sover till lunch, är vaken till sent på natten.',
    'Går upp vid nio, är mest hemma.',
    'Jobbar extra helger, annars hemma.',
  ],
  housing: ['Bor med mamma och två syskon.', 'Bor hos pappa varannan vecka.', 'Bor i eget boende sedan i våras.'],
  money: ['Får studiebidrag och lite från föräldrarna.', 'Har inga egna pengar just nu.'],
  leisure: ['Spelar fotboll i en förening.', 'Träffar kompisar på fritidsgården.', 'Mest hemma.'],
  network: ['Mamma, en moster och två nära kompisar.', 'Min tränare är viktig för mig.'],
  wellbeing: ['Sover dåligt i perioder, har kontakt med vårdcentralen.', 'Mår bättre nu än i vintras.', 'Mår okej.'],
  social: ['Det har varit stökigt hemma, socialtjänsten är inkopplad.', 'Inget särskilt just nu.'],
  agencies: [
    'Har kontakt med Arbetsförmedlingen sedan i höstas.',
    'Träffar en kurator på ungdomsmottagningen.',
    'Ingen annan kontakt.',
  ],
};

/** Adds demo assessments for `cases` (new ones only) and returns a line for the progress log. */
export async function fillAssessmentDemo(
  trx: Db,
  municipalityId: string,
  { today, cases }: { today: Date; cases: DemoCase[] },
): Promise<string> {
  const manual = await currentManualFor(trx, municipalityId);
  const questions = DEFAULT_MANUAL.flatMap((s) =>
    s.questions.map((q) => ({ key: q.key, section: s.key, category: s.category })),
  );
  const worked = cases.filter((c) => c.contact_person_id && (c.status === 'active' || c.status === 'closed'));
  const rows: Insertable<AssessmentsTable>[] = [];
  const answers: Insertable<AssessmentAnswersTable>[] = [];
  const events: Insertable<EventsTable>[] = [];
  const todayDay = today.toISOString().slice(0, 10);
  worked.forEach((c, i) => {
    if (i % 6 === 5) return; // Some are not assessed yet.
    const coach = c.contact_person_id!;
    const opened = c.opened_at.toISOString().slice(0, 10);
    const stage = i % 4; // 0 draft, 1 completed, 2 completed + draft revision, 3 completed + completed revision
    const versions = stage >= 2 ? 2 : 1;
    let revises: string | null = null;
    for (let n = 1; n <= versions; n++) {
      const id = randomUUID();
      const startedOn = addDays(opened, n === 1 ? 14 : 60);
      const completed = stage === 1 || (stage === 2 && n === 1) || stage === 3;
      const completedOn = completed ? addDays(startedOn, n === 1 ? 7 : 5) : null;
      // Dates in the future (a case opened lately) are brought back to today.
      const clamp = (d: string) => (d > todayDay ? todayDay : d);
      const instant = (day: string, time: string) =>
        new Date(Math.min(new Date(`${clamp(day)}T${time}Z`).getTime(), today.getTime()));
      const started = instant(startedOn, '09:00:00');
      rows.push({
        id,
        municipality_id: municipalityId,
        person_id: c.person_id,
        case_id: c.id,
        manual_id: manual.id,
        number: n,
        revises_id: revises,
        status: completed ? ('completed' as const) : ('draft' as const),
        version: completed ? 3 : 2,
        participants: JSON.stringify({
          staff: [coach],
          others: [
            { role: 'young_person', name: null },
            ...(i % 3 === 0 ? [{ role: 'guardian', name: null }] : []),
            ...(i % 5 === 0 ? [{ role: 'study_career_counsellor', name: null }] : []),
          ],
        }),
        highest_education: completed || i % 2 ? HIGHEST_EDUCATION[[1, 5, 4, 1, 6, 0][i % 6]!] : null,
        diploma: completed || i % 2 ? ('no' as const) : null,
        needs: JSON.stringify(i % 4 === 0 ? [DOCUMENTED_NEEDS[i % DOCUMENTED_NEEDS.length]] : []),
        created_at: started,
        created_by: coach,
        updated_at: started,
        updated_by: coach,
        completed_at: completedOn ? instant(completedOn, '15:00:00') : null,
        completed_on: completedOn ? clamp(completedOn) : null,
        completed_by: completedOn ? coach : null,
      });
      // A draft has the first sections filled in; a completed one all, a few left unanswered.
      const filled = completed ? questions : questions.slice(0, 7);
      filled.forEach((q, k) => {
        const options = ANSWERS[q.key];
        if (!options || (k + i) % 9 === 8) return;
        answers.push({
          assessment_id: id,
          municipality_id: municipalityId,
          person_id: c.person_id,
          question_key: q.key,
          section_key: q.section,
          category: q.category,
          answer: options[(i + n + k) % options.length]!,
        });
      });
      const base = {
        municipality_id: municipalityId,
        person_id: c.person_id,
        case_id: c.id,
        actor_id: coach,
        category: 'assessment_plan' as const,
      };
      events.push({
        ...eventRow(base, 'assessment_started', { assessmentId: id, number: n, revises }),
        occurred_at: started,
      });
      if (completedOn)
        events.push({
          ...eventRow(base, 'assessment_completed', { assessmentId: id, number: n, completedOn: clamp(completedOn) }),
          occurred_at: instant(completedOn, '15:00:00'),
        });
      revises = id;
    }
  });
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('assessments')
      .values(rows.slice(i, i + 500))
      .execute();
  for (let i = 0; i < answers.length; i += 500)
    await trx
      .insertInto('assessment_answers')
      .values(answers.slice(i, i + 500))
      .execute();
  for (let i = 0; i < events.length; i += 500)
    await trx
      .insertInto('events')
      .values(events.slice(i, i + 500))
      .execute();
  const completed = rows.filter((r) => r.status === 'completed').length;
  return `${rows.length} assessments (${completed} completed, ${rows.length - completed} drafts)`;
}
