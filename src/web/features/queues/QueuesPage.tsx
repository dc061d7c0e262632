/** /queues: every work queue with its count, narrowed by contact person (kept in the address, so shareable). */
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../api/query-client.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ContactPersonFilter } from './ContactPersonFilter.js';
import { QueueLinks } from './QueueLinks.js';
import { useOutreachSettings, useQueueSummaries } from './queueListing.js';

/** The queues page. */
export function QueuesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const contactPerson = params.get('contactPerson') ?? '';
  const queues = useQueueSummaries(contactPerson);
  const settings = useOutreachSettings();
  return (
    <>
      <PageHeading title={t('queues.title')} />
      <p className="lead">{t('queues.intro')}</p>
      <div className="search-bar">
        <ContactPersonFilter
          value={contactPerson}
          onChange={(value) => setParams(value ? { contactPerson: value } : {})}
        />
      </div>
      <ProblemAlert error={problemOf(queues.error)} />
      {queues.data ? (
        <QueueLinks
          queues={queues.data}
          contactPerson={contactPerson}
          overdueDays={settings.data?.settings.overdueDays ?? 14}
        />
      ) : (
        <Loading />
      )}
    </>
  );
}
