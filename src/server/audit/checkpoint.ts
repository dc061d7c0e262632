/**
 * Signed checkpoints of the audit chain: how many entries it held and the hash of its newest one,
 * at a time, signed with the Ed25519 key kept outside the database and appended to a file outside
 * the database (and, when configured, handed to a command such as `logger`). A chain rewritten,
 * cut short or recomputed with the project's own hash function no longer matches them.
 */
import { spawn } from 'node:child_process';
import { sign, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db/connection.js';
import { canonicalJson } from './canonical-json.js';
import { GENESIS_HASH } from './chain.js';
import type { SigningKey } from './signing-key.js';

/** A chain's state: entry count, newest entry's id (null when empty) and hash. */
export type ChainHead = { count: number; headId: string | null; headHash: string };

/** A signed checkpoint, one JSON line in the checkpoint file. */
export type Checkpoint = ChainHead & { v: 1; at: string; key: string; sig: string };

/** Where checkpoints go: the append-only file, and optionally a command that reads each line on stdin. */
export type CheckpointTarget = { file: string; command?: string | null };

const signed = (c: Omit<Checkpoint, 'sig'>) =>
  Buffer.from(canonicalJson({ v: c.v, count: c.count, headId: c.headId, headHash: c.headHash, at: c.at, key: c.key }));

/** Signs `head` as of `at`. */
export function signCheckpoint(key: SigningKey, head: ChainHead, at: Date): Checkpoint {
  const body = { v: 1 as const, ...head, at: at.toISOString(), key: key.fingerprint };
  return { ...body, sig: sign(null, signed(body), key.privateKey).toString('base64') };
}

/** True when `c`'s signature verifies with `key`. */
export function signatureHolds(key: SigningKey, c: Checkpoint): boolean {
  try {
    return verify(null, signed(c), key.publicKey, Buffer.from(c.sig, 'base64'));
  } catch {
    return false;
  }
}

/** One line of the checkpoint file: its checkpoint, or why it is not one. */
export type CheckpointLine = { line: number; checkpoint: Checkpoint | null; problem: string | null };

/** Reads every line of the checkpoint file (none when it does not exist); each checked against `key`. */
export function readCheckpoints(file: string, key: SigningKey): CheckpointLine[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return text
    .split('\n')
    .map((raw, i) => ({ raw, line: i + 1 }))
    .filter(({ raw }) => raw.trim() !== '')
    .map(({ raw, line }) => {
      let c: Checkpoint;
      try {
        c = JSON.parse(raw) as Checkpoint;
      } catch {
        return { line, checkpoint: null, problem: 'is not a checkpoint (not JSON)' };
      }
      if (c.key !== key.fingerprint)
        return {
          line,
          checkpoint: null,
          problem: `was signed by another key (${String(c.key)}), not the key in use (${key.fingerprint})`,
        };
      if (!signatureHolds(key, c))
        return { line, checkpoint: null, problem: 'has a signature that does not hold (the line was changed)' };
      return { line, checkpoint: c, problem: null };
    });
}

/** Appends `c` to the checkpoint file and hands it to the configured command, if any. */
export async function writeCheckpoint(target: CheckpointTarget, c: Checkpoint): Promise<void> {
  const line = `${JSON.stringify(c)}\n`;
  fs.mkdirSync(path.dirname(target.file), { recursive: true });
  await fs.promises.appendFile(target.file, line, { mode: 0o600 });
  if (target.command) await runCommand(target.command, line);
}

function runCommand(command: string, input: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, { shell: true, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`the checkpoint command "${command}" exited with ${code}: ${stderr.trim()}`)),
    );
    child.stdin.end(input);
  });
}

/** The newest checkpoint of `lines` signed with the key in use. */
export const newestCheckpoint = (lines: CheckpointLine[]) =>
  lines.reduce<Checkpoint | null>(
    (n, l) => (l.checkpoint && (!n || l.checkpoint.count >= n.count) ? l.checkpoint : n),
    null,
  );

/** Thrown when the log no longer holds the newest checkpoint's head: it was rewritten or cut short since. */
export class CheckpointMismatch extends Error {}

/**
 * The chain's head now, counted on from the newest checkpoint `since` (cheap) or from the start. Throws
 * CheckpointMismatch when `since`'s head entry is gone or has another hash.
 */
export async function chainHead(db: Db, since: Checkpoint | null): Promise<ChainHead> {
  const from = since?.headId ?? '0';
  const row = await sql<{ id: string | null; hash: string | null; position: string | null; since_hash: string | null }>`
    with head as (select position, entry_id as id, hash from audit_seals order by position desc limit 1)
    select head.id, head.hash, head.position,
      (select hash from audit_seals where entry_id = ${from}::bigint) as since_hash
    from (select 1) one left join head on true`.execute(db);
  const r = row.rows[0]!;
  if (since?.headId && r.since_hash !== since.headHash) {
    throw new CheckpointMismatch(
      `the audit log no longer holds entry ${since.headId} with the hash of the checkpoint of ${since.at}: it was ` +
        `rewritten or cut short since; run npx lotsa audit verify`,
    );
  }
  // Seals hold their place in the chain, so the head's place is the count of sealed entries.
  return { count: Number(r.position ?? 0), headId: r.id, headHash: r.hash ?? GENESIS_HASH };
}

/**
 * Writes a checkpoint of the chain as it is now (the scheduled job); refuses when it no longer matches the newest
 * checkpoint.
 */
export async function checkpointNow(
  db: Db,
  key: SigningKey,
  target: CheckpointTarget,
  now = new Date(),
): Promise<Checkpoint> {
  const head = await chainHead(db, newestCheckpoint(readCheckpoints(target.file, key)));
  const c = signCheckpoint(key, head, now);
  await writeCheckpoint(target, c);
  return c;
}
