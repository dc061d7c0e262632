/**
 * The action plan's frame: one living plan per case (`action_plans`, versioned for optimistic
 * locking) and its goals (`plan_goals`), whose ids stay the same across plan versions so that
 * measures can be linked to a goal. Sub-goals, steps and version history build on these.
 * No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `create table action_plans (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     case_id uuid not null unique references cases on delete cascade,
     version integer not null default 1,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     updated_by uuid references staff)`,
  'create index action_plans_person on action_plans (person_id)',
  `create table plan_goals (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     plan_id uuid not null references action_plans on delete cascade,
     area text not null,
     title text not null,
     own_words text,
     position integer not null default 0,
     created_at timestamptz not null default now(),
     removed_at timestamptz)`,
  'create index plan_goals_plan on plan_goals (plan_id, position)',
  'create index plan_goals_person on plan_goals (person_id)',
];
const down_statements = ['drop table plan_goals', 'drop table action_plans'];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
