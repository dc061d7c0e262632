/**
 * A staff member's own calendar as an iCal subscription. Whoever holds the feed's address sees it
 * without signing in, so the address carries a random secret (stored only as its hash, revocable
 * and replaceable), and the feed holds no personal data: each event says only its kind ("Möte",
 * "Drop-in", "Hembesök"), its time and the centre, never a young person's name or an address.
 * Every fetch is audited.
 */
import { createHash, randomBytes } from 'node:crypto';
import ical from 'ical-generator';
import { requireCapability } from '../../access/access.js';
import { recordAudit } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import type { RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { deleteFeed, feedMeetingsOf, feedOf, feedOwner, upsertFeed } from './calendar.queries.js';

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
  const row = await feedOf(ctx.db, ctx.actor.id);
  return { active: Boolean(row), createdAt: row ? row.created_at.toISOString() : null, url: null };
}

/** Makes a new feed address for the reader; any earlier address stops working. */
export async function renewFeed(
  ctx: RequestContext,
  publicUrl: string,
): Promise<{ active: true; createdAt: string; url: string }> {
  requireCapability(ctx.actor, 'calendar.use');
  const token = newFeedToken();
  const row = await upsertFeed(ctx.db, ctx.actor.id, hashOf(token));
  return { active: true, createdAt: row.created_at.toISOString(), url: `${publicUrl}${FEED_PATH}?token=${token}` };
}

/** Revokes the reader's feed address. */
export async function revokeFeed(ctx: RequestContext): Promise<void> {
  requireCapability(ctx.actor, 'calendar.use');
  await deleteFeed(ctx.db, ctx.actor.id);
}

/** The iCal text for a token; 404 when it is empty or no active staff member has it. */
export async function feedFor(db: Db, token: string, ip: string | null): Promise<string> {
  const owner = token ? await feedOwner(db, hashOf(token)) : undefined;
  if (!owner) throw new AppError('not_found');
  const meetings = await feedMeetingsOf(db, owner.id);
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
