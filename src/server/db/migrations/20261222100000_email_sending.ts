/**
 * E-mail leaves Lotsa: besides the built-in outbox, a message may go through an SMTP server
 * (provider 'smtp'). As for text messages, a message is stored before it is handed over, and what
 * the server made of it is recorded on it: the server's message id, the status and when it changed,
 * and why it failed ('refused', 'no_answer', or 'not_sent' when the process stopped before handing
 * it over). No data is converted; going down deletes the messages sent by SMTP, which the older
 * schema cannot hold (their bodies never held the code).
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  'alter table email_messages drop constraint email_messages_provider_check',
  `alter table email_messages add constraint email_messages_provider_check check (provider in ('outbox', 'smtp'))`,
  'alter table email_messages add column provider_id text',
  `alter table email_messages add column failure_reason text
     check (failure_reason in ('refused', 'no_answer', 'not_sent'))`,
  'alter table email_messages add column status_at timestamptz not null default now()',
  `create index email_messages_unsent on email_messages (created_at) where provider = 'smtp' and status = 'stored'`,
];
const down_statements = [
  'drop index email_messages_unsent',
  'alter table email_messages drop column status_at',
  'alter table email_messages drop column failure_reason',
  'alter table email_messages drop column provider_id',
  `delete from email_messages where provider = 'smtp'`,
  'alter table email_messages drop constraint email_messages_provider_check',
  `alter table email_messages add constraint email_messages_provider_check check (provider in ('outbox'))`,
];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
