/**
 * Emergency access with limits: each municipality sets how many persons one staff member may open
 * by emergency access in a day before a coordinator must approve (default 3), and which roles and
 * units may use it at all (default: coordinators and the caseworkers of the KAA's own units; a null
 * list of units means the KAA's own). Requests past the limit wait in `emergency_requests` until a
 * coordinator approves or denies them. No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `alter table municipalities add column emergency_daily_limit integer not null default 3 check
    (emergency_daily_limit between 1 and 100)`,
  `alter table municipalities add column emergency_roles text[] not null default
    '{coordinator,youth_coach,team_member}'`,
  `alter table municipalities add column emergency_unit_ids uuid[]`,
  `create table emergency_requests (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons,
     staff_id uuid not null references staff,
     reason text not null,
     created_at timestamptz not null default now(),
     status text not null default 'pending' check (status in ('pending', 'approved', 'denied')),
     decided_by uuid references staff,
     decided_at timestamptz,
     emergency_access_id uuid references emergency_access)`,
  `create index emergency_requests_pending on emergency_requests (municipality_id, created_at)
    where status = 'pending'`,
  `create index emergency_access_by_staff on emergency_access (staff_id, started_at)`,
];
const down_statements = [
  'drop index emergency_access_by_staff',
  'drop table emergency_requests',
  'alter table municipalities drop column emergency_unit_ids',
  'alter table municipalities drop column emergency_roles',
  'alter table municipalities drop column emergency_daily_limit',
];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
