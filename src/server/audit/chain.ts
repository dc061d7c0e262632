/** The audit chain's hash: each entry's hash covers the previous entry's hash and the entry's fields as stored. */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import { normaliseFields, type ChainedFields } from './normalise.js';

/** The hash the first entry points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * An entry's content, the part of its hash after the previous hash: its fields as canonical JSON, its opening bracket
 * left off.
 */
export function entryContent(e: ChainedFields): string {
  return canonicalJson([
    e.at.toISOString(),
    e.municipality_id,
    e.actor_id,
    e.person_id,
    e.action,
    e.entity,
    e.entity_id,
    e.ip,
    e.detail,
  ]).slice(1);
}

/** The hash of an entry's canonical JSON `[prevHash, …content]`. */
export const chainHash = (prevHash: string, content: string) =>
  createHash('sha256')
    .update(`[${JSON.stringify(prevHash)},${content}`)
    .digest('hex');

/** The hash of one entry given the previous entry's hash, over its fields as stored (see normaliseFields). */
export function entryHash(prevHash: string, e: ChainedFields): string {
  return chainHash(prevHash, entryContent(normaliseFields(e)));
}
