/** Guardian rows in the person form: add and remove, each with name, relation, phone and e-mail. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/FormField.js';
import { MAX_GUARDIANS } from '../../../core/persons.js';
import { emptyGuardian, fieldId, type FieldErrors, type GuardianValues } from './personForm.js';

type Props = { guardians: GuardianValues[]; errors: FieldErrors; onChange: (guardians: GuardianValues[]) => void };
const FIELDS = ['name', 'relation', 'phone', 'email'] as const;

/** The guardians fieldset. Focus moves to the new row's name when a row is added. */
export function GuardiansFieldset({ guardians, errors, onChange }: Props) {
  const { t } = useTranslation();
  const addButton = useRef<HTMLButtonElement>(null);

  function add() {
    onChange([...guardians, emptyGuardian()]);
    const index = guardians.length;
    setTimeout(() => document.getElementById(fieldId(`guardians.${index}.name`))?.focus(), 0);
  }

  function remove(index: number) {
    onChange(guardians.filter((_, i) => i !== index));
    setTimeout(() => addButton.current?.focus(), 0);
  }

  function set(index: number, field: (typeof FIELDS)[number], value: string) {
    onChange(guardians.map((g, i) => (i === index ? { ...g, [field]: value } : g)));
  }

  return (
    <fieldset>
      <legend>{t('persons.guardians.title')}</legend>
      {guardians.length === 0 ? <p className="muted">{t('persons.guardians.none')}</p> : null}
      {guardians.map((guardian, index) => (
        <fieldset key={guardian.key} className="guardian-row">
          <legend>{t('persons.guardians.rowTitle', { n: index + 1 })}</legend>
          <div className="field-row field-row--four">
            {FIELDS.map((field) => (
              <TextField
                key={field}
                id={fieldId(`guardians.${index}.${field}`)}
                label={t(`persons.guardians.${field}`)}
                type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
                value={guardian[field]}
                onChange={(value) => set(index, field, value)}
                error={errors[`guardians.${index}.${field}`]}
                required={field === 'name'}
                autoComplete="off"
              />
            ))}
          </div>
          <button type="button" className="button button--secondary button--small" onClick={() => remove(index)}>
            {t('persons.guardians.remove', { n: index + 1 })}
          </button>
        </fieldset>
      ))}
      {guardians.length < MAX_GUARDIANS ? (
        <button type="button" ref={addButton} className="button button--secondary" onClick={add}>
          {t('persons.guardians.add')}
        </button>
      ) : null}
    </fieldset>
  );
}
