/**
 * The assessment (kartläggning): each municipality's manual, versioned (`assessment_manuals`, one
 * row per version, the sections as JSON); assessments that remember the manual version they used,
 * numbered per person (a revision is a new row), with a version for optimistic locking; and their
 * answers, one row per question carrying the section's consent category, so that queries withhold
 * the categories a reader may not see. At most one draft per person. No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `create table assessment_manuals (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     version integer not null,
     sections jsonb not null,
     created_at timestamptz not null default now(),
     created_by uuid references staff,
     unique (municipality_id, version))`,
  `create table assessments (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     case_id uuid references cases on delete set null,
     manual_id uuid not null references assessment_manuals,
     number integer not null,
     revises_id uuid references assessments,
     status text not null default 'draft' check (status in ('draft', 'completed')),
     version integer not null default 1,
     participants jsonb not null default '{"staff":[],"others":[]}',
     highest_education text,
     diploma text check (diploma in ('yes', 'no', 'unknown')),
     needs jsonb,
     created_at timestamptz not null default now(),
     created_by uuid references staff,
     updated_at timestamptz not null default now(),
     updated_by uuid references staff,
     completed_at timestamptz,
     completed_on date,
     completed_by uuid references staff,
     unique (person_id, number))`,
  `create unique index assessments_one_draft on assessments (person_id) where status = 'draft'`,
  `create index assessments_completed on assessments (municipality_id, person_id) where status = 'completed'`,
  `create table assessment_answers (
     assessment_id uuid not null references assessments on delete cascade,
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     question_key text not null,
     section_key text not null,
     category text not null check (category in ('contact_occupation', 'assessment_plan', 'health_social')),
     answer text not null,
     primary key (assessment_id, question_key))`,
];
const down_statements = ['drop table assessment_answers', 'drop table assessments', 'drop table assessment_manuals'];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
