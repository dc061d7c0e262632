/** /api/v1/reports/…: the outcome report and the SCB half-year return, as JSON or as files. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { outcomeReportQuery, outcomeReportSchema, scbReturnQuery, scbReturnSchema } from '../../../core/report-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { outcomeReportFor } from './outcomes.service.js';
import { csvOf, outcomeTable, xlsxOf } from './reports.export.js';
import { scbFile, scbReturn } from './scb.service.js';
import { steeringPdf } from './steering-pdf.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Registers the report routes. */
export async function reportsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/reports/outcomes', {
    schema: {
      tags: ['figures'],
      summary: 'Cases closed between two days: outcomes by gender, target group and age band, medians, on to studies or work (JSON, CSV, XLSX, or the steering group PDF)',
      querystring: outcomeReportQuery,
      response: { 200: outcomeReportSchema.or(z.any()), ...errors },
    },
    handler: async (request, reply) => {
      const { from, to, format, lang } = request.query;
      const report = await outcomeReportFor(contextOf(request), { from, to }, format === 'pdf');
      if (format === 'json') return report;
      const name = `${lang === 'sv' ? 'utfall' : 'outcomes'}-${from}-${to}`;
      const file =
        format === 'pdf'
          ? await steeringPdf(report, lang)
          : format === 'csv'
            ? Buffer.from(csvOf(outcomeTable(report).header, outcomeTable(report).rows), 'utf8')
            : await xlsxOf([{ name: lang === 'sv' ? 'Utfall' : 'Outcomes', ...outcomeTable(report) }]);
      const type = format === 'pdf' ? 'application/pdf' : format === 'csv' ? 'text/csv; charset=utf-8' : XLSX;
      return reply.type(type).header('content-disposition', `attachment; filename="${name}.${format}"`).send(file);
    },
  });
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
