/** The main navigation: only the places the signed-in role may use. */
import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Capability } from '../../core/roles.js';
import { useSession } from '../features/auth/session.js';

const LINKS: { to: string; label: string; capability?: Capability; end?: boolean }[] = [
  { to: '/', label: 'nav.start', end: true },
  { to: '/queues', label: 'queues.nav', capability: 'outreach.work' },
  { to: '/persons', label: 'nav.persons', capability: 'persons.browse' },
  { to: '/register/imports', label: 'nav.imports', capability: 'imports.run' },
  { to: '/register/reconcile', label: 'nav.reconcile', capability: 'imports.run' },
  { to: '/notifications', label: 'nav.notifications', capability: 'notifications.submit' },
  { to: '/applications', label: 'applications.nav', capability: 'applications.manage' },
  { to: '/teams', label: 'teams.nav', capability: 'teams.read' },
  { to: '/emergency-access', label: 'emergency.nav', capability: 'emergency.access' },
  { to: '/letters', label: 'letters.nav', capability: 'outreach.work' },
  { to: '/calendar', label: 'calendar.nav', capability: 'calendar.use' },
  { to: '/sms', label: 'sms.nav', capability: 'outreach.work' },
  { to: '/settings/outreach', label: 'outreachSettings.nav', capability: 'outreach.configure' },
  { to: '/admin/staff', label: 'nav.staff', capability: 'staff.manage' },
  { to: '/admin/audit', label: 'nav.audit', capability: 'audit.read' },
  { to: '/admin/access-review', label: 'accessReview.nav', capability: 'access.review' },
];

/** The navigation landmark with links filtered by role. */
export function MainNav() {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {LINKS.filter((link) => !link.capability || can(link.capability)).map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end}>
              {t(link.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
