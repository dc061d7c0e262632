/** /api/v1/work-queues: the queues a coach starts the day from, and bulk assignment of contact persons. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  bulkAssignBody,
  bulkAssignResultSchema,
  QUEUE_KEYS,
  queueFilterQuery,
  queueItemsQuery,
  queuePageSchema,
  queueSchema,
} from '../../../core/outreach-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { bulkAssign, listQueues, queueItems } from './queues.service.js';

const tags = ['work queues'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Registers the work-queue routes. */
export async function queueRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/work-queues', {
    schema: {
      tags,
      summary: 'Every work queue with its count; contactPerson=me|none|{staffId} narrows them',
      querystring: queueFilterQuery,
      response: { 200: z.array(queueSchema), ...errors },
    },
    handler: (request) => listQueues(contextOf(request), request.query.contactPerson),
  });

  r.get('/api/v1/work-queues/:key', {
    schema: {
      tags,
      summary:
        'The persons in one queue, a page at a time and sorted (soonest next step first by default), ' +
        'each with the next step and its due date (the inbox queue lists notifications at ' +
        '/api/v1/notifications?view=inbox)',
      params: z.object({ key: z.enum(QUEUE_KEYS) }),
      querystring: queueItemsQuery,
      response: { 200: queuePageSchema, ...errors },
    },
    handler: (request) => queueItems(contextOf(request), request.params.key, request.query),
  });

  r.post('/api/v1/cases/bulk-assign', {
    schema: {
      tags,
      summary: 'Make one staff member the contact person of every listed person (coordinators); all or nothing',
      body: bulkAssignBody,
      response: { 200: bulkAssignResultSchema, ...errors },
    },
    handler: (request) => bulkAssign(contextOf(request), request.body),
  });
}
