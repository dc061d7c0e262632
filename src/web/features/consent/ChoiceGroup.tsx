/** A fieldset of checkboxes or radio buttons with a legend, optional hints per choice and an error for the group. */
import { useTranslation } from 'react-i18next';

type Props<T extends string> = {
  name: string;
  legend: string;
  type: 'checkbox' | 'radio';
  choices: readonly { value: T; label: string; hint?: string }[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  error?: string;
};

/** The choice group. */
export function ChoiceGroup<T extends string>({ name, legend, type, choices, selected, onChange, error }: Props<T>) {
  const { t } = useTranslation();
  const errorId = error ? `${name}-error` : undefined;
  const toggle = (value: T, on: boolean) =>
    onChange(type === 'radio' ? [value] : on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset
      className={type === 'radio' ? 'radio-group' : 'checkbox-group'}
      aria-describedby={errorId}
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      {error ? (
        <p id={errorId} className="field__error">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      {choices.map((c) => {
        const id = `${name}-${c.value}`;
        return (
          <div key={c.value} className="field checkbox">
            <input
              id={id}
              type={type}
              name={name}
              value={c.value}
              checked={selected.includes(c.value)}
              onChange={(e) => toggle(c.value, e.target.checked)}
              aria-describedby={c.hint ? `${id}-hint` : undefined}
            />
            <label htmlFor={id}>{c.label}</label>
            {c.hint ? (
              <p id={`${id}-hint`} className="field__hint">
                {c.hint}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
