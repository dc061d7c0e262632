/**
 * Indexes for the person list, search and queues at scale: every sort and filter of the person list
 * has an index, name and identity-number search use trigram indexes (pg_trgm, loaded into PGlite as
 * well: connection.ts), and the timeline's and the access condition's lookups have theirs. Where
 * pg_trgm is not available the trigram indexes are left out and search scans, as before. No data is
 * converted.
 */
import { sql, type Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  'drop index persons_by_name',
  'create index persons_by_name on persons (municipality_id, family_name, given_name, id)',
  'create index persons_by_birth_date on persons (municipality_id, birth_date desc, family_name, given_name, id)',
  'create index cases_latest_by_person on cases (person_id, opened_at desc)',
  'create index cases_by_team on cases (team_id)',
  'create index team_members_by_staff on team_members (staff_id, team_id)',
  'create index events_by_correction on events (corrects_event_id) where corrects_event_id is not null',
  'create index events_by_case on events (case_id, type)',
];

const trigram_statements = [
  'create extension if not exists pg_trgm',
  'create index persons_family_name_trgm on persons using gin (family_name gin_trgm_ops)',
  'create index persons_given_name_trgm on persons using gin (given_name gin_trgm_ops)',
  'create index persons_identity_number_trgm on persons using gin ((personal_identity_number::text) gin_trgm_ops)',
];

/** True when the server offers pg_trgm (PostgreSQL's contrib; PGlite when opened with it). */
async function trigramsAvailable(db: Kysely<unknown>): Promise<boolean> {
  const { rows } = await sql<{
    one: number;
  }>`select 1 as one from pg_available_extensions where name = 'pg_trgm'`.execute(db);
  return rows.length > 0;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, up_statements);
  if (await trigramsAvailable(db)) await runStatements(db, trigram_statements);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'drop index if exists persons_identity_number_trgm',
    'drop index if exists persons_given_name_trgm',
    'drop index if exists persons_family_name_trgm',
    'drop index events_by_case',
    'drop index events_by_correction',
    'drop index team_members_by_staff',
    'drop index cases_by_team',
    'drop index cases_latest_by_person',
    'drop index persons_by_birth_date',
    'drop index persons_by_name',
    'create index persons_by_name on persons (municipality_id, family_name, given_name)',
  ]);
}
