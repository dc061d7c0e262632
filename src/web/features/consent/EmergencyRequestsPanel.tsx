/** Emergency-access requests past a colleague's daily limit, for a coordinator to approve or deny. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emergencyApi } from '../../api/consentEndpoints.js';
import { freshOnOpen } from '../../api/query-client.js';
import { emergencyKeys } from '../../api/queryKeys.js';
import { useMessages } from '../../api/fieldErrors.js';
import { Alert } from '../../components/Alert.js';
import { useAction } from '../../hooks/useAction.js';
import { useFormat } from '../../i18n/format.js';

/** The requests panel; says so when none wait. */
export function EmergencyRequestsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const messages = useMessages();
  const queryClient = useQueryClient();
  const requests = useQuery({
    queryKey: emergencyKeys.requests,
    queryFn: () => emergencyApi.requests(),
    ...freshOnOpen,
  });
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);

  async function decide(id: string, name: string, decision: 'approve' | 'deny') {
    setDone(null);
    if (await action.run(() => emergencyApi.decide(id, decision))) {
      setDone(t(decision === 'approve' ? 'emergencyRequests.approved' : 'emergencyRequests.denied', { name }));
      await queryClient.invalidateQueries({ queryKey: emergencyKeys.requests });
    }
  }
  return (
    <section className="panel" aria-labelledby="emergency-requests-title">
      <h2 id="emergency-requests-title">{t('emergencyRequests.title')}</h2>
      <p>{t('emergencyRequests.intro')}</p>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {action.error ? <Alert tone="error">{messages.text(action.error)}</Alert> : null}
      {requests.data && requests.data.length === 0 ? <p>{t('emergencyRequests.none')}</p> : null}
      <ul className="plain-list">
        {(requests.data ?? []).map((r) => (
          <li key={r.id}>
            <p>
              {t('emergencyRequests.item', {
                by: r.requestedBy.name,
                person: r.person.name,
                date: format.dateTime(r.createdAt),
                reason: r.reason,
              })}
            </p>
            <p className="button-row">
              <button
                type="button"
                className="button button--small"
                disabled={action.busy}
                onClick={() => decide(r.id, r.person.name, 'approve')}
              >
                {t('emergencyRequests.approve', { person: r.person.name })}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={action.busy}
                onClick={() => decide(r.id, r.person.name, 'deny')}
              >
                {t('emergencyRequests.deny', { person: r.person.name })}
              </button>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
