/**
 * /api/v1/cases/:id/close, /api/v1/cases/:id/outcome, /api/v1/cases/:id/reopen and
 * /api/v1/case-follow-ups/:id/result: closing a case with an outcome, following it up, taking on again.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  caseOutcomeSchema,
  caseRefSchema,
  closeCaseBody,
  followUpResultBody,
  followUpSchema,
} from '../../../core/outcome-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { recordFollowUp } from './follow-ups.service.js';
import { closeCase, getCaseOutcome, reopenCase } from './outcomes.service.js';

const idParams = z.object({ id: z.string().uuid() });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Registers the routes of outcomes and follow-up after closure. */
export async function outcomeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/cases/:id/close', {
    schema: {
      tags: ['cases'],
      summary:
        'Close a case with an outcome on a day between its opening and today; ends running measures, plans follow-ups',
      description:
        'Outcome codes (core/outcomes OUTCOME_CODE_LIST): work, studies, employment_service, other_authority, care, ' +
        'moved, turned_20, declined, never_reached, other. 400 names the field (closedOn before the case opened or ' +
        'after today, an unknown outcome) and nothing is stored; 409 when the version is stale or the case closed.',
      params: idParams,
      body: closeCaseBody,
      response: { 200: caseRefSchema, ...errors },
    },
    handler: (request) => closeCase(contextOf(request), request.params.id, request.body),
  });
  r.get('/api/v1/cases/:id/outcome', {
    schema: {
      tags: ['cases'],
      summary:
        "Who the case's participant is (target group, diploma, documented problems if allowed), how it ended, " +
        'follow-ups',
      params: idParams,
      response: { 200: caseOutcomeSchema, ...errors },
    },
    handler: (request) => getCaseOutcome(contextOf(request), request.params.id),
  });
  r.post('/api/v1/cases/:id/reopen', {
    schema: {
      tags: ['cases'],
      summary:
        'Take the person of a closed case on again in a new case that names it (409 when the person has an open case)',
      params: idParams,
      response: { 201: caseRefSchema, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await reopenCase(contextOf(request), request.params.id)),
  });
  r.post('/api/v1/case-follow-ups/:id/result', {
    schema: {
      tags: ['cases'],
      summary:
        'Record what a follow-up after closure found; takeOn with back_without_occupation opens a new case at once',
      params: idParams,
      body: followUpResultBody,
      response: { 200: followUpSchema, ...errors },
    },
    handler: (request) => recordFollowUp(contextOf(request), request.params.id, request.body),
  });
}
