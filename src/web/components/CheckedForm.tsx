/**
 * The frame of a form inside a panel: its heading, the error summary linking to each field, the
 * fields, and the submit and cancel buttons; `form` is what `useCheckedForm` gives.
 */
import type { FormEvent, ReactNode } from 'react';
import { ErrorSummary } from './ErrorSummary.js';
import { FormActions } from './FormActions.js';

/** The state of the form's submit, as useCheckedForm gives it. */
export type FormState = {
  /** Field errors by the API's field name. */
  errors: Record<string, string>;
  /** The id of the control a field's error links to. */
  fieldId: (field: string) => string;
  /** The overall sentence, shown when no field names the problem. */
  problem?: string;
  /** The number of submits, so the summary takes focus again. */
  attempt: number;
  busy: boolean;
};

type Props = {
  /** The heading, also the form's accessible name. */
  title: string;
  className?: string;
  form: FormState;
  onSubmit: (event: FormEvent) => void;
  /** The label a field's error is named by in the summary. */
  labelOf: (field: string) => string;
  submit: string;
  onCancel: () => void;
  children: ReactNode;
};

/** A form with a heading and an error summary, ending with FormActions. */
export function CheckedForm({ title, className, form, onSubmit, labelOf, submit, onCancel, children }: Props) {
  const summary = Object.entries(form.errors).map(([field, message]) => ({
    fieldId: form.fieldId(field),
    label: labelOf(field),
    message,
  }));
  return (
    <form onSubmit={onSubmit} noValidate aria-label={title} className={className}>
      <h4>{title}</h4>
      <ErrorSummary items={summary} message={summary.length === 0 ? form.problem : undefined} focusKey={form.attempt} />
      {children}
      <FormActions submit={submit} busy={form.busy} onCancel={onCancel} />
    </form>
  );
}
