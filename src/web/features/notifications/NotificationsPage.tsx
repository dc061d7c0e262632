/**
 * /notifications: for a school reporter, "Mina anmälningar"; for a coordinator, the inbox of
 * notifications to verify with the leaving school, and below it the ones they sent themselves.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatIdentityNumber } from '../../../core/personnummer.js';
import { freshOnOpen, problemOf } from '../../api/query-client.js';
import { notificationKeys } from '../../api/queryKeys.js';
import { notificationsApi } from '../../api/registerEndpoints.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useSession } from '../auth/session.js';
import { InboxItem } from './InboxItem.js';
import { MyNotifications } from './MyNotifications.js';
import { RoutingTrustForm } from './RoutingTrustForm.js';

/** The notifications page for either role. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const location = useLocation();
  const submitted = Boolean((location.state as { submitted?: boolean } | null)?.submitted);
  const inboxRole = can('notifications.inbox');
  const queryClient = useQueryClient();
  const mineQuery = useQuery({
    queryKey: notificationKeys.list('mine'),
    queryFn: () => notificationsApi.list('mine'),
    ...freshOnOpen,
  });
  const inboxQuery = useQuery({
    queryKey: notificationKeys.list('inbox'),
    queryFn: () => notificationsApi.list('inbox'),
    enabled: inboxRole,
    ...freshOnOpen,
  });
  const mine = { data: mineQuery.data, error: problemOf(mineQuery.error), loading: mineQuery.isFetching };
  const inbox = { data: inboxQuery.data, error: problemOf(inboxQuery.error), loading: inboxQuery.isFetching };
  const [handled, setHandled] = useState<string | null>(null);

  const newLink = (
    <Link to="/notifications/new" className="button">
      {t('notifications.mine.new')}
    </Link>
  );
  const mineList = mine.data ? (
    <MyNotifications items={mine.data} caption={t('notifications.mine.caption')} />
  ) : mine.loading ? (
    <Loading />
  ) : null;

  if (!inboxRole) {
    return (
      <>
        <PageHeading title={t('notifications.mine.title')}>{newLink}</PageHeading>
        {submitted ? <Alert tone="success">{t('notifications.form.sent')}</Alert> : null}
        <p className="lead">{t('notifications.mine.intro')}</p>
        <ProblemAlert error={mine.error} />
        {mineList}
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('notifications.inbox.title')}>{newLink}</PageHeading>
      {submitted ? <Alert tone="success">{t('notifications.form.sent')}</Alert> : null}
      {handled ? <Alert tone="success">{t('notifications.handle.done', { pnr: handled })}</Alert> : null}
      <p className="lead">{t('notifications.inbox.intro')}</p>
      <ProblemAlert error={inbox.error} />
      {inbox.data ? (
        inbox.data.length === 0 ? (
          <p className="panel muted">{t('notifications.inbox.empty')}</p>
        ) : (
          <ul className="inbox" aria-label={t('notifications.inbox.listLabel', { count: inbox.data.length })}>
            {inbox.data.map((item) => (
              <InboxItem
                key={item.id}
                item={item}
                onHandled={async (done) => {
                  setHandled(formatIdentityNumber(done.personalIdentityNumber));
                  await queryClient.invalidateQueries({ queryKey: notificationKeys.list('inbox') });
                  document.getElementById('page-title')?.focus();
                }}
              />
            ))}
          </ul>
        )
      ) : inbox.loading ? (
        <Loading />
      ) : null}
      <section className="panel" aria-labelledby="my-notifications-title">
        <h2 id="my-notifications-title">{t('notifications.mine.sentByMe')}</h2>
        <ProblemAlert error={mine.error} />
        {mineList}
      </section>
      <RoutingTrustForm />
    </>
  );
}
