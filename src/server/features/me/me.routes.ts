/**
 * /api/v1/me: the young person's own Lotsa. Signing in (a code by SMS) is public and never tells
 * whether an identity number is known; every other route needs a young person's session
 * (`config.youngPerson`), which reaches nothing else of the API (auth-hook.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  meAccessLogSchema,
  meApplicationSchema,
  meCodeBody,
  meConsentSchema,
  meEvaluationBody,
  meEvaluationParams,
  meEvaluationSchema,
  meLoginBody,
  meOwnWordsBody,
  meLoginResponse,
  mePlanSchema,
  meSharedSchema,
  meSignBody,
  meSummarySchema,
} from '../../../core/me-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import type { Env } from '../../env.js';
import { youngPersonContextOf } from '../../http/context.js';
import { deleteYoungPersonSession, SESSION_COOKIE } from '../../http/sessions.js';
import { gatewayProvider, outboxProvider, type SmsProvider } from '../sms/sms-provider.js';
import { emailOutboxProvider, smtpProvider } from '../email/email-provider.js';
import { codeWorkSettled, requestCode, signInWithCode } from './me-sign-in.service.js';
import { extractPdf } from '../extract/extract-pdf.js';
import { scheduleFeedBody, scheduleQuery, scheduleWeekSchema } from '../../../core/schedule-schemas.js';
import {
  buildOwnExtract,
  renewOwnFeed,
  listOwnConsents,
  readOwnSchedule,
  markOwnStepDone,
  readOwnAccessLog,
  readOwnPlan,
  readSummary,
  signOwnPlan,
  withdrawOwnConsent,
} from './me.service.js';
import { answerEvaluation, listOwnEvaluations } from './me-evaluations.service.js';
import { writeOwnWords } from './me-own-words.service.js';
import { signOwnApplication, signOwnConsent } from './me-signing.service.js';
import { readShared } from './me-shared.service.js';

const tags = ['young person'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const idParams = z.object({ id: z.string().uuid() });
const own = { youngPerson: true };

/**
 * Registers the young person's routes; SMS codes go through the SMS gateway when configured, else the outbox;
 * e-mail codes through the SMTP server when configured, else the e-mail outbox.
 */
