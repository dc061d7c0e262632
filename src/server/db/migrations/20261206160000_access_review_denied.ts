/**
 * The access follow-up gains a report of denied reads: attempts to open a person the reader had no
 * access to. Marking such a row as reviewed needs the new kind in access_reviews.
 *
 * No data is converted; going down deletes the reviews of denied reads.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  'alter table access_reviews drop constraint access_reviews_kind_check',
  `alter table access_reviews add constraint access_reviews_kind_check check (kind in ('outside_caseload',
    'emergency', 'many_persons', 'night', 'denied'))`,
];
const down_statements = [
  `delete from access_reviews where kind = 'denied'`,
  'alter table access_reviews drop constraint access_reviews_kind_check',
  `alter table access_reviews add constraint access_reviews_kind_check check (kind in ('outside_caseload',
    'emergency', 'many_persons', 'night'))`,
];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
