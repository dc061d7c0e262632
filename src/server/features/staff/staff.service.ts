/**
 * Staff accounts: list, create, edit, deactivate, ask for a new one-time code (issued by someone else,
 * sign-in-codes.service.ts).
 */
import type { z } from 'zod';
import type { Role } from '../../../core/roles.js';
import type { Profession } from '../../../core/professions.js';
import type { Staff, staffCreateBody, staffListQuery, staffUpdateBody } from '../../../core/schemas.js';
import { requireCapability } from '../../access/access.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/app-error.js';
import { audited, type RequestContext } from '../../http/context.js';
import { hashPassword, oneTimePassword } from '../../http/passwords.js';
import { alertCoordinatorChange, requestSignInCode } from './sign-in-codes.service.js';
import { deleteSessionsOf } from '../../http/sessions.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { choosableUnitIds } from '../units/units.queries.js';
import {
  insertStaffRow,
  staffList,
  staffMemberOf,
  staffWithUnit,
  staffWithUnitOrThrow,
  updateStaffRow,
  type StaffRow,
} from './staff.queries.js';

function present(r: StaffRow): Staff {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role as Role,
    unit: r.unit_id ? { id: r.unit_id, name: r.unit_name! } : null,
    profession: r.profession as Profession | null,
    active: r.active,
    mustChangePassword: r.must_change_password,
    version: r.version,
  };
}

/** Staff of the actor's municipality, optionally by role and active state. */
export async function listStaff(ctx: RequestContext, filter: z.infer<typeof staffListQuery>): Promise<Staff[]> {
  requireCapability(ctx.actor, 'staff.list');
  const rows = await staffList(ctx.db, ctx.actor.municipalityId, {
    role: filter.role,
    active: filter.active ? filter.active === 'true' : undefined,
    contactPerson: Boolean(filter.contactPerson),
  });
  return rows.map(present);
}

/** What `insertStaff` needs: the account's municipality, person and role, and optionally its password. */
export interface NewStaff {
  municipalityId: string;
  name: string;
  email: string;
  role: Role;
  unitId?: string | null;
  profession?: Profession | null;
  /** A final password; without it a one-time password is generated and returned. */
  password?: string;
}

/**
 * Creates a staff account in `municipalityId`. Without `password` a one-time password is generated
 * and must be changed at first sign-in; a given password is final. Throws 409 on a taken e-mail.
 */
export async function insertStaff(
  db: Db,
  { municipalityId, name, email, role, unitId = null, profession = null, password }: NewStaff,
) {
  const secret = password ?? oneTimePassword();
  if (unitId && (await choosableUnitIds(db, municipalityId, [unitId])).length === 0)
    throw new AppError('validation_failed', [{ field: 'unitId', code: 'invalid' }]);
  try {
    const id = await insertStaffRow(db, {
      municipalityId,
      unitId,
      email: email.toLowerCase(),
      name,
      role,
      profession,
      passwordHash: await hashPassword(secret),
      mustChangePassword: password === undefined,
    });
    return { id, oneTimePassword: password === undefined ? secret : null };
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('duplicate_email', [{ field: 'email', code: 'invalid' }]);
    throw err;
  }
}

/**
 * An administrator creates an account. Its one-time code is not shown to them: it waits for another
 * administrator or a coordinator to issue it (sign-in-codes.service.ts). A new coordinator alerts
 * the other administrators and coordinators.
 */
export async function createStaff(
  ctx: RequestContext,
  input: z.infer<typeof staffCreateBody>,
): Promise<Staff & { codeRequestId: string }> {
  requireCapability(ctx.actor, 'staff.manage');
  return audited(ctx, async ({ trx, audit }) => {
    // The generated password is thrown away unseen; the account is usable once a code is issued.
    const created = await insertStaff(trx, { ...input, municipalityId: ctx.actor.municipalityId });
    const codeRequestId = await requestSignInCode(
      trx,
      ctx.actor,
      { id: created.id, name: input.name, role: input.role },
      'new_account',
    );
    await audit({
      action: 'create',
      entity: 'staff',
      entityId: created.id,
      detail: { role: input.role, profession: input.profession, codeRequestId },
    });
    const staff = present(await staffWithUnitOrThrow(trx, ctx.actor.municipalityId, created.id));
    return { ...staff, codeRequestId };
  });
}

/** An administrator edits an account; deactivating it ends its sessions. 409 on a stale version. */
export async function updateStaff(
  ctx: RequestContext,
  staffId: string,
  input: z.infer<typeof staffUpdateBody>,
): Promise<Staff> {
  requireCapability(ctx.actor, 'staff.manage');
  return audited(ctx, async ({ trx, audit }) => {
    const current = await staffWithUnit(trx, ctx.actor.municipalityId, staffId);
    if (!current) throw new AppError('not_found');
    if (current.version !== input.version) throw new AppError('version_conflict');
    // An administrator cannot lock themselves (and perhaps everyone) out.
    if (staffId === ctx.actor.id && (!input.active || input.role !== 'administrator'))
      throw new AppError('last_administrator');
    // A deactivated unit is no longer offered, but an account already in it can be saved unchanged.
    if (
      input.unitId &&
      (await choosableUnitIds(trx, ctx.actor.municipalityId, [input.unitId], [current.unit_id])).length === 0
    )
      throw new AppError('validation_failed', [{ field: 'unitId', code: 'invalid' }]);
    const updated = await updateStaffRow(trx, staffId, input.version, {
      name: input.name,
      role: input.role,
      unit_id: input.unitId,
      ...(input.profession !== undefined && { profession: input.profession }),
      active: input.active,
    });
    if (!updated) throw new AppError('version_conflict');
    if (!input.active || input.role !== current.role) await deleteSessionsOf(trx, staffId);
    if ((input.role === 'coordinator' || input.role === 'administrator') && current.role !== input.role)
      await alertCoordinatorChange(trx, ctx.actor, `${input.role}_granted`, { id: staffId, name: input.name });
    await audit({
      action: 'update',
      entity: 'staff',
      entityId: staffId,
      detail: { role: input.role, unitId: input.unitId, profession: input.profession, active: input.active },
    });
    return present(await staffWithUnitOrThrow(trx, ctx.actor.municipalityId, staffId));
  });
}

/**
 * An administrator asks for a new one-time code for an account. Nothing changes until another
 * administrator or a coordinator issues it; a coordinator's reset alerts the others. Returns the request.
 */
export async function resetStaffPassword(ctx: RequestContext, staffId: string): Promise<{ codeRequestId: string }> {
  requireCapability(ctx.actor, 'staff.manage');
  if (staffId === ctx.actor.id) throw new AppError('forbidden');
  return audited(ctx, async ({ trx, audit }) => {
    const staff = await staffMemberOf(trx, ctx.actor.municipalityId, staffId);
    if (!staff) throw new AppError('not_found');
    const codeRequestId = await requestSignInCode(trx, ctx.actor, staff, 'reset');
    await audit({
      action: 'update',
      entity: 'staff',
      entityId: staffId,
      detail: { passwordResetRequested: true, codeRequestId },
    });
    return { codeRequestId };
  });
}
