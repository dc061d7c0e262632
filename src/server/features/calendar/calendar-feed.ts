/**
 * A staff member's own calendar as an iCal subscription. Whoever holds the feed's address sees it
 * without signing in, so the address carries a random secret (stored only as its hash, revocable
 * and replaceable), and the feed holds no personal data: each event says only its kind ("Möte",
 * "Drop-in", "Hembesök"), its time and the centre, never a young person's name or an address.
 * Every fetch is audited.
 */
import { createHash, randomBytes } from 'node:crypto';
import ical from 'ical-generator';
import { sql } from 'kysely';
import { requireCapability } from '../../access/access.js';
import { recordAudit } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import type { RequestContext } from '../../http/context.js';

/** A feed token as stored: its SHA-256, so the database never holds an address that works. */
export const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
/** A new feed token: 32 random bytes, base64url (43 characters). The young person's feed uses the same rules. */
export const newFeedToken = () => randomBytes(32).toString('base64url');
/** The path of the feed; the token goes in the query string, which request logs leave out. */
export const FEED_PATH = '/api/v1/calendar-feed.ics';
const TITLES = { meeting: 'Möte', drop_in: 'Drop-in', home_visit: 'Hembesök' } as const;

/** Whether the reader has a feed, since when. The address is shown only when it is made. */
export async function feedStatus(
  ctx: RequestContext,
): Promise<{ active: boolean; createdAt: string | null; url: null }> {
  requireCapability(ctx.actor, 'calendar.use');
  const row = await ctx.db
    .selectFrom('calendar_feeds')
    .select('created_at')
    .where('staff_id', '=', ctx.actor.id)
    .executeTakeFirst();
  return { active: Boolean(row), createdAt: row ? row.created_at.toISOString() : null, url: null };
}

/** Makes a new feed address for the reader; any earlier address stops working. */
export async function renewFeed(
  ctx: RequestContext,
  publicUrl: string,
): Promise<{ active: true; createdAt: string; url: string }> {
  requireCapability(ctx.actor, 'calendar.use');
  const token = newFeedToken();
  const row = await ctx.db
    .insertInto('calendar_feeds')
    .values({ staff_id: ctx.actor.id, token_hash: hashOf(token) })
    .onConflict((oc) => oc.column('staff_id').doUpdateSet({ token_hash: hashOf(token), created_at: sql`now()` }))
    .returning('created_at')
    .executeTakeFirstOrThrow();
  return { active: true, createdAt: row.created_at.toISOString(), url: `${publicUrl}${FEED_PATH}?token=${token}` };
}

/** Revokes the reader's feed address. */
export async function revokeFeed(ctx: RequestContext): Promise<void> {
  requireCapability(ctx.actor, 'calendar.use');
  await ctx.db.deleteFrom('calendar_feeds').where('staff_id', '=', ctx.actor.id).execute();
}

/** The iCal text for a token, or null when no active staff member has it. */
export async function feedFor(db: Db, token: string, ip: string | null): Promise<string | null> {
  const owner = await db
    .selectFrom('calendar_feeds')
    .innerJoin('staff', 'staff.id', 'calendar_feeds.staff_id')
    .select(['staff.id', 'staff.municipality_id'])
    .where('calendar_feeds.token_hash', '=', hashOf(token))
    .where('staff.active', '=', true)
    .executeTakeFirst();
  if (!owner) return null;
  const meetings = await db
    .selectFrom('meetings')
    .leftJoin('centres', 'centres.id', 'meetings.centre_id')
    .select(['meetings.id', 'meetings.kind', 'meetings.starts_at', 'meetings.ends_at', 'centres.name as centre'])
    .where((eb) => eb.or([eb('meetings.staff_id', '=', owner.id), eb('meetings.second_staff_id', '=', owner.id)]))
    .where('meetings.cancelled_at', 'is', null)
    .where('meetings.ends_at', '>', sql<Date>`now() - interval '30 days'`)
    .where('meetings.starts_at', '<', sql<Date>`now() + interval '180 days'`)
    .orderBy('meetings.starts_at')
    .execute();
  const cal = ical({ name: 'Lotsa', prodId: { company: 'Lotsa', product: 'Lotsa', language: 'SV' } });
  for (const m of meetings)
    cal.createEvent({
      id: `${m.id}@lotsa`,
      start: m.starts_at,
      end: m.ends_at,
      summary: TITLES[m.kind],
      location: m.centre ?? undefined,
    });
  await db
    .transaction()
    .execute((trx) =>
      recordAudit(trx, { id: owner.id, municipalityId: owner.municipality_id, ip }, [
        { action: 'export', entity: 'calendar_feed', entityId: owner.id, detail: { events: meetings.length } },
      ]),
    );
  return cal.toString();
}
