/** Use cases of the register: reconcile as a background job, who is in the register on a day, and a job's progress. */
import type { z } from 'zod';
import type { reconcileBody, ReconcileResult } from '../../../core/register-schemas.js';
import { requireCapability } from '../../access/access.js';
import type { DatabaseHandle } from '../../db/connection.js';
import { AppError } from '../../http/app-error.js';
import { audited, type RequestContext } from '../../http/context.js';
import { enqueueJob } from '../../jobs/queue.js';
import { checkLeavingConfirmed, reconcile } from './reconcile.js';
import { presentReconcileResult } from './reconcile-result.js';
import { jobOfStaff, registerOn } from './register.queries.js';

/**
 * Queues a reconciliation (a preview, or with `apply` the change itself) and returns the job's id.
 * An apply that takes many out must be confirmed; that is checked here before anything is queued
 * (on `database`, outside the request's transaction) and again by the job under the register's lock.
 */
export async function startReconcile(
  ctx: RequestContext,
  { database, input }: { database: DatabaseHandle; input: z.infer<typeof reconcileBody> },
) {
  requireCapability(ctx.actor, 'imports.run');
  if (input.apply) {
    const preview = await reconcile(database, ctx.actor.municipalityId, input.asOf, {
      apply: false,
      actorId: ctx.actor.id,
    });
    checkLeavingConfirmed(preview.left.length, preview.inRegisterBefore, input.confirmLeaving);
  }
  const payload = { ...input, actorId: ctx.actor.id };
  return enqueueJob(ctx.db, {
    municipalityId: ctx.actor.municipalityId,
    kind: 'reconcile',
    payload,
    createdBy: ctx.actor.id,
  });
}

/** Who is in the register on `asOf`, since when and why; each person listed is audited. */
export async function registerOnDay(ctx: RequestContext, { asOf }: { asOf: string }) {
  requireCapability(ctx.actor, 'register.read');
  return audited(ctx, async ({ trx, audit }) => {
    const rows = await registerOn(trx, ctx.actor.municipalityId, asOf);
    await audit(
      ...rows.map((row) => ({
        action: 'list' as const,
        entity: 'register' as const,
        personId: row.person_id,
        detail: { asOf },
      })),
    );
    return rows.map((row) => ({
      personalIdentityNumber: row.pnr.trim(),
      reason: row.entry_reason,
      since: row.entered_on,
    }));
  });
}

/**
 * A job the actor started: status, progress and result. A finished reconciliation's result names
 * persons, so reading it is audited and it is shown as this reader may see it.
 */
export async function jobOfActor(ctx: RequestContext, { jobId }: { jobId: string }) {
  requireCapability(ctx.actor, 'imports.run');
  const job = await jobOfStaff(ctx.db, { municipalityId: ctx.actor.municipalityId, staffId: ctx.actor.id, jobId });
  if (!job) throw new AppError('not_found');
  if (job.kind !== 'reconcile' || job.status !== 'done') return job;
  await audited(ctx, ({ audit }) => audit({ action: 'read', entity: 'job', entityId: job.id }));
  return { ...job, result: await presentReconcileResult(ctx.db, ctx.actor, job.result as ReconcileResult) };
}
