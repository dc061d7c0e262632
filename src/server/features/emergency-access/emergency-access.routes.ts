/**
 * /api/v1/persons/:id/emergency-access, /api/v1/emergency-access and /api/v1/alerts: break the glass, and the alerts it
 * sends.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  alertSchema,
  emergencyAccessBody,
  emergencyAccessSchema,
  emergencyByNumberBody,
  emergencyPendingSchema,
  emergencyRequestSchema,
} from '../../../core/consent-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import type { FastifyReply } from 'fastify';
import { listAlerts, markAlertRead, openEmergencyAccess, type EmergencyOutcome } from './emergency-access.service.js';
import { decideEmergencyRequest, listEmergencyRequests } from './emergency-requests.service.js';

const tags = ['emergency access'];
const idParams = z.object({ id: z.string().uuid() });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const outcomes = { 201: emergencyAccessSchema, 202: emergencyPendingSchema, ...errors };

/** 201 with the open access, or 202 with the request that waits for a coordinator. */
function present(reply: FastifyReply, outcome: EmergencyOutcome) {
  if (outcome.status === 'pending')
    return reply.code(202).send({ requestId: outcome.requestId, personId: outcome.personId, status: 'pending' });
  return reply.code(201).send({ id: outcome.id, personId: outcome.personId, endsAt: outcome.endsAt });
}

/** Registers the emergency-access and alert routes. */
export async function emergencyAccessRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const summary =
    'Emergency access ("break the glass", a reason of at least 20 characters): see everything about the person for ' +
    "the municipality's emergency-access hours; the contact person and administrators are alerted. Past your daily " +
    'limit it becomes a request (202) that a coordinator approves';

  r.post('/api/v1/persons/:id/emergency-access', {
    schema: { tags, summary, params: idParams, body: emergencyAccessBody, response: outcomes },
    handler: async (request, reply) =>
      present(
        reply,
        await openEmergencyAccess(contextOf(request), { personId: request.params.id }, request.body.reason),
      ),
  });

  r.post('/api/v1/emergency-access', {
    schema: {
      tags,
      summary: `${summary}. By identity number, for a person you cannot see`,
      body: emergencyByNumberBody,
      response: outcomes,
    },
    handler: async (request, reply) =>
      present(
        reply,
        await openEmergencyAccess(
          contextOf(request),
          { personalIdentityNumber: request.body.personalIdentityNumber },
          request.body.reason,
        ),
      ),
  });

  r.get('/api/v1/emergency-access/requests', {
    schema: {
      tags,
      summary: 'Emergency-access requests past a daily limit that wait for a coordinator (coordinators; not your own)',
      response: { 200: z.array(emergencyRequestSchema), 401: problemSchema, 403: problemSchema },
    },
    handler: (request) => listEmergencyRequests(contextOf(request)),
  });

  for (const [path, decision] of [
    ['approve', 'approved'],
    ['deny', 'denied'],
  ] as const) {
    r.post(`/api/v1/emergency-access/requests/:id/${path}`, {
      schema: {
        tags,
        summary:
          `${path === 'approve' ? 'Approve' : 'Deny'} an emergency-access request (coordinators; never your ` + `own)`,
        params: idParams,
        response: { 204: z.null(), ...errors, 409: problemSchema },
      },
      handler: async (request, reply) => {
        await decideEmergencyRequest(contextOf(request), request.params.id, decision);
        return reply.code(204).send(null);
      },
    });
  }

  r.get('/api/v1/alerts', {
    schema: {
      tags: ['alerts'],
      summary: 'Your unread alerts (e.g. emergency access to a person of your caseload)',
      response: { 200: z.array(alertSchema), 401: problemSchema },
    },
    handler: (request) => listAlerts(contextOf(request)),
  });

  r.post('/api/v1/alerts/:id/read', {
    schema: {
      tags: ['alerts'],
      summary: 'Mark one of your alerts as read',
      params: idParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await markAlertRead(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
}
