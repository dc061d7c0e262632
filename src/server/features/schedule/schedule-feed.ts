/**
 * The young person's own week as an iCal subscription, made by the contact person and handed to the
 * young person. The same rules as the staff feed (calendar-feed.ts): a random secret in the address,
 * stored only as its hash, replaced when renewed, gone when revoked, every fetch audited. It carries
 * only the person's own events, titled by what they are (a meeting, the measure's offer, the
 * activity, the addition) and where, never a staff member's or anyone else's name. It is served
 * while the person has an open case.
 */
import ical, { ICalEventStatus } from 'ical-generator';
import { sql } from 'kysely';
import { categoriesOf, requireCapability } from '../../access/access.js';
import { YOUNG_PERSON_CATEGORIES } from '../../access/young-person.js';
import { recordAudit } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import { audited, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { addWeeks, isoWeekOf } from '../../../core/iso-week.js';
import { todayInSweden } from '../../../core/dates.js';
import { instantInSweden } from '../../../core/schedule.js';
import type { ScheduleFeed, ScheduleItem } from '../../../core/schedule-schemas.js';
import { hashOf, newFeedToken } from '../calendar/calendar-feed.js';
import { personWeek } from './person-week.js';
import { selectManagedPerson } from './schedule.queries.js';
import { itemTitle, type Lang } from './schedule-texts.js';

/** The path of the feed; the token goes in the query string, which request logs leave out. */
export const SCHEDULE_FEED_PATH = '/api/v1/schedule-feed.ics';
/** The weeks a feed carries: one back, eleven ahead. */
const WEEKS_BACK = 1;
const WEEKS_AHEAD = 11;

/** The person, when the actor may manage their week (404 otherwise). */
async function managed(ctx: RequestContext, trx: RequestContext['db'], personId: string) {
  const person = await selectManagedPerson(trx, ctx.actor, personId);
  if (!person || !categoriesOf(person).includes('contact_occupation')) throw new AppError('not_found');
  return person;
}

/** Whether the young person has a feed, since when. The address is shown only when it is made. */
export async function scheduleFeedStatus(ctx: RequestContext, personId: string): Promise<ScheduleFeed> {
  requireCapability(ctx.actor, 'measures.write');
  const person = await managed(ctx, ctx.db, personId);
  const row = await ctx.db
    .selectFrom('schedule_feeds')
    .select('created_at')
    .where('person_id', '=', person.id)
    .executeTakeFirst();
  return { active: Boolean(row), createdAt: row ? row.created_at.toISOString() : null, url: null };
}

/** Makes a new feed address for the young person; any earlier address stops working. */
export async function renewScheduleFeed(
  ctx: RequestContext,
  personId: string,
  lang: Lang,
  publicUrl: string,
): Promise<ScheduleFeed> {
  requireCapability(ctx.actor, 'measures.write');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await managed(ctx, trx, personId);
    const feed = await storeScheduleFeed(trx, {
      personId: person.id,
      municipalityId: person.municipality_id,
      lang,
      createdBy: ctx.actor.id,
      publicUrl,
    });
    await audit({ action: 'create', entity: 'schedule_feed', entityId: personId, personId, detail: { lang } });
    return feed;
  });
}

/**
 * Stores a new feed address for the person (by staff, `createdBy`, or by the young person themselves, null),
 * replacing any earlier one, and answers it; the caller has checked who may and audits it.
 */
export async function storeScheduleFeed(
  trx: Db,
  {
    personId,
    municipalityId,
    lang,
    createdBy,
    publicUrl,
  }: { personId: string; municipalityId: string; lang: Lang; createdBy: string | null; publicUrl: string },
): Promise<ScheduleFeed> {
  const token = newFeedToken();
  const values = { token_hash: hashOf(token), lang, created_by: createdBy, created_at: sql<Date>`now()` };
  const row = await trx
    .insertInto('schedule_feeds')
    .values({ person_id: personId, municipality_id: municipalityId, ...values })
    .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
    .returning('created_at')
    .executeTakeFirstOrThrow();
  return {
    active: true,
    createdAt: row.created_at.toISOString(),
    url: `${publicUrl}${SCHEDULE_FEED_PATH}?token=${token}`,
  };
}

/** Revokes the young person's feed address. */
export async function revokeScheduleFeed(ctx: RequestContext, personId: string): Promise<void> {
  requireCapability(ctx.actor, 'measures.write');
  await audited(ctx, async ({ trx, audit }) => {
    const person = await managed(ctx, trx, personId);
    await trx.deleteFrom('schedule_feeds').where('person_id', '=', person.id).execute();
    await audit({ action: 'update', entity: 'schedule_feed', entityId: personId, personId, detail: { revoked: true } });
  });
}

/** The event of one item: timed in Swedish time, or all day. */
function eventOf(item: ScheduleItem, lang: Lang) {
  const cancelled = item.status === 'cancelled';
  const summary = itemTitle(item, lang, { withStaff: false, cancelledPrefix: cancelled });
  const timing = item.start
    ? { start: instantInSweden(item.day, item.start), end: instantInSweden(item.day, item.end ?? item.start) }
    : { start: new Date(`${item.day}T12:00:00Z`), allDay: true };
  return {
    id: `${item.id}@lotsa`,
    ...timing,
    summary,
    location: item.place ?? undefined,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  };
}

/** The iCal text for a token, or null when no person with an open case has it. */
export async function scheduleFeedFor(db: Db, token: string, ip: string | null, now: Date): Promise<string | null> {
  const owner = await db
    .selectFrom('schedule_feeds')
    .select(['schedule_feeds.person_id', 'schedule_feeds.municipality_id', 'schedule_feeds.lang'])
    .where('schedule_feeds.token_hash', '=', hashOf(token))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('cases')
          .select('cases.id')
          .whereRef('cases.person_id', '=', 'schedule_feeds.person_id')
          .where('cases.closed_at', 'is', null),
      ),
    )
    .executeTakeFirst();
  if (!owner) return null;
  const lang = owner.lang;
  const thisWeek = isoWeekOf(todayInSweden(now));
  const cal = ical({
    name: lang === 'sv' ? 'Min vecka' : 'My week',
    prodId: { company: 'Lotsa', product: 'Lotsa', language: lang.toUpperCase() },
  });
  let events = 0;
  for (let w = -WEEKS_BACK; w <= WEEKS_AHEAD; w++) {
    // The young person's own categories: whoever holds the address reads it without signing in, so never
    // another agency's health and social items.
    const week = await personWeek(db, {
      personId: owner.person_id,
      week: addWeeks(thisWeek, w),
      categories: [...YOUNG_PERSON_CATEGORIES],
    });
    for (const item of week.items) {
      cal.createEvent(eventOf(item, lang));
      events++;
    }
  }
  await db.transaction().execute((trx) =>
    recordAudit(trx, { id: null, municipalityId: owner.municipality_id, ip }, [
      {
        action: 'export',
        entity: 'schedule_feed',
        entityId: owner.person_id,
        personId: owner.person_id,
        detail: { events },
      },
    ]),
  );
  return cal.toString();
}
