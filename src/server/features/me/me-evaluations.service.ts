/**
 * The young person's short evaluations: after a measure or an activity period of theirs has ended,
 * how useful it was (1 to 5) and what could be better. Only their own measures and activities; any
 * other id is 404. Reading and answering are audited with the young person as actor.
 */
import { todayInSweden } from '../../../core/dates.js';
import type { MeEvaluation } from '../../../core/me-schemas.js';
import { requireYoungPersonCapability } from '../../access/young-person.js';
import { AppError } from '../../http/app-error.js';
import { auditedAsYoungPerson, type AuditedTransaction, type YoungPersonContext } from '../../http/context.js';
import {
  selectOwnActivitiesToEvaluate,
  selectOwnMeasuresToEvaluate,
  upsertEvaluation,
} from '../evaluations/evaluations.queries.js';
import { selectOwnCase } from './me.queries.js';

type Trx = AuditedTransaction['trx'];

async function evaluable(trx: Trx, ctx: YoungPersonContext): Promise<MeEvaluation[]> {
  const today = todayInSweden(ctx.clock.now());
  const [measures, activities] = await Promise.all([
    selectOwnMeasuresToEvaluate(trx, ctx.actor, today),
    selectOwnActivitiesToEvaluate(trx, ctx.actor, today),
  ]);
  const answer = (r: { usefulness: number | null; better: string | null; answered_at: Date | null }) =>
    r.usefulness === null || !r.answered_at
      ? null
      : { usefulness: r.usefulness, better: r.better, answeredAt: new Date(r.answered_at).toISOString() };
  return [
    ...measures.map((m) => ({
      subject: 'measure' as const,
      id: m.id,
      name: m.name,
      endedOn: m.ended_on,
      answer: answer(m),
    })),
    ...activities.map((a) => ({
      subject: 'activity' as const,
      id: a.id,
      name: a.name,
      endedOn: a.ended_on,
      answer: answer(a),
    })),
  ].sort((a, b) => b.endedOn.localeCompare(a.endedOn));
}

/** GET /me/evaluations: the young person's ended measures and activities, each with their answer if given. */
export async function listOwnEvaluations(ctx: YoungPersonContext): Promise<MeEvaluation[]> {
  requireYoungPersonCapability(ctx.actor, 'me.read');
  return auditedAsYoungPerson(ctx, async ({ trx, audit }) => {
    const own = await selectOwnCase(trx, ctx.actor);
    if (!own) throw new AppError('not_found');
    const list = await evaluable(trx, ctx);
    await audit({ action: 'read', entity: 'evaluations', entityId: own.id, personId: own.id });
    return list;
  });
}

/**
 * POST /me/evaluations/{subject}/{id}: the young person's answer for one of their ended measures or
 * activities; answering again replaces the answer. 404 for anything not theirs or not yet ended.
 */
export async function answerEvaluation(
  ctx: YoungPersonContext,
  target: { subject: 'measure' | 'activity'; id: string },
  input: { usefulness: number; better?: string | null },
): Promise<MeEvaluation[]> {
  requireYoungPersonCapability(ctx.actor, 'me.evaluate');
  return auditedAsYoungPerson(ctx, async ({ trx, audit }) => {
    const own = await selectOwnCase(trx, ctx.actor);
    if (!own) throw new AppError('not_found');
    const before = await evaluable(trx, ctx);
    if (!before.some((e) => e.subject === target.subject && e.id === target.id)) throw new AppError('not_found');
    const better = input.better ? input.better : null;
    const stored = await upsertEvaluation(trx, {
      municipalityId: ctx.actor.municipalityId,
      personId: own.id,
      measureId: target.subject === 'measure' ? target.id : null,
      activityId: target.subject === 'activity' ? target.id : null,
      usefulness: input.usefulness,
      better,
      at: ctx.clock.now(),
    });
    await audit({
      action: stored.replaced ? 'update' : 'create',
      entity: 'evaluation',
      entityId: stored.id,
      personId: own.id,
      detail: { subject: target.subject, subjectId: target.id, usefulness: input.usefulness },
    });
    return evaluable(trx, ctx);
  });
}
