/** Queries over persons, always scoped by the access module's condition for the actor. */
import { sql, type Kysely, type SqlBool, type ExpressionBuilder, type Expression, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { personListQuery } from '../../../core/schemas.js';
import type { ConsentCategory } from '../../../core/consent.js';
import {
  accessOf,
  categoryVisibleTo,
  contactDetailsVisibleTo,
  contactPersonHasAccess,
  heldBy,
  personVisibleTo,
  type Actor,
} from '../../access/access.js';
import type { Database } from '../../db/types.js';
import { cappedTotal, COUNT_CAP, countUpTo } from '../../db/capped-count.js';
import { payloadShown } from '../../access/protected-identity.js';
import { eventSharedWithYoungPerson } from '../../access/young-person.js';

type Q = Kysely<Database>;
type ListQuery = z.infer<typeof personListQuery>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every word of the search must match a name or the identity number. */
function matchesSearch(q: string) {
  const words = q.split(/\s+/).filter(Boolean);
  return (eb: ExpressionBuilder<Database, 'persons'>): Expression<SqlBool> =>
    eb.and(
      words.map((word) => {
        const digits = word.replace(/-/g, '');
        const pattern = `%${escapeLike(word)}%`;
        const alternatives: Expression<SqlBool>[] = [
          eb('persons.given_name', 'ilike', pattern),
          eb('persons.family_name', 'ilike', pattern),
        ];
        // As text, as its trigram index reads it (the column is char(12)).
        if (/^\d+$/.test(digits))
          alternatives.push(sql<SqlBool>`persons.personal_identity_number::text like ${`%${escapeLike(digits)}%`}`);
        return eb.or(alternatives);
      }),
    );
}

/** The newest case of a person, as a lateral subquery. */
function latestCase(eb: ExpressionBuilder<Database, 'persons'>) {
  return eb
    .selectFrom('cases')
    .leftJoin('staff as contact', 'contact.id', 'cases.contact_person_id')
    .select([
      'cases.id as case_id',
      'cases.status',
      'cases.team_id',
      'contact.id as contact_id',
      'contact.name as contact_name',
    ])
    .whereRef('cases.person_id', '=', 'persons.id')
    .orderBy('cases.opened_at', 'desc')
    .limit(1)
    .as('latest');
}

/** The persons with their newest case joined laterally. */
function withLatestCase(db: Q) {
  return db.selectFrom('persons').leftJoinLateral(latestCase, (join) => join.onTrue());
}

type PersonsEb = ExpressionBuilder<Database, 'persons'>;
const contactId = sql.ref<string | null>('latest.contact_id');
const inRegister = sql<SqlBool>`exists (select 1 from register_periods rp where rp.person_id = persons.id
  and rp.left_on is null)`;
const lastAttemptAt = sql<Date | null>`(select max(ca.at) from contact_attempts ca where ca.person_id = persons.id)`;
const latestEntryReason = sql<
  string | null
>`(select rp.entry_reason from register_periods rp where rp.person_id = persons.id order by rp.entered_on desc
  limit 1)`;

/**
 * SQL condition on `persons`: the actor is the contact person of one of the person's cases (of `status`; `open`:
 * any but closed). Implied by the "my cases" filter, which asks it of the newest case; said on its own too, so
 * the database starts from the actor's own cases (`cases_by_contact_person`, `cases_open_by_contact_person`)
 * and finds the newest case and tests the category only for those persons, not for every person the actor sees.
 */
function holdsACase(actor: Actor, status: ListQuery['status']): RawBuilder<SqlBool> {
  const ofStatus =
    status === 'open' ? sql`and cases.status <> 'closed'` : status ? sql`and cases.status = ${status}` : sql``;
  return sql<SqlBool>`persons.id in (select cases.person_id from cases
    where cases.contact_person_id = ${actor.id} ${ofStatus})`;
}

/**
 * The list's filters as SQL. Those on the case and the register apply only where the reader may see them, so a filter
 * tells nothing more than the rows show.
 */
function filtersOf(actor: Actor, query: ListQuery, today: string) {
  const seesCase = categoryVisibleTo(actor, 'contact_occupation');
  return (eb: PersonsEb): Expression<SqlBool> => {
    const onCase: Expression<SqlBool>[] = [];
    if (query.contactPerson === 'me') onCase.push(heldBy(actor, contactId));
    if (query.contactPerson === 'none') onCase.push(sql<SqlBool>`${contactId} is null`);
    if (query.contactPerson === 'without_access')
      onCase.push(sql<SqlBool>`${contactId} is not null and not ${contactPersonHasAccess(contactId)}`);
    if (query.status === 'open') onCase.push(sql<SqlBool>`latest.status <> 'closed'`);
    else if (query.status) onCase.push(sql<SqlBool>`latest.status = ${query.status}`);
    if (query.teamId) onCase.push(sql<SqlBool>`latest.team_id = ${query.teamId}`);
    if (query.register) onCase.push(query.register === 'in' ? inRegister : sql<SqlBool>`not ${inRegister}`);
    if (query.entryReason) onCase.push(sql<SqlBool>`${latestEntryReason} = ${query.entryReason}`);
    const all: Expression<SqlBool>[] = [matchesSearch(query.q)(eb)];
    if (query.contactPerson === 'me') all.push(holdsACase(actor, query.status));
    if (onCase.length > 0) all.push(seesCase(eb), ...onCase);
    if (query.under18) {
      const eighteenYearsAgo = `${Number(today.slice(0, 4)) - 18}${today.slice(4)}`;
      all.push(
        eb(
          'persons.birth_date',
          query.under18 === 'true' ? '>' : '<=',
          eighteenYearsAgo.endsWith('02-29') ? eighteenYearsAgo.replace('02-29', '03-01') : eighteenYearsAgo,
        ),
      );
    }
    return eb.and(all);
  };
}

/** Sort keys; those on the case sort only where the reader may see them, so the order tells nothing more. */
const SORT_COLUMNS: Record<ListQuery['sort'], { key: RawBuilder<unknown>; onCase?: true; reversed?: true }[]> = {
  name: [{ key: sql.ref('persons.family_name') }, { key: sql.ref('persons.given_name') }],
  personalIdentityNumber: [{ key: sql.ref('persons.personal_identity_number') }],
  // Youngest first when ascending: the later birth date.
  age: [
    { key: sql.ref('persons.birth_date'), reversed: true },
    { key: sql.ref('persons.family_name') },
    { key: sql.ref('persons.given_name') },
  ],
  status: [{ key: sql.ref('latest.status'), onCase: true }, { key: sql.ref('persons.family_name') }],
  contactPerson: [{ key: sql.ref('latest.contact_name'), onCase: true }, { key: sql.ref('persons.family_name') }],
  lastAttempt: [{ key: lastAttemptAt, onCase: true }, { key: sql.ref('persons.family_name') }],
};

/** Whether the list's filters or sort need the newest case of every candidate, not only of the page's rows. */
const needsCase = (query: ListQuery) =>
  query.contactPerson !== 'any' ||
  Boolean(query.status || query.teamId) ||
  query.sort === 'status' ||
  query.sort === 'contactPerson';

/**
 * One page of the persons the actor may see that match the query's search and filters, and how many
 * there are. The page's ids are found first, from the access condition, filters and sort alone (the
 * newest case only where a filter or sort needs it); the columns shown, the access flags and the
 * case are then computed for those rows only, again under the access condition. The count reads
 * the same condition without the page's columns, and stops COUNT_CAP rows past the page's start
 * (`totalIsLowerBound` then says the total is at least that); a page that is not full needs no count.
 */
export async function selectPersonPage(db: Q, actor: Actor, query: ListQuery, today: string) {
  const base = needsCase(query) ? withLatestCase(db) : (db.selectFrom('persons') as ReturnType<typeof withLatestCase>);
  const filtered = base.where(personVisibleTo(actor)).where(filtersOf(actor, query, today));
  const offset = (query.page - 1) * query.pageSize;
  const cap = offset + COUNT_CAP;
  let page = filtered.select('persons.id');
  const seesCase = categoryVisibleTo(actor, 'contact_occupation');
  for (const { key, onCase, reversed } of SORT_COLUMNS[query.sort]) {
    const column = onCase ? (eb: PersonsEb) => sql`case when ${seesCase(eb)} then ${key} end` : key;
    const descending = (query.order === 'desc') !== Boolean(reversed);
    // Only a nullable key says where nulls go: an index on a column that has none serves either way.
    page = page.orderBy(column, (ob) => (descending ? (onCase ? ob.desc().nullsLast() : ob.desc()) : ob.asc()));
  }
  const ids = (
    await page
      .orderBy('persons.id', query.order === 'desc' ? 'desc' : 'asc')
      .limit(query.pageSize)
      .offset(offset)
      .execute()
  ).map((r) => r.id);
  // A page that is not full holds the last matches: the total follows from it without counting again.
  const counted =
    ids.length > 0 && ids.length < query.pageSize
      ? { total: offset + ids.length }
      : await countUpTo(db, filtered.select(sql`1`.as('one')), cap).executeTakeFirstOrThrow();
  if (ids.length === 0) return { ...cappedTotal(counted.total, cap), rows: [] };
  const rows = await withLatestCase(db)
    .where('persons.id', 'in', ids)
    .where(personVisibleTo(actor))
    .select([
      'persons.id',
      'persons.personal_identity_number',
      'persons.given_name',
      'persons.family_name',
      'persons.birth_date',
      'latest.status',
      'latest.contact_id',
      'latest.contact_name',
      (eb) => accessOf(actor)(eb)[0],
      (eb) => accessOf(actor)(eb)[1],
      inRegister.as('in_register'),
      lastAttemptAt.as('last_attempt_at'),
    ])
    .execute();
  const position = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  return { ...cappedTotal(counted.total, cap), rows };
}

/** The person row with whether the actor may see contact details; undefined when not visible. */
export function selectPerson(db: Q, actor: Actor, personId: string) {
  return db
    .selectFrom('persons')
    .selectAll('persons')
    .select((eb) => sql<boolean>`${contactDetailsVisibleTo(actor)(eb)}`.as('contact_visible'))
    .select((eb) => accessOf(actor)(eb))
    .where('persons.id', '=', personId)
    .where(personVisibleTo(actor))
    .executeTakeFirst();
}

/** When the actor's newest active emergency access to the person ends, if they have one. */
export async function selectEmergencyEnd(db: Q, staffId: string, personId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('emergency_access')
    .select('ends_at')
    .where('staff_id', '=', staffId)
    .where('person_id', '=', personId)
    .where('ends_at', '>', sql<Date>`now()`)
    .orderBy('ends_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.ends_at ?? null;
}

/** Guardians, register periods and the newest case of a person already known to be visible. */
export async function selectPersonParts(db: Q, personId: string) {
  const [guardians, periods, latestCase] = await Promise.all([
    db
      .selectFrom('guardians')
      .select(['name', 'relation', 'phone', 'email'])
      .where('person_id', '=', personId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('register_periods')
      .select(['id', 'entered_on', 'entry_reason', 'left_on', 'leave_reason', 'rule', 'source'])
      .where('person_id', '=', personId)
      .orderBy('entered_on', 'desc')
      .execute(),
    db
      .selectFrom('cases')
      .leftJoin('staff as contact', 'contact.id', 'cases.contact_person_id')
      .leftJoin('teams', 'teams.id', 'cases.team_id')
      .select([
        'cases.id',
        'cases.status',
        'cases.opened_at',
        'cases.closed_at',
        'cases.version',
        'contact.id as contact_id',
        'contact.name as contact_name',
        'contact.profession as contact_profession',
        'teams.id as team_id',
        'teams.name as team_name',
        sql<boolean>`(cases.contact_person_id is null
          or ${contactPersonHasAccess(sql.ref('cases.contact_person_id'))})`.as('contact_has_access'),
      ])
      .where('cases.person_id', '=', personId)
      .orderBy('cases.opened_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return { guardians, periods, latestCase };
}

/**
 * The category of an event, as SQL: a note's own category, else notes are assessment and plan, the rest contact and
 * occupation (as core's eventCategory).
 */
export const eventCategorySql = sql<ConsentCategory>`coalesce(events.category, case when events.type = 'note'
  then 'assessment_plan' else 'contact_occupation' end)`;

/** What a register period's source says: the population row and the enrolment rows that put the person in. */
type PeriodSource = {
  populationImport?: string;
  populationLine?: number;
  enrolments?: { importId: string; line: number }[];
};

/** A note on the person's timeline with its category, or undefined. */
export function selectNote(db: Q, personId: string, noteId: string) {
  return db
    .selectFrom('events')
    .select(['id', eventCategorySql.as('category')])
    .where('id', '=', noteId)
    .where('person_id', '=', personId)
    .where('type', '=', 'note')
    .executeTakeFirst();
}

/** Records whether a note is shown to the young person, replacing what was recorded before. */
export async function upsertNoteShare(
  db: Q,
  share: { noteId: string; municipalityId: string; personId: string; shared: boolean; changedBy: string },
): Promise<void> {
  await db
    .insertInto('note_shares')
    .values({
      note_id: share.noteId,
      municipality_id: share.municipalityId,
      person_id: share.personId,
      shared: share.shared,
      changed_by: share.changedBy,
    })
    .onConflict((oc) =>
      oc.column('note_id').doUpdateSet({ shared: share.shared, changed_at: sql`now()`, changed_by: share.changedBy }),
    )
    .execute();
}

/** The source rows of `periods` with their lists' file names, in the order the period names them. */
export async function periodSources(db: Q, periods: { source: unknown }[]) {
  const sources = periods.map((p) => (p.source ?? {}) as PeriodSource);
  const ids = [
    ...new Set(
      sources.flatMap((s) => [
        ...(s.populationImport ? [s.populationImport] : []),
        ...(s.enrolments ?? []).map((e) => e.importId),
      ]),
    ),
  ];
  const files = new Map(
    ids.length
      ? (await db.selectFrom('imports').select(['id', 'file_name']).where('id', 'in', ids).execute()).map((i) => [
          i.id,
          i.file_name,
        ])
      : [],
  );
  return sources.map((s) => [
    ...(s.populationImport && files.has(s.populationImport)
      ? [{ list: 'population' as const, fileName: files.get(s.populationImport)!, line: s.populationLine ?? 0 }]
      : []),
    ...(s.enrolments ?? [])
      .filter((e) => files.has(e.importId))
      .map((e) => ({ list: 'enrolments' as const, fileName: files.get(e.importId)!, line: e.line }))
      .sort((a, b) => a.fileName.localeCompare(b.fileName) || a.line - b.line),
  ]);
}

/** One entry of a person's timeline, as selectEvents reads it. */
export type TimelineRow = {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
  corrects_event_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
  category: ConsentCategory;
  corrected_by: string | null;
};

/** An event's payload, a note's with `sharedWithYoungPerson` as staff changed it since it was written (if they did). */
const noteSharingShown = sql`case when events.type = 'note' then events.payload || coalesce(
    (select jsonb_build_object('sharedWithYoungPerson', note_shares.shared) from note_shares
      where note_shares.note_id = events.id), '{}'::jsonb) else events.payload end`;

/**
 * A person's timeline in the `categories` the reader may see, newest first: their events, with who
 * recorded them and which later event corrects them, and their entries into and exits from the
 * register, which the register periods themselves record (on the day they took effect) and which
 * count as contact and occupation. A leaving has an id of its own, a version-4 shaped hash of its period's.
 * A case opened without an event of its own (reconciliation opens them by the ten thousand) shows
 * as opened when it was. Under protected identity no event names a change of address or contact
 * details (see access/protected-identity.ts), so every reader of the timeline (the person page, the
 * register extract) gets the same rule.
 */
export async function selectEvents(
  db: Q,
  person: { id: string; protected_identity: boolean },
  categories: ConsentCategory[],
  { sharedWithYoungPersonOnly = false } = {},
): Promise<TimelineRow[]> {
  if (categories.length === 0) return [];
  const shared = sharedWithYoungPersonOnly ? eventSharedWithYoungPerson : sql<SqlBool>`true`;
  const personId = person.id;
  const register = categories.includes('contact_occupation');
  const { rows } = await sql<TimelineRow>`
    select events.id, events.type, ${noteSharingShown} as payload, events.occurred_at, events.corrects_event_id,
      staff.id as actor_id, staff.name as actor_name, ${eventCategorySql} as category,
           (select later.id from events later where later.corrects_event_id = events.id
             order by later.recorded_at desc limit 1) as corrected_by,
           events.recorded_at
    from events left join staff on staff.id = events.actor_id
    where events.person_id = ${personId} and events.type not in ('register_entered', 'register_left')
      and ${eventCategorySql} in (${sql.join(categories)}) and ${shared}
    union all
    select r.id, 'register_entered', jsonb_build_object('reason', r.entry_reason, 'asOf', r.entered_on::text),
           r.entered_on::timestamp at time zone 'Europe/Stockholm', null, null, null, 'contact_occupation', null,
             r.created_at
    from register_periods r where r.person_id = ${personId} and ${register}
    union all
    select (substr(m.h, 1, 12) || '4' || substr(m.h, 14, 3) || '8' || substr(m.h, 18))::uuid, 'register_left',
      jsonb_build_object('reason', r.leave_reason, 'rule', r.rule, 'asOf', r.left_on::text),
           r.left_on::timestamp at time zone 'Europe/Stockholm', null, null, null, 'contact_occupation', null,
             r.created_at
    from register_periods r cross join lateral (select md5(r.id::text || ':left') as h) m
    where r.person_id = ${personId} and r.left_on is not null and ${register}
    union all
    select c.id, 'case_opened', '{}'::jsonb, c.opened_at, null, null, null, 'contact_occupation', null, c.opened_at
    from cases c
    where c.person_id = ${personId} and ${register} and not exists (select 1 from events opened
      where opened.case_id = c.id and opened.type = 'case_opened')
    order by occurred_at desc, recorded_at desc`.execute(db);
  return rows.flatMap((r) => {
    const payload = payloadShown(r.type, r.payload, person.protected_identity);
    return payload ? [{ ...r, payload }] : [];
  });
}
