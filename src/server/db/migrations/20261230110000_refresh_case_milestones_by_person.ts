/**
 * `lotsa_refresh_case_milestones` (migration 20261224100000), run after every write to a person's register
 * periods, contact attempts, assessments or measures, found those persons' cases as `c2.person_id in (select
 * unnest(p_persons))`. The planner cannot know the array's length and takes it for 10 persons; on a table of
 * cases without statistics yet it then tested every case against every person of the array in a nested loop:
 * 51,215 periods written beside 51,215 cases took 302 s (2.6 billion comparisons) in `bench/database-floor.ts`,
 * as it would in any reconciliation writing many periods while many cases exist. The cases are now looked up from
 * the persons, one probe of the index by person each, whatever the planner guesses of the array: the same
 * periods' insert, triggers included, then took 1.4 s. The rule and what is written are unchanged.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/** The refresh, with the cases of `p_persons` found in `from` and tested in `where`. */
const refresh = (from: string, where: string) =>
  `create or replace function lotsa_refresh_case_milestones(p_persons uuid[]) returns void language sql as $$
     update cases c set started_on = x.started_on, first_contact_on = x.first_contact_on,
       assessed_on = x.assessed_on, first_measure_on = x.first_measure_on, register_diploma = x.register_diploma
     from ${from}
       cross join lateral lotsa_case_milestones(c2.municipality_id, c2.person_id, c2.opened_at, c2.closed_on) x
     where ${where}c.id = c2.id
       and (c.started_on, c.first_contact_on, c.assessed_on, c.first_measure_on, c.register_diploma)
         is distinct from (x.started_on, x.first_contact_on, x.assessed_on, x.first_measure_on, x.register_diploma)
   $$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // Each person's cases as a lateral subquery the planner may not flatten into a join (`offset 0`), so the
  // persons are always the outer side and each is one probe of the index by person.
  await runStatements(db, [
    refresh(
      `unnest(p_persons) as u(person_id)
       cross join lateral (select * from cases where cases.person_id = u.person_id offset 0) c2`,
      '',
    ),
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [refresh('cases c2', 'c2.person_id in (select unnest(p_persons)) and ')]);
}
