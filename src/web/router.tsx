/** The routes of the web app. Every page but sign-in needs a session; some need a role capability. */
import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
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

const signedIn = (element: ReactNode) => <RequireSession>{element}</RequireSession>;

/** The browser router with all routes under the common layout. */
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/change-password', element: <ChangePasswordPage /> },
      { path: '/', element: signedIn(<StartPage />) },
      { path: '/persons', element: signedIn(<RequireCapability capability="persons.browse"><PersonListPage /></RequireCapability>) },
      { path: '/persons/new', element: signedIn(<RequireCapability capability="persons.create"><PersonCreatePage /></RequireCapability>) },
      { path: '/persons/:id', element: signedIn(<RequireCapability capability="persons.browse"><PersonPage /></RequireCapability>) },
      { path: '/persons/:id/edit', element: signedIn(<RequireCapability capability="persons.edit"><PersonEditPage /></RequireCapability>) },
      { path: '/admin/staff', element: signedIn(<RequireCapability capability="staff.manage"><StaffPage /></RequireCapability>) },
      { path: '/admin/audit', element: signedIn(<RequireCapability capability="audit.read"><AuditPage /></RequireCapability>) },
      { path: '*', element: signedIn(<NotFoundPage />) },
    ],
  },
]);
