/**
 * Consent and cooperation across agencies: teams get a host agency, consents name recipient units
 * and categories, notes can carry a category, emergency access, applications to the team, staff
 * alerts, reviews of the access follow-up, and the emergency-access hours as a municipal setting.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `alter table municipalities add column emergency_access_hours integer not null default 4 check
    (emergency_access_hours between 1 and 72)`,
  `alter table teams add column unit_id uuid references units`,
  `alter table events add column category text check (category in ('contact_occupation', 'assessment_plan',
    'health_social'))`,
  `create table consents (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons,
     purpose text not null,
     given_by text not null check (given_by in ('young_person', 'guardian', 'young_person_and_guardian')),
     method text not null check (method in ('paper', 'in_lotsa')),
     given_on date not null,
     valid_until date,
     scan bytea,
     scan_content_type text,
     scan_file_name text,
     recorded_by uuid not null references staff,
     recorded_at timestamptz not null default now(),
     withdrawn_at timestamptz,
     withdrawn_by uuid references staff,
     withdrawal_note text)`,
  `create index consents_by_person on consents (person_id) where withdrawn_at is null`,
  `create table consent_recipients (
     consent_id uuid not null references consents on delete cascade,
     unit_id uuid not null references units,
     primary key (consent_id, unit_id))`,
  `create index consent_recipients_by_unit on consent_recipients (unit_id, consent_id)`,
  `create table consent_categories (
     consent_id uuid not null references consents on delete cascade,
     category text not null check (category in ('contact_occupation', 'assessment_plan', 'health_social')),
     primary key (consent_id, category))`,
  `create table emergency_access (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons,
     staff_id uuid not null references staff,
     reason text not null,
     started_at timestamptz not null default now(),
     ends_at timestamptz not null)`,
  `create index emergency_access_active on emergency_access (staff_id, person_id, ends_at)`,
  `create table applications (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons,
     team_id uuid not null references teams,
     referrer text not null check (referrer in ('school', 'social_services', 'employment_service', 'self')),
     signed_on date not null,
     status text not null check (status in ('received', 'on_agenda', 'accepted', 'waiting_list', 'declined')),
     decision_note text,
     decided_by uuid references staff,
     decided_at timestamptz,
     created_by uuid not null references staff,
     created_at timestamptz not null default now(),
     version integer not null default 1)`,
  `create index applications_by_status on applications (municipality_id, status)`,
  `create table staff_alerts (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     staff_id uuid not null references staff,
     kind text not null,
     person_id uuid references persons,
     payload jsonb not null default '{}',
     created_at timestamptz not null default now(),
     read_at timestamptz)`,
  `create index staff_alerts_unread on staff_alerts (staff_id) where read_at is null`,
  `create table access_reviews (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     kind text not null check (kind in ('outside_caseload', 'emergency', 'many_persons', 'night')),
     actor_id uuid not null references staff,
     person_id uuid references persons,
     day date not null,
     reviewed_by uuid not null references staff,
     reviewed_at timestamptz not null default now(),
     note text)`,
  `create unique index access_reviews_once on access_reviews (kind, actor_id, coalesce(person_id,
    '00000000-0000-0000-0000-000000000000'::uuid), day)`,
  `create index audit_log_by_municipality on audit_log (municipality_id, at)`,
];

const down_statements = [
  'drop index audit_log_by_municipality',
  'drop table access_reviews',
  'drop table staff_alerts',
  'drop table applications',
  'drop table emergency_access',
  'drop table consent_categories',
  'drop table consent_recipients',
  'drop table consents',
  'alter table events drop column category',
  'alter table teams drop column unit_id',
  'alter table municipalities drop column emergency_access_hours',
];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
