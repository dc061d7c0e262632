/**
 * Text messages and e-mail left unsent. A message is committed as 'stored' before the gateway (or SMTP
 * server) is called; if the process stops before the outcome is recorded, it would stay 'stored' for
 * ever. Such messages are failed with reason 'not_sent' so the outbox shows them and staff can send a
 * new one. None is resent on its own: the gateway may have taken it just before the stop, and a
 * mailed sign-in code is short-lived anyway (the young person asks for a new one).
 */
import { sql } from 'kysely';
import { recordAudit } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';

/** A gateway message still 'stored' after this long was abandoned: the gateway call gives up after 10 s. */
export const UNSENT_AFTER_SECONDS = 120;

/** Where each channel keeps its messages, which provider sends them for real, and how the audit log names them. */
const CHANNELS = {
  sms: { table: 'sms_messages', provider: 'gateway', entity: 'sms', detail: {} },
  email: { table: 'email_messages', provider: 'smtp', entity: 'sign_in_code', detail: { channel: 'email' } },
} as const;

/**
 * Fails the messages of `channel` that its real provider (the SMS gateway, the SMTP server) was to send, stored more
 * than `olderThanSeconds` ago (0 when no other process can be sending them), audited as a status change without an
 * actor. Returns how many.
 */
export async function failUnsentMessages(
  db: Db,
  channel: keyof typeof CHANNELS,
  olderThanSeconds = UNSENT_AFTER_SECONDS,
): Promise<number> {
  const { table, provider, entity, detail } = CHANNELS[channel];
  return db.transaction().execute(async (trx) => {
    // The two tables have the same columns for this; Kysely types one at a time.
    const rows = await trx
      .updateTable(table as 'sms_messages')
      .set({ status: 'failed', failure_reason: 'not_sent', status_at: sql`now()` })
      .where('provider', '=', provider as 'gateway')
      .where('status', '=', 'stored')
      .where('created_at', '<', sql<Date>`now() - make_interval(secs => ${olderThanSeconds})`)
      .returning(['id', 'person_id', 'municipality_id'])
      .execute();
    for (const r of rows)
      await recordAudit(trx, { id: null, municipalityId: r.municipality_id, ip: null }, [
        {
          action: 'update',
          entity,
          entityId: r.id,
          personId: r.person_id,
          detail: { ...detail, status: 'failed', failure: 'not_sent' },
        },
      ]);
    return rows.length;
  });
}
