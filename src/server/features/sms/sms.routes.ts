/**
 * /api/v1/persons/{id}/sms, the outbox at /api/v1/sms, and the gateway's callbacks: delivery
 * reports and incoming replies. Callbacks carry no session; they must carry the configured
 * callback token (as ?token=, which request logs leave out) and are refused otherwise.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { smsBody, smsSchema } from '../../../core/outreach-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import type { Env } from '../../env.js';
import { contextOf } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { idempotencyKeyOf } from '../contact/contact.routes.js';
import { gatewayProvider, outboxProvider, type SmsProvider } from './sms-provider.js';
import { confirmSmsSent, listSms, recordDeliveryStatus, recordIncoming, sendSms } from './sms.service.js';

const tags = ['sms'];
const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  502: problemSchema,
};
const STATUS_PATH = '/api/v1/sms/status';

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Registers the SMS routes; the gateway from `env`, else the outbox. */
export async function smsRoutes(app: FastifyInstance, { env }: { env: Env }) {
  const provider: SmsProvider = env.sms ? gatewayProvider(env.sms) : outboxProvider;
  const statusUrl = env.sms
    ? `${env.publicUrl}${STATUS_PATH}?token=${encodeURIComponent(env.sms.callbackToken)}`
    : null;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Gateways post their callbacks as HTML forms.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  r.post('/api/v1/persons/:id/sms', {
    schema: {
      tags,
      summary:
        'Text the young person (or guardian) from the SMS template; recorded ' +
        'on the ladder once the gateway accepts it (an outbox message once confirmed as sent). Send an Idempotency-Key',
      params: z.object({ id: z.string().uuid() }),
      body: smsBody,
      response: { 201: smsSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await sendSms(
            contextOf(request),
            provider,
            statusUrl,
            request.params.id,
            request.body,
            idempotencyKeyOf(request),
          ),
        ),
  });

  r.get('/api/v1/sms', {
    schema: {
      tags,
      summary: 'Sent and stored text messages (coordinators: the municipality’s; others: their own)',
      response: { 200: z.array(smsSchema), ...errors },
    },
    handler: (request) => listSms(contextOf(request)),
  });

  r.post('/api/v1/sms/:id/confirm-sent', {
    schema: {
      tags,
      summary:
        'Confirm that a message kept in the outbox was sent by other means; only then is it recorded ' +
        'as a contact attempt (sender or coordinator, once)',
      params: z.object({ id: z.string().uuid() }),
      response: { 200: smsSchema, ...errors },
    },
    handler: (request) => confirmSmsSent(contextOf(request), request.params.id),
  });

  const callback = { token: z.string().max(200).optional() };
  r.post(STATUS_PATH, {
    config: { public: true },
    schema: {
      tags,
      summary: 'Delivery report from the SMS gateway (form-encoded id, status)',
      querystring: z.object(callback),
      body: z.object({ id: z.string().max(200), status: z.string().max(50) }).passthrough(),
      response: { 204: z.null(), 404: problemSchema },
    },
    handler: async (request, reply) => {
      if (!env.sms || !sameToken(request.query.token, env.sms.callbackToken)) throw new AppError('not_found');
      await recordDeliveryStatus(app.db, request.body.id, request.body.status, request.ip ?? null);
      return reply.code(204).send(null);
    },
  });

  r.post('/api/v1/sms/incoming', {
    config: { public: true },
    schema: {
      tags,
      summary:
        'A reply from a young person, from the SMS gateway (form-encoded from, message); "STOP" opts the number out',
      querystring: z.object(callback),
      body: z.object({ from: z.string().max(40), message: z.string().max(2000) }).passthrough(),
      response: { 204: z.null(), 404: problemSchema },
    },
    handler: async (request, reply) => {
      if (!env.sms || !sameToken(request.query.token, env.sms.callbackToken)) throw new AppError('not_found');
      await recordIncoming(app.db, request.body.from, request.body.message, request.ip ?? null);
      return reply.code(204).send(null);
    },
  });
}
