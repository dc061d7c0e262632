/**
 * An import that is waiting or being checked: an indeterminate bar and how many rows are done.
 * The import's background job is watched too, so a job that failed without finishing the import
 * is told rather than waited on forever.
 */
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../core/register-schemas.js';
import { ApiError } from '../../api/client.js';
import { jobKeys } from '../../api/queryKeys.js';
import { registerApi } from '../../api/registerEndpoints.js';
import { ProblemAlert } from '../../components/Alert.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { usePolled } from '../../hooks/usePolled.js';
import { useFormat } from '../../i18n/format.js';

/** The progress section of a queued or running import. The total is not known until the file is read. */
export function ImportProgress({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Only the uploader may read the job; for anyone else the import's own status has to do.
  const job = usePolled({
    queryKey: jobKeys.one(summary.jobId ?? ''),
    queryFn: async () => (summary.jobId ? registerApi.job(summary.jobId).catch(() => null) : null),
    again: (j) => j?.status === 'queued' || j?.status === 'running',
  });
  if (job.data?.status === 'failed') {
    const code = job.data.error && /^[a-z_]+$/.test(job.data.error) ? job.data.error : 'internal_error';
    return <ProblemAlert error={new ApiError(0, code as ApiError['code'], '')} />;
  }
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
