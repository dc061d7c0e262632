/** The start page's work queues: a coach's own cases, everyone's for a coordinator. */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../api/query-client.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { useSession } from '../auth/session.js';
import { QueueLinks } from './QueueLinks.js';
import { useOutreachSettings, useQueueSummaries } from './queueListing.js';

/** The queue section of the start page. */
export function StartQueues() {
  const { t } = useTranslation();
  const { me } = useSession();
  const filter = me?.role === 'coordinator' ? '' : 'me';
  const queues = useQueueSummaries(filter);
  const settings = useOutreachSettings();
  return (
    <section className="panel" aria-labelledby="start-queues-title">
      <h2 id="start-queues-title">{t('queues.startTitle')}</h2>
      <ProblemAlert error={problemOf(queues.error)} />
      {queues.data ? (
        <QueueLinks
          queues={queues.data}
          contactPerson={filter}
          overdueDays={settings.data?.settings.overdueDays ?? 14}
        />
      ) : (
        <Loading />
      )}
      <p>
        <Link to="/queues">{t('queues.title')}</Link>
      </p>
    </section>
  );
}
