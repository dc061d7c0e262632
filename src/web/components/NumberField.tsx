/** A whole-number input with its label, hint and error (FormField), for settings and figures. */
import { FormField } from './FormField.js';

type Props = {
  id: string;
  label: string;
  hint?: string;
  value: number;
  onChange: (n: number) => void;
  error?: string;
  min?: number;
  max?: number;
};

/** A short numeric input; an emptied input gives NaN, which the form's schema refuses by name. */
export function NumberField({ id, label, hint, value, onChange, error, min = 0, max }: Props) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          className="input--short"
          value={Number.isNaN(value) ? '' : value}
          onChange={(e) => onChange(e.target.valueAsNumber)}
        />
      )}
    </FormField>
  );
}
