/**
 * Where e-mail goes. Two implementations of one interface, as for text messages: the built-in outbox,
 * which only stores the message in Lotsa (table email_messages) for the contact person to pass on and
 * sends nothing (the default, and what tests use), and an SMTP client (nodemailer) for the server
 * configured with `LOTSA_SMTP_*`. A provider reports a failure as its outcome rather than throwing, so
 * the caller can record it on the stored message.
 */
import nodemailer from 'nodemailer';
import type { EmailFailure } from '../../db/types.js';
import type { SmtpConfig } from '../../env.js';

/** An e-mail to send. */
export type OutgoingEmail = { to: string; subject: string; text: string };
/** What the provider made of it: kept in the outbox, taken by the SMTP server (its id), or not taken (and why). */
export type SentEmail =
  | { providerId: string | null; status: 'stored' | 'sent' }
  | { providerId: null; status: 'failed'; reason: EmailFailure };

/** Sends e-mail. */
export interface EmailProvider {
  readonly name: 'outbox' | 'smtp';
  send(email: OutgoingEmail): Promise<SentEmail>;
}

/** The built-in outbox: the message is stored in Lotsa and nothing leaves the server. */
export const emailOutboxProvider: EmailProvider = {
  name: 'outbox',
  send: async () => ({ providerId: null, status: 'stored' }),
};

const TIMEOUT_MS = 10_000;

/**
 * Why nodemailer's error means the message was not taken: an answer from the server refusing it (an SMTP
 * reply code, failed authentication, a refused address) is 'refused'; anything else (no connection, a
 * timeout, a broken TLS handshake or connection) is 'no_answer', for which the server may still have
 * taken the message.
 */
export function smtpFailure(err: unknown): EmailFailure {
  const e = err as { responseCode?: unknown; code?: unknown } | null;
  if (typeof e?.responseCode === 'number') return 'refused';
  return e?.code === 'EAUTH' || e?.code === 'EENVELOPE' || e?.code === 'EMESSAGE' ? 'refused' : 'no_answer';
}

/**
 * A client for the configured SMTP server: one connection per message (a code now and then needs no
 * pool), within 10 s for each step. Plain text only; the sender is `config.from`.
 */
export function smtpProvider(config: SmtpConfig): EmailProvider {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.tls === 'tls',
    requireTLS: config.tls === 'starttls',
    ignoreTLS: config.tls === 'none',
    auth: config.auth ? { user: config.auth.user, pass: config.auth.password } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  return {
    name: 'smtp',
    async send(email) {
      try {
        const info = await transport.sendMail({
          from: config.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
        });
        if (info.rejected.length > 0 || info.accepted.length === 0)
          return { providerId: null, status: 'failed', reason: 'refused' };
        return { providerId: info.messageId ?? null, status: 'sent' };
      } catch (err) {
        return { providerId: null, status: 'failed', reason: smtpFailure(err) };
      }
    },
  };
}

/** An e-mail address worth sending to: one @, something either side, a dot in the domain; null otherwise. */
export function emailAddress(raw: string | null | undefined): string | null {
  const v = raw?.trim().toLowerCase();
  return v && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? v : null;
}
