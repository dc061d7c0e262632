/** /api/v1/access-review: the access follow-up for administrators. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessReviewMarkBody, accessReviewQuery, accessReviewRowSchema } from '../../../core/consent-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { accessReview, markReviewed } from './access-review.service.js';

const tags = ['access review'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Registers the access-review routes. */
export async function accessReviewRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/access-review', {
    schema: {
      tags,
      summary:
        'One follow-up report (outside_caseload, emergency, many_persons, night) for a period, ' +
        'default the last 30 days (administrators)',
      querystring: accessReviewQuery,
      response: { 200: z.array(accessReviewRowSchema), ...errors },
    },
    handler: (request) => accessReview(contextOf(request), request.query),
  });
  r.post('/api/v1/access-review/reviewed', {
    schema: {
      tags,
      summary: 'Mark a report row as reviewed',
      body: accessReviewMarkBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await markReviewed(contextOf(request), request.body);
      return reply.code(204).send(null);
    },
  });
}
