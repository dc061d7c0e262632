/** A form's buttons: submit (disabled while busy), and when given a cancel button and further links or buttons. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  submit: string;
  busy?: boolean;
  onCancel?: () => void;
  /** The cancel button's text when it does more than cancel (e.g. "Clear"); by default "Cancel". */
  cancelLabel?: string;
  danger?: boolean;
  /** What follows the buttons, e.g. a link back instead of a cancel button. */
  children?: ReactNode;
};

/** The submit and cancel buttons at the foot of a form; every form ends with this. */
export function FormActions({ submit, busy = false, onCancel, cancelLabel, danger, children }: Props) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className={danger ? 'button button--danger' : 'button'} disabled={busy}>
        {submit}
      </button>
      {onCancel ? (
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {cancelLabel ?? t('common.cancel')}
        </button>
      ) : null}
      {children}
    </div>
  );
}
