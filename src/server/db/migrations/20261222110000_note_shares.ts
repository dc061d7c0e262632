/**
 * Whether a journal note is shown to the young person, changed after it was written. The note itself
 * is never edited (its event keeps `sharedWithYoungPerson` as written); a row here overrides it: no
 * row, as written. Who changed it and when is kept on the row; every change is also audited. No data
 * is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `create table note_shares (
     note_id uuid primary key references events on delete cascade,
     municipality_id uuid not null references municipalities,
     person_id uuid not null references persons on delete cascade,
     shared boolean not null,
     changed_at timestamptz not null default now(),
     changed_by uuid not null references staff)`,
  'create index note_shares_person on note_shares (municipality_id, person_id)',
];
const down_statements = ['drop table note_shares'];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
