/**
 * The municipality's list of goal areas for action plans. While it has kept none, Lotsa's default
 * list (core's GOAL_AREA_CODE_LIST, from the seeds) applies. Coordinators replace the list whole;
 * an area left out is kept inactive, since goals keep their area's code.
 */
import type { z } from 'zod';
import { GOAL_AREA_CODE_LIST } from '../../../core/plan.js';
import type { goalAreasBody, GoalAreasResponse } from '../../../core/plan-schemas.js';
import { requireCapability } from '../../access/access.js';
import type { Db } from '../../db/connection.js';
import { audited, type RequestContext } from '../../http/context.js';

async function loadAreas(db: Db, municipalityId: string): Promise<GoalAreasResponse> {
  const rows = await db
    .selectFrom('plan_goal_areas')
    .select(['code', 'name_sv', 'name_en', 'active'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('position')
    .orderBy('code')
    .execute();
  if (rows.length === 0)
    return {
      isDefault: true,
      codeListVersion: GOAL_AREA_CODE_LIST.version,
      areas: GOAL_AREA_CODE_LIST.areas.map((a) => ({ ...a, active: true })),
    };
  return {
    isDefault: false,
    codeListVersion: GOAL_AREA_CODE_LIST.version,
    areas: rows.map((r) => ({ code: r.code, sv: r.name_sv, en: r.name_en, active: r.active })),
  };
}

/** The goal areas of the actor's municipality, active and inactive. */
export async function readGoalAreas(ctx: RequestContext): Promise<GoalAreasResponse> {
  requireCapability(ctx.actor, 'persons.browse');
  return loadAreas(ctx.db, ctx.actor.municipalityId);
}

/** Replaces the municipality's list (coordinators); areas left out become inactive. */
export async function saveGoalAreas(
  ctx: RequestContext,
  input: z.infer<typeof goalAreasBody>,
): Promise<GoalAreasResponse> {
  requireCapability(ctx.actor, 'outreach.configure');
  const m = ctx.actor.municipalityId;
  await audited(ctx, async ({ trx, audit }) => {
    const sent = new Set(input.areas.map((a) => a.code));
    // The default list becomes the municipality's own first, so that its codes stay known when left out.
    const before = await loadAreas(trx, m);
    const left = before.areas.filter((a) => !sent.has(a.code)).map((a) => ({ ...a, active: false }));
    const rows = [...input.areas, ...left].map((a, position) => ({
      municipality_id: m,
      code: a.code,
      name_sv: a.sv,
      name_en: a.en,
      active: a.active,
      position,
    }));
    await trx.deleteFrom('plan_goal_areas').where('municipality_id', '=', m).execute();
    await trx.insertInto('plan_goal_areas').values(rows).execute();
    await audit({
      action: 'update',
      entity: 'plan_goal_areas',
      entityId: m,
      detail: { areas: input.areas.length, inactive: rows.filter((r) => !r.active).length },
    });
  });
  return loadAreas(ctx.db, m);
}
