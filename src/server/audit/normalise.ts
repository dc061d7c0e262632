/**
 * An audit entry's fields in the one form the database stores them, so that the hash computed when
 * an entry is written is the hash recomputed from what is read back. Normalising twice changes
 * nothing, so verify normalises what it reads exactly as the writer did.
 */

import type { AuditLogTable } from '../db/types.js';

/** The chained fields of an audit entry, as stored. */
export type ChainedFields = Pick<
  AuditLogTable,
  'at' | 'municipality_id' | 'actor_id' | 'person_id' | 'action' | 'entity' | 'entity_id' | 'ip'
> & { detail: Record<string, unknown> };

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// eslint-disable-next-line no-control-regex -- NUL is what this looks for: PostgreSQL's json cannot hold it.
const NEEDS_CARE = /[\ud800-\udfff\u0000]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Text as PostgreSQL can store it: a lone surrogate (which UTF-8 cannot encode) and NUL (which text
 * and jsonb refuse) become U+FFFD, the replacement character.
 */
export function storableText(text: string): string {
  if (!NEEDS_CARE.test(text)) return text;
  return text.replace(LONE_SURROGATE, '\ufffd').replaceAll('\u0000', '\ufffd');
}

/** A uuid in its canonical, lower-case form (the uuid columns store it so); anything else as storable text. */
export function canonicalId(id: string): string {
  return UUID.test(id) ? id.toLowerCase() : storableText(id);
}

const OMIT = Symbol('omit');

/**
 * Any value as the JSON it stores as, following JSON.stringify's rules: toJSON applied (dates become
 * strings), undefined and functions left out of objects (null in arrays), non-finite numbers null,
 * and every text, keys included, storable.
 */
export function storableJson(value: unknown): unknown {
  if (isStorable(value)) return value;
  const out = plain(value);
  return out === OMIT ? null : out;
}

/** True when `value` already is JSON as stored (the common case), so it need not be copied. */
function isStorable(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
      return !NEEDS_CARE.test(value);
    case 'number':
      return Number.isFinite(value);
    case 'boolean':
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isStorable(value[i])) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const k in value) if (NEEDS_CARE.test(k) || !isStorable((value as Record<string, unknown>)[k])) return false;
  return true;
}

function plain(value: unknown): unknown {
  let v = value;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function')
    v = (v as { toJSON: () => unknown }).toJSON();
  if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf();
  switch (typeof v) {
    case 'string':
      return storableText(v);
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'boolean':
      return v;
    case 'bigint':
      throw new TypeError('an audit entry cannot hold a BigInt; give it as a string');
    case 'object':
      break;
    default:
      return OMIT;
  }
  if (v === null) return null;
  if (Array.isArray(v))
    return Array.from(v, (item) => {
      const p = plain(item);
      return p === OMIT ? null : p;
    });
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const p = plain((v as Record<string, unknown>)[k]);
    if (p !== OMIT)
      Object.defineProperty(out, storableText(k), { value: p, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const id = (v: string | null) => (v === null ? null : canonicalId(v));
const text = (v: string | null) => (v === null ? null : storableText(v));

/** An entry's fields as the database stores them (see the module comment). */
export function normaliseFields(e: ChainedFields): ChainedFields {
  const detail = storableJson(e.detail);
  return {
    at: new Date(e.at.getTime()),
    municipality_id: id(e.municipality_id),
    actor_id: id(e.actor_id),
    person_id: id(e.person_id),
    action: storableText(e.action),
    entity: storableText(e.entity),
    entity_id: id(e.entity_id),
    ip: text(e.ip),
    detail:
      detail !== null && typeof detail === 'object' && !Array.isArray(detail)
        ? (detail as Record<string, unknown>)
        : { value: detail },
  };
}
