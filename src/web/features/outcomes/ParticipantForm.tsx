/**
 * Who the case's participant is: the target group (KAA is derived from the register and only shown),
 * the upper-secondary diploma and, for those allowed health and social information, documented problems.
 */
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseOutcome } from '../../../core/outcome-schemas.js';
import {
  DIPLOMA_VALUES,
  DOCUMENTED_PROBLEMS,
  SETTABLE_TARGET_GROUPS,
  type Diploma,
  type DocumentedProblem,
} from '../../../core/outcomes.js';
import { ApiError } from '../../api/client.js';
import { messageOf, useMessages } from '../../api/fieldErrors.js';
import { outcomeApi } from '../../api/outcomeEndpoints.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { FormActions } from '../../components/FormActions.js';
import { SelectField } from '../../components/SelectField.js';

type Props = { caseId: string; version: number; outcome: CaseOutcome; onSaved: () => Promise<void> };

/** The participant form; problems only when `outcome.documentedProblems` is not withheld. */
export function ParticipantForm({ caseId, version, outcome, onSaved }: Props) {
  const { t } = useTranslation();
  const messages = useMessages();
  const derived = outcome.targetGroup === 'kaa';
  const [targetGroup, setTargetGroup] = useState<'young_adult' | 'other'>(
    derived ? 'other' : (outcome.targetGroup as 'young_adult' | 'other'),
  );
  const [diploma, setDiploma] = useState<Diploma>(outcome.upperSecondaryDiploma);
  const [problems, setProblems] = useState<DocumentedProblem[]>(outcome.documentedProblems ?? []);
  const save = useMutation({
    mutationFn: () =>
      outcomeApi.participant(caseId, {
        ...(!derived && targetGroup !== outcome.targetGroup && { targetGroup }),
        ...(diploma !== outcome.upperSecondaryDiploma && { upperSecondaryDiploma: diploma }),
        ...(outcome.documentedProblems !== null && { documentedProblems: problems }),
        version,
      }),
    onSuccess: onSaved,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  const toggle = (p: DocumentedProblem, on: boolean) =>
    setProblems((list) => (on ? [...list, p] : list.filter((x) => x !== p)));
  const fields = messages.fields({}, save.error ? messageOf(save.error) : null);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="participant-title" className="participant-form">
      <h3 id="participant-title">{t('outcomes.participantTitle')}</h3>
      {save.isSuccess ? <Alert tone="success">{t('outcomes.participantSaved')}</Alert> : null}
      <ProblemAlert error={save.error instanceof ApiError && Object.keys(fields).length === 0 ? save.error : null} />
      {derived ? (
        <p>
          {t('outcomes.targetGroup')}: <strong>{t('outcomes.targetGroups.kaa')}</strong>{' '}
          <span className="muted">{t('outcomes.kaaDerived')}</span>
        </p>
      ) : (
        <SelectField
          id="participant-targetGroup"
          label={t('outcomes.targetGroup')}
          hint={t('outcomes.targetGroupHint')}
          value={targetGroup}
          onChange={setTargetGroup}
          options={SETTABLE_TARGET_GROUPS.map((g) => ({ value: g, label: t(`outcomes.targetGroups.${g}`) }))}
          error={fields.targetGroup}
        />
      )}
      <SelectField
        id="participant-diploma"
        label={t('outcomes.diploma')}
        value={diploma}
        onChange={setDiploma}
        options={DIPLOMA_VALUES.map((v) => ({ value: v, label: t(`outcomes.diplomaValues.${v}`) }))}
        error={fields.upperSecondaryDiploma}
      />
      {outcome.documentedProblems !== null ? (
        <fieldset className="field">
          <legend>{t('outcomes.problems')}</legend>
          <p className="field__hint">{t('outcomes.problemsHint')}</p>
          {DOCUMENTED_PROBLEMS.map((p) => (
            <div className="checkbox" key={p}>
              <input
                id={`participant-problem-${p}`}
                type="checkbox"
                checked={problems.includes(p)}
                onChange={(e) => toggle(p, e.target.checked)}
              />
              <label htmlFor={`participant-problem-${p}`}>{t(`outcomes.problemCodes.${p}`)}</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <FormActions submit={t('outcomes.saveParticipant')} busy={save.isPending} />
    </form>
  );
}
