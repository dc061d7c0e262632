/** The fields of one step: what, who is responsible, start, due, status, end and why, follow-up. */
import { useTranslation } from 'react-i18next';
import { RESPONSIBLE_KINDS, STEP_END_REASONS, STEP_STATUSES } from '../../../core/plan.js';
import { SelectField } from '../../components/SelectField.js';
import { TextField } from '../../components/FormField.js';
import { fieldId, type StepDraft } from './planDraft.js';

type Props = {
  step: StepDraft;
  /** The API's name of the step, e.g. "goals.0.steps.1". */
  path: string;
  number: number;
  units: { id: string; name: string }[];
  errors: Record<string, string>;
  onChange: (step: StepDraft) => void;
  onRemove: () => void;
};

/** One step as a fieldset. */
export function StepFields({ step, path, number, units, errors, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const set = (change: Partial<StepDraft>) => onChange({ ...step, ...change });
  const f = (name: string) => ({ id: fieldId(`${path}.${name}`), error: errors[`${path}.${name}`] });
  const ended = step.status === 'done' || step.status === 'stopped';
  return (
    <fieldset className="plan-step">
      <legend>{t('plan.step', { number })}</legend>
      <TextField
        {...f('title')}
        label={t('plan.fields.stepTitle')}
        value={step.title}
        onChange={(title) => set({ title })}
        required
      />
      <div className="field-row">
        <SelectField
          {...f('responsibleKind')}
          label={t('plan.fields.responsible')}
          value={step.responsibleKind}
          onChange={(responsibleKind) => set({ responsibleKind })}
          options={RESPONSIBLE_KINDS.map((k) => ({ value: k, label: t(`plan.responsibleKinds.${k}`) }))}
        />
        {step.responsibleKind === 'unit' ? (
          <SelectField
            {...f('responsibleUnitId')}
            label={t('plan.fields.unit')}
            value={step.responsibleUnitId}
            onChange={(responsibleUnitId) => set({ responsibleUnitId })}
            empty={t('plan.chooseUnit')}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
            required
          />
        ) : null}
        {step.responsibleKind === 'other' ? (
          <TextField
            {...f('responsibleOther')}
            label={t('plan.fields.otherActor')}
            hint={t('plan.otherActorHint')}
            value={step.responsibleOther}
            onChange={(responsibleOther) => set({ responsibleOther })}
            required
          />
        ) : null}
      </div>
      <div className="field-row field-row--four">
        <TextField
          {...f('startOn')}
          type="date"
          label={t('plan.fields.startOn')}
          value={step.startOn}
          onChange={(startOn) => set({ startOn })}
        />
        <TextField
          {...f('dueOn')}
          type="date"
          label={t('plan.fields.dueOn')}
          value={step.dueOn}
          onChange={(dueOn) => set({ dueOn })}
        />
        <TextField
          {...f('followUpOn')}
          type="date"
          label={t('plan.fields.followUpOn')}
          value={step.followUpOn}
          onChange={(followUpOn) => set({ followUpOn })}
        />
        <SelectField
          {...f('status')}
          label={t('plan.fields.status')}
          value={step.status}
          onChange={(status) =>
            set({
              status,
              ...(status === 'planned' || status === 'ongoing' ? { endedOn: '', endReason: '' as const } : {}),
            })
          }
          options={STEP_STATUSES.map((s) => ({ value: s, label: t(`plan.statuses.${s}`) }))}
        />
      </div>
      {ended ? (
        <div className="field-row">
          <TextField
            {...f('endedOn')}
            type="date"
            label={t('plan.fields.endedOn')}
            value={step.endedOn}
            onChange={(endedOn) => set({ endedOn })}
          />
          <SelectField
            {...f('endReason')}
            label={t('plan.fields.endReason')}
            value={step.endReason}
            onChange={(endReason) => set({ endReason })}
            empty={t('plan.chooseReason')}
            options={STEP_END_REASONS.map((r) => ({ value: r, label: t(`plan.endReasons.${r}`) }))}
            required={step.status === 'stopped'}
          />
        </div>
      ) : null}
      <button type="button" className="button button--secondary button--small" onClick={onRemove}>
        {t('plan.removeStep', { number })}
      </button>
    </fieldset>
  );
}
