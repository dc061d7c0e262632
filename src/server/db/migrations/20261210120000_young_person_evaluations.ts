/**
 * The young person's short evaluations (issue 17): after a measure or an activity period ends, the
 * young person answers how useful it was (1 to 5) and what could be better; staff see them summed up
 * per offer and per activity, without names. One answer per measure or enrolment's activity and
 * person; answering again replaces it. Also marks a plan goal's own words as written by the young
 * person in /mitt (`own_words_by_young_person`), so staff can tell them from words staff typed.
 * No data is converted: existing own words stay marked as staff's.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `create table young_person_evaluations (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     measure_id uuid references measures on delete cascade,
     activity_id uuid references activities on delete cascade,
     usefulness smallint not null check (usefulness between 1 and 5),
     better text check (length(better) <= 1000),
     answered_at timestamptz not null,
     check ((measure_id is null) <> (activity_id is null)))`,
  `create unique index young_person_evaluations_measure
     on young_person_evaluations (person_id, measure_id) where measure_id is not null`,
  `create unique index young_person_evaluations_activity
     on young_person_evaluations (person_id, activity_id) where activity_id is not null`,
  'create index young_person_evaluations_by_municipality on young_person_evaluations (municipality_id)',
  'alter table plan_goals add column own_words_by_young_person boolean not null default false',
];
const down_statements = [
  'alter table plan_goals drop column own_words_by_young_person',
  'drop table young_person_evaluations',
];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
