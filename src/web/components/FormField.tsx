/**
 * A labelled form control with an optional hint and error. The control gets aria-describedby
 * pointing at the hint and error, and aria-invalid when there is an error.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Attributes FormField hands to its control. */
export type ControlProps = { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true; required?: boolean };

type Props = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** Announce the error as it appears (role="alert"), for forms without an error summary. */
  announce?: boolean;
  /** Renders the control with the given attributes spread on it. */
  children: (control: ControlProps) => ReactNode;
};

/** A form field: label, hint, error message and the control itself. */
export function FormField({ id, label, hint, error, required, announce, children }: Props) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="field__required"> {t('form.required')}</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error" role={announce ? 'alert' : undefined}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, required })}
    </div>
  );
}

/** What a text field takes besides its control's own attributes: FormField's, and the text and its change. */
type TextProps = Omit<Props, 'children' | 'announce'> & { value: string; onChange: (value: string) => void };

/** A text input in a FormField. */
export function TextField(
  props: TextProps & {
    type?: 'text' | 'email' | 'tel' | 'password' | 'search' | 'date';
    autoComplete?: string;
    inputMode?: 'numeric' | 'text' | 'email' | 'tel';
    readOnly?: boolean;
  },
) {
  const { value, onChange, type = 'text', autoComplete, inputMode, readOnly, ...field } = props;
  return (
    <FormField {...field}>
      {(control) => (
        <input
          {...control}
          type={type}
          value={value}
          autoComplete={autoComplete}
          inputMode={inputMode}
          readOnly={readOnly}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormField>
  );
}

/** A text area in a FormField. */
export function TextAreaField({
  value,
  onChange,
  rows,
  maxLength,
  ...field
}: TextProps & { rows: number; maxLength: number }) {
  return (
    <FormField {...field}>
      {(control) => (
        <textarea {...control} {...{ rows, maxLength, value }} onChange={(e) => onChange(e.target.value)} />
      )}
    </FormField>
  );
}
