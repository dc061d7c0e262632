/**
 * /emergency-access: break the glass for a person one cannot see, by identity number; then straight to the person.
 * Coordinators also answer requests past a colleague's daily limit here.
 */
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { accessReviewApi } from '../../api/consentEndpoints.js';
import { settingsKeys } from '../../api/queryKeys.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useSession } from '../auth/session.js';
import { EmergencyAccessForm } from './EmergencyAccessForm.js';
import { EmergencyRequestsPanel } from './EmergencyRequestsPanel.js';

/** The emergency-access page. */
export function EmergencyAccessPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const settings = useQuery({ queryKey: settingsKeys.access, queryFn: () => accessReviewApi.settings() });
  return (
    <>
      <PageHeading title={t('emergency.pageTitle')} />
      <p className="lead">
        {settings.data
          ? t('emergency.intro', { hours: settings.data.emergencyAccessHours })
          : t('emergency.introShort')}
      </p>
      <section className="panel panel--emergency">
        <EmergencyAccessForm onOpened={(personId) => navigate(`/persons/${personId}`)} />
      </section>
      {can('emergency.approve') ? <EmergencyRequestsPanel /> : null}
    </>
  );
}
