/**
 * Journal notes honour an Idempotency-Key like contact attempts: a note retried after a crash or a
 * double submit is recorded once. The key is kept on the note's event, unique per author.
 *
 * No data is converted; going down forgets the keys (the notes stay).
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  'alter table events add column idempotency_key text',
  'create unique index events_actor_idempotency_key on events (actor_id, idempotency_key) ' +
    'where idempotency_key is not null',
];
const down_statements = ['drop index events_actor_idempotency_key', 'alter table events drop column idempotency_key'];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
