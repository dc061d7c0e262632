/**
 * Units can be deactivated (`units.active`): a deactivated unit is no longer offered as a choice but
 * stays on the records that name it. Staff have a profession (`staff.profession`, the code list in
 * src/core/professions.ts; null until someone sets it). No data is converted: every unit stays active.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  'alter table units add column active boolean not null default true',
  `alter table staff add column profession text
     check (profession in ('study_career_counsellor', 'counsellor', 'social_worker', 'field_worker', 'job_coach',
       'employment_officer', 'youth_coach', 'other'))`,
];
const down_statements = ['alter table staff drop column profession', 'alter table units drop column active'];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
