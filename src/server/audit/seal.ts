/**
 * Sealing: chains audit entries that have committed into the hash chain, in order, off the request
 * path. Any process may run it; an advisory lock lets one seal at a time (another that finds it taken
 * leaves the work to it). Each seal is an append-only row of `audit_seals` at the next place in the
 * chain, over the entry's fields as stored (the same hash verifyAuditChain recomputes). An entry that
 * commits late (its transaction ran long) is sealed at a later place than entries with higher ids.
 */
import { sql } from 'kysely';
import type { Db } from '../db/connection.js';
import { insertMany } from '../db/insert-many.js';
import { entryHash, GENESIS_HASH } from './chain.js';

const CHAIN_LOCK = 74_201_125;

/** How long an entry may stay unsealed: the sealing job runs every second, so this allows for a minute of trouble. */
export const SEAL_BOUND_SECONDS = 60;

/** How many entries one sealing transaction chains. */
const BATCH = 5000;

/**
 * Seals the committed unsealed entries, oldest id first, in batches; returns how many it sealed.
 * Returns 0 at once when another process holds the chain's lock (it is sealing).
 */
export async function sealAudit(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{
        locked: boolean;
      }>`select pg_try_advisory_xact_lock(${CHAIN_LOCK}) as locked`.execute(trx);
      if (!rows[0]!.locked) return -1;
      const entries = await trx
        .selectFrom('audit_unsealed')
        .innerJoin('audit_log', 'audit_log.id', 'audit_unsealed.entry_id')
        .selectAll('audit_log')
        .orderBy('audit_unsealed.entry_id')
        .limit(BATCH)
        .execute();
      if (entries.length === 0) return 0;
      const head = await trx
        .selectFrom('audit_seals')
        .select(['position', 'hash'])
        .orderBy('position', 'desc')
        .limit(1)
        .executeTakeFirst();
      let position = BigInt(head?.position ?? 0);
      let prev = head?.hash ?? GENESIS_HASH;
      const seals = entries.map((e) => {
        const hash = entryHash(prev, { ...e, detail: e.detail as Record<string, unknown> });
        position += 1n;
        const seal = { position: String(position), entry_id: String(e.id), prev_hash: prev, hash };
        prev = hash;
        return seal;
      });
      await insertMany(trx, 'audit_seals', seals);
      await trx
        .deleteFrom('audit_unsealed')
        .where(
          'entry_id',
          'in',
          seals.map((s) => s.entry_id),
        )
        .execute();
      return seals.length;
    });
    if (sealed <= 0) return total;
    total += sealed;
    if (sealed < BATCH) return total;
  }
}

/** What waits to be sealed: how many entries, and how many seconds the oldest has waited (by its time). */
export async function unsealedBacklog(db: Db, now = new Date()): Promise<{ count: number; oldestSeconds: number }> {
  const row = await db
    .selectFrom('audit_unsealed')
    .innerJoin('audit_log', 'audit_log.id', 'audit_unsealed.entry_id')
    .select([sql<number>`count(*)::int`.as('n'), sql<Date | null>`min(audit_log.at)`.as('oldest')])
    .executeTakeFirstOrThrow();
  return {
    count: row.n,
    oldestSeconds: row.oldest ? Math.max(0, (now.getTime() - new Date(row.oldest).getTime()) / 1000) : 0,
  };
}

/** Where the sealing job reports failures. */
export type SealLog = { error: (line: string, err?: unknown) => void };

/**
 * Seals every `intervalMs` (a second by default) until the returned function is called; failures are logged and tried
 * again.
 */
export function startSealing(db: Db, log: SealLog, intervalMs = 1000): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await sealAudit(db);
    } catch (err) {
      log.error(`Audit entries not sealed: ${(err as Error).message}`, err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
