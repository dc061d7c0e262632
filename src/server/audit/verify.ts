/**
 * Verifies the audit log's hash chain: walks every seal in the chain's order, recomputes its entry's
 * hash from the entry's fields as stored, and checks that it points back to the seal before it. Every
 * broken entry is counted, not only the first, so a real change after an earlier break is still
 * reported. Entries not yet sealed are counted, and those unsealed past SEAL_BOUND_SECONDS (the
 * sealing job stopped, or someone wrote into the log behind it) break the report.
 */
import { sql } from 'kysely';
import type { Db } from '../db/connection.js';
import { entryHash, GENESIS_HASH } from './chain.js';
import { SEAL_BOUND_SECONDS } from './seal.js';

/** An entry that does not fit the chain, and why. */
export type BrokenEntry = { id: string; reason: string };

/** The result of checking the whole chain. */
export type ChainReport = {
  /** True when every entry's hash and link are intact. */
  ok: boolean;
  /** How many entries were checked (the sealed ones). */
  checked: number;
  /** Entries not yet sealed, so not covered by the check; and how many of them waited past the bound. */
  unsealed: number;
  overdue: number;
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
const REMOVED = 'the sealed entry is missing (it was removed)';
const MISPLACED = 'the seal is not at the next place in the chain (a seal was removed or inserted before it)';

/**
 * Walks the audit log's seals in order and recomputes every hash; reports every broken entry and what is not yet
 * sealed.
 */
export async function verifyAuditChain(
  db: Db,
  { onProgress, onEntry, now = new Date() }: VerifyOptions & { now?: Date } = {},
): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let checked = 0;
  let after = '0';
  let head: ChainReport['head'] = null;
  let brokenCount = 0;
  const broken: BrokenEntry[] = [];
  for (;;) {
    const batch = await db
      .selectFrom('audit_seals')
      .leftJoin('audit_log', 'audit_log.id', 'audit_seals.entry_id')
      .selectAll('audit_log')
      .select(['audit_seals.position', 'audit_seals.entry_id', 'audit_seals.prev_hash', 'audit_seals.hash'])
      .where(sql<boolean>`audit_seals.position > ${after}::bigint`)
      .orderBy('audit_seals.position')
      .limit(5000)
      .execute();
    if (batch.length === 0) break;
    for (const row of batch) {
      const reasons: string[] = [];
      if (String(row.position) !== String(checked + 1)) reasons.push(MISPLACED);
      if (row.prev_hash !== prev) reasons.push(RELINKED);
      if (row.id === null) reasons.push(REMOVED);
      else if (
        row.hash !==
        entryHash(row.prev_hash, {
          ...row,
          at: row.at!,
          action: row.action!,
          entity: row.entity!,
          detail: row.detail as Record<string, unknown>,
        })
      )
        reasons.push(CHANGED);
      const id = String(row.entry_id);
      if (reasons.length) {
        brokenCount++;
        if (broken.length < LISTED_BROKEN) broken.push({ id, reason: reasons.join('; ') });
      }
      prev = row.hash;
      checked++;
      head = { id, hash: row.hash };
      onEntry?.({ position: checked, id, hash: row.hash });
    }
    after = String(batch[batch.length - 1]!.position);
    onProgress?.(checked);
  }
  const bound = new Date(now.getTime() - SEAL_BOUND_SECONDS * 1000);
  const waiting = await db
    .selectFrom('audit_log')
    .select([
      sql<number>`count(*)::int`.as('unsealed'),
      sql<number>`(count(*) filter (where audit_log.at < ${bound}))::int`.as('overdue'),
    ])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('audit_seals')
            .select('audit_seals.position')
            .whereRef('audit_seals.entry_id', '=', 'audit_log.id'),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  const first = broken[0] ?? null;
  const overdueReason =
    waiting.overdue > 0
      ? `${waiting.overdue} entries have waited more than ${SEAL_BOUND_SECONDS} s to be sealed (is the sealing job ` +
        `running?)`
      : null;
  return {
    ok: brokenCount === 0 && waiting.overdue === 0,
    checked,
    unsealed: waiting.unsealed,
    overdue: waiting.overdue,
    head,
    brokenCount,
    broken,
    firstBrokenId: first?.id ?? null,
    reason: first?.reason ?? overdueReason,
  };
}
