/** /api/health: liveness and which database Lotsa runs on. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { healthSchema } from '../../../core/schemas.js';
import type { DatabaseKind } from '../../db/connection.js';

/** Registers the health route. */
export async function healthRoutes(app: FastifyInstance, { kind }: { kind: DatabaseKind }) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    schema: { tags: ['health'], summary: 'Liveness and database kind', response: { 200: healthSchema } },
    handler: async () => {
      await sql`select 1`.execute(app.db);
      return { status: 'ok' as const, database: kind };
    },
  });
}
