/**
 * The main navigation: only the places the signed-in role may use, grouped by the work they serve
 * (daily work, the register, cooperation, settings), each group a labelled list so a screen reader
 * says which group a link is in. Every link stays visible: nothing to open first, plain Tab order.
 */
import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Capability, Role } from '../../core/roles.js';
import { useSession } from '../features/auth/session.js';

type NavItem = { to: string; label: string; capability?: Capability; end?: boolean; roles?: readonly Role[] };

const GROUPS: { key: 'daily' | 'register' | 'cooperation' | 'settings'; links: NavItem[] }[] = [
  {
    key: 'daily',
    links: [
      { to: '/', label: 'nav.start', end: true },
      { to: '/my-cases', label: 'myCases.nav', capability: 'persons.browse' },
      { to: '/queues', label: 'queues.nav', capability: 'outreach.work' },
      { to: '/persons', label: 'nav.persons', capability: 'persons.browse' },
      { to: '/calendar', label: 'calendar.nav', capability: 'calendar.use' },
      { to: '/letters', label: 'letters.nav', capability: 'outreach.work' },
      { to: '/sms', label: 'sms.nav', capability: 'outreach.work' },
      { to: '/email', label: 'emailOutbox.nav', capability: 'outreach.work' },
      { to: '/notifications', label: 'nav.notifications', capability: 'notifications.submit' },
      { to: '/figures', label: 'figuresPage.nav', capability: 'figures.read', roles: ['coordinator', 'manager'] },
    ],
  },
  {
    key: 'register',
    links: [
      { to: '/register/imports', label: 'nav.imports', capability: 'imports.run' },
      { to: '/register/reconcile', label: 'nav.reconcile', capability: 'imports.run' },
    ],
  },
  {
    key: 'cooperation',
    links: [
      { to: '/team-meetings', label: 'teamMeetings.nav', capability: 'persons.browse' },
      { to: '/applications', label: 'applications.nav', capability: 'applications.manage' },
      { to: '/teams', label: 'teams.nav', capability: 'teams.read' },
      { to: '/offers', label: 'offers.nav', capability: 'persons.browse' },
      { to: '/activities', label: 'activities.nav', capability: 'attendance.take' },
      { to: '/emergency-access', label: 'emergency.nav', capability: 'emergency.access' },
    ],
  },
  {
    key: 'settings',
    links: [
      { to: '/settings/outreach', label: 'outreachSettings.nav', capability: 'outreach.configure' },
      { to: '/settings/assessment-manual', label: 'assessmentManual.nav', capability: 'outreach.configure' },
      { to: '/settings/goal-areas', label: 'goalAreaSettings.nav', capability: 'outreach.configure' },
      { to: '/settings/young-person', label: 'youngPersonSettings.nav', capability: 'outreach.configure' },
      { to: '/admin/staff', label: 'nav.staff', capability: 'staff.manage' },
      { to: '/admin/units', label: 'nav.units', capability: 'settings.manage' },
      { to: '/admin/audit', label: 'nav.audit', capability: 'audit.read' },
      { to: '/admin/access-review', label: 'accessReview.nav', capability: 'access.review' },
    ],
  },
];

/** The navigation landmark with links filtered by role, in named groups when there is more than one. */
export function MainNav() {
  const { t } = useTranslation();
  const { can, me } = useSession();
  const groups = GROUPS.map((g) => ({
    ...g,
    links: g.links.filter(
      (link) => (!link.capability || can(link.capability)) && (!link.roles || (!!me && link.roles.includes(me.role))),
    ),
  })).filter((g) => g.links.length > 0);
  const links = (items: NavItem[], labelledBy?: string) => (
    <ul className="main-nav__links" aria-labelledby={labelledBy}>
      {items.map((link) => (
        <li key={link.to}>
          <NavLink to={link.to} end={link.end}>
            {t(link.label)}
          </NavLink>
        </li>
      ))}
    </ul>
  );
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      {groups.length === 1 ? (
        <div className="main-nav__inner">{links(groups[0]!.links)}</div>
      ) : (
        <ul className="main-nav__inner main-nav__groups">
          {groups.map((g) => (
            <li key={g.key} className="main-nav__group">
              <span className="main-nav__heading" id={`nav-group-${g.key}`}>
                {t(`navGroups.${g.key}`)}
              </span>
              {links(g.links, `nav-group-${g.key}`)}
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
