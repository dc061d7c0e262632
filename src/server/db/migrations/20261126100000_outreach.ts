/**
 * Outreach: municipal outreach settings, contact attempts and each person's next step, letter and
 * text-message templates, text messages and opt-outs, centres, meetings and calendar feeds.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `create table outreach_settings (
     municipality_id uuid primary key references municipalities,
     settings jsonb not null,
     version integer not null default 1,
     updated_by uuid references staff,
     updated_at timestamptz not null default now())`,
  `create table contact_attempts (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons,
     period_id uuid references register_periods,
     event_id uuid not null references events,
     channel text not null,
     outcome text not null,
     at timestamptz not null,
     staff_id uuid not null references staff,
     occupation text,
     occupation_list_version integer,
     agreed text,
     note text,
     idempotency_key text,
     recorded_at timestamptz not null default now(),
     unique (staff_id, idempotency_key))`,
  `create index contact_attempts_by_person on contact_attempts (person_id, at)`,
  `create index contact_attempts_by_period on contact_attempts (period_id, at)`,
  `create trigger contact_attempts_append_only before update or delete on contact_attempts
     for each row execute function lotsa_forbid_change()`,
  `create table next_steps (
     person_id uuid primary key references persons,
     municipality_id uuid not null references municipalities,
     period_id uuid references register_periods,
     channel text,
     due_on date,
     override_reason text,
     set_by uuid references staff,
     updated_at timestamptz not null default now(),
     version integer not null default 1)`,
  `create index next_steps_due on next_steps (municipality_id, due_on)`,
  `create table message_templates (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     kind text not null check (kind in ('letter', 'second_letter', 'home_visit_notice', 'sms')),
     language text not null check (language in ('sv', 'en')),
     heading text not null,
     body text not null,
     version integer not null default 1,
     updated_by uuid references staff,
     updated_at timestamptz not null default now(),
     unique (municipality_id, kind, language))`,
  `create table sms_messages (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons,
     recipient text not null check (recipient in ('young_person', 'guardian')),
     to_number text not null,
     body text not null,
     provider text not null check (provider in ('outbox', 'gateway')),
     provider_id text,
     status text not null check (status in ('stored', 'sent', 'delivered', 'failed')),
     sent_by uuid not null references staff,
     idempotency_key text,
     created_at timestamptz not null default now(),
     status_at timestamptz not null default now(),
     unique (sent_by, idempotency_key))`,
  `create index sms_messages_by_provider_id on sms_messages (provider_id)`,
  `create index sms_messages_by_municipality on sms_messages (municipality_id, created_at desc)`,
  `create table sms_opt_outs (
     municipality_id uuid not null references municipalities,
     number text not null,
     opted_out_at timestamptz not null default now(),
     primary key (municipality_id, number))`,
  `create table centres (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     name text not null,
     unique (municipality_id, name))`,
  `create table meetings (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     kind text not null check (kind in ('meeting', 'drop_in', 'home_visit')),
     starts_at timestamptz not null,
     ends_at timestamptz not null,
     staff_id uuid not null references staff,
     second_staff_id uuid references staff,
     centre_id uuid references centres,
     person_id uuid references persons,
     notice_due_on date,
     notice_sent_at timestamptz,
     created_by uuid references staff,
     created_at timestamptz not null default now(),
     cancelled_at timestamptz,
     version integer not null default 1,
     check (ends_at > starts_at),
     check (kind <> 'home_visit' or (person_id is not null and second_staff_id is not null
       and second_staff_id <> staff_id)),
     check (kind <> 'drop_in' or person_id is null))`,
  `create index meetings_by_staff on meetings (staff_id, starts_at)`,
  `create index meetings_by_second_staff on meetings (second_staff_id, starts_at)`,
  `create index meetings_by_centre on meetings (centre_id, starts_at)`,
  `create index meetings_by_person on meetings (person_id, starts_at)`,
  `create table calendar_feeds (
     staff_id uuid primary key references staff,
     token_hash text not null unique,
     created_at timestamptz not null default now())`,
];

const down_statements = [
  'drop table calendar_feeds',
  'drop table meetings',
  'drop table centres',
  'drop table sms_opt_outs',
  'drop table sms_messages',
  'drop table message_templates',
  'drop table next_steps',
  'drop table contact_attempts',
  'drop table outreach_settings',
];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
