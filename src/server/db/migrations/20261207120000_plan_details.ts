/**
 * The action plan's details on the frame of 20261207090000: the plan's follow-up and evaluation,
 * sub-goals and steps of each goal (who is responsible, start, due, status, end and why, follow-up),
 * every saved version kept whole with who changed what, the young person's signatures of a version
 * (in Lotsa or a signed paper scan), and each municipality's own list of goal areas (the default
 * list applies while it has none). plan_goals keeps its columns and ids. No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  'alter table action_plans add column follow_up_on date',
  'alter table action_plans add column evaluation text',
  'alter table action_plans add column evaluated_on date',
  'alter table action_plans add column created_by uuid references staff',
  'create index action_plans_follow_up on action_plans (follow_up_on) where follow_up_on is not null',
  `create table plan_subgoals (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     plan_id uuid not null references action_plans on delete cascade,
     goal_id uuid not null references plan_goals on delete cascade,
     title text not null,
     done boolean not null default false,
     position integer not null default 0)`,
  'create index plan_subgoals_goal on plan_subgoals (goal_id, position)',
  `create table plan_steps (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     plan_id uuid not null references action_plans on delete cascade,
     goal_id uuid not null references plan_goals on delete cascade,
     title text not null,
     responsible_kind text not null check (responsible_kind in ('young_person', 'unit', 'other')),
     responsible_unit_id uuid references units,
     responsible_other text,
     start_on date,
     due_on date,
     status text not null default 'planned' check (status in ('planned', 'ongoing', 'done', 'stopped')),
     ended_on date,
     end_reason text,
     follow_up_on date,
     position integer not null default 0,
     check (due_on is null or start_on is null or due_on >= start_on),
     check (follow_up_on is null or start_on is null or follow_up_on >= start_on))`,
  'create index plan_steps_goal on plan_steps (goal_id, position)',
  'create index plan_steps_follow_up on plan_steps (plan_id, follow_up_on) where follow_up_on is not null',
  `create table plan_versions (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     plan_id uuid not null references action_plans on delete cascade,
     version integer not null,
     document jsonb not null,
     summary jsonb not null,
     changed_by uuid references staff,
     changed_at timestamptz not null default now(),
     unique (plan_id, version))`,
  `create table plan_signatures (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     plan_id uuid not null references action_plans on delete cascade,
     version integer not null,
     signed_by text not null check (signed_by in ('young_person', 'guardian')),
     method text not null check (method in ('in_lotsa', 'paper')),
     signed_on date not null,
     recorded_by uuid references staff,
     recorded_at timestamptz not null default now(),
     scan bytea,
     scan_content_type text,
     scan_file_name text,
     foreign key (plan_id, version) references plan_versions (plan_id, version))`,
  'create index plan_signatures_plan on plan_signatures (plan_id, version)',
  `create table plan_goal_areas (
     municipality_id uuid not null references municipalities,
     code text not null,
     name_sv text not null,
     name_en text not null,
     active boolean not null default true,
     position integer not null default 0,
     primary key (municipality_id, code))`,
];
const down_statements = [
  'drop table plan_goal_areas',
  'drop table plan_signatures',
  'drop table plan_versions',
  'drop table plan_steps',
  'drop table plan_subgoals',
  'drop index action_plans_follow_up',
  'alter table action_plans drop column created_by',
  'alter table action_plans drop column evaluated_on',
  'alter table action_plans drop column evaluation',
  'alter table action_plans drop column follow_up_on',
];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
