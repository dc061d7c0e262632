/**
 * /queues/:key: the persons in one queue, a page at a time and sorted by any column (contact person,
 * sort, order and page kept in the address); coordinators select persons and assign a contact person
 * from a bar that stays in view.
 */
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QUEUE_KEYS, type QueueKey } from '../../../core/outreach.js';
import { QUEUE_SORTS, type QueueSort } from '../../../core/outreach-schemas.js';
import { outreachApi, queuesApi } from '../../api/outreachEndpoints.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Pagination } from '../../components/Pagination.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useFormat } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { BulkAssignForm } from './BulkAssignForm.js';
import { ContactPersonFilter } from './ContactPersonFilter.js';
import { QueueTable } from './QueueTable.js';

/** Rows per page of a queue. */
export const QUEUE_PAGE_SIZE = 50;

/** One queue. */
export function QueuePage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const contactPerson = params.get('contactPerson') ?? '';
  const sortParam = params.get('sort') as QueueSort | null;
  const sort: QueueSort = sortParam && QUEUE_SORTS.includes(sortParam) ? sortParam : 'due';
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  const pageNumber = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const known = (QUEUE_KEYS as readonly string[]).includes(key) && key !== 'inbox';
  const page = useLoad(
    () => (known ? queuesApi.items(key as QueueKey, { contactPerson: contactPerson || undefined, sort, order, page: pageNumber, pageSize: QUEUE_PAGE_SIZE }) : Promise.resolve(null)),
    [key, contactPerson, sort, order, pageNumber],
  );
  const settings = useLoad(() => outreachApi.settings(), []);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  if (!known) return <NotFoundPage />;
  const items = page.data?.items ?? [];
  const selectable = can('cases.assign');
  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const toggleAll = () => setSelected((s) => (items.every((i) => s.has(i.personId)) ? new Set([...s].filter((id) => !items.some((i) => i.personId === id))) : new Set([...s, ...items.map((i) => i.personId)])));

  function update(next: { contactPerson?: string; sort?: QueueSort; order?: 'asc' | 'desc'; page?: number }) {
    const merged = { contactPerson, sort, order, page: 1, ...next };
    const search = new URLSearchParams();
    if (merged.contactPerson) search.set('contactPerson', merged.contactPerson);
    if (merged.sort !== 'due') search.set('sort', merged.sort);
    if (merged.order !== 'asc') search.set('order', merged.order);
    if (merged.page > 1) search.set('page', String(merged.page));
    // A new filter shows other persons: what was chosen under the old one is let go.
    if (next.contactPerson !== undefined) setSelected(new Set());
    setParams(search);
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/queues${contactPerson ? `?contactPerson=${encodeURIComponent(contactPerson)}` : ''}`}>{t('queues.back')}</Link>
      </p>
      <PageHeading title={t(`queues.names.${key}`)} />
      <p className="lead">{t(`queues.descriptions.${key}`, { days: settings.data?.settings.overdueDays ?? 14 })}</p>
      <div className="search-bar">
        <ContactPersonFilter value={contactPerson} onChange={(value) => update({ contactPerson: value })} />
      </div>
      <ProblemAlert error={page.error} />
      <p role="status" className="result-count">
        {page.data && !page.loading ? t('queueBulk.count', { count: page.data.total, formatted: format.number(page.data.total) }) : null}
      </p>
      {!page.data ? (
        <Loading />
      ) : (
        <div className="bulk-area" aria-busy={page.loading}>
          <QueueTable queue={key as QueueKey} items={items} selectable={selectable} selected={selected} onToggle={toggle} onToggleAll={toggleAll} sort={sort} order={order} onSort={(s, o) => update({ sort: s, order: o })} />
          <Pagination page={page.data.page} pageSize={page.data.pageSize} total={page.data.total} onPage={(p) => update({ page: p })} label={t('queueBulk.paging')} />
          {selectable && page.data.total > 0 ? (
            <BulkAssignForm
              selected={[...selected]}
              onAssigned={async () => {
                setSelected(new Set());
                await page.reload();
              }}
            />
          ) : null}
        </div>
      )}
    </>
  );
}
