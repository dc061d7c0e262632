/**
 * The person list's "my open cases" (issue 13): the persons of whom the reader is the contact person of a case
 * that is not closed, read from the reader's own open cases by this index (index only), so the list finds the
 * newest case and tests the access category for those persons only, not for every person of the reader's
 * caseload or municipality. No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create index cases_open_by_contact_person on cases (contact_person_id, person_id) where status <> 'closed'`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ['drop index cases_open_by_contact_person']);
}
