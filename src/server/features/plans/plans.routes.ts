/**
 * /api/v1/cases/:id/plan: the action plan of a case, its versions, signing, the PDF; /api/v1/plan-signatures/:id/scan:
 * the signed paper.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  goalAreasBody,
  goalAreasResponse,
  planBody,
  planPdfQuery,
  planSchema,
  planSignBody,
  planVersionSchema,
} from '../../../core/plan-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { AppError } from '../../http/app-error.js';
import { contextOf } from '../../http/context.js';
import { readGoalAreas, saveGoalAreas } from './goal-areas.service.js';
import { planPdf } from './plan-pdf.js';
import {
  attachPlanScan,
  listPlanVersions,
  planForPrint,
  readPlan,
  readPlanScan,
  savePlan,
  signPlan,
} from './plans.service.js';

const tags = ['action plans'];
const idParams = z.object({ id: z.string().uuid() });
const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  415: problemSchema,
};
const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const MAX_SCAN_BYTES = 10 * 1024 * 1024;

/** Registers the action plan routes. */
export async function planRoutes(app: FastifyInstance) {
  app.addContentTypeParser([...SCAN_TYPES], { parseAs: 'buffer', bodyLimit: MAX_SCAN_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/cases/:id/plan', {
    schema: {
      tags,
      summary:
        "The case's action plan (version 0 and no goals before it is made), with the goal areas " +
        'and units a step can name',
      params: idParams,
      response: { 200: planSchema, ...errors },
    },
    handler: (request) => readPlan(contextOf(request), request.params.id),
  });

  r.put('/api/v1/cases/:id/plan', {
    schema: {
      tags,
      summary:
        'Save the whole plan with the version it was read at (0 for the first); a stale version is refused (409). ' +
        'Goals that stay keep their ids; a goal left out is marked removed. The earlier version is kept',
      params: idParams,
      body: planBody,
      response: { 200: planSchema, ...errors },
    },
    handler: (request) => savePlan(contextOf(request), request.params.id, request.body),
  });

  r.get('/api/v1/cases/:id/plan/versions', {
    schema: {
      tags,
      summary: 'Every saved version of the plan, newest first: who, when, what changed, and the plan as it was',
      params: idParams,
      response: { 200: z.array(planVersionSchema), ...errors },
    },
    handler: (request) => listPlanVersions(contextOf(request), request.params.id),
  });

  r.post('/api/v1/cases/:id/plan/sign', {
    schema: {
      tags,
      summary:
        "Record the young person's (or guardian's) signature of the current version, in Lotsa or " +
        'on paper (attach the scan after)',
      params: idParams,
      body: planSignBody,
      response: { 201: z.object({ id: z.string().uuid() }), ...errors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await signPlan(contextOf(request), request.params.id, request.body)),
  });

  r.get('/api/v1/cases/:id/plan.pdf', {
    schema: {
      tags,
      summary: 'The plan as a PDF in plain Swedish or English, for the young person to take home',
      params: idParams,
      querystring: planPdfQuery,
      response: { 200: z.any(), ...errors },
    },
    handler: async (request, reply) => {
      const data = await planForPrint(contextOf(request), request.params.id, request.query.lang);
      const pdf = await planPdf(data, request.query.lang);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `inline; filename="${request.query.lang === 'sv' ? 'handlingsplan' : 'action-plan'}.pdf"`,
        )
        .send(pdf);
    },
  });

  r.get('/api/v1/plan-goal-areas', {
    schema: {
      tags,
      summary:
        "The municipality's goal areas for action plans (Lotsa's default list until it keeps its own), active " +
        'and inactive',
      response: { 200: goalAreasResponse, ...errors },
    },
    handler: (request) => readGoalAreas(contextOf(request)),
  });

  r.put('/api/v1/plan-goal-areas', {
    schema: {
      tags,
      summary:
        'Replace the goal areas (coordinators): the whole list in order; areas left out are kept inactive, ' +
        'since goals keep their code',
      body: goalAreasBody,
      response: { 200: goalAreasResponse, ...errors },
    },
    handler: (request) => saveGoalAreas(contextOf(request), request.body),
  });

  r.put('/api/v1/plan-signatures/:id/scan', {
    schema: {
      tags,
      summary: 'Attach the scan of the signed paper plan (PDF, JPEG or PNG as the request body, at most 10 MB)',
      params: idParams,
      querystring: z.object({ fileName: z.string().trim().min(1).max(200).default('handlingsplan') }),
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
      if (
        !(SCAN_TYPES as readonly string[]).includes(contentType) ||
        !Buffer.isBuffer(request.body) ||
        request.body.length === 0
      )
        throw new AppError('unsupported_file');
      await attachPlanScan(contextOf(request), request.params.id, {
        data: request.body,
        contentType,
        fileName: request.query.fileName,
      });
      return reply.code(204).send(null);
    },
  });

  r.get('/api/v1/plan-signatures/:id/scan', {
    schema: {
      tags,
      summary: 'The scan of the signed paper plan',
      params: idParams,
      response: { 200: z.any(), ...errors },
    },
    handler: async (request, reply) => {
      const scan = await readPlanScan(contextOf(request), request.params.id);
      return reply
        .type(scan.contentType)
        .header('content-disposition', `attachment; filename="${encodeURIComponent(scan.fileName)}"`)
        .send(scan.data);
    },
  });
}
