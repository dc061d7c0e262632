/**
 * Builds the Lotsa HTTP application without listening, so tests can inject requests.
 * Serves the API under /api, its OpenAPI document and docs, and the built web app for every other path.
 */
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { systemClock, type Clock } from './clock.js';
import type { DatabaseHandle } from './db/connection.js';
import type { Env } from './env.js';
import { installAuth } from './http/auth-hook.js';
import { installErrorHandler, sendProblem } from './http/errors.js';
import { inputGuardOptions, installInputGuard } from './http/input-guard.js';
import { installMetrics } from './http/metrics.js';
import { projectPath } from './paths.js';
import { auditRoutes } from './features/audit/audit.routes.js';
import { authRoutes } from './features/auth/auth.routes.js';
import { caseRoutes } from './features/cases/cases.routes.js';
import { contactRoutes } from './features/contact/contact.routes.js';
import { figuresRoutes } from './features/figures/figures.routes.js';
import { healthRoutes } from './features/health/health.routes.js';
import { importRoutes } from './features/imports/imports.routes.js';
import { notificationRoutes } from './features/notifications/notifications.routes.js';
import { personRoutes } from './features/persons/persons.routes.js';
import { registerRoutes } from './features/register/register.routes.js';
import { letterRoutes } from './features/letters/letters.routes.js';
import { smsRoutes } from './features/sms/sms.routes.js';
import { calendarRoutes } from './features/calendar/calendar.routes.js';
import { outreachFiguresRoutes } from './features/outreach-figures/outreach-figures.js';
import { queueRoutes } from './features/queues/queues.routes.js';
import { protectedIdentityRoutes } from './features/protected-identity/protected-identity.routes.js';
import { staffRoutes } from './features/staff/staff.routes.js';
import { unitRoutes } from './features/units/units.routes.js';
import { consentRoutes } from './features/consents/consents.routes.js';
import { emergencyAccessRoutes } from './features/emergency-access/emergency-access.routes.js';
import { settingsRoutes } from './features/settings/settings.routes.js';
import { teamRoutes } from './features/teams/teams.routes.js';
import { teamMeetingRoutes } from './features/team-meetings/team-meetings.routes.js';
import { applicationRoutes } from './features/applications/applications.routes.js';
import { extractRoutes } from './features/extract/extract.routes.js';
import { accessReviewRoutes } from './features/access-review/access-review.routes.js';
import { gettingStartedRoutes } from './features/getting-started/getting-started.routes.js';
import { assessmentRoutes } from './features/assessments/assessments.routes.js';
import { measureRoutes } from './features/measures/measures.routes.js';
import { activityRoutes } from './features/activities/activities.routes.js';
import { outcomeRoutes } from './features/outcomes/outcomes.routes.js';
import { planRoutes } from './features/plans/plans.routes.js';
import { reportsRoutes } from './features/reports/reports.routes.js';
import { scheduleRoutes } from './features/schedule/schedule.routes.js';
import { meRoutes } from './features/me/me.routes.js';
import { emailRoutes } from './features/email/email.routes.js';
import { signatureRequestRoutes } from './features/signature-requests/signature-requests.routes.js';
import { evaluationRoutes } from './features/evaluations/evaluations.routes.js';

/** Where `npm run build` puts the web app. */
export const WEB_DIST = projectPath('dist', 'web');

/** Trusts the `hops` proxies nearest the server, and no address further out. */
const hopsFromFront = (hops: number) => (_address: string, hop: number) => hop < hops;

/**
 * Builds the app on an open database; `clock` is the system's unless a test gives one, and the log
 * goes to standard output unless `logStream` is given (a test reading what is logged).
 */
export async function buildApp(
  database: DatabaseHandle,
  env: Env,
  options: { logger?: boolean; clock?: Clock; logStream?: NodeJS.WritableStream } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: env.logLevel,
            ...(options.logStream ? { stream: options.logStream } : {}),
            // Query strings can hold names and identity numbers (searches): log the path only.
            serializers: { req: (req) => ({ method: req.method, url: req.url.split('?')[0], remoteAddress: req.ip }) },
          },
    trustProxy: typeof env.trustProxy === 'number' ? hopsFromFront(env.trustProxy) : env.trustProxy,
    bodyLimit: 1024 * 1024,
    ...inputGuardOptions,
  });
  app.decorate('db', database.db);
  app.decorate('clock', options.clock ?? systemClock);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installInputGuard(app);

  await app.register(helmet, {
    contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': env.secureCookies ? [] : null } },
    strictTransportSecurity: env.secureCookies,
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lotsa API',
        version: '1',
        description: 'The API of Lotsa, the KAA system. Errors are application/problem+json with a stable `code`.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lotsa_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  installAuth(app, database.db, { idleMinutes: env.sessionIdleMinutes, maxHours: env.sessionMaxHours });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/v1/')) reply.header('cache-control', 'no-store');
  });

  installMetrics(app, database, env.metricsToken);
  await app.register(healthRoutes, { kind: database.kind });
  await app.register(authRoutes, { env });
  await app.register(personRoutes);
  await app.register(protectedIdentityRoutes);
  await app.register(caseRoutes);
  await app.register(staffRoutes);
  await app.register(unitRoutes);
  await app.register(auditRoutes);
  await app.register(figuresRoutes);
  await app.register(importRoutes, { env });
  await app.register(registerRoutes, { database });
  await app.register(notificationRoutes);
  await app.register(consentRoutes);
  await app.register(emergencyAccessRoutes);
  await app.register(settingsRoutes);
  await app.register(teamRoutes);
  await app.register(applicationRoutes);
  await app.register(signatureRequestRoutes);
  await app.register(extractRoutes);
  await app.register(accessReviewRoutes);
  await app.register(contactRoutes);
  await app.register(queueRoutes);
  await app.register(letterRoutes);
  await app.register(smsRoutes, { env });
  await app.register(calendarRoutes, { env });
  await app.register(outreachFiguresRoutes);
  await app.register(gettingStartedRoutes);
  await app.register(assessmentRoutes);
  await app.register(measureRoutes);
  await app.register(outcomeRoutes);
  await app.register(planRoutes);
  await app.register(reportsRoutes);
  await app.register(teamMeetingRoutes);
  await app.register(scheduleRoutes, { env });
  await app.register(activityRoutes);
  await app.register(meRoutes, { env });
  await app.register(emailRoutes);
  await app.register(evaluationRoutes);

  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api') || request.method !== 'GET' || !hasWeb)
      return sendProblem(reply, request, 'not_found');
    // The young person's own page is an entry of its own (vite.config.ts), light for a phone.
    if (request.url === '/mitt' || request.url.startsWith('/mitt/') || request.url.startsWith('/mitt?'))
      return reply.type('text/html').sendFile('mitt.html');
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
