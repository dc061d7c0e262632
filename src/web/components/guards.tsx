/** Route guards: a signed-in session (with a changed password) and a role capability. */
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Capability } from '../../core/roles.js';
import { useSession } from '../features/auth/session.js';
import { NotFoundPage } from '../features/errors/NotFoundPage.js';
import { Loading } from './Alert.js';

/** Renders `children` for a signed-in user; otherwise sends them to sign in (or to change their password). */
export function RequireSession({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  if (me === undefined) return <Loading />;
  if (me === null) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.mustChangePassword) return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}

/** Renders `children` when the role has `capability`; otherwise the not-found page (the server answers the same). */
export function RequireCapability({ capability, children }: { capability: Capability; children: ReactNode }) {
  const { can } = useSession();
  return can(capability) ? <>{children}</> : <NotFoundPage />;
}
