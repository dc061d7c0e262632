/** Messages to the user: errors are announced assertively (role="alert"), news politely (role="status"). */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.js';

/** A message box; `tone` decides colour and how it is announced. */
export function Alert({
  tone = 'error',
  children,
}: {
  tone?: 'error' | 'success' | 'info' | 'warning';
  children: ReactNode;
}) {
  const role = tone === 'error' ? 'alert' : 'status';
  return (
    <div className={`alert alert--${tone}`} role={role}>
      {children}
    </div>
  );
}

/** The sentence to show for an API error, in the UI language. */
export function useProblemText(): (error: ApiError) => string {
  const { t } = useTranslation();
  return (error) =>
    t(`errors.${error.code}`, { ...error.params, defaultValue: error.message || t('errors.internal_error') });
}

/** An API error as an alert, with an optional extra (e.g. a reload button). */
export function ProblemAlert({ error, children }: { error: ApiError | null; children?: ReactNode }) {
  const text = useProblemText();
  if (!error) return null;
  return (
    <Alert tone="error">
      <p>{text(error)}</p>
      {children}
    </Alert>
  );
}

/** A polite "loading" notice. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
