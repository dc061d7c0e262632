/** /api/v1/evaluations: the young persons' short evaluations summed up for staff, without names. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { evaluationSummarySchema } from '../../../core/evaluation-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { evaluationSummary } from './evaluations.service.js';

/** Registers the summary route. */
export async function evaluationRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/evaluations/summary', {
    schema: {
      tags: ['evaluations'],
      summary:
        'The young persons’ short evaluations per offer and activity, without names: answers, mean usefulness ' +
        '(1–5), how many gave each score, and what could be better (from a few answers up)',
      response: { 200: evaluationSummarySchema, 401: problemSchema, 403: problemSchema },
    },
    handler: (request) => evaluationSummary(contextOf(request)),
  });
}
