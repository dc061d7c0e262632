/**
 * A summary of a form's errors at the top of the form: announced with role="alert", focused when
 * it appears, each entry a link to the field it concerns.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One error in the summary: which field (its element id) and the message. */
export type SummaryItem = { fieldId?: string; label?: string; message: string };

/**
 * Shows `items`, or nothing when the list is empty. `message` is an overall sentence. The summary
 * takes focus when it appears and whenever `focusKey` changes (pass the number of submit attempts).
 * `children` follow the list, e.g. a button to reload after a version conflict.
 */
export function ErrorSummary({
  message,
  items,
  focusKey,
  children,
}: {
  message?: string;
  items: SummaryItem[];
  focusKey?: number;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const visible = Boolean(message) || items.length > 0;
  // Focus on a new attempt, not on every re-render (typing, or switching language).
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, focusKey]);
  if (!visible) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {t('form.errorSummaryTitle')}
      </h2>
      {message ? <p>{message}</p> : null}
      {items.length > 0 ? (
        <ul>
          {items.map((item, i) => (
            <li key={`${item.fieldId ?? 'form'}-${i}`}>
              {item.fieldId ? (
                <a
                  href={`#${item.fieldId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(item.fieldId!)?.focus();
                  }}
                >
                  {item.label ? t('form.errorItem', { label: item.label, message: item.message }) : item.message}
                </a>
              ) : (
                item.message
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </div>
  );
}
