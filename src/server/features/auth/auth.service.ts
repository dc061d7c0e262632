/** Signing in and out, and changing one's password, with throttling against guessing (throttle.ts). */
import { recordAudit } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/app-error.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../http/passwords.js';
import type { Actor } from '../../access/access.js';
import { createSession, deleteSession, deleteSessionsOf, type SessionInfo } from '../../http/sessions.js';
import { passwordWeakness } from './password-policy.js';
import { forgetPairFailures, oneAtATime, throttleAttempt } from './throttle.js';
import {
  accountByEmail,
  accountForPasswordChange,
  deleteCalendarFeedOf,
  municipalityOf,
  setChosenPasswordHash,
} from './auth.queries.js';

/** Checks the credentials; on success creates a session. Throws 401 or 429. */
export async function signIn(db: Db, { email, password, ip }: { email: string; password: string; ip: string | null }) {
  const { staff, ok } = await oneAtATime(email, async () => {
    await throttleAttempt(db, email, ip);
    const staff = await accountByEmail(db, email);
    return { staff, ok: await verifyPassword(staff?.password_hash ?? (await dummyPasswordHash()), password) };
  });
  if (!staff || !ok || !staff.active) {
    await db
      .transaction()
      .execute((trx) =>
        recordAudit(trx, { id: staff?.id ?? null, municipalityId: staff?.municipality_id ?? null, ip }, [
          { action: 'sign_in_failed', entity: 'staff', entityId: staff?.id ?? null },
        ]),
      );
    throw new AppError('invalid_credentials');
  }
  const session = await createSession(db, staff.id, ip);
  await db.transaction().execute(async (trx) => {
    await forgetPairFailures(trx, email, ip);
    await recordAudit(trx, { id: staff.id, municipalityId: staff.municipality_id, ip }, [
      { action: 'sign_in', entity: 'staff', entityId: staff.id },
    ]);
  });
  return { ...session, mustChangePassword: staff.must_change_password };
}

/**
 * Replaces the actor's password after checking the current one (throttled like sign-in). Right after
 * signing in with a one-time password (the account must still change it, so this session was opened
 * with it) the current password is not asked for again: null. Refuses a new password that is short,
 * common or easy to guess (password-policy.ts). Every session of the actor ends, the current one
 * too, and the iCal feed address stops working: whoever held a stolen cookie, CSRF token or feed
 * address loses it. Returns the new session that replaces the current one.
 */
export async function changePassword(
  db: Db,
  {
    staffId,
    currentPassword,
    newPassword,
    ip,
  }: { staffId: string; currentPassword: string | null; newPassword: string; ip: string | null },
) {
  const staff = await accountForPasswordChange(db, staffId);
  if (currentPassword === null && !staff.must_change_password)
    throw new AppError('validation_failed', [{ field: 'currentPassword', code: 'required' }]);
  const auditAs = { id: staffId, municipalityId: staff.municipality_id, ip };
  if (currentPassword !== null) {
    const ok = await oneAtATime(staff.email, async () => {
      await throttleAttempt(db, staff.email, ip);
      return verifyPassword(staff.password_hash, currentPassword);
    });
    if (!ok) {
      await db
        .transaction()
        .execute((trx) =>
          recordAudit(trx, auditAs, [{ action: 'password_change_failed', entity: 'staff', entityId: staffId }]),
        );
      throw new AppError('invalid_credentials');
    }
  }
  const sameAsOld =
    currentPassword !== null ? newPassword === currentPassword : await verifyPassword(staff.password_hash, newPassword);
  const weakness = sameAsOld ? 'too_short' : passwordWeakness(newPassword, [staff.email, staff.name]);
  if (weakness)
    throw new AppError(weakness === 'common' ? 'common_password' : 'weak_password', [
      { field: 'newPassword', code: 'invalid' },
    ]);
  const hash = await hashPassword(newPassword);
  return db.transaction().execute(async (trx) => {
    await setChosenPasswordHash(trx, staffId, hash);
    await forgetPairFailures(trx, staff.email, ip);
    await deleteSessionsOf(trx, staffId);
    const calendarFeedRevoked = await deleteCalendarFeedOf(trx, staffId);
    await recordAudit(trx, auditAs, [
      {
        action: 'password_changed',
        entity: 'staff',
        entityId: staffId,
        detail: { sessionsEnded: true, calendarFeedRevoked },
      },
    ]);
    return createSession(trx, staffId, ip);
  });
}

/** Ends the session of `token` (if any) and records the sign-out. */
export async function signOut(db: Db, actor: Actor, token: string | undefined, ip: string | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (token) await deleteSession(trx, token);
    await recordAudit(trx, { id: actor.id, municipalityId: actor.municipalityId, ip }, [
      { action: 'sign_out', entity: 'staff', entityId: actor.id },
    ]);
  });
}

/** The signed-in staff member of `session`, their municipality, and the session's CSRF token. */
export async function whoAmI(db: Db, session: SessionInfo) {
  const { actor } = session;
  const municipality = await municipalityOf(db, actor.municipalityId);
  return {
    id: actor.id,
    name: actor.name,
    email: session.email,
    role: actor.role,
    unitId: actor.unitId,
    municipality,
    mustChangePassword: session.mustChangePassword,
    csrfToken: session.csrfToken,
  };
}
