/**
 * "Delat med dig": what staff chose to share with the young person. The notes staff marked as shared
 * when they wrote them, in the young person's categories (never another agency's health and social
 * notes), through the timeline's own rules (protected identity included); a note corrected since shows
 * only as its correction, and only if that is shared too. And the sections staff shared of the young
 * person's completed assessments, in the young person's categories only, with their questions and answers.
 */
import type { ManualSection } from '../../../core/assessment.js';
import type { MeShared } from '../../../core/me-schemas.js';
import { ownRecordOf, requireYoungPersonCapability, YOUNG_PERSON_CATEGORIES } from '../../access/young-person.js';
import { AppError } from '../../http/app-error.js';
import { auditedAsYoungPerson, type YoungPersonContext } from '../../http/context.js';
import { selectSharedWithYoungPerson } from '../assessments/assessments.queries.js';
import { selectEvents } from '../persons/persons.queries.js';

type Shared = Awaited<ReturnType<typeof selectSharedWithYoungPerson>>;

/** The shared sections of each completed assessment, as the young person reads them. */
function presentAssessments({ assessments, answers }: Shared): MeShared['assessments'] {
  const answerOf = new Map(answers.map((a) => [`${a.assessment_id}/${a.question_key}`, a.answer]));
  return assessments.flatMap((a) => {
    const sections = (a.manual_sections as unknown as ManualSection[])
      .filter((s) => a.shared_keys?.includes(s.key) && YOUNG_PERSON_CATEGORIES.includes(s.category))
      .map((s) => ({
        key: s.key,
        title: s.title,
        questions: s.questions.map((q) => ({
          key: q.key,
          text: q.text,
          answer: answerOf.get(`${a.id}/${q.key}`) ?? null,
        })),
      }));
    return sections.length && a.completed_on
      ? [{ id: a.id, number: a.number, completedOn: a.completed_on, sections }]
      : [];
  });
}

/** GET /me/shared: the notes shared with the young person, newest first; reading them is audited. */
export async function readShared(ctx: YoungPersonContext): Promise<MeShared> {
  requireYoungPersonCapability(ctx.actor, 'me.read');
  return auditedAsYoungPerson(ctx, async ({ trx, audit }) => {
    const person = await trx
      .selectFrom('persons')
      .select(['persons.id', 'persons.protected_identity'])
      .where(ownRecordOf(ctx.actor))
      .executeTakeFirst();
    if (!person) throw new AppError('not_found');
    const rows = await selectEvents(trx, person, [...YOUNG_PERSON_CATEGORIES], { sharedWithYoungPersonOnly: true });
    const notes = rows.flatMap((r) =>
      r.type === 'note' && !r.corrected_by && typeof r.payload.text === 'string'
        ? [{ id: r.id, at: new Date(r.occurred_at).toISOString(), text: r.payload.text }]
        : [],
    );
    await audit({
      action: 'read',
      entity: 'events',
      entityId: person.id,
      personId: person.id,
      detail: { sharedWithYoungPerson: true, notes: notes.length },
    });
    const assessments = presentAssessments(
      await selectSharedWithYoungPerson(trx, ctx.actor.municipalityId, person.id, YOUNG_PERSON_CATEGORIES),
    );
    if (assessments.length)
      await audit({
        action: 'read',
        entity: 'assessments',
        entityId: person.id,
        personId: person.id,
        detail: { sharedWithYoungPerson: true, assessments: assessments.map((a) => a.id) },
      });
    return { notes, assessments };
  });
}
