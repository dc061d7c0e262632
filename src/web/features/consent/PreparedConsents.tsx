/**
 * Consents prepared for the young person to sign in Mitt Lotsa that still wait for the signature: they
 * give no access yet. Those who manage the person can take one back.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { consentsApi } from '../../api/consentEndpoints.js';
import { useMessages } from '../../api/fieldErrors.js';
import { problemOf } from '../../api/query-client.js';
import { personKeys } from '../../api/queryKeys.js';
import { Alert, ProblemAlert } from '../../components/Alert.js';
import { useAction } from '../../hooks/useAction.js';
import { useFormat } from '../../i18n/format.js';

type Props = { personId: string; manage: boolean; onChanged: () => Promise<void> };

/** The list of prepared consents; nothing when there is none. */
export function PreparedConsents({ personId, manage, onChanged }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const messages = useMessages();
  const action = useAction();
  const prepared = useQuery({
    queryKey: personKeys.preparedConsents(personId),
    queryFn: () => consentsApi.prepared(personId),
  });
  if (prepared.error) return <ProblemAlert error={problemOf(prepared.error)} />;
  if (!prepared.data?.length) return null;
  return (
    <>
      <h3>{t('consent.preparedTitle')}</h3>
      {action.error ? <Alert tone="error">{messages.text(action.error)}</Alert> : null}
      <ul className="consent-list">
        {prepared.data.map((c) => {
          const names = c.recipients.map((r) => r.name).join(', ');
          return (
            <li key={c.id} className="consent consent--prepared">
              <p className="consent__head">
                <span className="badge">{t('consent.preparedState')}</span> {names}
              </p>
              <dl className="details details--compact">
                <dt>{t('consent.whatShared')}</dt>
                <dd>{c.categories.map((x) => t(`consent.categories.${x}`)).join(', ')}</dd>
                <dt>{t('consent.purpose')}</dt>
                <dd>{c.purpose}</dd>
                <dt>{t('consent.validUntil')}</dt>
                <dd>{c.validUntil ? format.date(c.validUntil) : t('consent.untilWithdrawn')}</dd>
              </dl>
              <p className="muted">
                {t('consent.preparedAt', { date: format.dateTime(c.preparedAt), name: c.preparedBy ?? '' })}
              </p>
              {manage ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={action.busy}
                  aria-label={t('consent.preparedCancelHint', { names })}
                  onClick={async () => {
                    if (await action.run(() => consentsApi.cancelPrepared(c.id))) await onChanged();
                  }}
                >
                  {t('consent.preparedCancel')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
