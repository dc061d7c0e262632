/** A select in a FormField: the options, an optional empty first option, label, hint and error. */
import { FormField } from './FormField.js';

type Props<T extends string> = {
  id: string;
  label: string;
  value: T | '';
  onChange: (value: T) => void;
  options: readonly { value: T; label: string }[];
  /** The label of an empty first option (value ''), when the field may be left unchosen. */
  empty?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  announce?: boolean;
};

/** The select field. */
export function SelectField<T extends string>({ value, onChange, options, empty, ...field }: Props<T>) {
  return (
    <FormField {...field}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {empty !== undefined ? <option value="">{empty}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
