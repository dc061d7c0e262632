/**
 * The first steps of a new municipality, for its administrator's start page: staff accounts made,
 * the KAA's own units chosen, source lists imported and the register reconciled. Each step says
 * whether it is done; the start page shows the list until every step is.
 */
import { sql } from 'kysely';
import type { GettingStarted } from '../../../core/schemas.js';
import { requireCapability } from '../../access/access.js';
import type { RequestContext } from '../../http/context.js';

/** Which first steps the municipality of `ctx` has taken. */
export async function gettingStarted(ctx: RequestContext): Promise<GettingStarted> {
  requireCapability(ctx.actor, 'staff.manage');
  const m = ctx.actor.municipalityId;
  const { rows } = await sql<{ staff: boolean; kaa_units: boolean; lists: boolean; reconciled: boolean }>`
    select
      exists (select 1 from staff where municipality_id = ${m} and role <> 'administrator' and active) as staff,
      exists (select 1 from audit_log where municipality_id = ${m} and entity = 'settings'
        and detail ? 'kaaUnitIds') as kaa_units,
      exists (select 1 from imports where municipality_id = ${m} and kind = 'population' and status = 'ready') as lists,
      exists (select 1 from reconciliations where municipality_id = ${m}) as reconciled`.execute(ctx.db);
  const row = rows[0]!;
  return { staff: row.staff, kaaUnits: row.kaa_units, lists: row.lists, reconciled: row.reconciled };
}
