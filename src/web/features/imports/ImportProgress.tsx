/** An import that is waiting or being checked: an indeterminate bar and how many rows are done. */
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../core/register-schemas.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { useFormat } from '../../i18n/format.js';

/** The progress section of a queued or running import. The total is not known until the file is read. */
export function ImportProgress({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text =
    summary.status === 'queued' && summary.progress === 0
      ? t('imports.progress.queued')
      : t('imports.progress.rows', { count: summary.progress, formatted: format.number(summary.progress) });
  return (
    <section className="panel" aria-labelledby="import-progress-title">
      <h2 id="import-progress-title">{t('imports.progress.title')}</h2>
      <ProgressBar id="import-progress" label={t('imports.progress.label')} value={summary.progress} text={text} />
    </section>
  );
}
