/**
 * /api/v1/persons/:id/extract: a person's register extract (GDPR art. 15) as JSON or PDF, produced by a coordinator.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { extractQuery } from '../../../core/consent-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { extractPdf } from './extract-pdf.js';
import { buildExtract } from './extract.service.js';

/** Registers the extract route. */
export async function extractRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/persons/:id/extract', {
    schema: {
      tags: ['extract'],
      summary:
        'Everything Lotsa holds about the person and the log of who accessed it (GDPR art. 15), as JSON ' +
        'or PDF (coordinators)',
      params: z.object({ id: z.string().uuid() }),
      querystring: extractQuery,
      response: { 200: z.any(), 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
    },
    handler: async (request, reply) => {
      const extract = await buildExtract(contextOf(request), request.params.id, request.query.lang);
      const name = `registerutdrag-${extract.person.personalIdentityNumber.slice(0, 8)}`;
      if (request.query.format === 'json')
        return reply.header('content-disposition', `attachment; filename="${name}.json"`).send(extract);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .send(await extractPdf(extract, request.query.lang));
    },
  });
}
