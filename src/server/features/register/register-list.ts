/** The register on a day as the command line reads it: every person listed is audited, as on the web. */
import { recordAudit } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import { registerOn } from './register.queries.js';

/** One person in the register: identity number, entry reason and since when. */
export type RegisterListEntry = { personalIdentityNumber: string; reason: string; since: string };

/**
 * Who was in the register of `municipalityId` on `day`, read and audited (one `list` entry per
 * person, by no staff member, `via` saying where) in one transaction.
 */
export async function listRegisterAudited(
  db: Db,
  municipalityId: string,
  day: string,
  via: 'cli',
): Promise<RegisterListEntry[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await registerOn(trx, municipalityId, day);
    if (rows.length) {
      await recordAudit(
        trx,
        { id: null, municipalityId, ip: null },
        rows.map((row) => ({
          action: 'list' as const,
          entity: 'register',
          personId: row.person_id,
          detail: { asOf: day, via },
        })),
      );
    }
    return rows.map((r) => ({ personalIdentityNumber: r.pnr.trim(), reason: r.entry_reason, since: r.entered_on }));
  });
}

/**
 * Audits that a reconciliation's result, which names persons by identity number, was printed on the
 * command line (the web audits reading a reconciliation job's result the same way, as one entry).
 */
export async function auditReconciliationShown(
  db: Db,
  municipalityId: string,
  asOf: string,
  apply: boolean,
  persons: number,
): Promise<void> {
  if (persons === 0) return;
  await db
    .transaction()
    .execute((trx) =>
      recordAudit(trx, { id: null, municipalityId, ip: null }, [
        { action: 'read', entity: 'reconciliation', detail: { asOf, apply, persons, via: 'cli' } },
      ]),
    );
}
