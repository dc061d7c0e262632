/**
 * The audit log: an append-only record of every read and write of personal data, written in the
 * same transaction as the work it records. Each entry is then sealed into a hash chain (seal.ts):
 * its seal's hash covers its content and the previous seal's hash, so a changed, removed or inserted
 * entry breaks the chain, and an entry left unsealed shows (see verifyAuditChain).
 */
import type { AuditAction, AuditEntity } from '../../core/audit-vocabulary.js';
import type { Transaction } from 'kysely';
import type { Database } from '../db/types.js';
import { csvLine } from '../db/bulk-writer.js';
import { insertMany } from '../db/insert-many.js';
import type { Session } from '../db/session.js';
import { entryContent } from './chain.js';
import { normaliseFields, type ChainedFields } from './normalise.js';

export { entryHash, GENESIS_HASH } from './chain.js';
export type { ChainedFields } from './normalise.js';

/** Who did it and from where. */
export type AuditActor = { id: string | null; municipalityId: string | null; ip: string | null };

/** One thing that happened to personal data. */
export type AuditEvent = {
  action: AuditAction;
  entity: AuditEntity;
  entityId?: string | null;
  personId?: string | null;
  detail?: Record<string, unknown>;
};

const COLUMNS = [
  'at',
  'municipality_id',
  'actor_id',
  'person_id',
  'action',
  'entity',
  'entity_id',
  'ip',
  'detail',
] as const;

/**
 * Entries made ready to be written: their fields, their hashed content, and (when prepared ahead,
 * for COPY) their CSV. Making them is the costly part of recording many entries, and needs no database.
 */
export type PreparedAudit = { entries: { fields: ChainedFields; content: string; csv?: string }[] };

/** An entry's CSV for COPY. */
const csvOf = (fields: ChainedFields) =>
  csvLine(
    COLUMNS.map((c) =>
      c === 'at' ? fields.at.toISOString() : c === 'detail' ? JSON.stringify(fields.detail) : fields[c],
    ),
  );

function prepareOne(at: Date, actor: AuditActor, e: AuditEvent): PreparedAudit['entries'][number] {
  const fields = normaliseFields({
    at,
    municipality_id: actor.municipalityId,
    actor_id: actor.id,
    person_id: e.personId ?? null,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId ?? null,
    ip: actor.ip,
    detail: e.detail ?? {},
  });
  return { fields, content: entryContent(fields) };
}

const SLICE = 2000;

/**
 * Prepares `events` a slice at a time, giving way to other work between slices, so that a
 * transaction can prepare tens of thousands of entries while its statements run in the database.
 */
export async function prepareAudit(actor: AuditActor, events: AuditEvent[]): Promise<PreparedAudit> {
  const at = new Date();
  const entries: PreparedAudit['entries'] = [];
  for (let i = 0; i < events.length; i += SLICE) {
    for (const e of events.slice(i, i + SLICE)) {
      const entry = prepareOne(at, actor, e);
      entries.push({ ...entry, csv: csvOf(entry.fields) });
    }
    await new Promise(setImmediate);
  }
  return { entries };
}

/**
 * How entries are written: their time (default now), and the `session` that runs the transaction, to write many with
 * COPY.
 */
export type RecordOptions = { at?: Date; session?: Pick<Session, 'copyIn'> };

/**
 * Appends `events` to the audit log inside the transaction `trx`: they commit with the work or not at
 * all. No lock is taken and no hash computed here: a trigger lists each new entry as unsealed, and
 * the sealing job (seal.ts) chains committed entries in order shortly after. Given the `session`
 * that runs `trx`, many events are written with COPY (reconciliation records tens of thousands at
 * once), and they may come prepared (see prepareAudit).
 */
export async function recordAudit(
  trx: Transaction<Database>,
  actor: AuditActor,
  events: AuditEvent[] | PreparedAudit,
  { at = new Date(), session }: RecordOptions = {},
): Promise<void> {
  const { entries } = Array.isArray(events) ? { entries: events.map((e) => prepareOne(at, actor, e)) } : events;
  if (entries.length === 0) return;
  if (entries.length > 1 && session) {
    const text = `${entries.map((r) => r.csv ?? csvOf(r.fields)).join('\n')}\n`;
    await session.copyIn(`copy audit_log (${COLUMNS.join(', ')}) from stdin with (format csv)`, text);
  } else {
    const rows = entries.map((r) => r.fields);
    if (rows.length === 1)
      await trx
        .insertInto('audit_log')
        .values({ ...rows[0]!, detail: JSON.stringify(rows[0]!.detail) })
        .execute();
    else await insertMany(trx, 'audit_log', rows);
  }
}

export { verifyAuditChain, type ChainReport } from './verify.js';
