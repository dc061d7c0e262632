/**
 * Assessment sections shared with the young person: one row per section that staff chose to show in the
 * young person's own Lotsa ("Delat med dig"); no row, not shared. Who shared it and when is kept on the
 * row; every change is also audited. No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `create table assessment_section_shares (
     assessment_id uuid not null references assessments on delete cascade,
     section_key text not null,
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     shared_at timestamptz not null default now(),
     shared_by uuid references staff,
     primary key (assessment_id, section_key))`,
  `create index assessment_section_shares_person on assessment_section_shares (municipality_id, person_id)`,
];
const down_statements = ['drop table assessment_section_shares'];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
