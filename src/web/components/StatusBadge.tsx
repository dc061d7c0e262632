/** A case status as a coloured badge with its name in words (colour is never the only cue). */
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../core/schemas.js';

/** The badge for `status`, or "no case" when there is none. */
export function StatusBadge({ status }: { status: CaseStatus | null }) {
  const { t } = useTranslation();
  if (!status) return <span className="badge badge--none">{t('status.none')}</span>;
  return <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>;
}
