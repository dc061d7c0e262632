/**
 * Queries of the individual schedule: the sources of one person's week (meetings, measures,
 * additions) between two days, and the person as the actor may see or manage them. The week's
 * sources take a person id the caller has already been allowed to read.
 */
import { sql, type Kysely } from 'kysely';
import { accessOf, personManagedBy, personVisibleTo, type Actor } from '../../access/access.js';
import type { Database } from '../../db/types.js';
import type { ConsentCategory } from '../../../core/consent.js';

type Q = Kysely<Database>;

/** The start of a day in Sweden, as an instant. */
const swedishMidnight = (day: string) => sql<Date>`(${day}::date::timestamp at time zone 'Europe/Stockholm')`;

/** The person with the actor's access flags, if the actor may see them at all. */
export function selectVisiblePerson(db: Q, actor: Actor, personId: string) {
  return db
    .selectFrom('persons')
    .select(['persons.id', 'persons.municipality_id', 'persons.given_name'])
    .select((eb) => accessOf(actor)(eb))
    .where('persons.id', '=', personId)
    .where(personVisibleTo(actor))
    .executeTakeFirst();
}

/** The person with the actor's access flags, if the actor works on them for the KAA (may change the week). */
export function selectManagedPerson(db: Q, actor: Actor, personId: string) {
  return db
    .selectFrom('persons')
    .select(['persons.id', 'persons.municipality_id'])
    .select((eb) => accessOf(actor)(eb))
    .where('persons.id', '=', personId)
    .where(personManagedBy(actor))
    .executeTakeFirst();
}

/** The person's meetings and home visits starting from `first` to `last` (days in Sweden), cancelled ones too. */
export function selectMeetingsOfPerson(db: Q, personId: string, first: string, nextAfterLast: string) {
  return db
    .selectFrom('meetings')
    .innerJoin('staff', 'staff.id', 'meetings.staff_id')
    .leftJoin('centres', 'centres.id', 'meetings.centre_id')
    .select(['meetings.id', 'meetings.kind', 'meetings.starts_at', 'meetings.ends_at', 'meetings.cancelled_at'])
    .select(['staff.name as staff_name', 'centres.name as centre_name'])
    .where('meetings.person_id', '=', personId)
    .where('meetings.starts_at', '>=', swedishMidnight(first))
    .where('meetings.starts_at', '<', swedishMidnight(nextAfterLast))
    .orderBy('meetings.starts_at')
    .execute();
}

/** A measure's last day: its end, else its planned end (none: open). */
const lastDay = sql<string | null>`coalesce(measures.ended_on, measures.planned_end_on)`;

/** The person's measures in `categories` that run on some day from `first` to `last`. */
export function selectMeasuresOfPerson(db: Q, personId: string, first: string, last: string, categories: ConsentCategory[]) {
  if (categories.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('measures')
    .innerJoin('offers', 'offers.id', 'measures.offer_id')
    .select(['measures.id', 'measures.starts_on', 'measures.planned_end_on', 'measures.ended_on', 'measures.weekly_hours'])
    .select(['measures.placement', 'offers.name as offer_name', 'offers.kind as offer_kind', 'offers.location'])
    .where('measures.person_id', '=', personId)
    .where('measures.category', 'in', categories)
    .where('measures.starts_on', '<=', last)
    .where((eb) => eb.or([eb(lastDay, 'is', null), eb(lastDay, '>=', first)]))
    .orderBy('measures.starts_on')
    .execute();
}

/** The person's additions in `categories` that may fall on a day from `first` to `last` (not removed). */
export function selectAdditionsOfPerson(db: Q, personId: string, first: string, last: string, categories: ConsentCategory[]) {
  if (categories.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('schedule_additions')
    .selectAll()
    .where('person_id', '=', personId)
    .where('removed_at', 'is', null)
    .where('category', 'in', categories)
    .where('on_date', '<=', last)
    .where((eb) =>
      eb.or([
        eb.and([eb('weekly', '=', false), eb('on_date', '>=', first)]),
        eb.and([eb('weekly', '=', true), eb.or([eb('until_date', 'is', null), eb('until_date', '>=', first)])]),
      ]),
    )
    .execute();
}
export type AdditionRow = Awaited<ReturnType<typeof selectAdditionsOfPerson>>[number];

/** One addition of the person that is not removed, or undefined. */
export function selectAddition(db: Q, personId: string, additionId: string) {
  return db
    .selectFrom('schedule_additions')
    .selectAll()
    .where('id', '=', additionId)
    .where('person_id', '=', personId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
}
