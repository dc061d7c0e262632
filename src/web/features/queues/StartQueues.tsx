/** The start page's work queues: a coach's own cases, everyone's for a coordinator. */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { outreachApi, queuesApi } from '../../api/outreachEndpoints.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useSession } from '../auth/session.js';
import { QueueLinks } from './QueueLinks.js';

/** The queue section of the start page. */
export function StartQueues() {
  const { t } = useTranslation();
  const { me } = useSession();
  const filter = me?.role === 'coordinator' ? '' : 'me';
  const queues = useLoad(() => queuesApi.list(filter || undefined), [filter]);
  const settings = useLoad(() => outreachApi.settings(), []);
  return (
    <section className="panel" aria-labelledby="start-queues-title">
      <h2 id="start-queues-title">{t('queues.startTitle')}</h2>
      <ProblemAlert error={queues.error} />
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
