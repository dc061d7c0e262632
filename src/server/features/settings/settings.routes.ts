/** /api/v1/settings: the municipality's settings (emergency access: hours, daily limit, who may use it). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { settingsBody, settingsSchema } from '../../../core/consent-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contextOf } from '../../http/context.js';
import { getSettings, updateSettings } from './settings.service.js';
import { youngPersonSettingsSchema } from '../../../core/me-schemas.js';
import { readYoungPersonSettings, updateYoungPersonSettings } from './young-person-settings.service.js';

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
  r.get('/api/v1/settings/young-person', {
    schema: {
      tags: ['settings'],
      summary: "The settings of the young person's own Lotsa: whether their access log names staff (coordinators)",
      response: { 200: youngPersonSettingsSchema, 401: problemSchema, 403: problemSchema },
    },
    handler: (request) => readYoungPersonSettings(contextOf(request)),
  });
  r.put('/api/v1/settings/young-person', {
    schema: {
      tags: ['settings'],
      summary: "Change whether the young person's access log in /mitt names staff (coordinators)",
      body: youngPersonSettingsSchema,
      response: { 200: youngPersonSettingsSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
    },
    handler: (request) => updateYoungPersonSettings(contextOf(request), request.body),
  });
}
