/**
 * Group activities and attendance: a centre's `activities` (kind, leaders, place, capacity, a
 * recurrence as core's recurrenceSchema, an optional offer of the catalogue, drop-in or closed),
 * changes to single sessions (`activity_session_changes`: cancelled or moved, by the planned day),
 * `activity_enrolments` (a person, from, to) and append-only `attendance_entries` (a person or an
 * anonymous visitor per session; the latest entry wins, earlier ones stay as history). A session is
 * identified by its activity and planned day; it has no table of its own. No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `create table activities (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     unit_id uuid references units,
     title text not null,
     kind text not null,
     leader_staff_ids uuid[] not null default '{}',
     guest_leaders text[] not null default '{}',
     place text,
     capacity integer check (capacity > 0),
     recurrence jsonb not null,
     starts_on date not null,
     ends_on date,
     offer_id uuid references offers,
     drop_in boolean not null default false,
     active boolean not null default true,
     version integer not null default 1,
     created_by uuid references staff,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     check (ends_on is null or ends_on >= starts_on))`,
  'create index activities_municipality on activities (municipality_id, active, title)',
  `create table activity_session_changes (
     activity_id uuid not null references activities on delete cascade,
     occurs_on date not null,
     cancelled boolean not null default false,
     moved_to date,
     moved_start text,
     moved_end text,
     note text,
     changed_by uuid references staff,
     changed_at timestamptz not null default now(),
     primary key (activity_id, occurs_on),
     check ((moved_to is null) = (moved_start is null) and (moved_to is null) = (moved_end is null)))`,
  `create table activity_enrolments (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     activity_id uuid not null references activities on delete cascade,
     person_id uuid not null references persons on delete cascade,
     from_on date not null,
     to_on date,
     recorded_by uuid references staff,
     created_at timestamptz not null default now(),
     check (to_on is null or to_on >= from_on))`,
  'create index activity_enrolments_activity on activity_enrolments (activity_id, from_on)',
  'create index activity_enrolments_person on activity_enrolments (person_id, from_on)',
  `create table attendance_entries (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     activity_id uuid not null references activities on delete cascade,
     occurs_on date not null,
     person_id uuid references persons on delete cascade,
     anonymous_key text,
     status text not null check (status in ('present', 'absent', 'excused', 'late')),
     category text not null default 'contact_occupation',
     recorded_by uuid references staff,
     recorded_at timestamptz not null default clock_timestamp(),
     check ((person_id is null) <> (anonymous_key is null)))`,
  'create index attendance_entries_session on attendance_entries (activity_id, occurs_on, recorded_at)',
  'create index attendance_entries_person on attendance_entries (person_id, occurs_on) where person_id is not null',
];
const down_statements = [
  'drop table attendance_entries',
  'drop table activity_enrolments',
  'drop table activity_session_changes',
  'drop table activities',
];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
