/**
 * The SCB half-year return's contacts block (issue 15) reads each person's last conversation in the half:
 * the attempts of a municipality between two instants, with their person, register period, outcome and
 * occupation. Through the index by day (`contact_attempts_at`) it still fetched every row from the table,
 * and the table is in the order the attempts were written, not by day (in bench:figures, 44,435 rows of
 * a national half-year on 10,985 pages, every page of the table). This index holds those columns too, so
 * the block is an index-only scan of the half's part of it (about 500 pages) wherever the table's
 * visibility map is current, as autovacuum keeps it for a table that is only inserted into (contact
 * attempts are append-only). It has the same key as `contact_attempts_at`, which it replaces; the other
 * readers by municipality and day use it as they did that one. No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create index contact_attempts_at_covering on contact_attempts (municipality_id, at)
       include (person_id, period_id, outcome, occupation)`,
    'drop index contact_attempts_at',
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'create index contact_attempts_at on contact_attempts (municipality_id, at)',
    'drop index contact_attempts_at_covering',
  ]);
}
