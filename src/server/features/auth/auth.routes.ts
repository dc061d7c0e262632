/** /api/v1/auth: sign in, sign out, who am I, change password. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePasswordBody, loginBody, meSchema, problemSchema } from '../../../core/schemas.js';
import type { Env } from '../../env.js';
import { actorOf } from '../../http/auth-hook.js';
import { dummyPasswordHash } from '../../http/passwords.js';
import { SESSION_COOKIE } from '../../http/sessions.js';
import { changePassword, signIn, signOut, whoAmI } from './auth.service.js';

const tags = ['auth'];

/** Registers the auth routes. */
export async function authRoutes(app: FastifyInstance, { env }: { env: Env }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: env.secureCookies };
  // Made now, so that not even the first sign-in to an unknown account takes longer than one to a known one.
  void dummyPasswordHash();

  r.post('/api/v1/auth/login', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Sign in with e-mail and password; sets the session cookie',
      body: loginBody,
      response: {
        200: z.object({ mustChangePassword: z.boolean(), csrfToken: z.string() }),
        401: problemSchema,
        429: problemSchema,
      },
    },
    handler: async (request, reply) => {
      const { token, csrfToken, mustChangePassword } = await signIn(app.db, {
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
      });
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: env.sessionMaxHours * 3600 });
      return { mustChangePassword, csrfToken };
    },
  });

  r.post('/api/v1/auth/logout', {
    config: { allowPasswordChange: true },
    schema: { tags, summary: 'Sign out and end the session', response: { 204: z.null() } },
    handler: async (request, reply) => {
      await signOut(app.db, actorOf(request), request.cookies[SESSION_COOKIE], request.ip);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.code(204).send(null);
    },
  });

  r.get('/api/v1/auth/me', {
    config: { allowPasswordChange: true },
    schema: {
      tags,
      summary: 'The signed-in staff member, their municipality and CSRF token',
      response: { 200: meSchema, 401: problemSchema },
    },
    handler: async (request) => whoAmI(app.db, request.session!),
  });

  r.post('/api/v1/auth/password', {
    config: { allowPasswordChange: true },
    schema: {
      tags,
      summary:
        'Change your password (required after a one-time password; right after signing in with one, ' +
        'currentPassword may be left out). Ends every session, this one too, ' +
        'and revokes your iCal feed address; sets a new session cookie, whose CSRF token GET /api/v1/auth/me tells',
      body: changePasswordBody,
      response: { 204: z.null(), 400: problemSchema, 401: problemSchema, 429: problemSchema },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const { token } = await changePassword(app.db, {
        staffId: actor.id,
        currentPassword: request.body.currentPassword ?? null,
        newPassword: request.body.newPassword,
        ip: request.ip,
      });
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: env.sessionMaxHours * 3600 });
      return reply.code(204).send(null);
    },
  });
}
