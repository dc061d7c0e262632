/** Counts over a municipality's register and cases, for the start page. Counts only, never who. */
import { sql } from 'kysely';
import { contactPersonHasAccess, heldBy, type Actor } from '../../access/access.js';
import type { Db } from '../../db/connection.js';

/** How many persons are in the register now. */
export function registerSize(db: Db, municipalityId: string) {
  return db
    .selectFrom('register_periods')
    .select(sql<number>`count(distinct person_id)::int`.as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('left_on', 'is', null)
    .executeTakeFirstOrThrow();
}

/**
 * Open cases: all, without a contact person, the actor's own, and those whose contact person may not
 * open them (nobody's: not counted as theirs, but shown to the coordinator).
 */
export function openCaseCounts(db: Db, actor: Actor) {
  return db
    .selectFrom('cases')
    .select([
      sql<number>`count(*)::int`.as('open'),
      sql<number>`(count(*) filter (where contact_person_id is null))::int`.as('unassigned'),
      sql<number>`(count(*) filter (where ${heldBy(actor, sql.ref('contact_person_id'))}))::int`.as('mine'),
      sql<number>`(count(*) filter (where contact_person_id is not null
        and not ${contactPersonHasAccess(sql.ref('contact_person_id'))}))::int`.as('without_access'),
    ])
    .where('municipality_id', '=', actor.municipalityId)
    .where('closed_at', 'is', null)
    .executeTakeFirstOrThrow();
}

/** Cases per status, closed ones included. */
export function casesByStatus(db: Db, municipalityId: string) {
  return db
    .selectFrom('cases')
    .select(['status', sql<number>`count(*)::int`.as('n')])
    .where('municipality_id', '=', municipalityId)
    .groupBy('status')
    .execute();
}
