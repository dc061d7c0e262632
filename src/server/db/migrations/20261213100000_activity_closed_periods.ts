/**
 * An activity's closed periods (issue 16): a summer break or a Christmas closure, days on which no session is
 * planned. Stored with the activity as a JSON list of `{from, to, reason}` and changed on its version like its other
 * fields. Every existing activity starts with none. No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = ["alter table activities add column closed_periods jsonb not null default '[]'::jsonb"];
const down_statements = ['alter table activities drop column closed_periods'];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
