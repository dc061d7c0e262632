/**
 * The young person's own calendar subscription of their week, made by the contact person to give to
 * them: create (in Swedish or English), renew or revoke it. The address is shown once, when made.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { scheduleApi, scheduleKeys } from '../../api/scheduleEndpoints.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { FeedAddress } from '../../components/FeedAddress.js';
import { SelectField } from '../../components/SelectField.js';
import { useFormat } from '../../i18n/format.js';

const problem = (e: unknown) => (e instanceof ApiError ? e : null);

/** The subscription panel for one young person. */
export function ScheduleFeedPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const feed = useQuery({ queryKey: scheduleKeys.feed(personId), queryFn: () => scheduleApi.feed(personId) });
  const [lang, setLang] = useState<'sv' | 'en'>('sv');
  const [url, setUrl] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: scheduleKeys.feed(personId) });
  const renew = useMutation({
    mutationFn: () => scheduleApi.renewFeed(personId, lang),
    onSuccess: async (made) => {
      setRevoked(false);
      setUrl(made.url);
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: () => scheduleApi.revokeFeed(personId),
    onSuccess: async () => {
      setUrl(null);
      setRevoked(true);
      await refresh();
    },
  });
  const active = feed.data?.active ?? false;

  return (
    <div className="schedule__feed">
      <h3>{t('schedule.feed.title')}</h3>
      <p>{t('schedule.feed.text')}</p>
      <ProblemAlert error={problem(feed.error) ?? problem(renew.error) ?? problem(revoke.error)} />
      {revoked ? <Alert tone="success">{t('schedule.feed.revoked')}</Alert> : null}
      {url ? (
        <FeedAddress
          id="schedule-feed-url"
          label={t('schedule.feed.url')}
          hint={t('schedule.feed.urlHint')}
          url={url}
        />
      ) : null}
      {feed.data ? (
        <p>
          {active && feed.data.createdAt
            ? t('schedule.feed.active', { date: format.date(feed.data.createdAt) })
            : t('schedule.feed.none')}
        </p>
      ) : null}
      <SelectField
        id="schedule-feed-lang"
        label={t('schedule.feed.lang')}
        value={lang}
        onChange={setLang}
        options={[
          { value: 'sv', label: t('schedule.feed.sv') },
          { value: 'en', label: t('schedule.feed.en') },
        ]}
      />
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={renew.isPending}
          onClick={() => renew.mutate()}
        >
          {active ? t('schedule.feed.renew') : t('schedule.feed.create')}
        </button>
        {active ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate()}
          >
            {t('schedule.feed.revoke')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
