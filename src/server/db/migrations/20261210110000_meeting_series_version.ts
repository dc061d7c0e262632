/**
 * The team meeting series' version (issue 16): a change of a team's series (weekday, time, place, lead) is
 * made on the version read and a stale one is refused, so two coordinators cannot overwrite each other's
 * change unseen. Every existing series starts at 0. No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = ['alter table teams add column meeting_series_version integer not null default 0'];
const down_statements = ['alter table teams drop column meeting_series_version'];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
