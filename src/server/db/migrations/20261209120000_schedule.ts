/**
 * The individual schedule (issue 16): a measure's weekly hours (weekday, start and end, as core's
 * weeklyHoursSchema; existing measures get none), the contact person's additions to a young
 * person's week (once, or weekly until a day; times as HH:MM text; removed ones keep their row),
 * and the young person's own iCal feed (one per person, the token stored only as its hash).
 * No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `alter table measures add column weekly_hours jsonb not null default '[]'`,
  `create table schedule_additions (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     on_date date not null,
     weekly boolean not null default false,
     until_date date,
     start_time text check (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
     end_time text check (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
     title text not null,
     place text,
     category text not null default 'contact_occupation',
     created_by uuid references staff,
     created_at timestamptz not null default now(),
     removed_at timestamptz,
     removed_by uuid references staff,
     check (until_date is null or (weekly and until_date >= on_date)),
     check (end_time is null or (start_time is not null and end_time > start_time)))`,
  'create index schedule_additions_person on schedule_additions (person_id, on_date) where removed_at is null',
  `create table schedule_feeds (
     person_id uuid primary key references persons on delete cascade,
     municipality_id uuid not null references municipalities,
     token_hash text not null unique,
     lang text not null default 'sv',
     created_by uuid references staff,
     created_at timestamptz not null default now())`,
];
const down_statements = [
  'drop table schedule_feeds',
  'drop table schedule_additions',
  'alter table measures drop column weekly_hours',
];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
