/**
 * A work queue sorted by due date, latest first (issue 13): the order is `next_due_on desc nulls last`, which
 * the index of the open periods' due dates (`register_periods_open_due`, ascending with nulls last) does not
 * give read backwards (that is descending with nulls first), so a coordinator's queue sorted that way read
 * every open period of the queue and sorted them. This index of the same rows in that order serves it. No data
 * is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create index register_periods_open_due_desc on register_periods (municipality_id, next_due_on desc nulls last)
       where left_on is null`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ['drop index register_periods_open_due_desc']);
}
