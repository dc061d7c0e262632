/**
 * Where text messages go. Two implementations of one interface: the built-in outbox, which only
 * stores them for viewing in Lotsa (the default, and what tests use), and a client for a Swedish
 * SMS gateway that takes a form-encoded POST with basic auth (46elks-style: from, to, message,
 * whendelivered) and answers JSON with the message's id. A provider reports a failure as its
 * outcome rather than throwing, so the caller can record it on the stored message.
 */
import type { SmsFailure } from '../../db/types.js';
import type { SmsGatewayConfig } from '../../env.js';

/** A message to send; `statusUrl` is where the gateway reports delivery. */
export type OutgoingSms = { to: string; text: string; statusUrl: string | null };
/** What the provider made of it: kept in the outbox, taken by the gateway, or not taken (and why). */
export type SentSms =
  { providerId: string | null; status: 'stored' | 'sent' } | { providerId: null; status: 'failed'; reason: SmsFailure };

/** Sends text messages. */
export interface SmsProvider {
  readonly name: 'outbox' | 'gateway';
  send(sms: OutgoingSms): Promise<SentSms>;
}

/** The built-in outbox: the message is stored in Lotsa and nothing leaves the server. */
export const outboxProvider: SmsProvider = {
  name: 'outbox',
  send: async () => ({ providerId: null, status: 'stored' }),
};

const TIMEOUT_MS = 10_000;

/**
 * A client for the configured HTTP gateway. A refusal or an unreadable answer is failure 'refused';
 * no answer within the timeout (or a broken connection) is 'no_answer', for which the gateway may
 * still have sent the message.
 */
export function gatewayProvider(config: SmsGatewayConfig): SmsProvider {
  const authorization = `Basic ${Buffer.from(`${config.user}:${config.password}`).toString('base64')}`;
  return {
    name: 'gateway',
    async send(sms) {
      const form = new URLSearchParams({ from: config.sender, to: sms.to, message: sms.text });
      if (sms.statusUrl) form.set('whendelivered', sms.statusUrl);
      let response: Response;
      try {
        response = await fetch(config.url, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
          body: form,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch {
        return { providerId: null, status: 'failed', reason: 'no_answer' };
      }
      const body = (await response.json().catch(() => null)) as { id?: unknown } | null;
      if (!response.ok || typeof body?.id !== 'string')
        return { providerId: null, status: 'failed', reason: 'refused' };
      return { providerId: body.id, status: 'sent' };
    },
  };
}

/** A Swedish mobile number in international form (+46…), or null when it cannot be one. */
export function internationalNumber(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let n = raw.replace(/[\s()-]/g, '');
  if (n.startsWith('00')) n = `+${n.slice(2)}`;
  else if (n.startsWith('0')) n = `+46${n.slice(1)}`;
  return /^\+\d{8,15}$/.test(n) ? n : null;
}
