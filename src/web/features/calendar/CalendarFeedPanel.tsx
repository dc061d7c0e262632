/** The reader's iCal subscription: create, renew or revoke it. The address is shown once, when made. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarApi } from '../../api/outreachEndpoints.js';
import { problemOf } from '../../api/query-client.js';
import { calendarKeys } from '../../api/queryKeys.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { useAction } from '../../hooks/useAction.js';
import { apiErrorOf } from '../contact/useFieldErrors.js';
import { useFormat } from '../../i18n/format.js';

/** The subscription panel. */
export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const feed = useQuery({ queryKey: calendarKeys.feed, queryFn: () => calendarApi.feed() });
  const [url, setUrl] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  const action = useAction();
  const problem = apiErrorOf(action.error);
  const run = async (work: () => Promise<unknown>) => {
    await action.run(work);
    await queryClient.invalidateQueries({ queryKey: calendarKeys.feed });
  };

  return (
    <section className="panel" aria-labelledby="feed-title">
      <h2 id="feed-title">{t('calendar.feed.title')}</h2>
      <p>{t('calendar.feed.text')}</p>
      <ProblemAlert error={problem ?? problemOf(feed.error)} />
      {revoked ? <Alert tone="success">{t('calendar.feed.revoked')}</Alert> : null}
      {url ? (
        <div className="field">
          <label htmlFor="feed-url">{t('calendar.feed.url')}</label>
          <p id="feed-url-hint" className="field__hint">
            {t('calendar.feed.urlHint')}
          </p>
          <input
            id="feed-url"
            type="text"
            readOnly
            value={url}
            aria-describedby="feed-url-hint"
            onFocus={(e) => e.target.select()}
          />
        </div>
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
          onClick={() => void run(async () => (setRevoked(false), setUrl((await calendarApi.renewFeed()).url)))}
        >
          {feed.data?.active ? t('calendar.feed.renew') : t('calendar.feed.create')}
        </button>
        {feed.data?.active ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void run(async () => (await calendarApi.revokeFeed(), setUrl(null), setRevoked(true)))}
          >
            {t('calendar.feed.revoke')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
