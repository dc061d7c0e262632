/** Foundation: municipalities, units, staff, teams, persons, register periods, cases, events, sessions, audit. */
import { sql, type Kysely } from 'kysely';

const up_statements = [
  `create table municipalities (
     id uuid primary key default gen_random_uuid(),
     code char(4) not null unique,
     name text not null,
     created_at timestamptz not null default now())`,
  `create table units (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     name text not null,
     kind text not null check (kind in ('municipal', 'external')),
     unique (municipality_id, name))`,
  `create table staff (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     unit_id uuid references units,
     email text not null unique,
     name text not null,
     role text not null check (role in ('administrator', 'coordinator', 'youth_coach', 'team_member', 'school_reporter', 'manager')),
     active boolean not null default true,
     password_hash text not null,
     must_change_password boolean not null default true,
     version integer not null default 1,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now())`,
  `create table teams (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     name text not null,
     unique (municipality_id, name))`,
  `create table team_members (
     team_id uuid not null references teams on delete cascade,
     staff_id uuid not null references staff,
     primary key (team_id, staff_id))`,
  `create table persons (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     personal_identity_number char(12) not null,
     birth_date date not null,
     given_name text not null,
     family_name text not null,
     street_address text,
     postal_code text,
     city text,
     phone text,
     email text,
     protected_identity boolean not null default false,
     version integer not null default 1,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     unique (municipality_id, personal_identity_number))`,
  `create index persons_by_name on persons (municipality_id, family_name, given_name)`,
  `create table guardians (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     position integer not null,
     name text not null,
     relation text,
     phone text,
     email text,
     unique (person_id, position))`,
  `create table protected_identity_grants (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons,
     staff_id uuid not null references staff,
     granted_by uuid not null references staff,
     reason text not null,
     granted_at timestamptz not null default now(),
     unique (person_id, staff_id))`,
  `create table register_periods (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons,
     entered_on date not null,
     entry_reason text not null,
     left_on date,
     leave_reason text,
     source jsonb not null default '{}',
     created_at timestamptz not null default now())`,
  `create index register_periods_by_person on register_periods (person_id, entered_on)`,
  `create table cases (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons,
     status text not null check (status in ('new', 'contacting', 'active', 'closed')),
     contact_person_id uuid references staff,
     team_id uuid references teams,
     opened_at timestamptz not null default now(),
     closed_at timestamptz,
     version integer not null default 1)`,
  `create unique index cases_one_open_per_person on cases (person_id) where closed_at is null`,
  `create index cases_by_contact_person on cases (contact_person_id)`,
  `create table events (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons,
     case_id uuid references cases,
     type text not null,
     payload jsonb not null default '{}',
     actor_id uuid references staff,
     occurred_at timestamptz not null default now(),
     recorded_at timestamptz not null default now(),
     corrects_event_id uuid references events)`,
  `create index events_by_person on events (person_id, occurred_at desc)`,
  `create table sessions (
     id text primary key,
     staff_id uuid not null references staff,
     csrf_token text not null,
     created_at timestamptz not null default now(),
     last_seen_at timestamptz not null default now(),
     ip text)`,
  `create table login_failures (
     id bigserial primary key,
     email text not null,
     ip text,
     at timestamptz not null default now())`,
  `create index login_failures_by_email on login_failures (email, at)`,
  `create index login_failures_by_ip on login_failures (ip, at)`,
  `create table audit_log (
     id bigserial primary key,
     at timestamptz not null,
     municipality_id uuid,
     actor_id uuid,
     person_id uuid,
     action text not null,
     entity text not null,
     entity_id text,
     ip text,
     detail jsonb not null default '{}',
     prev_hash text not null,
     hash text not null)`,
  `create index audit_log_by_person on audit_log (person_id, at)`,
  `create index audit_log_by_actor on audit_log (actor_id, at)`,
  `create function lotsa_forbid_change() returns trigger language plpgsql as $$
     begin
       raise exception 'table % is append-only', tg_table_name using errcode = 'insufficient_privilege';
     end $$`,
  `create trigger audit_log_append_only before update or delete on audit_log
     for each row execute function lotsa_forbid_change()`,
  `create trigger audit_log_no_truncate before truncate on audit_log
     for each statement execute function lotsa_forbid_change()`,
  `create trigger events_append_only before update or delete on events
     for each row execute function lotsa_forbid_change()`,
  `create trigger events_no_truncate before truncate on events
     for each statement execute function lotsa_forbid_change()`,
];

const down_statements = [
  'drop table audit_log',
  'drop table login_failures',
  'drop table sessions',
  'drop table events',
  'drop function lotsa_forbid_change',
  'drop table cases',
  'drop table register_periods',
  'drop table protected_identity_grants',
  'drop table guardians',
  'drop table persons',
  'drop table team_members',
  'drop table teams',
  'drop table staff',
  'drop table units',
  'drop table municipalities',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
