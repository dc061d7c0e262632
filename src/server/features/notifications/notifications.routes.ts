/** /api/v1/notifications: schools notify dropouts and absence; coordinators work the inbox. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  handleNotificationBody,
  notificationBody,
  notificationRoutingBody,
  notificationRoutingSchema,
  notificationSchema,
} from '../../../core/register-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { handleNotification, listNotifications, submitNotification } from './notifications.service.js';
import { readRoutingTrust, saveRoutingTrust } from './routing-trust.js';

const tags = ['notifications'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Registers the notification routes. */
export async function notificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/notifications', {
    schema: {
      tags,
      summary:
        "Notify the student's home municipality of a dropout, significant absence " +
        'or change of programme (skollagen 15 kap. 15 §)',
      body: notificationBody,
      response: { 201: notificationSchema, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await submitNotification(contextOf(request), request.body)),
  });

  r.get('/api/v1/notifications', {
    schema: {
      tags,
      summary: "view=mine: a reporter's own submissions; view=inbox: the coordinator's inbox",
      querystring: z.object({ view: z.enum(['mine', 'inbox']).default('mine') }),
      response: { 200: z.array(notificationSchema), ...errors },
    },
    handler: (request) => listNotifications(contextOf(request), request.query.view),
  });

  r.post('/api/v1/notifications/:id/handle', {
    schema: {
      tags,
      summary: 'Record what verifying with the school showed; the notification leaves the inbox',
      params: z.object({ id: z.string().uuid() }),
      body: handleNotificationBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await handleNotification(contextOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  });

  r.get('/api/v1/notification-routing', {
    schema: {
      tags,
      summary: "The municipalities whose population lists may route this municipality's schools' notifications",
      response: { 200: notificationRoutingSchema, ...errors },
    },
    handler: (request) => readRoutingTrust(contextOf(request)),
  });

  r.put('/api/v1/notification-routing', {
    schema: {
      tags,
      summary: 'Choose the municipalities trusted for routing (replaces the list; audited)',
      body: notificationRoutingBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await saveRoutingTrust(contextOf(request), request.body);
      return reply.code(204).send(null);
    },
  });
}
