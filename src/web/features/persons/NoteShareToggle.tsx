/**
 * A checkbox on a written note: shown to the young person (in Mitt Lotsa and their register extract),
 * or not. The change is saved at once, and the timeline is read again.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personsApi } from '../../api/endpoints.js';
import { personKeys } from '../../api/queryKeys.js';
import { SaveAtOnceCheckbox } from '../../components/SaveAtOnceCheckbox.js';

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
    <SaveAtOnceCheckbox
      id={id}
      checked={checked}
      saving={mutation.isPending}
      label={t('journal.shownToYoungPerson')}
      hint={t('journal.shownToYoungPersonHint')}
      status={changed ? t(shared ? 'journal.nowShown' : 'journal.nowHidden') : ''}
      error={mutation.error}
      describedBy={`event-${noteId}-meta`}
      onChange={(next) => mutation.mutate(next)}
    />
  );
}
