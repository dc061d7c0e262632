/** /api/v1/settings: the municipality's settings (now: how many hours an emergency access lasts). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { settingsSchema } from '../../../core/consent-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { requireCapability } from '../../access/access.js';
import { audited, contextOf } from '../../http/context.js';

/** Registers the settings routes. */
export async function settingsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/settings', {
    schema: { tags: ['settings'], summary: "Your municipality's settings", response: { 200: settingsSchema, 401: problemSchema } },
    handler: async (request) => {
      const { db, actor } = contextOf(request);
      const row = await db.selectFrom('municipalities').select('emergency_access_hours').where('id', '=', actor.municipalityId).executeTakeFirstOrThrow();
      return { emergencyAccessHours: row.emergency_access_hours };
    },
  });
  r.put('/api/v1/settings', {
    schema: { tags: ['settings'], summary: "Change your municipality's settings (administrators)", body: settingsSchema, response: { 200: settingsSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      requireCapability(ctx.actor, 'settings.manage');
      return audited(ctx, async ({ trx, audit }) => {
        await trx.updateTable('municipalities').set({ emergency_access_hours: request.body.emergencyAccessHours }).where('id', '=', ctx.actor.municipalityId).execute();
        await audit({ action: 'update', entity: 'settings', detail: request.body });
        return request.body;
      });
    },
  });
}
