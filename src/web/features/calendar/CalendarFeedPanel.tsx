/** The reader's iCal subscription: create, renew or revoke it. The address is shown once, when made. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarApi } from '../../api/outreachEndpoints.js';
import { problemOf } from '../../api/query-client.js';
import { calendarKeys } from '../../api/queryKeys.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { FeedAddress } from '../../components/FeedAddress.js';
import { useFormat } from '../../i18n/format.js';

/** The subscription panel. */
export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const feed = useQuery({ queryKey: calendarKeys.feed, queryFn: () => calendarApi.feed() });
  const [url, setUrl] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: calendarKeys.feed });
  const renew = useMutation({
    mutationFn: () => calendarApi.renewFeed(),
    onSuccess: (made) => {
      setRevoked(false);
      setUrl(made.url);
    },
    onSettled: refresh,
  });
  const revoke = useMutation({
    mutationFn: () => calendarApi.revokeFeed(),
    onSuccess: () => {
      setUrl(null);
      setRevoked(true);
    },
    onSettled: refresh,
  });

  return (
    <section className="panel" aria-labelledby="feed-title">
      <h2 id="feed-title">{t('calendar.feed.title')}</h2>
      <p>{t('calendar.feed.text')}</p>
      <ProblemAlert error={problemOf(renew.error ?? revoke.error ?? feed.error)} />
      {revoked ? <Alert tone="success">{t('calendar.feed.revoked')}</Alert> : null}
      {url ? (
        <FeedAddress id="feed-url" label={t('calendar.feed.url')} hint={t('calendar.feed.urlHint')} url={url} />
      ) : null}
      {feed.data ? (
        <p>
          {feed.data.active && feed.data.createdAt
            ? t('calendar.feed.active', { date: format.date(feed.data.createdAt) })
            : t('calendar.feed.none')}
        </p>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={renew.isPending}
          onClick={() => {
            revoke.reset();
            renew.mutate();
          }}
        >
          {feed.data?.active ? t('calendar.feed.renew') : t('calendar.feed.create')}
        </button>
        {feed.data?.active ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={revoke.isPending}
            onClick={() => {
              renew.reset();
              revoke.mutate();
            }}
          >
            {t('calendar.feed.revoke')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
