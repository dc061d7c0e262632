/**
 * The young person's own words on a goal of their plan, written in /mitt: a new plan version like any
 * other change (the version they saw must still be the current one, else 409), marked as theirs so
 * staff see whose words they are. A goal of another plan is 404. Audited with the young person as actor.
 */
import type { MePlan } from '../../../core/me-schemas.js';
import { planChangeSummary } from '../../../core/plan.js';
import { requireYoungPersonCapability } from '../../access/young-person.js';
import { AppError } from '../../http/app-error.js';
import { auditedAsYoungPerson, type YoungPersonContext } from '../../http/context.js';
import { selectPlanContent, selectPlanRow } from '../plans/plans.queries.js';
import { storePlanVersion } from '../plans/plans.service.js';
import { presentOwnPlan } from './me.service.js';
import { selectOwnCase } from './me.queries.js';

/** PUT /me/plan/goals/{id}/own-words: writes (or, with an empty text, clears) the young person's words on a goal. */
export async function writeOwnWords(
  ctx: YoungPersonContext,
  goalId: string,
  input: { version: number; text: string },
): Promise<MePlan> {
  requireYoungPersonCapability(ctx.actor, 'me.plan.own_words');
  return auditedAsYoungPerson(ctx, async ({ trx, audit }) => {
    const own = await selectOwnCase(trx, ctx.actor);
    if (!own) throw new AppError('not_found');
    const row = await selectPlanRow(trx, own.case_id, { lock: true });
    if (!row) throw new AppError('not_found');
    const current = await selectPlanContent(trx, row);
    const goal = current.document.goals.find((g) => g.id === goalId);
    if (!goal) throw new AppError('not_found');
    if (row.version !== input.version) throw new AppError('version_conflict');
    const text = input.text.trim() || null;
    const unchanged = goal.ownWords === text && (text === null || current.ownWordsByYoungPerson.includes(goalId));
    if (!unchanged) {
      const document = {
        ...current.document,
        goals: current.document.goals.map((g) => (g.id === goalId ? { ...g, ownWords: text } : g)),
      };
      const plan = await storePlanVersion(trx, {
        caseId: own.case_id,
        person: own,
        row,
        liveGoalIds: current.liveGoalIds,
        document,
        summary: planChangeSummary(current.document, document),
        changedBy: null,
      });
      await trx
        .updateTable('plan_goals')
        .set({ own_words_by_young_person: text !== null })
        .where('id', '=', goalId)
        .where('plan_id', '=', row.id)
        .execute();
      await audit({
        action: 'update',
        entity: 'plan',
        entityId: own.case_id,
        personId: own.id,
        detail: { version: plan.version, ownWords: goalId },
      });
    }
    return presentOwnPlan(trx, ctx, own.case_id);
  });
}
