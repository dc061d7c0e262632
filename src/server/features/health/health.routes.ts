/** /api/health: liveness, which database Lotsa runs on, and whether the job queue moves. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthSchema } from '../../../core/schemas.js';
import type { DatabaseKind } from '../../db/connection.js';
import { readHealth } from './health.service.js';

/** Registers the health route. */
export async function healthRoutes(app: FastifyInstance, { kind }: { kind: DatabaseKind }) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    schema: {
      tags: ['health'],
      summary: 'Liveness, database kind and whether the job queue moves',
      response: { 200: healthSchema },
    },
    handler: () => readHealth(app.db, kind),
  });
}
