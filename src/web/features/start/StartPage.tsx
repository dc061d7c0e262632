/**
 * The start page: a greeting and the municipality's figures. Case workers get links onward;
 * managers see figures only; school reporters get the way to notify and to their notifications.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { reportsApi } from '../../api/endpoints.js';
import { freshOnOpen } from '../../api/query-client.js';
import { startKeys } from '../../api/queryKeys.js';
import { Alert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useSession } from '../auth/session.js';
import { SignInCodesPanel } from '../admin/SignInCodesPanel.js';
import { AlertsPanel } from '../consent/AlertsPanel.js';
import { StartQueues } from '../queues/StartQueues.js';
import { FiguresPanel } from './FiguresPanel.js';
import { allDone, GettingStarted } from './GettingStarted.js';
import { OutreachFiguresPanel } from './OutreachFiguresPanel.js';

/** The start page for every role. */
export function StartPage() {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const location = useLocation();
  const passwordChanged = Boolean((location.state as { passwordChanged?: boolean } | null)?.passwordChanged);
  // An administrator of a municipality still setting up sees the first steps instead of empty figures.
  const steps = useQuery({
    queryKey: startKeys.gettingStarted(me?.id),
    queryFn: () => reportsApi.gettingStarted(),
    enabled: can('staff.manage'),
    ...freshOnOpen,
  });
  const gettingStarted = steps.data && !allDone(steps.data) ? steps.data : null;
  if (!me) return null;
  const firstName = me.name.split(' ')[0] ?? me.name;
  return (
    <>
      <PageHeading title={t('start.title', { name: firstName })} />
      {passwordChanged ? <Alert tone="success">{t('password.changed')}</Alert> : null}
      <p className="lead">{t(`start.intro.${me.role}`, { municipality: me.municipality.name })}</p>
      <AlertsPanel />
      {can('sign_in_codes.issue') ? <SignInCodesPanel /> : null}
      {can('outreach.work') ? <StartQueues /> : null}
      {gettingStarted ? <GettingStarted steps={gettingStarted} /> : null}
      {can('figures.read') && !gettingStarted ? <OutreachFiguresPanel /> : null}
      {can('figures.read') && !gettingStarted ? <FiguresPanel /> : null}
      {can('notifications.submit') && !can('notifications.inbox') ? (
        <section className="panel" aria-labelledby="notifications-title">
          <h2 id="notifications-title">{t('start.notifications.title')}</h2>
          <p>{t('start.notifications.text')}</p>
          <ul className="link-list">
            <li>
              <Link to="/notifications/new">{t('start.links.newNotification')}</Link>
            </li>
            <li>
              <Link to="/notifications">{t('start.links.myNotifications')}</Link>
            </li>
          </ul>
        </section>
      ) : null}
      {can('persons.browse') || can('staff.manage') ? (
        <section className="panel" aria-labelledby="shortcuts-title">
          <h2 id="shortcuts-title">{t('start.shortcuts')}</h2>
          <ul className="link-list">
            {can('persons.browse') ? (
              <li>
                <Link to="/persons">{t('start.links.persons')}</Link>
              </li>
            ) : null}
            {can('persons.create') ? (
              <li>
                <Link to="/persons/new">{t('start.links.newPerson')}</Link>
              </li>
            ) : null}
            {can('imports.run') ? (
              <>
                <li>
                  <Link to="/register/imports">{t('start.links.imports')}</Link>
                </li>
                <li>
                  <Link to="/register/reconcile">{t('start.links.reconcile')}</Link>
                </li>
              </>
            ) : null}
            {can('notifications.inbox') ? (
              <li>
                <Link to="/notifications">{t('start.links.inbox')}</Link>
              </li>
            ) : null}
            {can('staff.manage') ? (
              <li>
                <Link to="/admin/staff">{t('start.links.staff')}</Link>
              </li>
            ) : null}
            {can('audit.read') ? (
              <li>
                <Link to="/admin/audit">{t('start.links.audit')}</Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
    </>
  );
}
