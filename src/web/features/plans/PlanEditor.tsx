/**
 * The form to build and change the plan with the young person: goals with sub-goals and steps, the plan's follow-up and
 * evaluation.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../core/plan-schemas.js';
import { ApiError } from '../../api/client.js';
import { fieldErrorsOf } from '../../api/fieldErrors.js';
import { planApi } from '../../api/planEndpoints.js';
import { Alert, useProblemText } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FormField, TextField } from '../../components/FormField.js';
import { todayIso } from '../../i18n/format.js';
import { GoalFields } from './GoalFields.js';
import { bodyOf, draftOf, emptyGoal, fieldId, type PlanDraft } from './planDraft.js';

/** The editor of one case's plan; saves the whole plan with the version it was read at. */
export function PlanEditor({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<PlanDraft>(() => draftOf(plan));
  const [attempts, setAttempts] = useState(0);
  const [saved, setSaved] = useState(false);
  const today = todayIso();
  const save = useMutation({
    mutationFn: () => planApi.save(plan.caseId, bodyOf(draft, plan.version)),
    onSuccess: (next) => {
      queryClient.setQueryData(['cases', plan.caseId, 'plan'], next);
      void queryClient.invalidateQueries({ queryKey: ['cases', plan.caseId, 'plan', 'versions'] });
      void queryClient.invalidateQueries({ queryKey: ['persons', plan.personId] });
      setDraft(draftOf(next));
      setSaved(true);
    },
  });
  const errors = fieldErrorsOf(save.error, t);
  const conflict = save.error instanceof ApiError && save.error.code === 'version_conflict';
  const set = (change: Partial<PlanDraft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...change }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempts((n) => n + 1);
    setSaved(false);
    save.mutate();
  }

  const summary = Object.entries(errors).map(([field, message]) => ({ fieldId: fieldId(field), message }));
  return (
    <form onSubmit={submit} noValidate aria-labelledby="plan-edit-title">
      <h2 id="plan-edit-title">{t('plan.editTitle')}</h2>
      <p className="muted">{t('plan.editIntro')}</p>
      {saved ? <Alert tone="success">{t('plan.saved', { version: plan.version })}</Alert> : null}
      <ErrorSummary
        message={save.error instanceof ApiError && !summary.length ? problemText(save.error) : undefined}
        items={summary}
        focusKey={attempts}
      />
      {conflict ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={async () => {
              const fresh = await queryClient.fetchQuery({
                queryKey: ['cases', plan.caseId, 'plan'],
                queryFn: () => planApi.get(plan.caseId),
                staleTime: 0,
              });
              setDraft(draftOf(fresh));
              save.reset();
            }}
          >
            {t('plan.reload')}
          </button>
        </p>
      ) : null}

      {draft.goals.length === 0 ? <p>{t('plan.noGoals')}</p> : null}
      {draft.goals.map((goal, i) => (
        <GoalFields
          key={goal.key}
          goal={goal}
          index={i}
          areas={plan.goalAreas}
          units={plan.units}
          errors={errors}
          today={today}
          onChange={(g) => set({ goals: draft.goals.map((x, k) => (k === i ? g : x)) })}
          onRemove={() => {
            set({ goals: draft.goals.filter((_, k) => k !== i) });
            // The removed goal's button is gone: keep the keyboard user in the form.
            requestAnimationFrame(() => document.getElementById('plan-add-goal')?.focus());
          }}
        />
      ))}
      <p>
        <button
          type="button"
          id="plan-add-goal"
          className="button button--secondary"
          onClick={() => {
            set({ goals: [...draft.goals, emptyGoal(plan.goalAreas[0]?.code ?? 'studies')] });
            requestAnimationFrame(() => document.getElementById(fieldId(`goals.${draft.goals.length}.area`))?.focus());
          }}
        >
          {t('plan.addGoal')}
        </button>
      </p>

      <fieldset>
        <legend>{t('plan.followUpLegend')}</legend>
        <div className="field-row">
          <TextField
            id={fieldId('followUpOn')}
            type="date"
            label={t('plan.fields.planFollowUpOn')}
            hint={t('plan.followUpHint')}
            value={draft.followUpOn}
            onChange={(followUpOn) => set({ followUpOn })}
            error={errors.followUpOn}
          />
          <TextField
            id={fieldId('evaluatedOn')}
            type="date"
            label={t('plan.fields.evaluatedOn')}
            value={draft.evaluatedOn}
            onChange={(evaluatedOn) => set({ evaluatedOn })}
            error={errors.evaluatedOn}
          />
        </div>
        <FormField id={fieldId('evaluation')} label={t('plan.fields.evaluation')} error={errors.evaluation}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={draft.evaluation}
              onChange={(e) => set({ evaluation: e.target.value })}
            />
          )}
        </FormField>
      </fieldset>
      <button type="submit" className="button" disabled={save.isPending}>
        {plan.version === 0 ? t('plan.create') : t('plan.save')}
      </button>
    </form>
  );
}
