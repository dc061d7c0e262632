/**
 * Text messages left unsent. A message is committed as 'stored' before the gateway is called; if
 * the process stops before the outcome is recorded, it would stay 'stored' for ever. Such messages
 * are failed with reason 'not_sent' so the outbox shows them and staff can send a new one. None is
 * resent on its own: the gateway may have taken it just before the stop.
 */
import { sql } from 'kysely';
import { recordAudit } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';

/** A gateway message still 'stored' after this long was abandoned: the gateway call gives up after 10 s. */
export const UNSENT_AFTER_SECONDS = 120;

/**
 * Fails the gateway's messages stored more than `olderThanSeconds` ago (0 when no other process can
 * be sending them), audited as a status change without an actor. Returns how many.
 */
export async function failUnsentSms(db: Db, olderThanSeconds = UNSENT_AFTER_SECONDS): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('sms_messages')
      .set({ status: 'failed', failure_reason: 'not_sent', status_at: sql`now()` })
      .where('provider', '=', 'gateway')
      .where('status', '=', 'stored')
      .where('created_at', '<', sql<Date>`now() - make_interval(secs => ${olderThanSeconds})`)
      .returning(['id', 'person_id', 'municipality_id'])
      .execute();
    for (const r of rows)
      await recordAudit(trx, { id: null, municipalityId: r.municipality_id, ip: null }, [
        {
          action: 'update',
          entity: 'sms',
          entityId: r.id,
          personId: r.person_id,
          detail: { status: 'failed', failure: 'not_sent' },
        },
      ]);
    return rows.length;
  });
}
