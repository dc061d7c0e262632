/**
 * The team meeting (issue 16): a team's meeting series (weekday, time, place) and lead; meetings with
 * who attended (members, and guests by name and role); items members add to the agenda (a case
 * proposed for closing, or anything else); and the decisions the lead records, append-only.
 * No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `alter table teams
     add column meeting_weekday smallint check (meeting_weekday between 1 and 7),
     add column meeting_time text check (meeting_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
     add column meeting_place text,
     add column meeting_lead_id uuid references staff`,
  `create table team_meetings (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     team_id uuid not null references teams,
     held_on date not null,
     meeting_time text check (meeting_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
     place text,
     lead_id uuid references staff,
     created_by uuid references staff,
     created_at timestamptz not null default now(),
     unique (team_id, held_on))`,
  `create index team_meetings_team on team_meetings (team_id, held_on desc)`,
  `create table team_meeting_attendees (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     meeting_id uuid not null references team_meetings,
     staff_id uuid references staff,
     guest_name text,
     guest_role text,
     check ((staff_id is null) <> (guest_name is null)))`,
  `create index team_meeting_attendees_meeting on team_meeting_attendees (meeting_id)`,
  `create table team_meeting_items (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     meeting_id uuid not null references team_meetings,
     person_id uuid references persons,
     kind text not null check (kind in ('closing_proposed', 'other')),
     category text not null check (category in ('contact_occupation', 'assessment_plan', 'health_social')),
     text text not null,
     added_by uuid references staff,
     added_at timestamptz not null default now())`,
  `create index team_meeting_items_meeting on team_meeting_items (meeting_id)`,
  `create table team_meeting_decisions (
     id uuid primary key default gen_random_uuid(),
     municipality_id uuid not null references municipalities,
     meeting_id uuid not null references team_meetings,
     person_id uuid not null references persons,
     kind text not null check (kind in ('accepted', 'waiting_list', 'declined', 'new_measure', 'referral',
       'contact_person_change', 'closing', 'other')),
     category text not null check (category in ('contact_occupation', 'assessment_plan', 'health_social')),
     application_id uuid references applications,
     text text,
     decided_by uuid references staff,
     decided_at timestamptz not null default now())`,
  `create index team_meeting_decisions_meeting on team_meeting_decisions (meeting_id, decided_at)`,
  `create index team_meeting_decisions_person on team_meeting_decisions (person_id)`,
];
const down_statements = [
  'drop table team_meeting_decisions',
  'drop table team_meeting_items',
  'drop table team_meeting_attendees',
  'drop table team_meetings',
  `alter table teams drop column meeting_lead_id, drop column meeting_place, drop column meeting_time,
     drop column meeting_weekday`,
];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
