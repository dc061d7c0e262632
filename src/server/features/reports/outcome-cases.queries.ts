/**
 * The cases behind a count of the outcome report: closed between two days (with an outcome, or one
 * outcome), narrowed by the figures page's filters, and only those whose person the reader may see.
 */
import { sql, type Kysely } from 'kysely';
import { personVisibleTo, type Actor } from '../../access/access.js';
import type { Database } from '../../db/types.js';
import type { FigureFilters } from './work-figures.queries.js';

/** The most cases one list holds; a longer list is cut and says so. */
export const OUTCOME_CASES_LIMIT = 500;

/** Up to `OUTCOME_CASES_LIMIT + 1` cases, oldest closing first, then by name. */
export function selectOutcomeCases(
  db: Kysely<Database>,
  actor: Actor,
  q: { from: string; to: string; outcome?: string } & FigureFilters,
) {
  let query = db
    .selectFrom('cases')
    .innerJoin('persons', 'persons.id', 'cases.person_id')
    .select([
      'cases.id as case_id',
      'cases.outcome',
      'cases.target_group',
      'persons.id as person_id',
      'persons.given_name',
      'persons.family_name',
      'persons.personal_identity_number',
    ])
    .select(sql<string>`to_char(cases.closed_on, 'YYYY-MM-DD')`.as('closed_on_day'))
    .where('cases.municipality_id', '=', actor.municipalityId)
    .where('cases.closed_on', '>=', q.from)
    .where('cases.closed_on', '<=', q.to)
    .where('cases.outcome', 'is not', null)
    .where(personVisibleTo(actor));
  if (q.outcome) query = query.where('cases.outcome', '=', q.outcome);
  if (q.targetGroup) query = query.where('cases.target_group', '=', q.targetGroup);
  if (q.contactPerson) query = query.where('cases.contact_person_id', '=', q.contactPerson);
  return query
    .orderBy('cases.closed_on')
    .orderBy('persons.family_name')
    .orderBy('persons.given_name')
    .orderBy('cases.id')
    .limit(OUTCOME_CASES_LIMIT + 1)
    .execute();
}
