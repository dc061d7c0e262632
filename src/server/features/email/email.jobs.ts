/**
 * E-mail left unsent, as for text messages (sms.jobs.ts): a message is committed as 'stored' before the
 * SMTP server is called; if the process stops before the outcome is recorded, it would stay 'stored'
 * for ever. Such messages are failed with reason 'not_sent'. None is resent on its own: the server may
 * have taken it just before the stop, and a sign-in code is short-lived anyway (the young person asks
 * for a new one).
 */
import { sql } from 'kysely';
import { recordAudit } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import { UNSENT_AFTER_SECONDS } from '../sms/sms.jobs.js';

/**
 * Fails the SMTP server's messages stored more than `olderThanSeconds` ago (0 when no other process can
 * be sending them), audited as a status change without an actor. Returns how many.
 */
export async function failUnsentEmail(db: Db, olderThanSeconds = UNSENT_AFTER_SECONDS): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('email_messages')
      .set({ status: 'failed', failure_reason: 'not_sent', status_at: sql`now()` })
      .where('provider', '=', 'smtp')
      .where('status', '=', 'stored')
      .where('created_at', '<', sql<Date>`now() - make_interval(secs => ${olderThanSeconds})`)
      .returning(['id', 'person_id', 'municipality_id'])
      .execute();
    for (const r of rows)
      await recordAudit(trx, { id: null, municipalityId: r.municipality_id, ip: null }, [
        {
          action: 'update',
          entity: 'sign_in_code',
          entityId: r.id,
          personId: r.person_id,
          detail: { channel: 'email', status: 'failed', failure: 'not_sent' },
        },
      ]);
    return rows.length;
  });
}
