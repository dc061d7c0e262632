/**
 * /api/v1/assessment-manual, /api/v1/persons/:id/assessments, /api/v1/assessments/:id: the assessment (kartläggning).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assessmentCompleteBody,
  assessmentCreateBody,
  assessmentDraftBody,
  assessmentSchema,
  assessmentSummarySchema,
  manualBody,
  manualSchema,
  sectionSharingBody,
} from '../../../core/assessment-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { getManual, saveManual } from './assessment-manual.service.js';
import { setSectionSharing } from './assessment-sharing.service.js';
import {
  completeAssessment,
  getAssessment,
  listAssessments,
  saveDraft,
  startAssessment,
} from './assessments.service.js';

const tags = ['assessments'];
const idParams = z.object({ id: z.string().uuid() });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Registers the assessment routes. */
export async function assessmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/assessment-manual', {
    schema: {
      tags,
      summary:
        "The municipality's assessment manual: sections (each in a consent category) " +
        "and questions. Version 0 is Lotsa's default, not yet saved",
      response: { 200: manualSchema, ...errors },
    },
    handler: (request) => getManual(contextOf(request)),
  });

  r.put('/api/v1/assessment-manual', {
    schema: {
      tags,
      summary:
        'Save the manual as a new version (coordinators); `version` is the one edited, ' +
        '409 if another was saved since. Assessments keep the version they were made with',
      body: manualBody,
      response: { 200: manualSchema, ...errors },
    },
    handler: (request) => saveManual(contextOf(request), request.body),
  });

  r.get('/api/v1/persons/:id/assessments', {
    schema: {
      tags,
      summary: "A person's assessments, newest first (drafts and completed versions)",
      params: idParams,
      response: { 200: z.array(assessmentSummarySchema), ...errors },
    },
    handler: (request) => listAssessments(contextOf(request), request.params.id),
  });

  r.post('/api/v1/persons/:id/assessments', {
    schema: {
      tags,
      summary:
        'Start an assessment as a draft; with `revises`, a new version of a completed one that starts ' +
        'from its answers. 409 while a draft exists',
      params: idParams,
      body: assessmentCreateBody,
      response: { 201: z.object({ id: z.string().uuid() }), ...errors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await startAssessment(contextOf(request), request.params.id, request.body ?? {})),
  });

  r.get('/api/v1/assessments/:id', {
    schema: {
      tags,
      summary: 'An assessment; answers of categories you may not see are withheld and named in `withheldCategories`',
      params: idParams,
      response: { 200: assessmentSchema, ...errors },
    },
    handler: (request) => getAssessment(contextOf(request), request.params.id),
  });

  r.put('/api/v1/assessments/:id', {
    schema: {
      tags,
      summary:
        'Save the draft (answers and fields sent; the rest stay). `version` ' +
        'as read; 409 `version_conflict` after another save, 409 `assessment_completed` once completed',
      params: idParams,
      body: assessmentDraftBody,
      response: { 200: assessmentSchema, ...errors },
    },
    handler: (request) => saveDraft(contextOf(request), request.params.id, request.body),
  });

  r.post('/api/v1/assessments/:id/complete', {
    schema: {
      tags,
      summary:
        'Complete the assessment: dated today and read-only; the person counts ' +
        'as mapped. Needs the young person among the participants, the highest education and the diploma answer',
      params: idParams,
      body: assessmentCompleteBody,
      response: { 200: assessmentSchema, ...errors },
    },
    handler: (request) => completeAssessment(contextOf(request), request.params.id, request.body.version),
  });

  r.put('/api/v1/assessments/:id/sections/:key/sharing', {
    schema: {
      tags,
      summary:
        'Share a section with the young person (shown in their own Lotsa once the assessment is completed), ' +
        'or stop sharing it. `version` as read; 409 `version_conflict` after another change, ' +
        '409 `section_not_shareable` for a health and social section',
      params: z.object({ id: z.string().uuid(), key: z.string().max(100) }),
      body: sectionSharingBody,
      response: { 200: assessmentSchema, ...errors },
    },
    handler: (request) => setSectionSharing(contextOf(request), request.params.id, request.params.key, request.body),
  });
}
