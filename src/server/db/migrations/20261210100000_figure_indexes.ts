/**
 * Indexes for the start page's figures at scale (issue 13): the register's size is counted from an
 * index of the open periods by municipality, and the open cases by status and contact person from one
 * of the cases by municipality, status and contact person, without reading the tables' rows. No data
 * is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'create index register_periods_open_by_municipality on register_periods (municipality_id) where left_on is null',
    'create index cases_by_status on cases (municipality_id, status, contact_person_id) include (closed_at)',
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ['drop index cases_by_status', 'drop index register_periods_open_by_municipality']);
}
