/** /api/v1/cases: change a case's contact person or status. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseUpdateBody, problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { updateCase } from './cases.service.js';

/** Registers the case routes. */
export async function caseRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().patch('/api/v1/cases/:id', {
    schema: {
      tags: ['cases'],
      summary: "Change a case's contact person (coordinators) or status; send the version you read",
      params: z.object({ id: z.string().uuid() }),
      body: caseUpdateBody,
      response: {
        204: z.null(),
        400: problemSchema,
        401: problemSchema,
        403: problemSchema,
        404: problemSchema,
        409: problemSchema,
      },
    },
    handler: async (request, reply) => {
      await updateCase(contextOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  });
}
