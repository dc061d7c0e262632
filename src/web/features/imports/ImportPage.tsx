/**
 * /register/imports/:id: one import. While it waits or runs the page asks the API again every
 * 700 ms and shows the progress; then it shows the step the import needs (mapping, review), its
 * summary when ready, or why it failed.
 */
import { Link, useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../core/register-schemas.js';
import { problemOf } from '../../api/query-client.js';
import { importKeys } from '../../api/queryKeys.js';
import { importsApi } from '../../api/registerEndpoints.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { usePolled } from '../../hooks/usePolled.js';
import { useFormat } from '../../i18n/format.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { ImportProgress } from './ImportProgress.js';
import { ImportStatusBadge } from './ImportStatusBadge.js';
import { MappingForm } from './MappingForm.js';
import { ReadyPanel } from './ReadyPanel.js';
import { ReviewPanel } from './ReviewPanel.js';

const inProgress = (s: ImportSummary) => s.status === 'queued' || s.status === 'running';

/** The import page. */
export function ImportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const location = useLocation();
  const alreadyImported = Boolean((location.state as { alreadyImported?: boolean } | null)?.alreadyImported);
  const summary = usePolled({ queryKey: importKeys.one(id), queryFn: () => importsApi.get(id), again: inProgress });
  const error = problemOf(summary.error);

  if (error?.status === 404) return <NotFoundPage />;
  const s = summary.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/register/imports">{t('imports.page.back')}</Link>
      </p>
      <PageHeading title={s ? t('imports.page.title', { fileName: s.fileName }) : t('imports.page.loadingTitle')} />
      {alreadyImported ? <Alert tone="info">{t('imports.page.alreadyImported')}</Alert> : null}
      <ProblemAlert error={error}>
        <button type="button" className="button button--secondary" onClick={() => void summary.refetch()}>
          {t('common.reload')}
        </button>
      </ProblemAlert>
      {!s ? (
        summary.isFetching ? (
          <Loading />
        ) : null
      ) : (
        <>
          <dl className="details">
            <dt>{t('imports.page.kind')}</dt>
            <dd>{t(`imports.kinds.${s.kind}`)}</dd>
            <dt>{t('imports.page.status')}</dt>
            <dd aria-live="polite">
              <ImportStatusBadge status={s.status} />
            </dd>
            <dt>{t('imports.page.created')}</dt>
            <dd>
              <time dateTime={s.createdAt}>{format.dateTime(s.createdAt)}</time>
            </dd>
          </dl>
          {inProgress(s) ? <ImportProgress summary={s} /> : null}
          {s.status === 'needs_mapping' ? <MappingForm key={s.id} summary={s} /> : null}
          {s.status === 'needs_review' ? <ReviewPanel key={s.id} summary={s} /> : null}
          {s.status === 'ready' ? <ReadyPanel summary={s} /> : null}
          {s.status === 'failed' ? (
            <Alert tone="error">
              <h2 className="alert__title">{t('imports.failed.title')}</h2>
              {s.failure ? <p>{t('imports.failed.reason', { reason: s.failure })}</p> : null}
              <p>{t('imports.failed.text')}</p>
              <p>
                <Link to="/register/imports">{t('imports.failed.again')}</Link>
              </p>
            </Alert>
          ) : null}
        </>
      )}
    </>
  );
}
