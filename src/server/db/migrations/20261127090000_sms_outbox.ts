/**
 * Text messages are stored before the gateway is called and updated after, outside the storing
 * transaction: a message that failed keeps why (the gateway refused it, gave no answer, or it was
 * never handed over because the process stopped), and the messages still waiting for the gateway
 * are found by an index of their own. No data is converted.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `alter table sms_messages add column failure_reason text check (failure_reason in ('refused', 'no_answer',
    'not_sent'))`,
  `create index sms_messages_unsent on sms_messages (created_at) where status = 'stored' and provider = 'gateway'`,
];
const down_statements = ['drop index sms_messages_unsent', 'alter table sms_messages drop column failure_reason'];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
