/** /admin/audit: the audit log for administrators, filtered by person, staff member, kind, event and dates, paged. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { reportsApi, staffApi } from '../../api/endpoints.js';
import { fieldErrorsOf } from '../../api/fieldErrors.js';
import { freshOnOpen, problemOf } from '../../api/query-client.js';
import { auditKeys, staffKeys } from '../../api/queryKeys.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Pagination } from '../../components/Pagination.js';
import { useFormat } from '../../i18n/format.js';
import { AuditFilters, type AuditFilterValues } from './AuditFilters.js';
import { AuditTable } from './AuditTable.js';

/** Rows per page of the audit log. */
export const AUDIT_PAGE_SIZE = 50;
const FILTER_KEYS = ['person', 'personId', 'actorId', 'entity', 'action', 'from', 'to', 'ownReads'] as const;

/** The audit log page. */
export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as AuditFilterValues;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const staff = useQuery({ queryKey: staffKeys.everyone, queryFn: () => staffApi.list() });
  const query = Object.fromEntries(FILTER_KEYS.filter((k) => filters[k]).map((k) => [k, filters[k]]));
  // Asked anew on each visit: the log grows with every read, this page's own too.
  const listing = { ...query, page, pageSize: AUDIT_PAGE_SIZE };
  const logQuery = useQuery({
    queryKey: auditKeys.list(listing),
    queryFn: () => reportsApi.audit(listing),
    placeholderData: keepPreviousData,
    ...freshOnOpen,
  });
  const log = { data: logQuery.data, error: problemOf(logQuery.error), loading: logQuery.isFetching };

  function apply(next: AuditFilterValues, nextPage = 1) {
    const search = new URLSearchParams();
    for (const key of FILTER_KEYS) if (next[key]) search.set(key, next[key]);
    if (nextPage > 1) search.set('page', String(nextPage));
    setParams(search);
  }

  const fieldErrors = fieldErrorsOf(log.error, t);
  return (
    <>
      <PageHeading title={t('audit.title')} />
      <p className="lead">{t('audit.intro')}</p>
      <AuditFilters
        key={params.toString()}
        initial={filters}
        staff={staff.data ?? []}
        errors={fieldErrors}
        onApply={(values) => apply(values)}
      />
      {Object.keys(fieldErrors).length === 0 ? <ProblemAlert error={log.error} /> : null}
      <p role="status" className="result-count">
        {log.data && !log.loading
          ? t('audit.count', { count: log.data.total, formatted: format.number(log.data.total) })
          : null}
      </p>
      {log.loading && !log.data ? <Loading /> : null}
      {log.data && !log.error ? (
        <div aria-busy={log.loading}>
          <AuditTable entries={log.data.items} />
          <Pagination
            page={log.data.page}
            pageSize={log.data.pageSize}
            total={log.data.total}
            onPage={(p) => apply(filters, p)}
            label={t('audit.paging')}
          />
        </div>
      ) : null}
    </>
  );
}
