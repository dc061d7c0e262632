/**
 * Honest contact attempts. From the day this migration runs, only an outcome that means a
 * conversation (with the young person, or a guardian recorded as such) counts as reached, and a text
 * message kept in Lotsa's outbox is an attempt only once staff confirm they sent it by other means.
 *
 * No attempt is converted: old attempts keep the outcome they were recorded with (a letter recorded
 * as "reached" still counts). The day the stricter rule applies is recorded in
 * `outreach_rule_changes`, so the figures can say from when it holds. Text messages already on
 * record had their attempt recorded by the old rule, so they are marked as such and cannot be
 * confirmed a second time.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `create table outreach_rule_changes (
     rule text primary key,
     applies_from date not null,
     recorded_at timestamptz not null default now())`,
  `insert into outreach_rule_changes (rule, applies_from) values ('conversation_only_reached',
    (now() at time zone 'Europe/Stockholm')::date)`,
  `alter table sms_messages add column attempt_recorded_at timestamptz, add column confirmed_by uuid references staff`,
  `update sms_messages set attempt_recorded_at = created_at where status <> 'failed'`,
];
const down_statements = [
  'alter table sms_messages drop column confirmed_by, drop column attempt_recorded_at',
  'drop table outreach_rule_changes',
];

export const up = (db: Kysely<unknown>) => runStatements(db, up_statements);
export const down = (db: Kysely<unknown>) => runStatements(db, down_statements);
