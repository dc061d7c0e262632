/** The outreach settings' follow-up points after closure: months, written as a list ("6, 12"). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/FormField.js';

/** Whole positive numbers in `text`, in the order written (anything else is left out). */
export function monthsOf(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

/** The field; `onChange` gets the parsed months as the user types. */
export function FollowUpMonthsField({
  value,
  onChange,
  error,
}: {
  value: number[];
  onChange: (months: number[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value.join(', '));
  return (
    <TextField
      id="settings-follow-up-months"
      label={t('outcomes.followUpMonths')}
      hint={t('outcomes.followUpMonthsHint')}
      value={text}
      onChange={(v) => {
        setText(v);
        onChange(monthsOf(v));
      }}
      error={error}
    />
  );
}
