/** SQL of letters: the ladder letters and home-visit notices due, their persons, and the message templates. */
import { sql } from 'kysely';
import { accessOf, personManagedBy, type Actor } from '../../access/access.js';
import type { Db } from '../../db/connection.js';
import type { MessageTemplatesTable } from '../../db/types.js';
import { inRegister, nextChannel, nextDue } from '../queues/queues.queries.js';

const personColumns = [
  'persons.id',
  'persons.given_name',
  'persons.family_name',
  'persons.personal_identity_number',
  'persons.protected_identity',
  'persons.street_address',
  'persons.postal_code',
  'persons.city',
] as const;

/**
 * Home-visit notices not yet sent for visits ahead, for persons the actor manages, with each
 * person's address, contact person and access basis.
 */
function noticesQuery(db: Db, actor: Actor) {
  return db
    .selectFrom('meetings')
    .innerJoin('persons', 'persons.id', 'meetings.person_id')
    .leftJoin('cases', (j) => j.onRef('cases.person_id', '=', 'persons.id').on('cases.closed_at', 'is', null))
    .leftJoin('staff as contact', 'contact.id', 'cases.contact_person_id')
    .select([
      ...personColumns,
      'contact.name as contact_name',
      'meetings.id as meeting_id',
      'meetings.starts_at',
      sql<string>`to_char(meetings.notice_due_on, 'YYYY-MM-DD')`.as('notice_due_on'),
    ])
    .select((eb) => accessOf(actor)(eb))
    .where('meetings.kind', '=', 'home_visit')
    .where('meetings.cancelled_at', 'is', null)
    .where('meetings.notice_sent_at', 'is', null)
    .where('meetings.starts_at', '>', sql<Date>`now()`)
    .where('persons.municipality_id', '=', actor.municipalityId)
    .where(personManagedBy(actor));
}

/** The notices due on `today` (YYYY-MM-DD) or earlier, by the visit's start. */
export function noticesDue(db: Db, actor: Actor, today: string) {
  return noticesQuery(db, actor).where('meetings.notice_due_on', '<=', today).orderBy('meetings.starts_at').execute();
}

/** The notices of the listed persons, by the visit's start. */
export function noticesFor(db: Db, actor: Actor, personIds: string[]) {
  return noticesQuery(db, actor).where('persons.id', 'in', personIds).orderBy('meetings.starts_at').execute();
}

/** Persons in the register the actor may see whose ladder is at a letter due on `today` (YYYY-MM-DD) or earlier. */
export function ladderLettersDue(db: Db, actor: Actor, today: string) {
  return inRegister(db, actor)
    .leftJoin('staff as contact', 'contact.id', 'cases.contact_person_id')
    .select([
      ...personColumns,
      'contact.name as contact_name',
      nextChannel.as('channel'),
      sql<string>`to_char(${nextDue}, 'YYYY-MM-DD')`.as('due_on'),
    ])
    .select((eb) => accessOf(actor)(eb))
    .where(sql<boolean>`${nextChannel} in ('letter', 'second_letter')`)
    .where(sql<boolean>`${nextDue} <= ${today}::date`)
    .orderBy('persons.family_name')
    .execute();
}

/** Of `personIds`, those the actor manages, with address, contact person, stored next channel and access basis. */
export function letterPersons(db: Db, actor: Actor, personIds: string[]) {
  return db
    .selectFrom('persons')
    .leftJoin('cases', (j) => j.onRef('cases.person_id', '=', 'persons.id').on('cases.closed_at', 'is', null))
    .leftJoin('staff as contact', 'contact.id', 'cases.contact_person_id')
    .leftJoin('next_steps as ns', 'ns.person_id', 'persons.id')
    .select([...personColumns, 'contact.name as contact_name', 'ns.channel'])
    .select((eb) => accessOf(actor)(eb))
    .where('persons.id', 'in', personIds)
    .where(personManagedBy(actor))
    .execute();
}

/** Marks a home visit's notice sent now, unless it already was. */
export async function markNoticeSent(db: Db, meetingId: string): Promise<void> {
  await db
    .updateTable('meetings')
    .set({ notice_sent_at: sql`now()` })
    .where('id', '=', meetingId)
    .where('notice_sent_at', 'is', null)
    .execute();
}

/** The municipality's name. */
export async function municipalityName(db: Db, municipalityId: string): Promise<string> {
  const row = await db
    .selectFrom('municipalities')
    .select('name')
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return row.name;
}

/** Which template: the municipality's, of a kind, in a language. */
type TemplateKey = {
  municipalityId: string;
  kind: MessageTemplatesTable['kind'];
  language: MessageTemplatesTable['language'];
};

/** The municipality's own template of a kind and language, or undefined while the default applies. */
export function templateRow(db: Db, key: TemplateKey) {
  return db
    .selectFrom('message_templates')
    .select(['heading', 'body', 'version'])
    .where('municipality_id', '=', key.municipalityId)
    .where('kind', '=', key.kind)
    .where('language', '=', key.language)
    .executeTakeFirst();
}

type TemplateValues = { heading: string; body: string; updated_by: string };

/** Stores the municipality's first template of a kind and language; returns the version, or undefined when one is. */
export function insertTemplate(db: Db, key: TemplateKey, values: TemplateValues) {
  return db
    .insertInto('message_templates')
    .values({ municipality_id: key.municipalityId, kind: key.kind, language: key.language, ...values })
    .onConflict((oc) => oc.columns(['municipality_id', 'kind', 'language']).doNothing())
    .returning('version')
    .executeTakeFirst();
}

/** Replaces the municipality's template if still at `version`; returns the new version, or undefined. */
export function updateTemplate(db: Db, key: TemplateKey & { version: number }, values: TemplateValues) {
  return db
    .updateTable('message_templates')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('municipality_id', '=', key.municipalityId)
    .where('kind', '=', key.kind)
    .where('language', '=', key.language)
    .where('version', '=', key.version)
    .returning('version')
    .executeTakeFirst();
}
