/**
 * Measures and guiding onward: the municipality's catalogue of offers (`offers`), a young person's
 * measures (`measures`, a work placement's details in `placement`, follow-ups as a list of days) and
 * referrals to other agencies (`referrals`). Each row of personal data carries its consent category.
 * No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `create table offers (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     name text not null,
     kind text not null,
     kind_list_version text not null,
     study_form text,
     description text,
     provider_unit_id uuid references units,
     provider_name text,
     location text,
     capacity integer check (capacity >= 0),
     cost_amount integer check (cost_amount >= 0),
     cost_unit text check (cost_unit in ('week', 'participant')),
     active boolean not null default true,
     version integer not null default 1,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     check (provider_unit_id is not null or provider_name is not null))`,
  'create index offers_municipality on offers (municipality_id, active, name)',
  `create table measures (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     case_id uuid references cases on delete set null,
     offer_id uuid not null references offers,
     goal_id uuid references plan_goals on delete set null,
     starts_on date not null,
     planned_end_on date,
     ended_on date,
     end_reason text,
     follow_ups jsonb not null default '[]',
     evaluation text,
     placement jsonb,
     category text not null default 'assessment_plan',
     version integer not null default 1,
     recorded_by uuid references staff,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     check (planned_end_on is null or planned_end_on >= starts_on),
     check (ended_on is null or (ended_on >= starts_on and end_reason is not null)))`,
  'create index measures_person on measures (person_id, starts_on)',
  'create index measures_ending on measures (municipality_id, planned_end_on) where ended_on is null',
  `create table referrals (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     case_id uuid references cases on delete set null,
     agency text not null,
     agency_name text,
     sent_on date not null,
     reason text,
     accompanied boolean not null default false,
     first_visit_on date,
     status text not null default 'sent',
     outcome text,
     category text not null,
     version integer not null default 1,
     recorded_by uuid references staff,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now())`,
  'create index referrals_person on referrals (person_id, sent_on)',
];
const down_statements = ['drop table referrals', 'drop table measures', 'drop table offers'];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
