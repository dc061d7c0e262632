/** Alerts on the start page: someone opened emergency access to a person of your caseload, or let a colleague see protected contact details. */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { emergencyApi } from '../../api/consentEndpoints.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useFormat } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';

/** The alerts panel; nothing when there are no unread alerts. */
export function AlertsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const alerts = useLoad(() => emergencyApi.alerts(), []);
  if (!alerts.data?.length) return null;
  return (
    <section className="panel panel--emergency" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('emergency.alertsTitle')}</h2>
      <ul className="plain-list">
        {alerts.data.map((a) => (
          <li key={a.id}>
            <p>
              {t(a.kind === 'protected_identity_grant' ? 'emergency.grantAlert' : 'emergency.alert', {
                by: String(a.payload.by ?? ''),
                to: String(a.payload.to ?? ''),
                reason: String(a.payload.reason ?? ''),
                date: format.dateTime(a.createdAt),
              })}
            </p>
            <p className="form-actions">
              {a.personId && can('persons.browse') ? <Link to={`/persons/${a.personId}`}>{t('emergency.alertPerson')}</Link> : null}
              {can('access.review') ? <Link to="/admin/access-review">{t('emergency.alertReview')}</Link> : null}
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={async () => {
                  await emergencyApi.markRead(a.id);
                  await alerts.reload();
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
