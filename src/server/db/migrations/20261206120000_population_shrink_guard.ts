/**
 * A population list with far fewer residents than the list before it is held for the coordinator's
 * confirmation: the import keeps the previous list's number of residents it was compared with.
 *
 * No data is converted: imports made before stay as they are.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = ['alter table imports add column previous_residents integer'];
const down_statements = ['alter table imports drop column previous_residents'];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
