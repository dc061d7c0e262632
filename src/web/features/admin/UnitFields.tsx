/** The name, kind and KAA fields shared by the add and edit forms for units. */
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS, type UnitKind } from '../../../core/unit-rules.js';
import { TextField } from '../../components/FormField.js';
import { SelectField } from '../../components/SelectField.js';

/** What the unit forms edit. */
export type UnitDraft = { name: string; kind: UnitKind; kaa: boolean };

type Props = { prefix: string; draft: UnitDraft; errors: Record<string, string>; onChange: (draft: UnitDraft) => void };

/** The labels of the fields, by the API's field name, for the error summary. */
export function useUnitLabels(): Record<string, string> {
  const { t } = useTranslation();
  return {
    name: t('units.fields.name'),
    kind: t('units.fields.kind'),
    kaa: t('units.fields.kaa'),
    active: t('units.fields.active'),
  };
}

/** Fields with ids `${prefix}-name`, `${prefix}-kind` and `${prefix}-kaa`. */
export function UnitFields({ prefix, draft, errors, onChange }: Props) {
  const { t } = useTranslation();
  const labels = useUnitLabels();
  return (
    <>
      <div className="field-row">
        <TextField
          id={`${prefix}-name`}
          label={labels.name!}
          value={draft.name}
          onChange={(name) => onChange({ ...draft, name })}
          error={errors.name}
          required
          autoComplete="off"
        />
        <SelectField
          id={`${prefix}-kind`}
          label={labels.kind!}
          value={draft.kind}
          onChange={(kind) => onChange({ ...draft, kind })}
          error={errors.kind}
          required
          options={UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))}
        />
      </div>
      <div className={errors.kaa ? 'field checkbox field--error' : 'field checkbox'}>
        <input
          id={`${prefix}-kaa`}
          type="checkbox"
          checked={draft.kaa}
          onChange={(e) => onChange({ ...draft, kaa: e.target.checked })}
          aria-describedby={`${prefix}-kaa-hint${errors.kaa ? ` ${prefix}-kaa-error` : ''}`}
          aria-invalid={errors.kaa ? true : undefined}
        />
        <label htmlFor={`${prefix}-kaa`}>{labels.kaa}</label>
        <p id={`${prefix}-kaa-hint`} className="field__hint">
          {t('units.kaaHint')}
        </p>
        {errors.kaa ? (
          <p id={`${prefix}-kaa-error`} className="field__error">
            {errors.kaa}
          </p>
        ) : null}
      </div>
    </>
  );
}
