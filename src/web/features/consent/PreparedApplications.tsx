/**
 * Applications prepared for the young person to sign in Mitt Lotsa that still wait for the signature:
 * they reach no team meeting yet. Those who manage the person can take one back.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applicationsApi, consentsApi } from '../../api/consentEndpoints.js';
import { useMessages } from '../../api/fieldErrors.js';
import { problemOf } from '../../api/query-client.js';
import { personKeys } from '../../api/queryKeys.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { useAction } from '../../hooks/useAction.js';
import { useFormat } from '../../i18n/format.js';

/** The list of prepared applications; nothing when there is none. */
export function PreparedApplications({ personId, manage }: { personId: string; manage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const messages = useMessages();
  const action = useAction();
  const queryClient = useQueryClient();
  const prepared = useQuery({
    queryKey: personKeys.preparedApplications(personId),
    queryFn: () => applicationsApi.prepared(personId),
  });
  if (prepared.error) return <ProblemAlert error={problemOf(prepared.error)} />;
  if (!prepared.data?.length) return null;
  return (
    <>
      <h3>{t('applications.preparedTitle')}</h3>
      {action.error ? <Alert tone="error">{messages.text(action.error)}</Alert> : null}
      <ul className="plain-list">
        {prepared.data.map((a) => (
          <li key={a.id}>
            <span className="badge badge--none">{t('consent.preparedState')}</span> {a.team.name},{' '}
            {t(`applications.referrer.${a.referrer}`)}
            <span className="block small muted">
              {t('consent.preparedAt', { date: format.dateTime(a.preparedAt), name: a.preparedBy ?? '' })}
            </span>
            {manage ? (
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={action.busy}
                aria-label={t('applications.preparedCancelHint', { team: a.team.name })}
                onClick={async () => {
                  if (await action.run(() => consentsApi.cancelPrepared(a.id)))
                    await queryClient.invalidateQueries({ queryKey: personKeys.applications(personId) });
                }}
              >
                {t('consent.preparedCancel')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
