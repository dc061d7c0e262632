/** A form's buttons: submit (disabled while busy) and, when given, cancel. */
import { useTranslation } from 'react-i18next';

/** The submit and cancel buttons at the foot of a form. */
export function FormActions({ submit, busy, onCancel, danger }: { submit: string; busy: boolean; onCancel?: () => void; danger?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className={danger ? 'button button--danger' : 'button'} disabled={busy}>
        {submit}
      </button>
      {onCancel ? (
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      ) : null}
    </div>
  );
}
