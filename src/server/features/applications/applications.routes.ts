/**
 * /api/v1/applications and /api/v1/persons/:id/applications: applications to the team and the team meeting's decisions.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  applicationBody,
  applicationListQuery,
  applicationSchema,
  applicationUpdateBody,
} from '../../../core/consent-schemas.js';
import { paged, problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { listApplications, personApplications, receiveApplication, updateApplication } from './applications.service.js';

const tags = ['applications'];
const idParams = z.object({ id: z.string().uuid() });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Registers the application routes. */
export async function applicationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/persons/:id/applications', {
    schema: {
      tags,
      summary:
        'Register an application to a team, signed by the young person; the same application twice is registered once',
      params: idParams,
      body: applicationBody,
      response: { 201: z.object({ id: z.string().uuid() }), ...errors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await receiveApplication(contextOf(request), request.params.id, request.body)),
  });
  r.get('/api/v1/persons/:id/applications', {
    schema: {
      tags,
      summary: "A person's applications",
      params: idParams,
      response: { 200: z.array(applicationSchema), ...errors },
    },
    handler: (request) => personApplications(contextOf(request), request.params.id),
  });
  r.get('/api/v1/applications', {
    schema: {
      tags,
      summary:
        'Applications for the team meeting, a page at a time: pending (default) oldest signed first, ' +
        'or decided latest decision first',
      querystring: applicationListQuery,
      response: { 200: paged(applicationSchema), ...errors },
    },
    handler: (request) => listApplications(contextOf(request), request.query),
  });
  r.patch('/api/v1/applications/:id', {
    schema: {
      tags,
      summary:
        'Put an application on the agenda or record the decision (accepted, waiting list, ' +
        'declined); send the version you read',
      params: idParams,
      body: applicationUpdateBody,
      response: { 200: applicationSchema, ...errors },
    },
    handler: (request) => updateApplication(contextOf(request), request.params.id, request.body),
  });
}
