/** An import's status as a badge with its name in words (colour is never the only cue). */
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../core/register-schemas.js';

/** The badge for an import status. */
export function ImportStatusBadge({ status }: { status: ImportSummary['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge badge--import-${status}`}>{t(`imports.status.${status}`)}</span>;
}
