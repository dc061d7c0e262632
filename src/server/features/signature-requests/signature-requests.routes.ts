/**
 * /api/v1/persons/:id/prepared-consents, /api/v1/persons/:id/prepared-applications and
 * /api/v1/signature-requests/:id: the contact person prepares a consent or an application for the young
 * person to sign in their own Lotsa, sees what still waits for a signature, and can take it back.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../core/schemas.js';
import {
  preparedApplicationBody,
  preparedApplicationSchema,
  preparedConsentBody,
  preparedConsentSchema,
} from '../../../core/signature-request-schemas.js';
import { contextOf } from '../../http/context.js';
import {
  cancelSignatureRequest,
  listPreparedApplications,
  listPreparedConsents,
  prepareApplication,
  prepareConsent,
} from './signature-requests.service.js';

const tags = ['consents'];
const idParams = z.object({ id: z.string().uuid() });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const created = z.object({ id: z.string().uuid() });

/** Registers the routes of what is prepared for the young person's signature. */
export async function signatureRequestRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/persons/:id/prepared-consents', {
    schema: {
      tags,
      summary:
        'Prepare a consent for the young person to sign in their own Lotsa (/mitt). It gives no access until ' +
        'they sign it; the same one sent twice is prepared once',
      params: idParams,
      body: preparedConsentBody,
      response: { 201: created, ...errors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await prepareConsent(contextOf(request), request.params.id, request.body)),
  });

  r.get('/api/v1/persons/:id/prepared-consents', {
    schema: {
      tags,
      summary: 'The consents prepared for the young person that still wait for their signature',
      params: idParams,
      response: { 200: z.array(preparedConsentSchema), ...errors },
    },
    handler: (request) => listPreparedConsents(contextOf(request), request.params.id),
  });

  r.post('/api/v1/persons/:id/prepared-applications', {
    schema: {
      tags: ['applications'],
      summary:
        'Prepare an application to a team for the young person to sign in their own Lotsa (/mitt). It reaches ' +
        'the team meeting only once they sign it; the same one sent twice is prepared once',
      params: idParams,
      body: preparedApplicationBody,
      response: { 201: created, ...errors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await prepareApplication(contextOf(request), request.params.id, request.body)),
  });

  r.get('/api/v1/persons/:id/prepared-applications', {
    schema: {
      tags: ['applications'],
      summary: 'The applications prepared for the young person that still wait for their signature',
      params: idParams,
      response: { 200: z.array(preparedApplicationSchema), ...errors },
    },
    handler: (request) => listPreparedApplications(contextOf(request), request.params.id),
  });

  r.post('/api/v1/signature-requests/:id/cancel', {
    schema: {
      tags,
      summary:
        'Take back a prepared consent or application before the young person signs it (409 once they have signed)',
      params: idParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await cancelSignatureRequest(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
}
