/** SQL of staff accounts and of the requests for their one-time sign-in codes. */
import { sql, type Updateable } from 'kysely';
import type { Role } from '../../../core/roles.js';
import { CONTACT_PERSON_ROLES, mayBeContactPerson } from '../../access/access.js';
import type { Db } from '../../db/connection.js';
import type { StaffTable } from '../../db/types.js';

/** How long a request for a sign-in code may wait to be issued; after that the account must be reset again. */
export const SIGN_IN_CODE_REQUEST_DAYS = 7;

/** Staff of the municipality with their unit. */
function staffQuery(db: Db, municipalityId: string) {
  return db
    .selectFrom('staff')
    .leftJoin('units', 'units.id', 'staff.unit_id')
    .select([
      'staff.id',
      'staff.name',
      'staff.email',
      'staff.role',
      'staff.active',
      'staff.must_change_password',
      'staff.version',
      'staff.profession',
      'units.id as unit_id',
      'units.name as unit_name',
    ])
    .where('staff.municipality_id', '=', municipalityId);
}

/** A row of `staffQuery`. */
export type StaffRow = Awaited<ReturnType<ReturnType<typeof staffQuery>['executeTakeFirstOrThrow']>>;

/** Staff of the municipality by name, optionally by role, active state and whether they may hold cases. */
export function staffList(
  db: Db,
  municipalityId: string,
  filter: { role?: Role | undefined; active?: boolean | undefined; contactPerson?: boolean | undefined },
) {
  let q = staffQuery(db, municipalityId);
  if (filter.role) q = q.where('staff.role', '=', filter.role);
  if (filter.active !== undefined) q = q.where('staff.active', '=', filter.active);
  if (filter.contactPerson) q = q.where(mayBeContactPerson);
  return q.orderBy('staff.name').execute();
}

/** One account of the municipality with its unit, or undefined. */
export function staffWithUnit(db: Db, municipalityId: string, staffId: string) {
  return staffQuery(db, municipalityId).where('staff.id', '=', staffId).executeTakeFirst();
}

/** One account of the municipality with its unit, that must be there (one just written). */
export function staffWithUnitOrThrow(db: Db, municipalityId: string, staffId: string) {
  return staffQuery(db, municipalityId).where('staff.id', '=', staffId).executeTakeFirstOrThrow();
}

/** One account of the municipality (active or not) by id, or undefined. */
export function staffMemberOf(db: Db, municipalityId: string, staffId: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'name', 'role'])
    .where('id', '=', staffId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

/** One active staff member of the municipality who may hold cases (a contact person's role), or undefined. */
export function activeContactPersonOf(db: Db, municipalityId: string, staffId: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'name'])
    .where('id', '=', staffId)
    .where('municipality_id', '=', municipalityId)
    .where('active', '=', true)
    .where('role', 'in', CONTACT_PERSON_ROLES)
    .executeTakeFirst();
}

