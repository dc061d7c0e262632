/** /api/v1/register and /api/v1/jobs: reconcile as a background job, the register on a day, job progress. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jobSchema, reconcileBody, registerEntrySchema, registerQuery } from '../../../core/register-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import type { DatabaseHandle } from '../../db/connection.js';
import { contextOf } from '../../http/context.js';
import { jobOfActor, registerOnDay, startReconcile } from './register.service.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Registers the register and job routes; `database` runs the check before an apply is queued. */
export async function registerRoutes(app: FastifyInstance, { database }: { database: DatabaseHandle }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/register/reconcile', {
    schema: {
      tags: ['register'],
      summary:
        'Reconcile the register on a date as a background job: a preview, ' +
        'or with apply:true the change itself. Follow it at /api/v1/jobs/{id}. ' +
        'An apply that takes more than 10 % of the register (or more than 20 persons) out needs confirmLeaving: the ' +
        'number leaving; without it, 409 confirm_leaving with the count (leaving).',
      body: reconcileBody,
      response: { 202: z.object({ jobId: z.string().uuid() }), ...errors },
    },
    handler: async (request, reply) => {
      const jobId = await startReconcile(contextOf(request), { database, input: request.body });
      return reply.code(202).send({ jobId });
    },
  });

  r.get('/api/v1/register', {
    schema: {
      tags: ['register'],
      summary: 'Who is in the register on a date, since when and why',
      querystring: registerQuery,
      response: { 200: z.array(registerEntrySchema), ...errors },
    },
    handler: async (request) => registerOnDay(contextOf(request), { asOf: request.query.asOf }),
  });

  r.get('/api/v1/jobs/:id', {
    schema: {
      tags: ['jobs'],
      summary: 'A background job you started: status, progress and result',
      params: z.object({ id: z.string().uuid() }),
      response: { 200: jobSchema, ...errors },
    },
    handler: async (request) => jobOfActor(contextOf(request), { jobId: request.params.id }),
  });
}
