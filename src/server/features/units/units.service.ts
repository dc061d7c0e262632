/**
 * Units and agencies of a municipality: anyone signed in lists the ones that can be chosen;
 * administrators add, rename, mark as the KAA's own and deactivate them. A deactivated unit is no
 * longer offered (team, consent recipient, staff unit, provider) but stays on the records that name it.
 */
import { sql, type Transaction } from 'kysely';
import type { Unit } from '../../../core/schemas.js';
import { cleanUnitName, unitNameKey } from '../../../core/unit-rules.js';
import type { UnitCreateBody, UnitUpdateBody } from '../../../core/unit-schemas.js';
import { requireCapability } from '../../access/access.js';
import type { AuditEvent } from '../../audit/audit.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/app-error.js';
import { audited, type RequestContext } from '../../http/context.js';
import { choosableUnitIds, unitNamesOf, unitOf, unitsOf } from './units.queries.js';

/** Where a change to units is made: a transaction, the municipality, and how to audit it. */
export type UnitScope = {
  trx: Transaction<Database>;
  municipalityId: string;
  audit: (...events: AuditEvent[]) => Promise<void>;
};

/** The units of the actor's municipality: only the active ones unless `includeInactive`. */
export function listUnits(ctx: RequestContext, options: { includeInactive?: boolean } = {}): Promise<Unit[]> {
  return unitsOf(ctx.db, ctx.actor.municipalityId, options);
}

async function refuseTakenName(scope: UnitScope, name: string, exceptId?: string) {
  const key = unitNameKey(name);
  const taken = (await unitNamesOf(scope.trx, scope.municipalityId)).some(
    (u) => u.id !== exceptId && unitNameKey(u.name) === key,
  );
  if (taken) throw new AppError('duplicate_unit', [{ field: 'name', code: 'invalid' }]);
}

/** A name taken at the same moment by someone else reaches the unique constraint: the same 409. */
export async function uniqueName<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('duplicate_unit', [{ field: 'name', code: 'invalid' }]);
    throw err;
  }
}

/** Adds a unit to the municipality; a name already used (case ignored) gives 409 duplicate_unit. */
export async function addUnitIn(scope: UnitScope, input: UnitCreateBody): Promise<Unit> {
  const name = cleanUnitName(input.name);
  await refuseTakenName(scope, name);
  const unit = await scope.trx
    .insertInto('units')
    .values({ municipality_id: scope.municipalityId, name, kind: input.kind, kaa: input.kaa })
    .returning(['id', 'name', 'kind', 'kaa', 'active'])
    .executeTakeFirstOrThrow();
  await scope.audit({
    action: 'create',
    entity: 'unit',
    entityId: unit.id,
    detail: { name, kind: input.kind, kaa: input.kaa },
  });
  return unit;
}

/**
 * Renames, re-kinds, marks or deactivates (or reactivates) a unit of the municipality; 404 for
 * another municipality's. The last active KAA unit can neither stop being one nor be deactivated
 * (409 last_kaa_unit).
 */
export async function changeUnitIn(scope: UnitScope, unitId: string, input: UnitUpdateBody): Promise<Unit> {
  const current = await unitOf(scope.trx, scope.municipalityId, unitId);
  if (!current) throw new AppError('not_found');
  const name = input.name === undefined ? undefined : cleanUnitName(input.name);
  if (name !== undefined && unitNameKey(name) !== unitNameKey(current.name)) await refuseTakenName(scope, name, unitId);
  // A deactivated KAA unit does not carry the activity responsibility, so it does not count as another one.
  const leavesKaa = current.kaa && current.active && (input.kaa === false || input.active === false);
  if (leavesKaa) {
    const others = await scope.trx
      .selectFrom('units')
      .select('id')
      .where('municipality_id', '=', scope.municipalityId)
      .where('kaa', '=', true)
      .where('active', '=', true)
      .where('id', '!=', unitId)
      .executeTakeFirst();
    const field = input.kaa === false ? 'kaa' : 'active';
    if (!others) throw new AppError('last_kaa_unit', [{ field, code: 'invalid' }]);
  }
  const changes = { name, kind: input.kind, kaa: input.kaa, active: input.active };
  const changed = Object.fromEntries(
    Object.entries(changes).filter(([k, v]) => v !== undefined && v !== current[k as keyof Unit]),
  );
  // A save that changes nothing records nothing.
  if (Object.keys(changed).length === 0) return current;
  const unit = await scope.trx
    .updateTable('units')
    .set(changed)
    .where('id', '=', unitId)
    .returning(['id', 'name', 'kind', 'kaa', 'active'])
    .executeTakeFirstOrThrow();
  const before = Object.fromEntries(Object.keys(changed).map((k) => [k, current[k as keyof Unit]]));
  await scope.audit({ action: 'update', entity: 'unit', entityId: unitId, detail: { before, after: changed } });
  return unit;
}

function scopeOf(ctx: RequestContext, t: { trx: Transaction<Database>; audit: UnitScope['audit'] }): UnitScope {
  return { trx: t.trx, audit: t.audit, municipalityId: ctx.actor.municipalityId };
}

/** An administrator adds a unit. */
export function addUnit(ctx: RequestContext, input: UnitCreateBody): Promise<Unit> {
  requireCapability(ctx.actor, 'settings.manage');
  return uniqueName(() => audited(ctx, (t) => addUnitIn(scopeOf(ctx, t), input)));
}

/** An administrator changes a unit. */
export function updateUnit(ctx: RequestContext, unitId: string, input: UnitUpdateBody): Promise<Unit> {
  requireCapability(ctx.actor, 'settings.manage');
  return uniqueName(() => audited(ctx, (t) => changeUnitIn(scopeOf(ctx, t), unitId, input)));
}

/**
 * Sets which active units of the actor's municipality are the KAA's own (administrators). Their
 * caseworkers gain or lose access to the cases they work on without consent, so it is audited. A
 * deactivated unit is not offered, so it keeps the mark it had.
 */
export async function setKaaUnits(ctx: RequestContext, unitIds: string[]): Promise<Unit[]> {
  requireCapability(ctx.actor, 'settings.manage');
  return audited(ctx, async ({ trx, audit }) => {
    const known = await choosableUnitIds(trx, ctx.actor.municipalityId, unitIds);
    if (known.length !== new Set(unitIds).size)
      throw new AppError('validation_failed', [{ field: 'unitIds', code: 'invalid' }]);
    await trx
      .updateTable('units')
      .set({ kaa: sql<boolean>`id in (${sql.join(unitIds)})` })
      .where('municipality_id', '=', ctx.actor.municipalityId)
      .where('active', '=', true)
      .execute();
    await audit({ action: 'update', entity: 'settings', detail: { kaaUnitIds: unitIds } });
    return unitsOf(trx, ctx.actor.municipalityId);
  });
}
