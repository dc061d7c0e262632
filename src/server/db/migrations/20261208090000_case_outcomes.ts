/**
 * Outcomes and follow-up (issue 15): who a case's participant is (target group, upper-secondary
 * diploma, documented problems), how it was closed (outcome from core's versioned list, day, who,
 * note, occupation at closure), which closed case it continues, and the follow-ups after closure.
 *
 * Data converted: every existing case gets its target group, 'kaa' when the person had a register
 * period open on the day the case opened (Swedish time), else 'other'; a closed case gets its
 * closing day from `closed_at` (its outcome stays unknown). New cases get their target group from a
 * trigger with the same rule, unless the insert names one.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/** The day (Swedish time) a case row opened, and whether a register period of its person was open on it. */
const openedDay = (row: string) => `(${row}.opened_at at time zone 'Europe/Stockholm')::date`;
const kaaOnOpening = (row: string) => `exists (select 1 from register_periods rp where rp.person_id = ${row}.person_id
     and rp.entered_on <= ${openedDay(row)} and (rp.left_on is null or rp.left_on >= ${openedDay(row)}))`;

const up_statements = [
  `alter table cases
     add column target_group text,
     add column upper_secondary_diploma text not null default 'unknown'
       check (upper_secondary_diploma in ('yes', 'no', 'unknown')),
     add column documented_problems text[] not null default '{}',
     add column outcome text,
     add column outcome_list_version text,
     add column outcome_study_form text,
     add column closed_on date,
     add column closed_by uuid references staff,
     add column closing_note text,
     add column closing_occupation text,
     add column closing_occupation_list_version integer,
     add column previous_case_id uuid references cases`,
  `update cases set target_group = case when ${kaaOnOpening('cases')} then 'kaa' else 'other' end`,
  `update cases set closed_on = (closed_at at time zone 'Europe/Stockholm')::date where closed_at is not null`,
  `alter table cases alter column target_group set not null,
     add constraint cases_target_group check (target_group in ('kaa', 'young_adult', 'other')),
     add constraint cases_outcome_when_closed check (outcome is null or closed_on is not null)`,
  `create function lotsa_case_target_group() returns trigger language plpgsql as $$
   begin
     new.target_group := case when ${kaaOnOpening('new')} then 'kaa' else 'other' end;
     return new;
   end $$`,
  `create trigger cases_target_group before insert on cases
     for each row when (new.target_group is null) execute function lotsa_case_target_group()`,
  'create index cases_closed_on on cases (municipality_id, closed_on) where closed_on is not null',
  'create index cases_previous on cases (previous_case_id) where previous_case_id is not null',
  `create table case_follow_ups (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     case_id uuid not null references cases on delete cascade,
     months integer not null check (months > 0),
     due_on date not null,
     result text check (result in ('same_occupation', 'other_occupation', 'back_without_occupation', 'not_reached')),
     occupation text,
     occupation_list_version integer,
     note text,
     recorded_on date,
     recorded_by uuid references staff,
     new_case_id uuid references cases,
     version integer not null default 1,
     created_at timestamptz not null default now(),
     unique (case_id, months),
     check ((result is null) = (recorded_on is null)))`,
  'create index case_follow_ups_due on case_follow_ups (municipality_id, due_on) where result is null',
  'create index case_follow_ups_person on case_follow_ups (person_id)',
];
const down_statements = [
  'drop table case_follow_ups',
  'drop trigger cases_target_group on cases',
  'drop function lotsa_case_target_group()',
  'drop index cases_closed_on',
  'drop index cases_previous',
  `alter table cases
     drop constraint cases_target_group,
     drop constraint cases_outcome_when_closed,
     drop column target_group,
     drop column upper_secondary_diploma,
     drop column documented_problems,
     drop column outcome,
     drop column outcome_list_version,
     drop column outcome_study_form,
     drop column closed_on,
     drop column closed_by,
     drop column closing_note,
     drop column closing_occupation,
     drop column closing_occupation_list_version,
     drop column previous_case_id`,
];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
