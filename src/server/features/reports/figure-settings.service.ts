/**
 * The municipality's figure settings (the target of studies or work within N months, what a young
 * person lost to society costs, the default caseload capacity) together with the follow-up points
 * after closure, which live in the outreach settings; and a contact person's own caseload capacity.
 * Coordinators change them (the capability that configures the outreach work).
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import type { caseloadCapacityBody, figureSettingsBody } from '../../../core/report-schemas.js';
import { requireCapability } from '../../access/access.js';
import { AppError } from '../../http/app-error.js';
import { audited, type RequestContext } from '../../http/context.js';
import { loadOutreachSettings } from '../contact/outreach-settings.js';
import { loadFigureSettings } from './reports.queries.js';

type Body = z.infer<typeof figureSettingsBody>;
type Response = Body;

/** The settings in force and the figure settings' version (0 while the defaults apply). */
export async function readFigureSettings(ctx: RequestContext): Promise<Response> {
  requireCapability(ctx.actor, 'figures.read');
  const [{ settings, version }, outreach] = [
    await loadFigureSettings(ctx.db, ctx.actor.municipalityId),
    await loadOutreachSettings(ctx.db, ctx.actor.municipalityId),
  ];
  return { settings: { ...settings, followUpMonths: outreach.settings.followUpMonths }, version };
}

/**
 * Saves the settings if `version` is still current (0 for the first save), 409 otherwise; the
 * follow-up points are written into the outreach settings in the same transaction.
 */
export async function saveFigureSettings(ctx: RequestContext, input: Body): Promise<Response> {
  requireCapability(ctx.actor, 'outreach.configure');
  const m = ctx.actor.municipalityId;
  const { followUpMonths, ...figures } = input.settings;
  const months = [...new Set(followUpMonths)].sort((a, b) => a - b);
  return audited(ctx, async ({ trx, audit }) => {
    const settings = JSON.stringify(figures);
    const saved =
      input.version === 0
        ? await trx
            .insertInto('figure_settings')
            .values({ municipality_id: m, settings, updated_by: ctx.actor.id, updated_at: sql`now()` })
            .onConflict((oc) => oc.column('municipality_id').doNothing())
            .returning('version')
            .executeTakeFirst()
        : await trx
            .updateTable('figure_settings')
            .set({ settings, version: sql`version + 1`, updated_by: ctx.actor.id, updated_at: sql`now()` })
            .where('municipality_id', '=', m)
            .where('version', '=', input.version)
            .returning('version')
            .executeTakeFirst();
    if (!saved) throw new AppError('version_conflict');
    const outreach = await loadOutreachSettings(trx, m);
    if (outreach.settings.followUpMonths.join() !== months.join()) {
      const next = JSON.stringify({ ...outreach.settings, followUpMonths: months });
      await trx
        .insertInto('outreach_settings')
        .values({ municipality_id: m, settings: next, updated_by: ctx.actor.id })
        .onConflict((oc) =>
          oc.column('municipality_id').doUpdateSet({
            settings: next,
            version: sql`outreach_settings.version + 1`,
            updated_by: ctx.actor.id,
            updated_at: sql`now()`,
          }),
        )
        .execute();
      await audit({ action: 'update', entity: 'outreach_settings', entityId: m, detail: { followUpMonths: months } });
    }
    await audit({ action: 'update', entity: 'settings', entityId: m, detail: { figures: true } });
    return { settings: { ...figures, followUpMonths: months }, version: saved.version };
  });
}

/** Sets the open cases a staff member of the municipality can hold (null: the municipality's setting). */
export async function setCaseloadCapacity(
  ctx: RequestContext,
  staffId: string,
  input: z.infer<typeof caseloadCapacityBody>,
): Promise<{ capacity: number | null }> {
  requireCapability(ctx.actor, 'outreach.configure');
  return audited(ctx, async ({ trx, audit }) => {
    const updated = await trx
      .updateTable('staff')
      .set({ caseload_capacity: input.capacity })
      .where('id', '=', staffId)
      .where('municipality_id', '=', ctx.actor.municipalityId)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('not_found');
    await audit({ action: 'update', entity: 'staff', entityId: staffId, detail: { caseloadCapacity: input.capacity } });
    return { capacity: input.capacity };
  });
}
