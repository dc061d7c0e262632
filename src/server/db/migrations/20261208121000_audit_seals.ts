/**
 * The audit chain moves off the request path: an entry is appended to `audit_log` without a lock and
 * without a hash, and a job seals entries into the chain in order shortly after, each seal an
 * append-only row of `audit_seals` (its place in the chain, the entry, the previous hash and its
 * hash). `audit_unsealed` lists the entries waiting, filled by a trigger on every insert into the log.
 * Converts: every existing entry, already chained, becomes a seal at its place (by id) with its
 * hashes; the log's two hash columns then go.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

const up_statements = [
  `create table audit_seals (
     position bigint primary key,
     entry_id bigint not null unique references audit_log,
     prev_hash text not null,
     hash text not null,
     sealed_at timestamptz not null default now())`,
  `insert into audit_seals (position, entry_id, prev_hash, hash)
     select row_number() over (order by id), id, prev_hash, hash from audit_log`,
  `create trigger audit_seals_append_only before update or delete on audit_seals
     for each row execute function lotsa_forbid_change()`,
  `create trigger audit_seals_no_truncate before truncate on audit_seals
     for each statement execute function lotsa_forbid_change()`,
  'alter table audit_log drop column prev_hash, drop column hash',
  'create table audit_unsealed (entry_id bigint primary key)',
  `create function lotsa_audit_unsealed() returns trigger language plpgsql as $$
     begin
       insert into audit_unsealed (entry_id) select id from added;
       return null;
     end $$`,
  `create trigger audit_log_to_seal after insert on audit_log
     referencing new table as added for each statement execute function lotsa_audit_unsealed()`,
];

const down_statements = [
  'drop trigger audit_log_to_seal on audit_log',
  'drop function lotsa_audit_unsealed',
  'drop table audit_unsealed',
  'alter table audit_log add column prev_hash text, add column hash text',
  'alter table audit_log disable trigger audit_log_append_only',
  'update audit_log a set prev_hash = s.prev_hash, hash = s.hash from audit_seals s where s.entry_id = a.id',
  'alter table audit_log enable trigger audit_log_append_only',
  'drop table audit_seals',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, up_statements);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, down_statements);
}
