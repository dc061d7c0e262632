/**
 * Authentication for /api/v1: reads the session cookie, checks CSRF on state-changing requests,
 * and holds back everything but the password change while a one-time password is in use.
 * Routes opt out with `config: { public: true }` or allow a pending password change with
 * `config: { allowPasswordChange: true }`. A young person's session (features/me) reaches only the
 * routes marked `config: { youngPerson: true }`; every other route answers it 404, and a staff
 * session gets 404 from those routes, so neither kind of session learns the other's endpoints exist.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { Actor } from '../access/access.js';
import type { Db } from '../db/connection.js';
import { AppError } from './app-error.js';
import type { YoungPersonActor } from '../access/young-person.js';
import {
  findSession,
  findYoungPersonSession,
  SESSION_COOKIE,
  type SessionInfo,
  type YoungPersonSessionInfo,
} from './sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
    youngPersonSession: YoungPersonSessionInfo | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
    allowPasswordChange?: boolean;
    youngPerson?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The signed-in actor of `request`; throws 401 when there is none. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) throw new AppError('not_authenticated');
  return request.session.actor;
}

/** The signed-in young person of `request`; throws 401 when there is none. */
export function youngPersonOf(request: FastifyRequest): YoungPersonActor {
  if (!request.youngPersonSession) throw new AppError('not_authenticated');
  return request.youngPersonSession.actor;
}

/** Installs the authentication hook on `app`. */
export function installAuth(app: FastifyInstance, db: Db, limits: { idleMinutes: number; maxHours: number }) {
  app.decorateRequest('session', null);
  app.decorateRequest('youngPersonSession', null);
  app.addHook('onRequest', async (request) => {
    // The matched route's pattern, so an encoded path cannot slip past; the raw URL for unknown routes.
    const path = request.routeOptions.url ?? request.url;
    if (!path.startsWith('/api/v1/')) return;
    const config = request.routeOptions.config;
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await findSession(db, token, limits) : null;
    request.youngPersonSession = token && !request.session ? await findYoungPersonSession(db, token, limits) : null;
    if (config.public) return;
    if (request.youngPersonSession || config.youngPerson) {
      // Each kind of session reaches only its own routes; the other kind's are not there for it.
      if (!config.youngPerson) throw new AppError('not_found');
      if (!request.youngPersonSession)
        throw new AppError(request.session ? 'not_found' : token ? 'session_expired' : 'not_authenticated');
      if (
        !SAFE_METHODS.has(request.method) &&
        !sameToken(request.headers['x-csrf-token'] as string | undefined, request.youngPersonSession.csrfToken)
      )
        throw new AppError('csrf_failed');
      return;
    }
    if (!request.session) throw new AppError(token ? 'session_expired' : 'not_authenticated');
    if (
      !SAFE_METHODS.has(request.method) &&
      !sameToken(request.headers['x-csrf-token'] as string | undefined, request.session.csrfToken)
    ) {
      throw new AppError('csrf_failed');
    }
    if (request.session.mustChangePassword && !config.allowPasswordChange)
      throw new AppError('password_change_required');
  });
}
