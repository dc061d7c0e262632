/** /api/v1/reports/…: the outcome report and the SCB half-year return, as JSON or as files. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  outcomeReportQuery,
  outcomeReportSchema,
  scbReturnQuery,
  scbReturnSchema,
} from '../../../core/report-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { outcomeReportFor } from './outcomes.service.js';
import { outcomeCasesQuery, outcomeCasesSchema } from '../../../core/report-schemas.js';
import { outcomeCases } from './outcome-cases.service.js';
import { csvOf, outcomeTable, xlsxOf } from './reports.export.js';
import { scbFile, scbReturn } from './scb.service.js';
import { steeringPdf } from './steering-pdf.js';
import {
  caseloadCapacityBody,
  channelFiguresSchema,
  figureSettingsBody,
  figureSettingsResponse,
  measureFiguresSchema,
  periodFiguresQuery,
  statusFiguresQuery,
  statusFiguresSchema,
} from '../../../core/report-schemas.js';
import { readFigureSettings, saveFigureSettings, setCaseloadCapacity } from './figure-settings.service.js';
import { channelTable, measureTable, statusTable } from './work-figures.export.js';
import { measuresPerOffer, outreachByChannel, statusNow, steeringWork } from './work-figures.service.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Registers the report routes. */
export async function reportsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/reports/outcomes', {
    schema: {
      tags: ['figures'],
      summary:
        'Cases closed between two days: outcomes by gender, target group and age band, medians, on to studies or ' +
        'work (JSON, CSV, XLSX, or the steering group PDF, which adds channels, offers, status and caseloads)',
      querystring: outcomeReportQuery,
      response: { 200: outcomeReportSchema.or(z.any()), ...errors },
    },
    handler: async (request, reply) => {
      const { from, to, format, lang, targetGroup, contactPerson } = request.query;
      const report = await outcomeReportFor(contextOf(request), { from, to }, format === 'pdf', {
        targetGroup,
        contactPerson,
      });
      if (format === 'json') return report;
      const name = `${lang === 'sv' ? 'utfall' : 'outcomes'}-${from}-${to}`;
      const file =
        format === 'pdf'
          ? await steeringPdf(report, lang, await steeringWork(contextOf(request), request.query))
          : format === 'csv'
            ? Buffer.from(csvOf(outcomeTable(report).header, outcomeTable(report).rows), 'utf8')
            : await xlsxOf([{ name: lang === 'sv' ? 'Utfall' : 'Outcomes', ...outcomeTable(report) }]);
      const type = format === 'pdf' ? 'application/pdf' : format === 'csv' ? 'text/csv; charset=utf-8' : XLSX;
      return reply.type(type).header('content-disposition', `attachment; filename="${name}.${format}"`).send(file);
    },
  });
  r.get('/api/v1/reports/outcomes/cases', {
    schema: {
      tags: ['figures'],
      summary:
        'The cases behind a count of the outcome report (closed between two days, one outcome or all, ' +
        'a gender, a diploma, documented problems), or with scbBlock the rows of one block of the SCB ' +
        'return; only those whose person you may see; each read is audited (not for managers)',
      querystring: outcomeCasesQuery,
      response: { 200: outcomeCasesSchema, ...errors },
    },
    handler: (request) => outcomeCases(contextOf(request), request.query),
  });
  r.get('/api/v1/reports/scb', {
    schema: {
      tags: ['figures'],
      summary:
        "SCB's half-year return: the five blocks and the consistency checks (JSON), " +
        'or the file for SCB (CSV, XLSX; coordinators)',
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
  /** Sends a table as JSON, or as a CSV or XLSX file named `name`. */
  const table = async (
    reply: FastifyReply,
    format: 'json' | 'csv' | 'xlsx',
    name: string,
    t: { header: string[]; rows: (string | number | null)[][] },
  ) => {
    const file = format === 'csv' ? Buffer.from(csvOf(t.header, t.rows), 'utf8') : await xlsxOf([{ name, ...t }]);
    const type = format === 'csv' ? 'text/csv; charset=utf-8' : XLSX;
    return reply.type(type).header('content-disposition', `attachment; filename="${name}.${format}"`).send(file);
  };
  r.get('/api/v1/reports/outreach', {
    schema: {
      tags: ['figures'],
      summary:
        'Outreach by channel over a period: attempts and reached per rung of the contact ladder (JSON, CSV, XLSX)',
      querystring: periodFiguresQuery,
      response: { 200: channelFiguresSchema.or(z.any()), ...errors },
    },
    handler: async (request, reply) => {
      const q = request.query;
      const figures = await outreachByChannel(contextOf(request), q);
      if (q.format === 'json') return figures;
      return table(
        reply,
        q.format,
        `${q.lang === 'sv' ? 'kanaler' : 'channels'}-${q.from}-${q.to}`,
        channelTable(figures),
      );
    },
  });
  r.get('/api/v1/reports/measures', {
    schema: {
      tags: ['figures'],
      summary:
        'Measures per offer over a period: participants, completed, interrupted, ' +
        'cost per participant and per outcome (JSON, CSV, XLSX)',
      querystring: periodFiguresQuery,
      response: { 200: measureFiguresSchema.or(z.any()), ...errors },
    },
    handler: async (request, reply) => {
      const q = request.query;
      const figures = await measuresPerOffer(contextOf(request), q);
      if (q.format === 'json') return figures;
      return table(
        reply,
        q.format,
        `${q.lang === 'sv' ? 'insatser' : 'measures'}-${q.from}-${q.to}`,
        measureTable(figures),
      );
    },
  });
  r.get('/api/v1/reports/status', {
    schema: {
      tags: ['figures'],
      summary:
        'Status on a day: participants by status, gender and target group, ' +
        'caseload per contact person (JSON, CSV, XLSX)',
      querystring: statusFiguresQuery,
      response: { 200: statusFiguresSchema.or(z.any()), ...errors },
    },
    handler: async (request, reply) => {
      const q = request.query;
      const figures = await statusNow(contextOf(request), q);
      if (q.format === 'json') return figures;
      return table(reply, q.format, `${q.lang === 'sv' ? 'lage' : 'status'}-${figures.on}`, statusTable(figures));
    },
  });
  r.get('/api/v1/figure-settings', {
    schema: {
      tags: ['figures'],
      summary:
        'The figure settings: target months and share, cost of a young person lost, ' +
        'caseload capacity, follow-up points',
      response: { 200: figureSettingsResponse, ...errors },
    },
    handler: (request) => readFigureSettings(contextOf(request)),
  });
  r.put('/api/v1/figure-settings', {
    schema: {
      tags: ['figures'],
      summary: 'Change the figure settings (coordinators), with the version read',
      body: figureSettingsBody,
      response: { 200: figureSettingsResponse, ...errors, 409: problemSchema },
    },
    handler: (request) => saveFigureSettings(contextOf(request), request.body),
  });
  r.put('/api/v1/staff/:id/caseload-capacity', {
    schema: {
      tags: ['figures'],
      summary: "Set a staff member's caseload capacity (coordinators); null for the municipality's setting",
      params: z.object({ id: z.string().uuid() }),
      body: caseloadCapacityBody,
      response: { 200: caseloadCapacityBody, ...errors, 404: problemSchema },
    },
    handler: (request) => setCaseloadCapacity(contextOf(request), request.params.id, request.body),
  });
}
