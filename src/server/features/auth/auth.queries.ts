/** SQL of signing in: the account by e-mail or id, its password, and the recorded sign-in attempts. */
import { sql } from 'kysely';
import type { Db } from '../../db/connection.js';

/** The account with `email` (any municipality, active or not), with its password hash; or undefined. */
export function accountByEmail(db: Db, email: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'municipality_id', 'password_hash', 'active', 'must_change_password'])
    .where('email', '=', email)
    .executeTakeFirst();
}

/** The account `staffId` with what changing its password needs to know. */
export function accountForPasswordChange(db: Db, staffId: string) {
  return db
    .selectFrom('staff')
    .select(['email', 'name', 'password_hash', 'municipality_id', 'must_change_password'])
    .where('id', '=', staffId)
    .executeTakeFirstOrThrow();
}

/** Sets the account's own chosen password (no longer to be changed at sign-in). */
export async function setChosenPasswordHash(db: Db, staffId: string, hash: string): Promise<void> {
  await db
    .updateTable('staff')
    .set({ password_hash: hash, must_change_password: false, updated_at: sql`now()` })
    .where('id', '=', staffId)
    .execute();
}

/** Deletes the staff member's calendar feed address; true when there was one. */
export async function deleteCalendarFeedOf(db: Db, staffId: string): Promise<boolean> {
  const feeds = await db.deleteFrom('calendar_feeds').where('staff_id', '=', staffId).executeTakeFirst();
  return feeds.numDeletedRows > 0n;
}

/** The id, code and name of the municipality. */
export function municipalityOf(db: Db, municipalityId: string) {
  return db
    .selectFrom('municipalities')
    .select(['id', 'code', 'name'])
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
}

/** Whether an attempt at `at` lies within the last `windowMinutes`. */
const within = (windowMinutes: number) => sql<boolean>`at > now() - make_interval(mins => ${windowMinutes})`;

/** Records an attempt at `email` from `ip` (an address or network); returns its id. */
export async function insertAttempt(db: Db, { email, ip }: { email: string; ip: string | null }): Promise<string> {
  const inserted = await db
    .insertInto('login_failures')
    .values({ email, ip })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/**
 * Counts the attempts at `email` within the window: of the pair with `ip` and of the account, both
 * without attempt `exceptId`, of the pair including it, and the seconds until the pair's oldest
 * attempt (other than `exceptId`) leaves the window.
 */
export function attemptCounts(
  db: Db,
  q: { email: string; ip: string | null; exceptId: string; windowMinutes: number },
) {
  const { email, ip, exceptId, windowMinutes } = q;
  return db
    .selectFrom('login_failures')
    .select([
      sql<number>`count(*) filter (where ip is not distinct from ${ip} and id <> ${exceptId})::int`.as('pair'),
      sql<number>`count(*) filter (where id <> ${exceptId})::int`.as('account'),
      sql<number>`count(*) filter (where ip is not distinct from ${ip})::int`.as('pairIncluding'),
      sql<number>`ceil(extract(epoch from min(at) filter (where ip is not distinct
        from ${ip} and id <> ${exceptId}) + make_interval(mins => ${windowMinutes}) - now()))::int`.as('retryAfter'),
    ])
    .where('email', '=', email)
    .where(within(windowMinutes))
    .executeTakeFirstOrThrow();
}

/** Counts the attempts from `ip` at any account within the window, without attempt `exceptId`. */
export async function addressAttemptCount(
  db: Db,
  q: { ip: string; exceptId: string; windowMinutes: number },
): Promise<number> {
  const row = await db
    .selectFrom('login_failures')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('ip', '=', q.ip)
    .where('id', '<>', q.exceptId)
    .where(within(q.windowMinutes))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Deletes one recorded attempt. */
export async function deleteAttempt(db: Db, id: string): Promise<void> {
  await db.deleteFrom('login_failures').where('id', '=', id).execute();
}

/** Deletes every attempt older than the window. */
export async function deleteAttemptsBefore(db: Db, windowMinutes: number): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where(sql<boolean>`at < now() - make_interval(mins => ${windowMinutes})`)
    .execute();
}

/** Deletes the attempts at `email` from `ip`. */
export async function deletePairAttempts(db: Db, email: string, ip: string | null): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where('email', '=', email)
    .where(sql<boolean>`ip is not distinct from ${ip}`)
    .execute();
}
