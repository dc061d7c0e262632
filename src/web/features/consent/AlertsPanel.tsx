/**
 * Alerts on the start page: emergency access to a person of your caseload and requests for it, a colleague let see
 * protected contact details, a coordinator or administrator account given or reset.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { StaffAlert } from '../../../core/consent-schemas.js';
import { emergencyApi } from '../../api/consentEndpoints.js';
import { freshOnOpen } from '../../api/query-client.js';
import { emergencyKeys } from '../../api/queryKeys.js';
import { useFormat } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';

/** The text key of an alert, by its kind. */
function wordingOf(alert: StaffAlert): string {
  switch (alert.kind) {
    case 'protected_identity_grant':
      return 'emergency.grantAlert';
    case 'emergency_request':
    case 'coordinator_granted':
    case 'coordinator_password_reset':
    case 'administrator_granted':
    case 'administrator_password_reset':
      return `staffAlerts.${alert.kind}`;
    case 'emergency_request_decided':
      return alert.payload.decision === 'approved'
        ? 'staffAlerts.emergency_request_approved'
        : 'staffAlerts.emergency_request_denied';
    default:
      return 'emergency.alert';
  }
}

/** The alerts panel; nothing when there are no unread alerts. */
export function AlertsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const alerts = useQuery({ queryKey: emergencyKeys.alerts, queryFn: () => emergencyApi.alerts(), ...freshOnOpen });
  if (!alerts.data?.length) return null;
  return (
    <section className="panel panel--emergency" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('emergency.alertsTitle')}</h2>
      <ul className="plain-list">
        {alerts.data.map((a) => (
          <li key={a.id}>
            <p>
              {t(wordingOf(a), {
                by: String(a.payload.by ?? ''),
                to: String(a.payload.to ?? ''),
                reason: String(a.payload.reason ?? ''),
                date: format.dateTime(a.createdAt),
              })}
            </p>
            <p className="button-row">
              {a.kind === 'emergency_request' && can('emergency.approve') ? (
                <Link to="/emergency-access">{t('staffAlerts.answerRequest')}</Link>
              ) : null}
              {a.personId && can('persons.browse') && a.kind !== 'emergency_request' ? (
                <Link to={`/persons/${a.personId}`}>{t('emergency.alertPerson')}</Link>
              ) : null}
              {can('access.review') ? <Link to="/admin/access-review">{t('emergency.alertReview')}</Link> : null}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={async () => {
                  await emergencyApi.markRead(a.id);
                  await queryClient.invalidateQueries({ queryKey: emergencyKeys.alerts });
                }}
              >
                {t('emergency.markRead')}
              </button>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
