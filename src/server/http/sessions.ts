/**
 * Server-side sessions in PostgreSQL. The browser holds only a random token in an HttpOnly,
 * SameSite=Strict cookie; the table keeps its SHA-256, so a database leak yields no live sessions.
 * A session ends after idle minutes without a request, or absolute hours after sign-in.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connection.js';
import type { Actor } from '../access/access.js';
import type { YoungPersonActor } from '../access/young-person.js';
import type { Role } from '../../core/roles.js';

export const SESSION_COOKIE = 'lotsa_session';

/**
 * True when a session was last marked seen more than 30 seconds ago: it is marked again, at most that often. By the
 * database's clock, as every other rule about a session's age.
 */
const seenLongAgo = (column: 'sessions.last_seen_at' | 'last_seen_at') =>
  sql<boolean>`${sql.ref(column)} < now() - interval '30 seconds'`;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** A session as a request sees it. */
export type SessionInfo = { actor: Actor; csrfToken: string; mustChangePassword: boolean; email: string };

/** Creates a session for `staffId`; returns the cookie token and the CSRF token. */
export async function createSession(
  db: Db,
  staffId: string,
  ip: string | null,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({ id: digest(token), staff_id: staffId, csrf_token: csrfToken, ip })
    .execute();
  return { token, csrfToken };
}

/** Looks up a live session by token and refreshes its idle timer; null when missing or expired. */
export async function findSession(
  db: Db,
  token: string,
  limits: { idleMinutes: number; maxHours: number },
): Promise<SessionInfo | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('staff', 'staff.id', 'sessions.staff_id')
    .select([
      'sessions.id as sessionId',
      'sessions.csrf_token',
      'staff.id',
      'staff.name',
      'staff.email',
      'staff.role',
      'staff.municipality_id',
      'staff.unit_id',
      'staff.must_change_password',
      seenLongAgo('sessions.last_seen_at').as('seen_long_ago'),
    ])
    .where('sessions.id', '=', digest(token))
    .where('staff.active', '=', true)
    .where(sql<boolean>`sessions.last_seen_at > now() - make_interval(mins => ${limits.idleMinutes})`)
    .where(sql<boolean>`sessions.created_at > now() - make_interval(hours => ${limits.maxHours})`)
    .executeTakeFirst();
  if (!row) return null;
  if (row.seen_long_ago) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: sql`now()` })
      .where('id', '=', row.sessionId)
      .execute();
  }
  return {
    actor: {
      id: row.id,
      name: row.name,
      role: row.role as Role,
      municipalityId: row.municipality_id,
      unitId: row.unit_id,
    },
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password,
    email: row.email,
  };
}

/** Ends the session with `token`. */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', digest(token)).execute();
}

/** Ends every session of `staffId`, except the one with `keepToken` if given. */
export async function deleteSessionsOf(db: Db, staffId: string, keepToken?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('staff_id', '=', staffId);
  if (keepToken) q = q.where('id', '!=', digest(keepToken));
  await q.execute();
}

/** Removes sessions past their absolute lifetime. */
export async function pruneSessions(db: Db, maxHours: number): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where(sql<boolean>`created_at < now() - make_interval(hours => ${maxHours})`)
    .execute();
  await db
    .deleteFrom('young_person_sessions')
    .where(sql<boolean>`created_at < now() - make_interval(hours => ${maxHours})`)
    .execute();
}

/** A young person's session as a request sees it: the actor and the CSRF token (features/me). */
export type YoungPersonSessionInfo = { actor: YoungPersonActor; csrfToken: string };

/** Creates a session for a young person, opened by `method`; returns the cookie token and the CSRF token. */
export async function createYoungPersonSession(
  db: Db,
  who: { personId: string; municipalityId: string },
  method: YoungPersonActor['method'],
  ip: string | null,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('young_person_sessions')
    .values({
      id: digest(token),
      person_id: who.personId,
      municipality_id: who.municipalityId,
      method,
      csrf_token: csrfToken,
      ip,
    })
    .execute();
  return { token, csrfToken };
}

/** Looks up a young person's live session by token and refreshes its idle timer; null when missing or expired. */
export async function findYoungPersonSession(
  db: Db,
  token: string,
  limits: { idleMinutes: number; maxHours: number },
): Promise<YoungPersonSessionInfo | null> {
  const row = await db
    .selectFrom('young_person_sessions')
    .select([
      'id',
      'person_id',
      'municipality_id',
      'method',
      'csrf_token',
      seenLongAgo('last_seen_at').as('seen_long_ago'),
    ])
    .where('id', '=', digest(token))
    .where(sql<boolean>`last_seen_at > now() - make_interval(mins => ${limits.idleMinutes})`)
    .where(sql<boolean>`created_at > now() - make_interval(hours => ${limits.maxHours})`)
    .executeTakeFirst();
  if (!row) return null;
  if (row.seen_long_ago) {
    await db
      .updateTable('young_person_sessions')
      .set({ last_seen_at: sql`now()` })
      .where('id', '=', row.id)
      .execute();
  }
  return {
    actor: { kind: 'young_person', personId: row.person_id, municipalityId: row.municipality_id, method: row.method },
    csrfToken: row.csrf_token,
  };
}

/** Ends the young person's session with `token`. */
export async function deleteYoungPersonSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('young_person_sessions').where('id', '=', digest(token)).execute();
}
