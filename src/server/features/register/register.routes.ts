/** /api/v1/register and /api/v1/jobs: reconcile as a background job, the register on a day, job progress. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jobSchema, reconcileBody, registerEntrySchema, registerQuery, type ReconcileResult } from '../../../core/register-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { requireCapability } from '../../access/access.js';
import { audited, contextOf } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import type { DatabaseHandle } from '../../db/connection.js';
import { enqueueJob } from '../../jobs/queue.js';
import { checkLeavingConfirmed, reconcile } from './reconcile.js';
import { presentReconcileResult } from './reconcile-result.js';
import { registerOn } from './register.queries.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Registers the register and job routes; `database` runs the check before an apply is queued. */
export async function registerRoutes(app: FastifyInstance, { database }: { database: DatabaseHandle }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/register/reconcile', {
    schema: {
      tags: ['register'],
      summary:
        'Reconcile the register on a date as a background job: a preview, or with apply:true the change itself. Follow it at /api/v1/jobs/{id}. ' +
        'An apply that takes more than 10 % of the register (or more than 20 persons) out needs confirmLeaving: the number leaving; without it, 409 confirm_leaving with the count (leaving).',
      body: reconcileBody,
      response: { 202: z.object({ jobId: z.string().uuid() }), ...errors },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      requireCapability(ctx.actor, 'imports.run');
      if (request.body.apply) {
        // Said before anything is queued; the job checks again, under the register's lock.
        const preview = await reconcile(database, ctx.actor.municipalityId, request.body.asOf, { apply: false, actorId: ctx.actor.id });
        checkLeavingConfirmed(preview.left.length, preview.inRegisterBefore, request.body.confirmLeaving);
      }
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
        await audit(...rows.map((row) => ({ action: 'list' as const, entity: 'register' as const, personId: row.person_id, detail: { asOf: request.query.asOf } })));
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
      if (job.kind !== 'reconcile' || job.status !== 'done') return job;
      // A reconciliation's result names persons: reading it is recorded, and it is shown as this reader may see it.
      await audited(ctx, ({ audit }) => audit({ action: 'read', entity: 'job', entityId: job.id }));
      return { ...job, result: await presentReconcileResult(ctx.db, ctx.actor, job.result as ReconcileResult) };
    },
  });
}
