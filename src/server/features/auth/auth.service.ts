/** Signing in and out, and changing one's password, with throttling against guessing. */
import { sql } from 'kysely';
import { recordAudit } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/app-error.js';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../../http/passwords.js';
import { createSession, deleteSessionsOf } from '../../http/sessions.js';

/** Failed sign-ins allowed per e-mail address and per IP address within the window. */
export const THROTTLE = { perEmail: 5, perIp: 30, windowMinutes: 15 };

async function recentFailures(db: Db, column: 'email' | 'ip', value: string): Promise<number> {
  const row = await db
    .selectFrom('login_failures')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(column, '=', value)
    .where(sql<boolean>`at > now() - make_interval(mins => ${THROTTLE.windowMinutes})`)
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * Records an attempt for `email` (and `ip`) before the password is checked, so that concurrent
 * guesses count against each other; throws 429 when the window already holds too many.
 */
async function countAttempt(db: Db, email: string, ip: string | null): Promise<void> {
  await db.insertInto('login_failures').values({ email, ip }).execute();
  if ((await recentFailures(db, 'email', email)) > THROTTLE.perEmail || (ip && (await recentFailures(db, 'ip', ip)) > THROTTLE.perIp)) {
    throw new AppError('too_many_attempts');
  }
}

/** Checks the credentials; on success creates a session. Throws 401 or 429. */
export async function signIn(db: Db, email: string, password: string, ip: string | null) {
  await countAttempt(db, email, ip);
  const staff = await db.selectFrom('staff').select(['id', 'municipality_id', 'password_hash', 'active', 'must_change_password']).where('email', '=', email).executeTakeFirst();
  const ok = await verifyPassword(staff?.password_hash ?? (await DUMMY_HASH_PROMISE), password);
  if (!staff || !ok || !staff.active) {
    await db.transaction().execute((trx) =>
      recordAudit(trx, { id: staff?.id ?? null, municipalityId: staff?.municipality_id ?? null, ip }, [{ action: 'sign_in_failed', entity: 'staff', entityId: staff?.id ?? null }]),
    );
    throw new AppError('invalid_credentials');
  }
  const session = await createSession(db, staff.id, ip);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('login_failures').where('email', '=', email).execute();
    await recordAudit(trx, { id: staff.id, municipalityId: staff.municipality_id, ip }, [{ action: 'sign_in', entity: 'staff', entityId: staff.id }]);
  });
  return { ...session, mustChangePassword: staff.must_change_password };
}

/**
 * Replaces the actor's password after checking the current one (throttled like sign-in); ends their
 * other sessions. Right after signing in with a one-time password (the account must still change
 * it, so this session was opened with it) the current password is not asked for again: null.
 */
export async function changePassword(db: Db, staffId: string, currentPassword: string | null, newPassword: string, keepToken: string, ip: string | null) {
  const staff = await db.selectFrom('staff').select(['email', 'password_hash', 'municipality_id', 'must_change_password']).where('id', '=', staffId).executeTakeFirstOrThrow();
  if (currentPassword === null && !staff.must_change_password) throw new AppError('validation_failed', [{ field: 'currentPassword', code: 'required' }]);
  const auditAs = { id: staffId, municipalityId: staff.municipality_id, ip };
  if (currentPassword !== null) {
    await countAttempt(db, staff.email, ip);
    if (!(await verifyPassword(staff.password_hash, currentPassword))) {
      await db.transaction().execute((trx) => recordAudit(trx, auditAs, [{ action: 'password_change_failed', entity: 'staff', entityId: staffId }]));
      throw new AppError('invalid_credentials');
    }
  }
  const sameAsOld = currentPassword !== null ? newPassword === currentPassword : await verifyPassword(staff.password_hash, newPassword);
  if (sameAsOld || newPassword.length < 12) throw new AppError('weak_password', [{ field: 'newPassword', code: 'invalid' }]);
  const hash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('staff').set({ password_hash: hash, must_change_password: false, updated_at: sql`now()` }).where('id', '=', staffId).execute();
    await trx.deleteFrom('login_failures').where('email', '=', staff.email).execute();
    await recordAudit(trx, auditAs, [{ action: 'password_changed', entity: 'staff', entityId: staffId }]);
  });
  await deleteSessionsOf(db, staffId, keepToken);
}
