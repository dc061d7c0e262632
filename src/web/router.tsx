/** The routes of the web app. Every page but sign-in needs a session; some need a role capability. */
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { Loading } from './components/Alert.js';
import { AppLayout } from './components/AppLayout.js';
import { RequireCapability, RequireSession } from './components/guards.js';
import { AuditPage } from './features/admin/AuditPage.js';
import { StaffPage } from './features/admin/StaffPage.js';
import { ChangePasswordPage } from './features/auth/ChangePasswordPage.js';
import { LoginPage } from './features/auth/LoginPage.js';
import { NotFoundPage } from './features/errors/NotFoundPage.js';
import { PersonCreatePage } from './features/persons/PersonCreatePage.js';
import { PersonEditPage } from './features/persons/PersonEditPage.js';
import { PersonListPage } from './features/persons/PersonListPage.js';
import { PersonPage } from './features/persons/PersonPage.js';
import { StartPage } from './features/start/StartPage.js';

const signedIn = (element: ReactNode) => (
  <RequireSession>
    <Suspense fallback={<Loading />}>{element}</Suspense>
  </RequireSession>
);

// The register and notification pages are loaded when first visited: most roles never use them.
const ImportsPage = lazy(() => import('./features/imports/ImportsPage.js').then((m) => ({ default: m.ImportsPage })));
const ImportPage = lazy(() => import('./features/imports/ImportPage.js').then((m) => ({ default: m.ImportPage })));
const ReconcilePage = lazy(() =>
  import('./features/register/ReconcilePage.js').then((m) => ({ default: m.ReconcilePage })),
);
const NotificationsPage = lazy(() =>
  import('./features/notifications/NotificationsPage.js').then((m) => ({ default: m.NotificationsPage })),
);
const ApplicationsPage = lazy(() =>
  import('./features/consent/ApplicationsPage.js').then((m) => ({ default: m.ApplicationsPage })),
);
const TeamsPage = lazy(() => import('./features/consent/TeamsPage.js').then((m) => ({ default: m.TeamsPage })));
const AccessReviewPage = lazy(() =>
  import('./features/consent/AccessReviewPage.js').then((m) => ({ default: m.AccessReviewPage })),
);
const EmergencyAccessPage = lazy(() =>
  import('./features/consent/EmergencyAccessPage.js').then((m) => ({ default: m.EmergencyAccessPage })),
);
const QueuesPage = lazy(() => import('./features/queues/QueuesPage.js').then((m) => ({ default: m.QueuesPage })));
const QueuePage = lazy(() => import('./features/queues/QueuePage.js').then((m) => ({ default: m.QueuePage })));
const NextStepPage = lazy(() =>
  import('./features/contact/NextStepPage.js').then((m) => ({ default: m.NextStepPage })),
);
const LettersPage = lazy(() => import('./features/letters/LettersPage.js').then((m) => ({ default: m.LettersPage })));
const SmsPage = lazy(() => import('./features/sms/SmsPage.js').then((m) => ({ default: m.SmsPage })));
const EmailPage = lazy(() => import('./features/email/EmailPage.js').then((m) => ({ default: m.EmailPage })));
const CalendarPage = lazy(() =>
  import('./features/calendar/CalendarPage.js').then((m) => ({ default: m.CalendarPage })),
);
const YoungPersonSettingsPage = lazy(() =>
  import('./features/young-person-settings/YoungPersonSettingsPage.js').then((m) => ({
    default: m.YoungPersonSettingsPage,
  })),
);
const OutreachSettingsPage = lazy(() =>
  import('./features/outreach-settings/OutreachSettingsPage.js').then((m) => ({ default: m.OutreachSettingsPage })),
);
const AssessmentPage = lazy(() =>
  import('./features/assessments/AssessmentPage.js').then((m) => ({ default: m.AssessmentPage })),
);
const GoalAreasPage = lazy(() =>
  import('./features/plans/GoalAreasPage.js').then((m) => ({ default: m.GoalAreasPage })),
);
const AssessmentManualPage = lazy(() =>
  import('./features/assessments/AssessmentManualPage.js').then((m) => ({ default: m.AssessmentManualPage })),
);
const PlanPage = lazy(() => import('./features/plans/PlanPage.js').then((m) => ({ default: m.PlanPage })));
const NotificationFormPage = lazy(() =>
  import('./features/notifications/NotificationFormPage.js').then((m) => ({ default: m.NotificationFormPage })),
);
const UnitsPage = lazy(() => import('./features/admin/UnitsPage.js').then((m) => ({ default: m.UnitsPage })));
const OffersPage = lazy(() => import('./features/measures/OffersPage.js').then((m) => ({ default: m.OffersPage })));
const TeamMeetingsPage = lazy(() =>
  import('./features/team-meetings/TeamMeetingsPage.js').then((m) => ({ default: m.TeamMeetingsPage })),
);
const MyTeamMeetingsPage = lazy(() =>
  import('./features/team-meetings/MyTeamMeetingsPage.js').then((m) => ({ default: m.MyTeamMeetingsPage })),
);
const TeamMeetingPage = lazy(() =>
  import('./features/team-meetings/TeamMeetingPage.js').then((m) => ({ default: m.TeamMeetingPage })),
);
// The figures page brings the charting library: loaded only when opened.
const FiguresPage = lazy(() => import('./features/figures/FiguresPage.js').then((m) => ({ default: m.FiguresPage })));
const OutcomeCasesPage = lazy(() =>
  import('./features/figures/OutcomeCasesPage.js').then((m) => ({ default: m.OutcomeCasesPage })),
);
const ScbPage = lazy(() => import('./features/figures/ScbPage.js').then((m) => ({ default: m.ScbPage })));
const FigureSettingsPage = lazy(() =>
  import('./features/figures/FigureSettingsPage.js').then((m) => ({ default: m.FigureSettingsPage })),
);
const ActivitiesPage = lazy(() =>
  import('./features/activities/ActivitiesPage.js').then((m) => ({ default: m.ActivitiesPage })),
);
const SessionAttendancePage = lazy(() =>
  import('./features/activities/SessionAttendancePage.js').then((m) => ({ default: m.SessionAttendancePage })),
);

