/** /api/v1/register and /api/v1/jobs: reconcile as a background job, the register on a day, job progress. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jobSchema, reconcileBody, registerEntrySchema, registerQuery } from '../../../core/register-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { requireCapability } from '../../access/access.js';
import { audited, contextOf } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { enqueueJob } from '../../jobs/queue.js';
import { registerOn } from './register.queries.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Registers the register and job routes. */
export async function registerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/register/reconcile', {
    schema: {
      tags: ['register'],
      summary: 'Reconcile the register on a date as a background job: a preview, or with apply:true the change itself. Follow it at /api/v1/jobs/{id}',
      body: reconcileBody,
      response: { 202: z.object({ jobId: z.string().uuid() }), ...errors },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      requireCapability(ctx.actor, 'imports.run');
      const jobId = await enqueueJob(ctx.db, { municipalityId: ctx.actor.municipalityId, kind: 'reconcile', payload: { ...request.body, actorId: ctx.actor.id }, createdBy: ctx.actor.id });
      return reply.code(202).send({ jobId });
    },
  });

  r.get('/api/v1/register', {
    schema: { tags: ['register'], summary: 'Who is in the register on a date, since when and why', querystring: registerQuery, response: { 200: z.array(registerEntrySchema), ...errors } },
    handler: async (request) => {
      const ctx = contextOf(request);
      requireCapability(ctx.actor, 'register.read');
      return audited(ctx, async ({ trx, audit }) => {
        const rows = await registerOn(trx, ctx.actor.municipalityId, request.query.asOf);
        await audit(...rows.map((row) => ({ action: 'list' as const, entity: 'register', personId: row.person_id, detail: { asOf: request.query.asOf } })));
        return rows.map((row) => ({ personalIdentityNumber: row.pnr.trim(), reason: row.entry_reason, since: row.entered_on }));
      });
    },
  });

  r.get('/api/v1/jobs/:id', {
    schema: { tags: ['jobs'], summary: 'A background job you started: status, progress and result', params: z.object({ id: z.string().uuid() }), response: { 200: jobSchema, ...errors } },
    handler: async (request) => {
      const ctx = contextOf(request);
      requireCapability(ctx.actor, 'imports.run');
      const job = await ctx.db
        .selectFrom('jobs')
        .select(['id', 'kind', 'status', 'progress', 'total', 'result', 'error'])
        .where('id', '=', request.params.id)
        .where('municipality_id', '=', ctx.actor.municipalityId)
        .where('created_by', '=', ctx.actor.id)
        .executeTakeFirst();
      if (!job) throw new AppError('not_found');
      // A reconciliation's result lists identity numbers: reading it is recorded.
      if (job.kind === 'reconcile' && job.status === 'done') await audited(ctx, ({ audit }) => audit({ action: 'read', entity: 'job', entityId: job.id }));
      return job;
    },
  });
}
