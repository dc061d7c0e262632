/** /api/v1/figures: counts for the start page. Figures only, never identities, so managers may read them. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { figuresSchema, problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { startPageFigures } from './figures.service.js';

/** Registers the figures route. */
export async function figuresRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/figures', {
    schema: {
      tags: ['figures'],
      summary: 'Counts of the register and cases in your municipality',
      response: { 200: figuresSchema, 401: problemSchema, 403: problemSchema },
    },
    handler: async (request) => startPageFigures(contextOf(request)),
  });
}
