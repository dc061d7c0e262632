/**
 * Verifies the audit chain and checks it against every signed checkpoint: the entry a checkpoint
 * names must still be there, at the same place in the chain, with the same hash. A chain that
 * verifies on its own but was rewritten, cut short or recomputed before the newest checkpoint fails
 * here. When all holds, a new checkpoint of what was verified is written.
 */
import type { Db } from '../db/connection.js';
import {
  readCheckpoints,
  signCheckpoint,
  writeCheckpoint,
  type Checkpoint,
  type CheckpointTarget,
} from './checkpoint.js';
import { GENESIS_HASH } from './chain.js';
import type { SigningKey } from './signing-key.js';
import { verifyAuditChain, type ChainReport } from './verify.js';

/** A checkpoint the log no longer matches, or a line of the file that is no checkpoint. */
export type CheckpointProblem = { line: number; problem: string };

/** What verify checked and found. */
export type AnchoredReport = {
  chain: ChainReport;
  /** How many lines of the checkpoint file hold a checkpoint signed with the key in use that the log matches. */
  checkpointsMatched: number;
  problems: CheckpointProblem[];
  /** The newest checkpoint checked, and how many entries came after it. */
  newest: Checkpoint | null;
  entriesAfterNewest: number;
  /** The checkpoint written after verifying (null when something was broken). */
  written: Checkpoint | null;
  ok: boolean;
};

/** Verifies the chain against the checkpoints in `target.file`; writes a new one when everything holds. */
export async function verifyAnchored(
  db: Db,
  key: SigningKey,
  target: CheckpointTarget,
  { onProgress, now = new Date() }: { onProgress?: (n: number) => void; now?: Date } = {},
): Promise<AnchoredReport> {
  const lines = readCheckpoints(target.file, key);
  const problems: CheckpointProblem[] = lines
    .filter((l) => l.problem)
    .map((l) => ({ line: l.line, problem: `line ${l.line} ${l.problem}` }));
  const byHead = new Map<string, { line: number; c: Checkpoint }[]>();
  const unseen = new Set<{ line: number; c: Checkpoint }>();
  let matched = 0;
  let newest: Checkpoint | null = null;
  for (const { line, checkpoint: c } of lines) {
    if (!c) continue;
    if (!newest || c.count >= newest.count) newest = c;
    if (c.headId === null) {
      if (c.count === 0 && c.headHash === GENESIS_HASH) matched++;
      else problems.push({ line, problem: `line ${line} names no entry but ${c.count} entries` });
      continue;
    }
    const entry = { line, c };
    byHead.set(c.headId, [...(byHead.get(c.headId) ?? []), entry]);
    unseen.add(entry);
  }
  const chain = await verifyAuditChain(db, {
    onProgress,
    onEntry: ({ position, id, hash }) => {
      for (const entry of byHead.get(id) ?? []) {
        unseen.delete(entry);
        const { line, c } = entry;
        if (hash !== c.headHash)
          problems.push({
            line,
            problem:
              `entry ${id} no longer has the hash the checkpoint of ${c.at} (line ${line}) signed: the log up ` +
              `to it was rewritten or recomputed`,
          });
        else if (position !== c.count)
          problems.push({
            line,
            problem:
              `entry ${id} is entry number ${position} of the log, ` +
              `but number ${c.count} in the checkpoint of ${c.at} (line ${line}): entries before it were removed ` +
              `or inserted`,
          });
        else matched++;
      }
    },
  });
  for (const { line, c } of unseen)
    problems.push({
      line,
      problem:
        `entry ${c.headId}, the newest of ${c.count} in the checkpoint of ${c.at} (line ${line}), ` +
        `is missing: the log was cut short or the entry removed`,
    });
  problems.sort((a, b) => a.line - b.line);
  const ok = chain.ok && problems.length === 0;
  let written: Checkpoint | null = null;
  if (ok) {
    written = signCheckpoint(
      key,
      { count: chain.checked, headId: chain.head?.id ?? null, headHash: chain.head?.hash ?? GENESIS_HASH },
      now,
    );
    await writeCheckpoint(target, written);
  }
  return {
    chain,
    checkpointsMatched: matched,
    problems,
    newest,
    entriesAfterNewest: newest ? chain.checked - newest.count : chain.checked,
    written,
    ok,
  };
}
