/** One goal of the plan: its area, what it is, the young person's own words, sub-goals and steps. */
import { useTranslation } from 'react-i18next';
import type { GoalArea } from '../../../core/plan.js';
import { FormField, TextField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';
import { emptyStep, fieldId, newKey, type GoalDraft } from './planDraft.js';
import { StepFields } from './StepFields.js';

type Props = {
  goal: GoalDraft;
  index: number;
  areas: GoalArea[];
  units: { id: string; name: string }[];
  errors: Record<string, string>;
  today: string;
  onChange: (goal: GoalDraft) => void;
  onRemove: () => void;
};

/** Focuses an element once React has rendered it. */
const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** The goal as a fieldset with its sub-goals and steps. */
export function GoalFields({ goal, index, areas, units, errors, today, onChange, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'sv';
  const path = `goals.${index}`;
  const set = (change: Partial<GoalDraft>) => onChange({ ...goal, ...change });
  const f = (name: string) => ({ id: fieldId(`${path}.${name}`), error: errors[`${path}.${name}`] });
  const number = index + 1;
  // A goal keeps an area its municipality has since taken off the list.
  const options = areas.some((a) => a.code === goal.area)
    ? areas
    : [...areas, { code: goal.area, sv: goal.area, en: goal.area }];

  return (
    <fieldset className="plan-goal">
      <legend>{t('plan.goal', { number })}</legend>
      <div className="field-row">
        <SelectField
          {...f('area')}
          label={t('plan.fields.area')}
          value={goal.area}
          onChange={(area) => set({ area })}
          options={options.map((a) => ({ value: a.code, label: a[lang] }))}
          required
        />
        <TextField
          {...f('title')}
          label={t('plan.fields.goalTitle')}
          value={goal.title}
          onChange={(title) => set({ title })}
          required
        />
      </div>
      <FormField {...f('ownWords')} label={t('plan.fields.ownWords')} hint={t('plan.ownWordsHint')}>
        {(control) => (
          <textarea {...control} rows={2} value={goal.ownWords} onChange={(e) => set({ ownWords: e.target.value })} />
        )}
      </FormField>

      <h4>{t('plan.subGoals')}</h4>
      {goal.subGoals.length === 0 ? <p className="muted">{t('plan.noSubGoals')}</p> : null}
      {goal.subGoals.map((s, j) => (
        <div key={s.key} className="plan-subgoal field-row">
          <TextField
            {...f(`subGoals.${j}.title`)}
            label={t('plan.fields.subGoal', { number: j + 1 })}
            value={s.title}
            onChange={(title) => set({ subGoals: goal.subGoals.map((x, k) => (k === j ? { ...x, title } : x)) })}
            required
          />
          <div className="field">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={s.done}
                onChange={(e) =>
                  set({ subGoals: goal.subGoals.map((x, k) => (k === j ? { ...x, done: e.target.checked } : x)) })
                }
              />{' '}
              {t('plan.subGoalDone')}
            </label>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                set({ subGoals: goal.subGoals.filter((_, k) => k !== j) });
                focusSoon(`${fieldId(path)}-add-subgoal`);
              }}
            >
              {t('plan.removeSubGoal', { number: j + 1 })}
            </button>
          </div>
        </div>
      ))}
      <p>
        <button
          type="button"
          id={`${fieldId(path)}-add-subgoal`}
          className="button button--secondary button--small"
          onClick={() => {
            set({ subGoals: [...goal.subGoals, { key: newKey(), title: '', done: false }] });
            focusSoon(fieldId(`${path}.subGoals.${goal.subGoals.length}.title`));
          }}
        >
          {t('plan.addSubGoal', { number })}
        </button>
      </p>

      <h4>{t('plan.steps')}</h4>
      {goal.steps.length === 0 ? <p className="muted">{t('plan.noSteps')}</p> : null}
      {goal.steps.map((s, j) => (
        <StepFields
          key={s.key}
          step={s}
          path={`${path}.steps.${j}`}
          number={j + 1}
          units={units}
          errors={errors}
          onChange={(step) => set({ steps: goal.steps.map((x, k) => (k === j ? step : x)) })}
          onRemove={() => {
            set({ steps: goal.steps.filter((_, k) => k !== j) });
            focusSoon(`${fieldId(path)}-add-step`);
          }}
        />
      ))}
      <p>
        <button
          type="button"
          id={`${fieldId(path)}-add-step`}
          className="button button--secondary button--small"
          onClick={() => {
            set({ steps: [...goal.steps, emptyStep(today)] });
            focusSoon(fieldId(`${path}.steps.${goal.steps.length}.title`));
          }}
        >
          {t('plan.addStep', { number })}
        </button>{' '}
        <button type="button" className="button button--secondary button--small" onClick={onRemove}>
          {t('plan.removeGoal', { number })}
        </button>
      </p>
    </fieldset>
  );
}
