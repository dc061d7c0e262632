/**
 * The frame of a form inside a panel: its heading, the error summary linking to each field, the
 * fields, and the submit and cancel buttons. Goes with `useCheckedForm` or `useSchemaForm`.
 */
import type { FormEvent, ReactNode } from 'react';
import { ErrorSummary } from './ErrorSummary.js';
import { FormActions } from './FormActions.js';

type Props = {
  /** The heading, also the form's accessible name. */
  title: string;
  className?: string;
  onSubmit: (event: FormEvent) => void;
  /** Field errors by the API's field name. */
  errors: Record<string, string>;
  /** The id of the control a field's error links to. */
  fieldId: (field: string) => string;
  /** The label a field's error is named by in the summary. */
  labelOf: (field: string) => string;
  /** The overall sentence, shown when no field names the problem. */
  problem?: string;
  /** The number of submits, so the summary takes focus again. */
  attempt: number;
  submit: string;
  busy: boolean;
  onCancel: () => void;
  children: ReactNode;
};

/** A form with a heading and an error summary, ending with FormActions. */
export function CheckedForm({
  title,
  className,
  onSubmit,
  errors,
  fieldId,
  labelOf,
  problem,
  attempt,
  ...rest
}: Props) {
  const summary = Object.entries(errors).map(([field, message]) => ({
    fieldId: fieldId(field),
    label: labelOf(field),
    message,
  }));
  return (
    <form onSubmit={onSubmit} noValidate aria-label={title} className={className}>
      <h4>{title}</h4>
      <ErrorSummary items={summary} message={summary.length === 0 ? problem : undefined} focusKey={attempt} />
      {rest.children}
      <FormActions submit={rest.submit} busy={rest.busy} onCancel={rest.onCancel} />
    </form>
  );
}
