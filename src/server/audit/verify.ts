/**
 * Verifies the audit log's hash chain: walks every entry in order, recomputes its hash from its
 * fields as stored, and checks that it points back to the entry before it. Every broken entry is
 * counted, not only the first, so a real change after an earlier break is still reported.
 */
import { sql } from 'kysely';
import type { Db } from '../db/connection.js';
import { entryHash, GENESIS_HASH } from './chain.js';

/** An entry that does not fit the chain, and why. */
export type BrokenEntry = { id: string; reason: string };

/** The result of checking the whole chain. */
export type ChainReport = {
  /** True when every entry's hash and link are intact. */
  ok: boolean;
  /** How many entries were checked. */
  checked: number;
  /** The newest entry checked: its id and stored hash. */
  head: { id: string; hash: string } | null;
  /** How many entries are broken. */
  brokenCount: number;
  /** The broken entries, in order, the first LISTED_BROKEN of them. */
  broken: BrokenEntry[];
  /** The first broken entry's id and reason (null when intact). */
  firstBrokenId: string | null;
  reason: string | null;
};

/** How many broken entries a report lists (all are counted). */
export const LISTED_BROKEN = 1000;

/** An entry as the walk sees it: its place in the chain (1 for the oldest), id and stored hash. */
export type WalkedEntry = { position: number; id: string; hash: string };

/** What to call during the walk: after each batch, and for each entry. */
export type VerifyOptions = { onProgress?: (checked: number) => void; onEntry?: (entry: WalkedEntry) => void };

const CHANGED = 'content does not match its hash (the entry was changed)';
const RELINKED = 'previous hash does not match the entry before it (an entry was removed or inserted before it)';

/** Walks the audit log in order and recomputes every hash; reports every broken entry. */
export async function verifyAuditChain(db: Db, { onProgress, onEntry }: VerifyOptions = {}): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let checked = 0;
  let after = '0';
  let head: ChainReport['head'] = null;
  let brokenCount = 0;
  const broken: BrokenEntry[] = [];
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where(sql<boolean>`id > ${after}::bigint`)
      .orderBy('id')
      .limit(5000)
      .execute();
    if (batch.length === 0) break;
    for (const row of batch) {
      const reasons: string[] = [];
      if (row.prev_hash !== prev) reasons.push(RELINKED);
      if (row.hash !== entryHash(row.prev_hash, { ...row, detail: row.detail as Record<string, unknown> })) reasons.push(CHANGED);
      if (reasons.length) {
        brokenCount++;
        if (broken.length < LISTED_BROKEN) broken.push({ id: String(row.id), reason: reasons.join('; ') });
      }
      prev = row.hash;
      checked++;
      head = { id: String(row.id), hash: row.hash };
      onEntry?.({ position: checked, id: head.id, hash: row.hash });
    }
    after = String(batch[batch.length - 1]!.id);
    onProgress?.(checked);
  }
  const first = broken[0] ?? null;
  return { ok: brokenCount === 0, checked, head, brokenCount, broken, firstBrokenId: first?.id ?? null, reason: first?.reason ?? null };
}
