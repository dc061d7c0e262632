/** The municipality's settings: how long an emergency access lasts, the daily limit, and who may use it. */
import type { z } from 'zod';
import type { Settings, settingsBody } from '../../../core/consent-schemas.js';
import type { EmergencyRole } from '../../../core/emergency.js';
import { requireCapability } from '../../access/access.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/app-error.js';
import { audited, type RequestContext } from '../../http/context.js';
import { emergencySettingsRow, municipalityUnitIds, updateEmergencySettings } from './settings.queries.js';

/** The settings of `municipalityId`. */
export async function readSettings(db: Db, municipalityId: string): Promise<Settings> {
  const row = await emergencySettingsRow(db, municipalityId);
  return {
    emergencyAccessHours: row.emergency_access_hours,
    emergencyDailyLimit: row.emergency_daily_limit,
    emergencyRoles: row.emergency_roles as EmergencyRole[],
    emergencyUnitIds: row.emergency_unit_ids,
  };
}

/** The actor's municipality's settings (every signed-in staff member). */
export function getSettings(ctx: RequestContext): Promise<Settings> {
  return readSettings(ctx.db, ctx.actor.municipalityId);
}

/** Changes the fields given (administrators); units must be the municipality's own. Audited. */
export async function updateSettings(ctx: RequestContext, input: z.infer<typeof settingsBody>): Promise<Settings> {
  requireCapability(ctx.actor, 'settings.manage');
  return audited(ctx, async ({ trx, audit }) => {
    const units = input.emergencyUnitIds ?? [];
    if (units.length) {
      const known = await municipalityUnitIds(trx, ctx.actor.municipalityId, units);
      if (known.length !== new Set(units).size)
        throw new AppError('validation_failed', [{ field: 'emergencyUnitIds', code: 'invalid' }]);
    }
    const set = {
      ...(input.emergencyAccessHours === undefined ? {} : { emergency_access_hours: input.emergencyAccessHours }),
      ...(input.emergencyDailyLimit === undefined ? {} : { emergency_daily_limit: input.emergencyDailyLimit }),
      ...(input.emergencyRoles === undefined ? {} : { emergency_roles: [...new Set(input.emergencyRoles)] }),
      ...(input.emergencyUnitIds === undefined
        ? {}
        : { emergency_unit_ids: input.emergencyUnitIds === null ? null : [...new Set(input.emergencyUnitIds)] }),
    };
    if (Object.keys(set).length) await updateEmergencySettings(trx, ctx.actor.municipalityId, set);
    await audit({ action: 'update', entity: 'settings', detail: input });
    return readSettings(trx, ctx.actor.municipalityId);
  });
}
