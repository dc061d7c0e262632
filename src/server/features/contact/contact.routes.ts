/**
 * The contact ladder over HTTP: attempts, a person's outreach, overriding the next step, and the municipal settings.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  contactAttemptBody,
  contactAttemptCreatedSchema,
  nextStepOverrideBody,
  outreachSchema,
  outreachSettingsBody,
  outreachSettingsResponse,
} from '../../../core/outreach-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { getOutreach, overrideNextStep, recordContactAttempt } from './contact.service.js';
import { readOutreachSettings, saveOutreachSettings } from './outreach-settings.js';

const tags = ['contact ladder'];
const idParams = z.object({ id: z.string().uuid() });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** The optional Idempotency-Key header: a retry with the same key returns the first result. */
export function idempotencyKeyOf(request: FastifyRequest): string | null {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return null;
  if (typeof key !== 'string' || !/^[\w-]{8,100}$/.test(key))
    throw new AppError('validation_failed', [{ field: 'Idempotency-Key', code: 'invalid' }]);
  return key;
}

/** Registers the contact-ladder routes. */
export async function contactRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/persons/:id/contact-attempts', {
    schema: {
      tags,
      summary:
        'Record a contact attempt or check step; the outcome must be chosen (400 outcome_required) ' +
        'and fit the channel (400 invalid_outcome); only a conversation counts ' +
        'as reached. Returns Lotsa’s proposed next step. Send an Idempotency-Key header so a retry records nothing ' +
        'twice',
      params: idParams,
      body: contactAttemptBody,
      response: { 201: contactAttemptCreatedSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(
        await recordContactAttempt(contextOf(request), {
          personId: request.params.id,
          body: request.body,
          idempotencyKey: idempotencyKeyOf(request),
        }),
      ),
  });

  r.get('/api/v1/persons/:id/outreach', {
    schema: {
      tags,
      summary: 'Attempts, next step, Lotsa’s proposal and occupation of one person',
      params: idParams,
      response: { 200: outreachSchema, ...errors },
    },
    handler: (request) => getOutreach(contextOf(request), request.params.id),
  });

  r.put('/api/v1/persons/:id/next-step', {
    schema: {
      tags,
      summary: 'Choose another next step than the proposal, with a reason; send the nextStepVersion you read',
      params: idParams,
      body: nextStepOverrideBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await overrideNextStep(contextOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  });

  r.get('/api/v1/outreach-settings', {
    schema: {
      tags,
      summary: 'The municipality’s outreach settings (overdue days, ladder, home-visit notice, occupation validity)',
      response: { 200: outreachSettingsResponse, ...errors },
    },
    handler: (request) => readOutreachSettings(contextOf(request)),
  });

  r.put('/api/v1/outreach-settings', {
    schema: {
      tags,
      summary: 'Save the outreach settings (coordinators); send the version you read, 0 for the first save',
      body: outreachSettingsBody,
      response: { 200: outreachSettingsResponse, ...errors },
    },
    handler: (request) => saveOutreachSettings(contextOf(request), request.body),
  });
}
