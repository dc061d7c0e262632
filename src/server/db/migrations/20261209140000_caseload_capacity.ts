/**
 * A contact person's caseload capacity (issue 15, status now): how many open cases they can hold,
 * set for them; null while the municipality's figure setting applies. No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  'alter table staff add column caseload_capacity integer check (caseload_capacity between 0 and 1000)',
];
const down_statements = ['alter table staff drop column caseload_capacity'];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
