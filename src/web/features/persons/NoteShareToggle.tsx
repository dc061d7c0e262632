/**
 * A checkbox on a written note: shown to the young person (in Mitt Lotsa and their register extract),
 * or not. The change is saved at once, and the timeline is read again.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { personsApi } from '../../api/endpoints.js';
import { personKeys } from '../../api/queryKeys.js';
import { ProblemAlert } from '../../components/Alert.js';

type Props = { personId: string; noteId: string; shared: boolean };

/** The share checkbox of one note. */
export function NoteShareToggle({ personId, noteId, shared }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [changed, setChanged] = useState(false);
  const id = `note-share-${noteId}`;
  const mutation = useMutation({
    mutationFn: (next: boolean) => personsApi.shareNote(personId, noteId, next),
    // Pending until the timeline is read again, so the box and the message follow what was saved.
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: personKeys.events(personId) });
      setChanged(true);
    },
    onError: () => queryClient.invalidateQueries({ queryKey: personKeys.events(personId) }),
  });
  const checked = mutation.isPending && mutation.variables !== undefined ? mutation.variables : shared;
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={mutation.isPending}
          aria-describedby={`${id}-hint event-${noteId}-meta`}
          onChange={(e) => mutation.mutate(e.target.checked)}
        />{' '}
        {t('journal.shownToYoungPerson')}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {t('journal.shownToYoungPersonHint')}
      </p>
      <p role="status" className="muted">
        {changed && !mutation.isPending ? t(shared ? 'journal.nowShown' : 'journal.nowHidden') : ''}
      </p>
      <ProblemAlert error={mutation.error instanceof ApiError ? mutation.error : null} />
    </div>
  );
}
