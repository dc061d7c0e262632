/**
 * A municipality's outreach settings: stored per municipality, falling back to the defaults. Coordinators edit them.
 */
import type { z } from 'zod';
import { DEFAULT_OUTREACH_SETTINGS, OCCUPATION_CODE_LIST, type OutreachSettings } from '../../../core/outreach.js';
import {
  outreachSettingsSchema,
  type outreachSettingsBody,
  type OutreachSettingsResponse,
} from '../../../core/outreach-schemas.js';
import { requireCapability } from '../../access/access.js';
import type { Db } from '../../db/connection.js';
import { audited, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { insertOutreachSettings, outreachSettingsRow, updateOutreachSettings } from './contact.queries.js';

/** The settings in force for a municipality, and their row version (0 while the defaults apply). */
export async function loadOutreachSettings(
  db: Db,
  municipalityId: string,
): Promise<{ settings: OutreachSettings; version: number }> {
  const row = await outreachSettingsRow(db, municipalityId);
  if (!row) return { settings: DEFAULT_OUTREACH_SETTINGS, version: 0 };
  const parsed = outreachSettingsSchema.safeParse({ ...DEFAULT_OUTREACH_SETTINGS, ...row.settings });
  return { settings: parsed.success ? parsed.data : DEFAULT_OUTREACH_SETTINGS, version: row.version };
}

/** The settings as the API shows them. */
export async function readOutreachSettings(ctx: RequestContext): Promise<OutreachSettingsResponse> {
  requireCapability(ctx.actor, 'outreach.work');
  const { settings, version } = await loadOutreachSettings(ctx.db, ctx.actor.municipalityId);
  return { settings, version, occupationListVersion: OCCUPATION_CODE_LIST.version };
}

/** Saves the settings if `version` is still current (0 for the first save); 409 otherwise. */
export async function saveOutreachSettings(
  ctx: RequestContext,
  input: z.infer<typeof outreachSettingsBody>,
): Promise<OutreachSettingsResponse> {
  requireCapability(ctx.actor, 'outreach.configure');
  return audited(ctx, async ({ trx, audit }) => {
    const settings = JSON.stringify(input.settings);
    const m = ctx.actor.municipalityId;
    const saved =
      input.version === 0
        ? await insertOutreachSettings(trx, m, settings, ctx.actor.id)
        : await updateOutreachSettings(trx, {
            municipalityId: m,
            version: input.version,
            settings,
            updatedBy: ctx.actor.id,
          });
    if (!saved) throw new AppError('version_conflict');
    await audit({ action: 'update', entity: 'outreach_settings', entityId: ctx.actor.municipalityId });
    return { settings: input.settings, version: saved.version, occupationListVersion: OCCUPATION_CODE_LIST.version };
  });
}