/** Inserts an account; returns its id. A taken e-mail throws a unique violation. */
export async function insertStaffRow(
  db: Db,
  row: {
    municipalityId: string;
    unitId: string | null;
    email: string;
    name: string;
    role: Role;
    profession: string | null;
    passwordHash: string;
    mustChangePassword: boolean;
  },
): Promise<string> {
  const inserted = await db
    .insertInto('staff')
    .values({
      municipality_id: row.municipalityId,
      unit_id: row.unitId,
      email: row.email,
      name: row.name,
      role: row.role,
      profession: row.profession,
      password_hash: row.passwordHash,
      must_change_password: row.mustChangePassword,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Changes an account if it is still at `version`, and steps the version; false when it was not. */
export async function updateStaffRow(
  db: Db,
  staffId: string,
  version: number,
  set: Pick<Updateable<StaffTable>, 'name' | 'role' | 'unit_id' | 'profession' | 'active'>,
): Promise<boolean> {
  const updated = await db
    .updateTable('staff')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', staffId)
    .where('version', '=', version)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** Sets an account's password to `hash`, to be changed at the next sign-in. */
export async function setOneTimePasswordHash(db: Db, staffId: string, hash: string): Promise<void> {
  await db
    .updateTable('staff')
    .set({ password_hash: hash, must_change_password: true, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', staffId)
    .execute();
}

/** Whether a request made at `created_at` may still be issued. */
const fresh = (createdAt: 'created_at' | 'r.created_at') =>
  sql<boolean>`${sql.ref(createdAt)} > now() - make_interval(days => ${SIGN_IN_CODE_REQUEST_DAYS})`;

/** The request waiting for the account's code, locked, and whether it is still fresh; or undefined. */
export function pendingCodeRequestOf(db: Db, staffId: string) {
  return db
    .selectFrom('sign_in_code_requests')
    .select(['id', 'requested_by', fresh('created_at').as('fresh')])
    .where('staff_id', '=', staffId)
    .where('status', '=', 'pending')
    .forUpdate()
    .executeTakeFirst();
}

/** Makes `requestedBy` the requester of a waiting request. */
export async function setCodeRequester(db: Db, requestId: string, requestedBy: string): Promise<void> {
  await db
    .updateTable('sign_in_code_requests')
    .set({ requested_by: requestedBy })
    .where('id', '=', requestId)
    .execute();
}

/** Deletes a request (an expired one that gives way to a new one). */
export async function deleteCodeRequest(db: Db, requestId: string): Promise<void> {
  await db.deleteFrom('sign_in_code_requests').where('id', '=', requestId).execute();
}

/** Inserts a pending request for an account's code; returns its id. */
export async function insertCodeRequest(
  db: Db,
  row: { municipalityId: string; staffId: string; requestedBy: string; reason: 'new_account' | 'reset' },
): Promise<string> {
  const inserted = await db
    .insertInto('sign_in_code_requests')
    .values({
      municipality_id: row.municipalityId,
      staff_id: row.staffId,
      requested_by: row.requestedBy,
      reason: row.reason,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Fresh requests of the municipality waiting to be issued, oldest first, but none `actorId` asked for or is for. */
export function pendingCodeRequestsFor(db: Db, municipalityId: string, actorId: string) {
  return db
    .selectFrom('sign_in_code_requests as r')
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .innerJoin('staff as by', 'by.id', 'r.requested_by')
    .select([
      'r.id',
      'r.reason',
      'r.created_at',
      's.id as staff_id',
      's.name',
      's.email',
      's.role',
      'by.id as by_id',
      'by.name as by_name',
    ])
    .where('r.municipality_id', '=', municipalityId)
    .where('r.status', '=', 'pending')
    .where(fresh('r.created_at'))
    .where('r.requested_by', '<>', actorId)
    .where('r.staff_id', '<>', actorId)
    .where('s.active', '=', true)
    .orderBy('r.created_at')
    .execute();
}

/** One request of the municipality for an active account, locked, with whether it is still fresh; or undefined. */
export function codeRequestOf(db: Db, municipalityId: string, requestId: string) {
  return db
    .selectFrom('sign_in_code_requests as r')
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .select([
      'r.id',
      'r.status',
      'r.requested_by',
      's.id as staff_id',
      's.name',
      's.email',
      fresh('r.created_at').as('fresh'),
    ])
    .where('r.id', '=', requestId)
    .where('r.municipality_id', '=', municipalityId)
    .where('s.active', '=', true)
    .forUpdate()
    .executeTakeFirst();
}

/** Marks a request issued by `issuedBy` now. */
export async function markCodeRequestIssued(db: Db, requestId: string, issuedBy: string): Promise<void> {
  await db
    .updateTable('sign_in_code_requests')
    .set({ status: 'issued', issued_by: issuedBy, issued_at: sql`now()` })
    .where('id', '=', requestId)
    .execute();
}
