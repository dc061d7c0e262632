/** /api/health: liveness, which database Lotsa runs on, and whether the job queue moves. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { healthSchema } from '../../../core/schemas.js';
import type { DatabaseKind } from '../../db/connection.js';
import { jobQueueHealth } from '../../jobs/queue-health.js';

/** Registers the health route. */
export async function healthRoutes(app: FastifyInstance, { kind }: { kind: DatabaseKind }) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    schema: {
      tags: ['health'],
      summary: 'Liveness, database kind and whether the job queue moves',
      response: { 200: healthSchema },
    },
    handler: async () => {
      await sql`select 1`.execute(app.db);
      const queue = await jobQueueHealth(app.db);
      return {
        status: 'ok' as const,
        database: kind,
        jobs: queue.state,
        oldestQueuedJobMinutes: queue.oldestQueuedMinutes,
      };
    },
  });
}
