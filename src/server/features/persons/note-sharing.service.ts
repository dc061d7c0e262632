/**
 * Changing whether a journal note is shown to the young person ("Delat med dig" in their own Lotsa, and
 * their register extract) after it was written. The note stays as written; the change is a row in
 * `note_shares` that the young person's views read at once. Whoever may write notes on the person may
 * change it, for a note in a category they see (as when writing one); a health and social note is never
 * shown to the young person (409 `note_not_shareable`). Each change is audited.
 */
import type { z } from 'zod';
import type { noteSharingBody, NoteSharing } from '../../../core/schemas.js';
import { categoriesOf, requireCapability } from '../../access/access.js';
import { YOUNG_PERSON_CATEGORIES } from '../../access/young-person.js';
import { AppError } from '../../http/app-error.js';
import { audited, denied, type RequestContext } from '../../http/context.js';
import { selectNote, selectPerson, upsertNoteShare } from './persons.queries.js';

/** PUT /persons/:id/notes/:noteId/sharing: shows the note to the young person, or stops showing it. */
export async function setNoteSharing(
  ctx: RequestContext,
  personId: string,
  noteId: string,
  input: z.infer<typeof noteSharingBody>,
): Promise<NoteSharing> {
  requireCapability(ctx.actor, 'notes.write');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await selectPerson(trx, ctx.actor, personId);
    if (!person) throw denied(personId, 'note');
    const note = await selectNote(trx, personId, noteId);
    // A note in a category the reader may not see is as absent as one that does not exist.
    if (!note || !categoriesOf(person).includes(note.category)) throw new AppError('not_found');
    if (!YOUNG_PERSON_CATEGORIES.includes(note.category)) throw new AppError('note_not_shareable');
    await upsertNoteShare(trx, {
      noteId: note.id,
      municipalityId: person.municipality_id,
      personId,
      shared: input.shared,
      changedBy: ctx.actor.id,
    });
    await audit({
      action: 'update',
      entity: 'note',
      entityId: note.id,
      personId,
      detail: { sharedWithYoungPerson: input.shared, basis: person.access_basis },
    });
    return { id: note.id, sharedWithYoungPerson: input.shared };
  });
}
