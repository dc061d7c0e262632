/** /api/v1/reports/…: the outcome report and the SCB half-year return, as JSON or as files. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scbReturnQuery, scbReturnSchema } from '../../../core/report-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { scbFile, scbReturn } from './scb.service.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Registers the report routes. */
export async function reportsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/reports/scb', {
    schema: {
      tags: ['figures'],
      summary: "SCB's half-year return: the five blocks and the consistency checks (JSON), or the file for SCB (CSV, XLSX; coordinators)",
      querystring: scbReturnQuery,
      response: { 200: scbReturnSchema.or(z.any()), ...errors },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const { half, format } = request.query;
      if (format === 'json') return scbReturn(ctx, half);
      const file = await scbFile(ctx, half, format);
      const type = format === 'csv' ? 'text/csv; charset=utf-8' : XLSX;
      return reply.type(type).header('content-disposition', `attachment; filename="scb-${half}.${format}"`).send(file);
    },
  });
}
