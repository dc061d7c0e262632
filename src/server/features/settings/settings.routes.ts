/** /api/v1/settings: the municipality's settings (emergency access: hours, daily limit, who may use it). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { settingsBody, settingsSchema } from '../../../core/consent-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { getSettings, updateSettings } from './settings.service.js';

/** Registers the settings routes. */
export async function settingsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/settings', {
    schema: {
      tags: ['settings'],
      summary: "Your municipality's settings",
      response: { 200: settingsSchema, 401: problemSchema },
    },
    handler: (request) => getSettings(contextOf(request)),
  });
  r.put('/api/v1/settings', {
    schema: {
      tags: ['settings'],
      summary: "Change your municipality's settings (administrators); only the fields given change",
      body: settingsBody,
      response: { 200: settingsSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
    },
    handler: (request) => updateSettings(contextOf(request), request.body),
  });
}
