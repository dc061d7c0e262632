/**
 * The young person's own sign-in: one-time codes sent by SMS (young_person_codes), the requests and
 * failures that throttle them (young_person_sign_in_attempts, keyed by a hash of the identity number,
 * so an unknown number leaves no trace of itself), and the young person's sessions, which say by
 * which method they were opened (a code today, an eID later) but are read the same way whatever it
 * was. A code's message goes through the SMS outbox as purpose 'sign_in_code', which never becomes a
 * contact attempt. A municipality setting decides whether the young person's access log names staff.
 * No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `create table young_person_codes (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     code_hash text not null,
     created_at timestamptz not null,
     expires_at timestamptz not null,
     used_at timestamptz,
     failed_attempts integer not null default 0,
     ip text)`,
  'create index young_person_codes_by_person on young_person_codes (person_id, created_at)',
  `create table young_person_sign_in_attempts (
     id bigserial primary key,
     kind text not null check (kind in ('code_request', 'failed_login')),
     account text not null,
     ip text,
     at timestamptz not null)`,
  'create index young_person_sign_in_attempts_by_account on young_person_sign_in_attempts (account, at)',
  'create index young_person_sign_in_attempts_by_ip on young_person_sign_in_attempts (ip, at)',
  `create table young_person_sessions (
     id text primary key,
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     method text not null check (method in ('sms_code', 'eid')),
     csrf_token text not null,
     created_at timestamptz not null default now(),
     last_seen_at timestamptz not null default now(),
     ip text)`,
  'create index young_person_sessions_by_person on young_person_sessions (person_id)',
  `alter table sms_messages add column purpose text not null default 'outreach' check (purpose in ('outreach',
    'sign_in_code'))`,
  'alter table municipalities add column young_person_sees_staff_names boolean not null default false',
];
const down_statements = [
  'alter table municipalities drop column young_person_sees_staff_names',
  'alter table sms_messages drop column purpose',
  'drop table young_person_sessions',
  'drop table young_person_sign_in_attempts',
  'drop table young_person_codes',
];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
