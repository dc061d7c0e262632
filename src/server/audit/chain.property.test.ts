import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connection.js';
import { withSession } from '../db/session.js';
import { createTestDatabase } from '../testing/database.js';
import { recordAudit, type AuditActor, type AuditEvent } from './audit.js';
import { verifyAuditChain } from './verify.js';
import { sealAudit } from './seal.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

/** A uuid with each letter upper- or lower-case at random. */
const anyCaseUuid = fc
  .tuple(fc.uuid(), fc.nat())
  .map(([u, bits]) => [...u].map((c, i) => ((bits >> (i % 30)) & 1 ? c.toUpperCase() : c)).join(''));
/**
 * Text of any kind: any code point, composed graphemes, and the characters that need care (NUL, lone surrogates, CSV
 * quoting).
 */
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({
    unit: fc.constantFrom('\u0000', '\ud800', '\udfff', '"', ',', '\n', '\r', '\\', '\\.', 'å', '\u{1f431}', ' '),
  }),
);
const anyValue = fc.oneof(
  fc.jsonValue(),
  anyText,
  fc.date(),
  fc.constantFrom(undefined, NaN, Infinity, -0, 1e21, 5e-324, Number.MAX_VALUE, 0.1 + 0.2, 2 ** 64),
  fc.array(fc.oneof(anyText, fc.constant(undefined), fc.double())),
  fc.sparseArray(fc.integer(), { maxLength: 5 }),
);
const event: fc.Arbitrary<AuditEvent> = fc.record({
  action: fc.constantFrom('read', 'list', 'create', 'update', 'export'),
  // Any stored text, not only today's words: the chain must hold for what an older version wrote.
  entity: anyText as fc.Arbitrary<AuditEvent['entity']>,
  entityId: fc.option(fc.oneof(anyCaseUuid, anyText)),
  personId: fc.option(anyCaseUuid),
  detail: fc.dictionary(anyText, anyValue, { maxKeys: 6 }),
});
const actor: fc.Arbitrary<AuditActor> = fc.record({
  id: fc.option(anyCaseUuid),
  municipalityId: fc.option(anyCaseUuid),
  ip: fc.option(anyText),
});
const at = fc.date({ min: new Date('1970-01-01'), max: new Date('2200-01-01'), noInvalidDate: true });

/** Records `events` one call each, in one multi-row insert, or with COPY. */
async function write(how: 'one by one' | 'insert' | 'copy', who: AuditActor, events: AuditEvent[], when: Date) {
  await withSession(handle, (session) =>
    session.db.transaction().execute(async (trx) => {
      if (how === 'one by one') for (const e of events) await recordAudit(trx, who, [e], { at: when });
      else await recordAudit(trx, who, events, { at: when, session: how === 'copy' ? session : undefined });
    }),
  );
}

describe('the audit chain, for any entries', () => {
  it('verifies after entries with ids in any case, any Unicode and any JSON are written by every path', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('one by one', 'insert', 'copy' as const),
        actor,
        fc.array(event, { minLength: 1, maxLength: 6 }),
        at,
        async (how, who, events, when) => {
          await write(how, who, events, when);
          expect(await sealAudit(handle.db)).toBe(events.length);
          const report = await verifyAuditChain(handle.db);
          expect(report.broken).toEqual([]);
          expect(report.unsealed).toBe(0);
        },
      ),
      { numRuns: 40 },
    );
    const stored = await handle.db.selectFrom('audit_log').select(['person_id', 'actor_id']).execute();
    for (const row of stored) for (const id of [row.person_id, row.actor_id]) if (id) expect(id).toBe(id.toLowerCase());
  });
});
