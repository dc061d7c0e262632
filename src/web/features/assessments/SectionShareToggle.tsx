/** A checkbox on one assessment section: shown to the young person in their own Lotsa, or not. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../core/assessment-schemas.js';
import { assessmentKeys, assessmentsApi } from '../../api/assessmentEndpoints.js';
import { ApiError } from '../../api/client.js';
import { personKeys } from '../../api/queryKeys.js';
import { ProblemAlert } from '../../components/Alert.js';

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
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={shared}
          disabled={mutation.isPending}
          aria-describedby={`${id}-hint`}
          onChange={(e) => mutation.mutate(e.target.checked)}
        />{' '}
        {t('assessment.shareSection')}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {t('assessment.shareSectionHint')}
      </p>
      <p role="status" className="muted">
        {changed && !mutation.isPending ? t(shared ? 'assessment.sectionShared' : 'assessment.sectionUnshared') : ''}
      </p>
      <ProblemAlert error={mutation.error instanceof ApiError ? mutation.error : null} />
    </div>
  );
}
