/**
 * Sharing an assessment's sections with the young person ("Delat med dig" in their own Lotsa). Staff who
 * may write the assessment (the KAA's own staff on the person) share or stop sharing one section at a
 * time, in a category they see; health and social sections are never shared. Each change takes the
 * assessment's version (409 after another change), is audited and shows on the timeline.
 */
import type { z } from 'zod';
import { sql } from 'kysely';
import type { ManualSection } from '../../../core/assessment.js';
import type { Assessment, sectionSharingBody } from '../../../core/assessment-schemas.js';
import { categoriesOf, requireCapability } from '../../access/access.js';
import { YOUNG_PERSON_CATEGORIES } from '../../access/young-person.js';
import { eventRow } from '../../db/events.js';
import { AppError } from '../../http/app-error.js';
import { audited, type RequestContext } from '../../http/context.js';
import { selectAssessmentRow, selectManagedPerson, writeSectionShare } from './assessments.queries.js';
import { presentAssessment } from './assessments.service.js';

/** PUT /assessments/:id/sections/:key/sharing: shares the section with the young person, or stops sharing it. */
export async function setSectionSharing(
  ctx: RequestContext,
  assessmentId: string,
  sectionKey: string,
  input: z.infer<typeof sectionSharingBody>,
): Promise<Assessment> {
  requireCapability(ctx.actor, 'notes.write');
  return audited(ctx, async ({ trx, audit }) => {
    const row = await selectAssessmentRow(trx, ctx.actor.municipalityId, assessmentId);
    const person = row && (await selectManagedPerson(trx, ctx.actor, row.person_id));
    if (!row || !person) throw new AppError('not_found');
    const section = (row.manual_sections as ManualSection[]).find((s) => s.key === sectionKey);
    if (!section) throw new AppError('not_found');
    if (!categoriesOf(person).includes(section.category)) throw new AppError('category_not_allowed');
    if (!YOUNG_PERSON_CATEGORIES.includes(section.category)) throw new AppError('section_not_shareable');
    const updated = await trx
      .updateTable('assessments')
      .set({ version: sql`version + 1`, updated_at: sql`now()`, updated_by: ctx.actor.id })
      .where('id', '=', row.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('version_conflict');
    await writeSectionShare(trx, row, sectionKey, input.shared, ctx.actor.id);
    await trx
      .insertInto('events')
      .values(
        eventRow(
          {
            municipality_id: row.municipality_id,
            person_id: row.person_id,
            case_id: row.case_id,
            actor_id: ctx.actor.id,
            category: 'assessment_plan',
          },
          'assessment_section_shared',
          {
            assessmentId: row.id,
            number: row.number,
            sectionKey,
            sectionTitle: section.title,
            shared: input.shared,
          },
        ),
      )
      .execute();
    await audit({
      action: 'update',
      entity: 'assessment',
      entityId: row.id,
      personId: row.person_id,
      detail: { sectionKey, sharedWithYoungPerson: input.shared, basis: person.access_basis },
    });
    return presentAssessment(ctx, trx, (await selectAssessmentRow(trx, ctx.actor.municipalityId, row.id))!, person);
  });
}
