/**
 * "Delat med dig": what staff chose to share with the young person. Today the notes staff marked as
 * shared when they wrote them, in the young person's categories (never another agency's health and
 * social notes), through the timeline's own rules (protected identity included); a note corrected since
 * shows only as its correction, and only if that is shared too.
 */
import type { MeShared } from '../../../core/me-schemas.js';
import { ownRecordOf, requireYoungPersonCapability, YOUNG_PERSON_CATEGORIES } from '../../access/young-person.js';
import { AppError } from '../../http/app-error.js';
import { auditedAsYoungPerson, type YoungPersonContext } from '../../http/context.js';
import { selectEvents } from '../persons/persons.queries.js';

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
    return { notes };
  });
}
