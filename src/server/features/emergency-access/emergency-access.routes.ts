/** /api/v1/persons/:id/emergency-access, /api/v1/emergency-access and /api/v1/alerts: break the glass, and the alerts it sends. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { alertSchema, emergencyAccessBody, emergencyAccessSchema, emergencyByNumberBody } from '../../../core/consent-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { listAlerts, markAlertRead, openEmergencyAccess } from './emergency-access.service.js';

const tags = ['emergency access'];
const idParams = z.object({ id: z.string().uuid() });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Registers the emergency-access and alert routes. */
export async function emergencyAccessRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const summary = 'Emergency access ("break the glass"): see everything about the person for the municipality\'s emergency-access hours; the contact person and administrators are alerted';

  r.post('/api/v1/persons/:id/emergency-access', {
    schema: { tags, summary, params: idParams, body: emergencyAccessBody, response: { 201: emergencyAccessSchema, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await openEmergencyAccess(contextOf(request), { personId: request.params.id }, request.body.reason)),
  });

  r.post('/api/v1/emergency-access', {
    schema: { tags, summary: `${summary}. By identity number, for a person you cannot see`, body: emergencyByNumberBody, response: { 201: emergencyAccessSchema, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await openEmergencyAccess(contextOf(request), { personalIdentityNumber: request.body.personalIdentityNumber }, request.body.reason)),
  });

  r.get('/api/v1/alerts', {
    schema: { tags: ['alerts'], summary: 'Your unread alerts (e.g. emergency access to a person of your caseload)', response: { 200: z.array(alertSchema), 401: problemSchema } },
    handler: (request) => listAlerts(contextOf(request)),
  });

  r.post('/api/v1/alerts/:id/read', {
    schema: { tags: ['alerts'], summary: 'Mark one of your alerts as read', params: idParams, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await markAlertRead(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
}
