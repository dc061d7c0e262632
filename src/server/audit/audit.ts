/**
 * The audit log: an append-only record of every read and write of personal data, written in the
 * same transaction as the work it records. Each entry's hash covers its content and the previous
 * entry's hash, so a changed, removed or inserted entry breaks the chain (see verifyAuditChain).
 */
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/connection.js';
import type { Database } from '../db/types.js';
import { csvLines } from '../db/bulk-writer.js';
import { insertMany } from '../db/insert-many.js';
import type { Session } from '../db/session.js';
import { canonicalJson } from './canonical-json.js';

const fieldsOf = (json: string) => JSON.parse(json) as Record<string, unknown>;

/** The hash the first entry points back to. */
export const GENESIS_HASH = '0'.repeat(64);
const CHAIN_LOCK = 74_201_125;

/** Who did it and from where. */
export type AuditActor = { id: string | null; municipalityId: string | null; ip: string | null };

/** One thing that happened to personal data. */
export type AuditEvent = {
  action: 'read' | 'list' | 'create' | 'update' | 'export' | 'sign_in' | 'sign_out' | 'sign_in_failed' | 'password_changed' | 'password_change_failed' | 'cull';
  entity: string;
  entityId?: string | null;
  personId?: string | null;
  detail?: Record<string, unknown>;
};

type ChainedFields = {
  at: Date;
  municipality_id: string | null;
  actor_id: string | null;
  person_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
};

/** The hash of one entry given the previous entry's hash. */
export function entryHash(prevHash: string, e: ChainedFields): string {
  const content = canonicalJson([prevHash, e.at.toISOString(), e.municipality_id, e.actor_id, e.person_id, e.action, e.entity, e.entity_id, e.ip, e.detail]);
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Appends `events` to the audit log inside the transaction `trx`. Given the `session` that runs
 * `trx`, many events are written with COPY (reconciliation records tens of thousands at once).
 */
export async function recordAudit(trx: Transaction<Database>, actor: AuditActor, events: AuditEvent[], session?: Pick<Session, 'copyIn'>): Promise<void> {
  if (events.length === 0) return;
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  let prev = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const rows = events.map((e) => {
    const fields: ChainedFields = {
      at,
      municipality_id: actor.municipalityId,
      actor_id: actor.id,
      person_id: e.personId ?? null,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId ?? null,
      ip: actor.ip,
      detail: e.detail ?? {},
    };
    const hash = entryHash(prev, fields);
    const row = { ...fields, detail: JSON.stringify(fields.detail), prev_hash: prev, hash };
    prev = hash;
    return row;
  });
  if (rows.length === 1) await trx.insertInto('audit_log').values(rows).execute();
  else if (session) {
    const columns = ['at', 'municipality_id', 'actor_id', 'person_id', 'action', 'entity', 'entity_id', 'ip', 'detail', 'prev_hash', 'hash'] as const;
    await session.copyIn(`copy audit_log (${columns.join(', ')}) from stdin with (format csv)`, csvLines(rows.map((r) => columns.map((c) => (c === 'at' ? r.at.toISOString() : r[c])))));
  } else await insertMany(trx, 'audit_log', rows.map((r) => ({ ...r, detail: fieldsOf(r.detail) })));
}

/** The result of checking the whole chain. */
export type ChainReport = { ok: boolean; checked: number; firstBrokenId: string | null; reason: string | null };

/** Walks the audit log in order and recomputes every hash. */
export async function verifyAuditChain(db: Db, onProgress?: (checked: number) => void): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let checked = 0;
  let after = '0';
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where(sql<boolean>`id > ${after}::bigint`)
      .orderBy('id')
      .limit(5000)
      .execute();
    if (batch.length === 0) return { ok: true, checked, firstBrokenId: null, reason: null };
    for (const row of batch) {
      if (row.prev_hash !== prev) return { ok: false, checked, firstBrokenId: String(row.id), reason: 'previous hash does not match (an entry was removed or inserted)' };
      const expected = entryHash(prev, { ...row, detail: row.detail });
      if (row.hash !== expected) return { ok: false, checked, firstBrokenId: String(row.id), reason: 'content does not match its hash (the entry was changed)' };
      prev = row.hash;
      checked++;
    }
    after = String(batch[batch.length - 1]!.id);
    onProgress?.(checked);
  }
}