export async function meRoutes(app: FastifyInstance, { env }: { env: Env }) {
  const sms: SmsProvider = env.sms ? gatewayProvider(env.sms) : outboxProvider;
  const providers = { sms, email: env.smtp ? smtpProvider(env.smtp) : emailOutboxProvider };
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: env.secureCookies };
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Codes still being sent when the server stops are finished before the database closes.
  app.addHook('onClose', () => codeWorkSettled());

  r.post('/api/v1/me/code', {
    config: { public: true },
    schema: {
      tags,
      summary:
        'Ask for a one-time sign-in code by SMS or e-mail. Always 202: it never tells whether the number is known',
      body: meCodeBody,
      response: { 202: z.null(), 400: problemSchema, 429: problemSchema },
    },
    handler: async (request, reply) => {
      const onError = (err: unknown) => request.log.error({ err }, 'sign-in code not sent');
      await requestCode(app.db, app.clock, providers, request.body.personalIdentityNumber, request.ip ?? null, onError);
      return reply.code(202).send(null);
    },
  });

  r.post('/api/v1/me/login', {
    config: { public: true },
    schema: {
      tags,
      summary: "Sign in with the identity number and the code; sets the young person's session cookie",
      body: meLoginBody,
      response: { 200: meLoginResponse, 400: problemSchema, 401: problemSchema, 429: problemSchema },
    },
    handler: async (request, reply) => {
      const { token, csrfToken } = await signInWithCode(
        app.db,
        app.clock,
        request.body.personalIdentityNumber,
        request.body.code,
        request.ip ?? null,
      );
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: env.sessionMaxHours * 3600 });
      return { csrfToken };
    },
  });

  r.post('/api/v1/me/logout', {
    config: own,
    schema: { tags, summary: "End the young person's session", response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteYoungPersonSession(app.db, token);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.code(204).send(null);
    },
  });

  r.get('/api/v1/me', {
    config: own,
    schema: {
      tags,
      summary:
        'The young person’s own summary: first name, contact person and how to reach them, the next meeting, ' +
        'and the CSRF token',
      response: { 200: meSummarySchema, ...errors },
    },
    handler: (request) => readSummary(youngPersonContextOf(request), request.youngPersonSession!.csrfToken),
  });

  r.get('/api/v1/me/schedule', {
    config: own,
    schema: {
      tags,
      summary:
        'The young person’s week (ISO week, e.g. 2026-W50; the current week when left out): ' +
        'meetings, measures, activities',
      querystring: scheduleQuery,
      response: { 200: scheduleWeekSchema, ...errors },
    },
    handler: (request) => readOwnSchedule(youngPersonContextOf(request), request.query.week),
  });

  r.post('/api/v1/me/schedule/feed', {
    config: own,
    schema: {
      tags,
      summary:
        'A new address of the young person’s own calendar feed of their week, for their phone; ' +
        'an earlier one stops working',
      body: scheduleFeedBody,
      response: { 200: z.object({ url: z.string() }), ...errors },
    },
    handler: (request) => renewOwnFeed(youngPersonContextOf(request), request.body.lang, env.publicUrl),
  });

  r.get('/api/v1/me/plan', {
    config: own,
    schema: {
      tags,
      summary: 'The young person’s action plan: goals, sub-goals, steps with who does what and when',
      response: { 200: mePlanSchema, ...errors },
    },
    handler: (request) => readOwnPlan(youngPersonContextOf(request)),
  });

  r.post('/api/v1/me/plan/steps/:id/done', {
    config: own,
    schema: {
      tags,
      summary: 'Mark one of the young person’s own steps done (a new plan version)',
      params: idParams,
      response: { 200: mePlanSchema, ...errors },
    },
    handler: (request) => markOwnStepDone(youngPersonContextOf(request), request.params.id),
  });

  r.post('/api/v1/me/plan/sign', {
    config: own,
    schema: {
      tags,
      summary: 'Sign the plan’s current version in Lotsa (409 for another version)',
      body: meSignBody,
      response: { 200: mePlanSchema, ...errors },
    },
    handler: (request) => signOwnPlan(youngPersonContextOf(request), request.body.version),
  });

  r.put('/api/v1/me/plan/goals/:id/own-words', {
    config: own,
    schema: {
      tags,
      summary:
        'Write the young person’s own words on a goal of their plan (a new plan version; 409 if the plan has ' +
        'changed since `version`); an empty text clears them',
      params: idParams,
      body: meOwnWordsBody,
      response: { 200: mePlanSchema, ...errors },
    },
    handler: (request) => writeOwnWords(youngPersonContextOf(request), request.params.id, request.body),
  });

  r.get('/api/v1/me/evaluations', {
    config: own,
    schema: {
      tags,
      summary: 'The young person’s ended measures and activities to evaluate, each with their answer if given',
      response: { 200: z.array(meEvaluationSchema), ...errors },
    },
    handler: (request) => listOwnEvaluations(youngPersonContextOf(request)),
  });

  r.post('/api/v1/me/evaluations/:subject/:id', {
    config: own,
    schema: {
      tags,
      summary:
        'Answer the short evaluation of an ended measure or activity: how useful (1–5) and what could be better; ' +
        'answering again replaces the answer',
      params: meEvaluationParams,
      body: meEvaluationBody,
      response: { 200: z.array(meEvaluationSchema), ...errors },
    },
    handler: (request) => answerEvaluation(youngPersonContextOf(request), request.params, request.body),
  });

  r.get('/api/v1/me/consents', {
    config: own,
    schema: {
      tags,
      summary: 'The young person’s consents: which agencies may see what, since and until when',
      response: { 200: z.array(meConsentSchema), ...errors },
    },
    handler: (request) => listOwnConsents(youngPersonContextOf(request)),
  });

  r.post('/api/v1/me/consents/:id/withdraw', {
    config: own,
    schema: {
      tags,
      summary: 'Withdraw one of the young person’s consents; the agencies it named lose access at once',
      params: idParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await withdrawOwnConsent(youngPersonContextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  });

  r.post('/api/v1/me/consents/:id/sign', {
    config: own,
    schema: {
      tags,
      summary:
        'Sign a consent the contact person prepared (one of `awaiting_signature` in GET /me/consents); from then ' +
        'on the agencies it names may see what it says. Signing twice keeps one consent',
      params: idParams,
      response: { 200: z.object({ id: z.string().uuid() }), ...errors },
    },
    handler: (request) => signOwnConsent(youngPersonContextOf(request), request.params.id),
  });

  r.post('/api/v1/me/applications/:id/sign', {
    config: own,
    schema: {
      tags,
      summary:
        'Sign an application to a team the contact person prepared (listed in GET /me); signed, it goes to the ' +
        'team meeting. Answers the young person’s applications',
      params: idParams,
      response: { 200: z.array(meApplicationSchema), ...errors },
    },
    handler: (request) => signOwnApplication(youngPersonContextOf(request), request.params.id),
  });

  r.get('/api/v1/me/shared', {
    config: own,
    schema: {
      tags,
      summary:
        'What staff have shared with the young person: the notes they marked as shared, in the young person’s ' +
        'categories (never another agency’s health and social notes), newest first',
      response: { 200: meSharedSchema, ...errors },
    },
    handler: (request) => readShared(youngPersonContextOf(request)),
  });

  r.get('/api/v1/me/access-log', {
    config: own,
    schema: {
      tags,
      summary:
        'Who has read or changed the young person’s data: when, unit and role (names if the municipality allows), ' +
        'on what basis; emergency accesses marked',
      response: { 200: meAccessLogSchema, ...errors },
    },
    handler: (request) => readOwnAccessLog(youngPersonContextOf(request)),
  });

  r.get('/api/v1/me/extract.pdf', {
    config: own,
    schema: {
      tags,
      summary:
        'The young person’s own register extract (GDPR art. 15) as a PDF, by the same content rules as the ' +
        'coordinators’ extract',
      querystring: z.object({ lang: z.enum(['sv', 'en']).default('sv') }),
      response: { 200: z.any(), ...errors },
    },
    handler: async (request, reply) => {
      const extract = await buildOwnExtract(youngPersonContextOf(request), request.query.lang);
      const name = request.query.lang === 'sv' ? 'mitt-registerutdrag' : 'my-register-extract';
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .send(await extractPdf(extract, request.query.lang));
    },
  });
}
