/**
 * The e-mail outbox as staff read it: the sign-in codes sent by e-mail from the reader, for them to
 * pass on to the young person. Only the contact person a code was sent from sees it (no coordinator),
 * and only for a person they still work on; the address only when they may see contact details. Only
 * the outbox's messages: one sent through the SMTP server reached the young person and is listed to no one.
 */
import { sql } from 'kysely';
import type { EmailOutboxMessage } from '../../../core/email-schemas.js';
import { contactDetailsVisibleTo, personManagedBy, requireCapability } from '../../access/access.js';
import { audited, type RequestContext } from '../../http/context.js';

/** GET /email: the reader's own e-mail outbox, newest first, each listing audited. */
export async function listEmail(ctx: RequestContext): Promise<EmailOutboxMessage[]> {
  requireCapability(ctx.actor, 'outreach.work');
  return audited(ctx, async ({ trx, audit }) => {
    const rows = await trx
      .selectFrom('email_messages')
      .innerJoin('persons', 'persons.id', 'email_messages.person_id')
      .select([
        'email_messages.id',
        'email_messages.person_id',
        'email_messages.to_address',
        'email_messages.subject',
        'email_messages.body',
        'email_messages.status',
        'email_messages.created_at',
        'persons.given_name',
        'persons.family_name',
      ])
      .select((eb) => sql<boolean>`${contactDetailsVisibleTo(ctx.actor)(eb)}`.as('contact_visible'))
      .where('email_messages.municipality_id', '=', ctx.actor.municipalityId)
      .where('email_messages.sent_by', '=', ctx.actor.id)
      // As for text messages: a code sent through the SMTP server is masked and listed to no one.
      .where('email_messages.provider', '=', 'outbox')
      .where(personManagedBy(ctx.actor))
      .orderBy('email_messages.created_at', 'desc')
      .limit(200)
      .execute();
    await audit(
      ...rows.map((r) => ({
        action: 'list' as const,
        entity: 'sign_in_code' as const,
        entityId: r.id,
        personId: r.person_id,
        detail: { channel: 'email' },
      })),
    );
    return rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      person: { givenName: r.given_name, familyName: r.family_name },
      to: r.contact_visible ? r.to_address : null,
      subject: r.subject,
      body: r.body,
      status: r.status,
      createdAt: r.created_at.toISOString(),
    }));
  });
}