/** The browser router with all routes under the common layout. */
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/change-password', element: <ChangePasswordPage /> },
      { path: '/', element: signedIn(<StartPage />) },
      {
        path: '/persons',
        element: signedIn(
          <RequireCapability capability="persons.browse">
            <PersonListPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/my-cases',
        element: signedIn(
          <RequireCapability capability="persons.browse">
            <PersonListPage key="mine" mine />
          </RequireCapability>,
        ),
      },
      {
        path: '/persons/new',
        element: signedIn(
          <RequireCapability capability="persons.create">
            <PersonCreatePage />
          </RequireCapability>,
        ),
      },
      {
        path: '/persons/:id',
        element: signedIn(
          <RequireCapability capability="persons.browse">
            <PersonPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/persons/:id/assessments/:assessmentId',
        element: signedIn(
          <RequireCapability capability="persons.browse">
            <AssessmentPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/persons/:id/edit',
        element: signedIn(
          <RequireCapability capability="persons.edit">
            <PersonEditPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/register/imports',
        element: signedIn(
          <RequireCapability capability="imports.run">
            <ImportsPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/register/imports/:id',
        element: signedIn(
          <RequireCapability capability="imports.run">
            <ImportPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/register/reconcile',
        element: signedIn(
          <RequireCapability capability="imports.run">
            <ReconcilePage />
          </RequireCapability>,
        ),
      },
      {
        path: '/notifications',
        element: signedIn(
          <RequireCapability capability="notifications.submit">
            <NotificationsPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/notifications/new',
        element: signedIn(
          <RequireCapability capability="notifications.submit">
            <NotificationFormPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/applications',
        element: signedIn(
          <RequireCapability capability="applications.manage">
            <ApplicationsPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/teams',
        element: signedIn(
          <RequireCapability capability="teams.read">
            <TeamsPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/offers',
        element: signedIn(
          <RequireCapability capability="persons.browse">
            <OffersPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/activities',
        element: signedIn(
          <RequireCapability capability="attendance.take">
            <ActivitiesPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/sessions/:id',
        element: signedIn(
          <RequireCapability capability="attendance.take">
            <SessionAttendancePage />
          </RequireCapability>,
        ),
      },
      {
        path: '/emergency-access',
        element: signedIn(
          <RequireCapability capability="emergency.access">
            <EmergencyAccessPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/admin/access-review',
        element: signedIn(
          <RequireCapability capability="access.review">
            <AccessReviewPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/queues',
        element: signedIn(
          <RequireCapability capability="outreach.work">
            <QueuesPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/queues/:key',
        element: signedIn(
          <RequireCapability capability="outreach.work">
            <QueuePage />
          </RequireCapability>,
        ),
      },
      {
        path: '/cases/:caseId/plan',
        element: signedIn(
          <RequireCapability capability="persons.browse">
            <PlanPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/persons/:id/outreach',
        element: signedIn(
          <RequireCapability capability="outreach.work">
            <NextStepPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/letters',
        element: signedIn(
          <RequireCapability capability="outreach.work">
            <LettersPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/sms',
        element: signedIn(
          <RequireCapability capability="outreach.work">
            <SmsPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/email',
        element: signedIn(
          <RequireCapability capability="outreach.work">
            <EmailPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/calendar',
        element: signedIn(
          <RequireCapability capability="calendar.use">
            <CalendarPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/settings/assessment-manual',
        element: signedIn(
          <RequireCapability capability="outreach.configure">
            <AssessmentManualPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/settings/goal-areas',
        element: signedIn(
          <RequireCapability capability="outreach.configure">
            <GoalAreasPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/settings/young-person',
        element: signedIn(
          <RequireCapability capability="outreach.configure">
            <YoungPersonSettingsPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/settings/outreach',
        element: signedIn(
          <RequireCapability capability="outreach.configure">
            <OutreachSettingsPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/admin/staff',
        element: signedIn(
          <RequireCapability capability="staff.manage">
            <StaffPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/admin/units',
        element: signedIn(
          <RequireCapability capability="settings.manage">
            <UnitsPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/admin/audit',
        element: signedIn(
          <RequireCapability capability="audit.read">
            <AuditPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/team-meetings',
        element: signedIn(
          <RequireCapability capability="persons.browse">
            <MyTeamMeetingsPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/teams/:teamId/meetings',
        element: signedIn(
          <RequireCapability capability="persons.browse">
            <TeamMeetingsPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/meetings/team/:meetingId',
        element: signedIn(
          <RequireCapability capability="persons.browse">
            <TeamMeetingPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/figures',
        element: signedIn(
          <RequireCapability capability="figures.read">
            <FiguresPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/figures/cases',
        element: signedIn(
          <RequireCapability capability="persons.browse">
            <OutcomeCasesPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/figures/scb',
        element: signedIn(
          <RequireCapability capability="figures.read">
            <ScbPage />
          </RequireCapability>,
        ),
      },
      {
        path: '/settings/figures',
        element: signedIn(
          <RequireCapability capability="outreach.configure">
            <FigureSettingsPage />
          </RequireCapability>,
        ),
      },
      { path: '*', element: signedIn(<NotFoundPage />) },
    ],
  },
]);
