/** /queues/:key: the persons in one queue; coordinators can select them and assign a contact person. */
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QUEUE_KEYS, type QueueKey } from '../../../core/outreach.js';
import { outreachApi, queuesApi } from '../../api/outreachEndpoints.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useSession } from '../auth/session.js';
import { NotFoundPage } from '../errors/NotFoundPage.js';
import { BulkAssignForm } from './BulkAssignForm.js';
import { ContactPersonFilter } from './ContactPersonFilter.js';
import { QueueTable } from './QueueTable.js';

/** One queue. */
export function QueuePage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const contactPerson = params.get('contactPerson') ?? '';
  const known = (QUEUE_KEYS as readonly string[]).includes(key) && key !== 'inbox';
  const page = useLoad(() => (known ? queuesApi.items(key as QueueKey, contactPerson || undefined) : Promise.resolve(null)), [key, contactPerson]);
  const settings = useLoad(() => outreachApi.settings(), []);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  if (!known) return <NotFoundPage />;
  const items = page.data?.items ?? [];
  const selectable = can('cases.assign');
  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const toggleAll = () => setSelected((s) => (items.every((i) => s.has(i.personId)) ? new Set() : new Set(items.map((i) => i.personId))));
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/queues${contactPerson ? `?contactPerson=${encodeURIComponent(contactPerson)}` : ''}`}>{t('queues.back')}</Link>
      </p>
      <PageHeading title={t(`queues.names.${key}`)} />
      <p className="lead">{t(`queues.descriptions.${key}`, { days: settings.data?.settings.overdueDays ?? 14 })}</p>
      <div className="search-bar">
        <ContactPersonFilter value={contactPerson} onChange={(value) => setParams(value ? { contactPerson: value } : {})} />
      </div>
      <ProblemAlert error={page.error} />
      {!page.data ? (
        <Loading />
      ) : (
        <>
          {page.data.total > items.length ? <p className="result-count">{t('queues.truncated', { shown: items.length, total: page.data.total })}</p> : null}
          <QueueTable queue={key as QueueKey} items={items} selectable={selectable} selected={selected} onToggle={toggle} onToggleAll={toggleAll} />
          {selectable && items.length > 0 ? (
            <BulkAssignForm
              selected={[...selected]}
              onAssigned={async () => {
                setSelected(new Set());
                await page.reload();
              }}
            />
          ) : null}
        </>
      )}
    </>
  );
}
