/**
 * School notifications route only where the reporter's municipality allows: a table of the
 * municipalities each one trusts for routing (none at first), and on each notification the note
 * that asks the coordinator to verify the home municipality (which other municipalities' lists
 * named the student). No data is converted; notifications routed before keep where they went.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `create table municipality_trusts (
    municipality_id uuid not null references municipalities (id),
    trusted_municipality_id uuid not null references municipalities (id),
    created_by uuid references staff (id),
    created_at timestamptz not null default now(),
    primary key (municipality_id, trusted_municipality_id),
    check (municipality_id <> trusted_municipality_id)
  )`,
  `alter table notifications add column routing_note jsonb`,
];
const down_statements = ['alter table notifications drop column routing_note', 'drop table municipality_trusts'];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
