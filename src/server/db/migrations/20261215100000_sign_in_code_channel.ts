/**
 * Where the young person's sign-in code goes. Each of the young person's own contact details records who
 * gave it (the young person themselves, or someone else such as a guardian, a school or a register); a
 * code goes only to a detail the young person gave. Details recorded before this say nothing of who gave
 * them (null) and get no code until staff record it. The contact person chooses the channel per person:
 * 'sms' (the default) or 'email'. Codes by e-mail are kept in an e-mail outbox like the SMS outbox; a
 * code records its channel, and a session opened with an e-mail code says method 'email_code'.
 * No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `alter table persons add column phone_given_by text check (phone_given_by in ('young_person', 'someone_else'))`,
  `alter table persons add column email_given_by text check (email_given_by in ('young_person', 'someone_else'))`,
  `alter table persons add column sign_in_code_channel text not null default 'sms'
     check (sign_in_code_channel in ('sms', 'email'))`,
  `create table email_messages (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     to_address text not null,
     subject text not null,
     body text not null,
     provider text not null check (provider in ('outbox')),
     status text not null check (status in ('stored', 'sent', 'failed')),
     sent_by uuid not null references staff,
     purpose text not null check (purpose in ('sign_in_code')),
     created_at timestamptz not null default now())`,
  'create index email_messages_by_sender on email_messages (sent_by, created_at)',
  'create index email_messages_by_person on email_messages (person_id)',
  `alter table young_person_codes add column channel text not null default 'sms' check (channel in ('sms', 'email'))`,
  'alter table young_person_sessions drop constraint young_person_sessions_method_check',
  `alter table young_person_sessions add constraint young_person_sessions_method_check
     check (method in ('sms_code', 'email_code', 'eid'))`,
];
const down_statements = [
  'alter table young_person_sessions drop constraint young_person_sessions_method_check',
  `update young_person_sessions set method = 'sms_code' where method = 'email_code'`,
  `alter table young_person_sessions add constraint young_person_sessions_method_check
     check (method in ('sms_code', 'eid'))`,
  'alter table young_person_codes drop column channel',
  'drop table email_messages',
  'alter table persons drop column sign_in_code_channel',
  'alter table persons drop column email_given_by',
  'alter table persons drop column phone_given_by',
];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
