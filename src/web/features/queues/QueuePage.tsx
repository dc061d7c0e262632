/**
 * /queues/:key: the persons in one queue, a page at a time and sorted by any column (contact person,
 * sort, order and page kept in the address); coordinators select persons and assign a contact person
 * from a bar that stays in view.
 */
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QUEUE_KEYS, type QueueKey } from '../../../core/outreach.js';
import type { QueueSort } from '../../../core/outreach-schemas.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Pagination } from '../../components/Pagination.js';
import { useFormat } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { BulkAssignForm } from './BulkAssignForm.js';
import { ContactPersonFilter } from './ContactPersonFilter.js';
import { QueueTable } from './QueueTable.js';
import { queueListingFrom, queueListingSearch, useOutreachSettings, useQueueListing } from './queueListing.js';

/** One queue. */
export function QueuePage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const listing = queueListingFrom(params);
  const { contactPerson, sort, order } = listing;
  const known = (QUEUE_KEYS as readonly string[]).includes(key) && key !== 'inbox';
  const page = useQueueListing(known ? (key as QueueKey) : null, listing, true);
  const settings = useOutreachSettings();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  if (!known) return <NotFoundPage />;
  const items = page.data?.items ?? [];
  const selectable = can('cases.assign');
  const toggle = (id: string) =>
    setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const toggleAll = () =>
    setSelected((s) =>
      items.every((i) => s.has(i.personId))
        ? new Set([...s].filter((id) => !items.some((i) => i.personId === id)))
        : new Set([...s, ...items.map((i) => i.personId)]),
    );

  function update(next: { contactPerson?: string; sort?: QueueSort; order?: 'asc' | 'desc'; page?: number }) {
    const search = queueListingSearch({ ...listing, page: 1, ...next });
    // A new filter shows other persons: what was chosen under the old one is let go.
    if (next.contactPerson !== undefined) setSelected(new Set());
    setParams(search);
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/queues${contactPerson ? `?contactPerson=${encodeURIComponent(contactPerson)}` : ''}`}>
          {t('queues.back')}
        </Link>
      </p>
      <PageHeading title={t(`queues.names.${key}`)} />
      <p className="lead">{t(`queues.descriptions.${key}`, { days: settings.data?.settings.overdueDays ?? 14 })}</p>
      <div className="search-bar">
        <ContactPersonFilter value={contactPerson} onChange={(value) => update({ contactPerson: value })} />
      </div>
      <ProblemAlert error={page.problem} />
      <p role="status" className="result-count">
        {page.data && !page.isFetching
          ? page.data.totalIsLowerBound
            ? t('queueBulk.countAtLeast', { formatted: format.number(page.data.total) })
            : t('queueBulk.count', { count: page.data.total, formatted: format.number(page.data.total) })
          : null}
      </p>
      {!page.data ? (
        <Loading />
      ) : (
        <div className="bulk-area" aria-busy={page.isFetching}>
          <QueueTable
            queue={key as QueueKey}
            listing={queueListingSearch(listing)}
            items={items}
            selectable={selectable}
            selected={selected}
            onToggle={toggle}
            onToggleAll={toggleAll}
            sort={sort}
            order={order}
            onSort={(s, o) => update({ sort: s, order: o })}
          />
          <Pagination
            page={page.data.page}
            pageSize={page.data.pageSize}
            total={page.data.total}
            totalIsLowerBound={page.data.totalIsLowerBound}
            onPage={(p) => update({ page: p })}
            label={t('queueBulk.paging')}
          />
          {selectable && page.data.total > 0 ? (
            <BulkAssignForm selected={[...selected]} onAssigned={() => setSelected(new Set())} />
          ) : null}
        </div>
      )}
    </>
  );
}
