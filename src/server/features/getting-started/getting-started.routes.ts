/** /api/v1/getting-started: a new municipality's first steps, for its administrators. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { gettingStartedSchema, problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { gettingStarted } from './getting-started.service.js';

/** Registers the getting-started route. */
export async function gettingStartedRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/getting-started', {
    schema: {
      tags: ['staff'],
      summary:
        "Which first steps the municipality has taken: staff, the KAA's own units, lists imported, " +
        'register reconciled (administrators)',
      response: { 200: gettingStartedSchema, 401: problemSchema, 403: problemSchema },
    },
    handler: (request) => gettingStarted(contextOf(request)),
  });
}
