/** A checkbox on one assessment section: shown to the young person in their own Lotsa, or not. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../core/assessment-schemas.js';
import { assessmentKeys, assessmentsApi } from '../../api/assessmentEndpoints.js';
import { personKeys } from '../../api/queryKeys.js';
import { SaveAtOnceCheckbox } from '../../components/SaveAtOnceCheckbox.js';

type Props = { assessment: Assessment; sectionKey: string; shared: boolean };

/** The share checkbox; the change is saved at once, with the assessment's version as read. */
export function SectionShareToggle({ assessment, sectionKey, shared }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [changed, setChanged] = useState(false);
  const id = `share-${assessment.id}-${sectionKey}`;
  const mutation = useMutation({
    mutationFn: (next: boolean) => assessmentsApi.share(assessment.id, sectionKey, assessment.version, next),
    onSuccess: async (updated) => {
      setChanged(true);
      queryClient.setQueryData(assessmentKeys.one(assessment.id), updated);
      await queryClient.invalidateQueries({ queryKey: personKeys.events(assessment.personId) });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: assessmentKeys.one(assessment.id) }),
  });
  return (
    <SaveAtOnceCheckbox
      id={id}
      checked={shared}
      saving={mutation.isPending}
      label={t('assessment.shareSection')}
      hint={t('assessment.shareSectionHint')}
      status={changed ? t(shared ? 'assessment.sectionShared' : 'assessment.sectionUnshared') : ''}
      error={mutation.error}
      onChange={(next) => mutation.mutate(next)}
    />
  );
}
