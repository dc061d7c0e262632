/**
 * The young persons' short evaluations summed up for staff: per offer (the measures made of it) and
 * per activity, without names. Free-text answers show only from EVALUATION_TEXTS_FROM answers, so a
 * small group's answer does not point at one young person. Reading the summary is audited.
 */
import { EVALUATION_TEXTS_FROM, type EvaluationSummary } from '../../../core/evaluation-schemas.js';
import { requireCapability } from '../../access/access.js';
import { audited, type RequestContext } from '../../http/context.js';
import { selectEvaluationSummary } from './evaluations.queries.js';

/** GET /evaluations/summary: the actor's municipality's evaluations per offer and activity. */
export async function evaluationSummary(ctx: RequestContext): Promise<EvaluationSummary> {
  requireCapability(ctx.actor, 'figures.read');
  return audited(ctx, async ({ trx, audit }) => {
    const rows = await selectEvaluationSummary(trx, ctx.actor.municipalityId);
    const present = rows.map((r) => {
      const scores = r.scores.map(Number);
      const counts = [1, 2, 3, 4, 5].map((n) => scores.filter((s) => s === n).length);
      const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
      const texts = r.texts.filter((t): t is string => Boolean(t));
      return {
        subject: r.subject,
        id: r.id,
        name: r.name,
        answers: scores.length,
        average: Math.round(mean * 10) / 10,
        counts,
        better: scores.length >= EVALUATION_TEXTS_FROM ? texts : [],
      };
    });
    await audit({
      action: 'list',
      entity: 'evaluations',
      detail: { rows: present.length, textsShown: present.filter((r) => r.better.length > 0).length },
    });
    return { textsFrom: EVALUATION_TEXTS_FROM, rows: present };
  });
}
