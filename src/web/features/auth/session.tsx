/**
 * The signed-in staff member for the whole app: loads /auth/me once, keeps the CSRF token for the
 * API client, and offers sign-in, sign-out and refresh. When the API reports a lost session the
 * user is sent back to the sign-in page.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Capability } from '../../../core/roles.js';
import { roleCan } from '../../../core/roles.js';
import type { Me } from '../../../core/schemas.js';
import { ApiError, onSessionProblem, setCsrfToken } from '../../api/client.js';
import { authApi } from '../../api/endpoints.js';
import { queryClient } from '../../api/query-client.js';

/** What components can read and do about the session. `me` is undefined while loading, null when signed out. */
export type Session = {
  me: Me | null | undefined;
  /** Why the last session ended, when the API said so (e.g. session_expired). */
  endedBecause: string | null;
  signIn: (email: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
  refresh: () => Promise<Me | null>;
  can: (capability: Capability) => boolean;
};

const SessionContext = createContext<Session | null>(null);

/** Provides the session to its children. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [endedBecause, setEndedBecause] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const current = await authApi.me();
      setCsrfToken(current.csrfToken);
      setMe(current);
      return current;
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
      setCsrfToken(null);
      setMe(null);
      return null;
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => setMe(null));
    onSessionProblem((code) => {
      if (code === 'password_change_required') {
        void refresh();
        return;
      }
      setEndedBecause(code);
      setCsrfToken(null);
      queryClient.clear();
      setMe(null);
    });
    return () => onSessionProblem(null);
  }, [refresh]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const result = await authApi.login(email, password);
      setCsrfToken(result.csrfToken);
      setEndedBecause(null);
      queryClient.clear();
      const current = await refresh();
      if (!current) throw new ApiError(401, 'not_authenticated', '');
      return current;
    },
    [refresh],
  );

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      // Nothing one person loaded may be shown to the next person on this browser.
      queryClient.clear();
      setCsrfToken(null);
      setEndedBecause(null);
      setMe(null);
    }
  }, []);

  const value = useMemo<Session>(
    () => ({
      me,
      endedBecause,
      signIn,
      signOut,
      refresh,
      can: (capability) => Boolean(me && roleCan(me.role, capability)),
    }),
    [me, endedBecause, signIn, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session; must be used inside {@link SessionProvider}. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
