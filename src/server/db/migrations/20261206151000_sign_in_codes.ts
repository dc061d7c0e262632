/**
 * Separation of duties for sign-in codes: an administrator who creates an account or resets a
 * password no longer sees its one-time code. The request waits here until another administrator or
 * a coordinator (never the requester, never the person it is for) issues the code and hands it to
 * the person. No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `create table sign_in_code_requests (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     staff_id uuid not null references staff,
     requested_by uuid not null references staff,
     reason text not null check (reason in ('new_account', 'reset')),
     created_at timestamptz not null default now(),
     status text not null default 'pending' check (status in ('pending', 'issued')),
     issued_by uuid references staff,
     issued_at timestamptz)`,
  `create unique index sign_in_code_requests_one_pending on sign_in_code_requests (staff_id) where status = 'pending'`,
];
const down_statements = ['drop table sign_in_code_requests'];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
