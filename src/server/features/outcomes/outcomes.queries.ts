/**
 * Queries of the outcomes area: a case through a person the actor may see (`personVisibleTo`) or
 * manage (`personManagedBy`), its follow-ups, and the running measures closing ends.
 */
import { sql, type Kysely } from 'kysely';
import { accessOf, personManagedBy, personVisibleTo, type Actor } from '../../access/access.js';
import type { Database } from '../../db/types.js';

type Q = Kysely<Database>;

/** The day a case opened, Swedish time, as YYYY-MM-DD. */
export const openedDay = sql<string>`to_char(cases.opened_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD')`;

/** A case with its person's access flags, if the actor may see the person (`managed`: and may change it). */
export function selectCase(db: Q, actor: Actor, caseId: string, { managed = false }: { managed?: boolean } = {}) {
  return db
    .selectFrom('cases')
    .innerJoin('persons', 'persons.id', 'cases.person_id')
    .leftJoin('staff as closer', 'closer.id', 'cases.closed_by')
    .selectAll('cases')
    .select([openedDay.as('opened_on'), 'persons.birth_date', 'closer.name as closed_by_name'])
    .select(sql<string | null>`to_char(cases.closed_on, 'YYYY-MM-DD')`.as('closed_on_day'))
    .select((eb) => accessOf(actor)(eb))
    .where('cases.id', '=', caseId)
    .where('cases.municipality_id', '=', actor.municipalityId)
    .where(managed ? personManagedBy(actor) : personVisibleTo(actor))
    .executeTakeFirst();
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof selectCase>>>;

/** The follow-ups of a case, earliest first, with who recorded each. */
export function selectFollowUps(db: Q, caseId: string) {
  return db
    .selectFrom('case_follow_ups')
    .leftJoin('staff', 'staff.id', 'case_follow_ups.recorded_by')
    .selectAll('case_follow_ups')
    .select(['staff.name as recorded_by_name'])
    .select(sql<string>`to_char(case_follow_ups.due_on, 'YYYY-MM-DD')`.as('due_day'))
    .select(sql<string | null>`to_char(case_follow_ups.recorded_on, 'YYYY-MM-DD')`.as('recorded_day'))
    .where('case_follow_ups.case_id', '=', caseId)
    .orderBy('case_follow_ups.months')
    .execute();
}
export type FollowUpRow = Awaited<ReturnType<typeof selectFollowUps>>[number];

/** The person's running measures (not ended), locked for the closing that ends them, with their offer. */
export function selectRunningMeasures(db: Q, personId: string) {
  return db
    .selectFrom('measures')
    .innerJoin('offers', 'offers.id', 'measures.offer_id')
    .select([
      'measures.id',
      'measures.category',
      sql<string>`to_char(measures.starts_on, 'YYYY-MM-DD')`.as('starts_day'),
    ])
    .select(['offers.name as offer_name', 'offers.kind as offer_kind'])
    .where('measures.person_id', '=', personId)
    .where('measures.ended_on', 'is', null)
    .forUpdate('measures')
    .execute();
}

/**
 * Follow-ups after closure that have fallen due by `today` and have no result yet, of persons the
 * actor manages (the closure-follow-up work queue), narrowed to the closed case's contact person.
 * One per person: the earliest due (then the first by id), so someone with two due is listed once.
 */
export function followUpsDue(db: Q, actor: Actor, today: string, contactPerson: string | undefined) {
  const earlier = sql<boolean>`exists (select 1 from case_follow_ups e where e.person_id = fu.person_id
    and e.municipality_id = fu.municipality_id and e.result is null and e.due_on <= ${today}::date
    and (e.due_on, e.id) < (fu.due_on, fu.id))`;
  let q = db
    .selectFrom('case_follow_ups as fu')
    .innerJoin('cases', 'cases.id', 'fu.case_id')
    .innerJoin('persons', 'persons.id', 'fu.person_id')
    .where('fu.municipality_id', '=', actor.municipalityId)
    .where('fu.result', 'is', null)
    .where('fu.due_on', '<=', today)
    .where(sql<boolean>`not ${earlier}`)
    .where(personManagedBy(actor));
  if (contactPerson === 'none') q = q.where('cases.contact_person_id', 'is', null);
  else if (contactPerson)
    q = q.where('cases.contact_person_id', '=', contactPerson === 'me' ? actor.id : contactPerson);
  return q;
}

/** A follow-up with its closed case, if the actor manages the person. */
export function selectManagedFollowUp(db: Q, actor: Actor, followUpId: string) {
  return db
    .selectFrom('case_follow_ups as fu')
    .innerJoin('cases', 'cases.id', 'fu.case_id')
    .innerJoin('persons', 'persons.id', 'fu.person_id')
    .select(['fu.id', 'fu.case_id', 'fu.person_id', 'fu.municipality_id', 'fu.months', 'fu.result', 'fu.version'])
    .select(['cases.contact_person_id', 'cases.team_id'])
    .select((eb) => accessOf(actor)(eb))
    .where('fu.id', '=', followUpId)
    .where('fu.municipality_id', '=', actor.municipalityId)
    .where(personManagedBy(actor))
    .executeTakeFirst();
}
