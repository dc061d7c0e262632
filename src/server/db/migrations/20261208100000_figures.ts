/**
 * Figures and reports (issue 15): a municipality's figure settings (the target of studies or work
 * within N months, what a young person lost to society costs, a contact person's caseload capacity;
 * core's defaults apply while there is no row), and the indexes by day that the outcome report and
 * the SCB half-year return read through at national scale. No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `create table figure_settings (
     municipality_id uuid primary key references municipalities,
     settings jsonb not null,
     version integer not null default 1,
     updated_by uuid references staff,
     updated_at timestamptz not null default now())`,
  `create index register_periods_entered on register_periods (municipality_id, entered_on)`,
  `create index register_periods_left on register_periods (municipality_id, left_on) where left_on is not null`,
  `create index contact_attempts_at on contact_attempts (municipality_id, at)`,
  `create index measures_starts on measures (municipality_id, starts_on)`,
  `create index measures_ended on measures (municipality_id, ended_on) where ended_on is not null`,
];
const down_statements = [
  'drop index measures_ended',
  'drop index measures_starts',
  'drop index contact_attempts_at',
  'drop index register_periods_left',
  'drop index register_periods_entered',
  'drop table figure_settings',
];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
