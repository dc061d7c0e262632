/**
 * Where e-mail goes. Today one implementation: the built-in outbox, which only stores the message in
 * Lotsa (table email_messages) for the contact person to pass on; nothing leaves the server. A sending
 * provider (SMTP or an HTTP mail service) would implement the same interface and be chosen by
 * configuration, as the SMS gateway is. A provider reports a failure as its outcome rather than throwing.
 */

/** An e-mail to send. */
export type OutgoingEmail = { to: string; subject: string; text: string };
/** What the provider made of it: kept in the outbox, taken by a mail service, or not taken. */
export type SentEmail = { status: 'stored' | 'sent' | 'failed' };

/** Sends e-mail. */
export interface EmailProvider {
  readonly name: 'outbox';
  send(email: OutgoingEmail): Promise<SentEmail>;
}

/** The built-in outbox: the message is stored in Lotsa and nothing leaves the server. */
export const emailOutboxProvider: EmailProvider = {
  name: 'outbox',
  send: async () => ({ status: 'stored' }),
};

/** An e-mail address worth sending to: one @, something either side, a dot in the domain; null otherwise. */
export function emailAddress(raw: string | null | undefined): string | null {
  const v = raw?.trim().toLowerCase();
  return v && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? v : null;
}
