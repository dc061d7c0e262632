/**
 * Text messages to young people (or their guardians) from the municipality's template, which holds
 * no sensitive data. A message is stored (with its audit entry) and committed before the provider is
 * called, so the call holds no connection or lock; a second short transaction records what the
 * provider made of it and, unless it failed, the attempt on the contact ladder. A failed message stays
 * in the outbox; one left 'stored' by a process that stopped is failed by `failUnsentMessages`. A retry
 * with the same Idempotency-Key sends nothing twice. A message only kept in Lotsa's outbox (no
 * gateway) has reached no one: it becomes an attempt when staff confirm they sent it by other means
 * (`confirmSmsSent`). The meeting time, the one free text, is checked like a template. Replies "STOP" opt the number
 * out, and delivery
 * reports update the message's status.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import { roleCan } from '../../../core/roles.js';
import type { smsBody, SmsMessage } from '../../../core/outreach-schemas.js';
import { contactDetailsVisibleTo, personManagedBy, requireCapability } from '../../access/access.js';
import { recordAudit } from '../../audit/audit.js';
import { readBasis } from '../../audit/basis.js';
import type { Db } from '../../db/connection.js';
import type { SmsFailure } from '../../db/types.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { audited, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { insertAttempt } from '../contact/contact.service.js';
import { loadOutreachSettings } from '../contact/outreach-settings.js';
import { selectPerson } from '../persons/persons.queries.js';
import { fill, templateFor } from '../letters/templates.js';
import { internationalNumber, type SentSms, type SmsProvider } from './sms-provider.js';
import { containsIdentityNumber, containsPlaceholder } from '../../../core/message-safety.js';

type SmsRow = {
  id: string;
  person_id: string;
  recipient: 'young_person' | 'guardian';
  to_number: string;
  body: string;
  provider: 'outbox' | 'gateway';
  status: SmsMessage['status'];
  failure_reason: SmsFailure | null;
  created_at: Date;
  attempt_recorded_at: Date | null;
  sender: string;
  given_name?: string;
  family_name?: string;
  contact_visible?: boolean;
  purpose?: 'outreach' | 'sign_in_code';
};
const smsColumns = [
  'sms_messages.id',
  'person_id',
  'recipient',
  'to_number',
  'body',
  'provider',
  'status',
  'failure_reason',
  'sms_messages.created_at',
  'attempt_recorded_at',
  'purpose',
] as const;

function present(r: SmsRow, showNumber: boolean): SmsMessage {
  return {
    id: r.id,
    personId: r.person_id,
    person: r.given_name ? { givenName: r.given_name, familyName: r.family_name! } : null,
    recipient: r.recipient,
    to: showNumber ? r.to_number : null,
    body: r.body,
    provider: r.provider,
    status: r.status,
    failure: r.failure_reason,
    sentBy: r.sender,
    createdAt: r.created_at.toISOString(),
    // A young person's sign-in code is passed on, never a contact attempt to confirm.
    awaitingConfirmation:
      r.provider === 'outbox' && r.status === 'stored' && !r.attempt_recorded_at && r.purpose !== 'sign_in_code',
  };
}

/**
 * The message an actor already sent to `personId` under `key` (audited; 404 once the person is out
 * of reach; 400 when the key went to another person; 502 again when it never reached the gateway,
 * as the first answer was: it is not sent again).
 */
function sentBefore(ctx: RequestContext, personId: string, key: string): Promise<SmsMessage | undefined> {
  return audited(ctx, async ({ trx, audit }) => {
    const row = await trx
      .selectFrom('sms_messages')
      .select([...smsColumns, sql<string>`${ctx.actor.name}`.as('sender')])
      .where('sent_by', '=', ctx.actor.id)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.person_id !== personId)
      throw new AppError('idempotency_key_reused', [{ field: 'Idempotency-Key', code: 'invalid' }]);
    const person = await selectPerson(trx, ctx.actor, row.person_id);
    if (!person || !person.managed) throw new AppError('not_found');
    if (row.failure_reason) throw new AppError('sms_failed');
    await audit({
      action: 'read',
      entity: 'sms',
      entityId: row.id,
      personId: row.person_id,
      detail: { replay: true, ...readBasis(person) },
    });
    return present(row, Boolean(person.contact_visible));
  });
}

/** The first transaction: access, number, opt-out and template checked, the message stored as 'stored' and audited. */
function storeSms(
  ctx: RequestContext,
  providerName: SmsProvider['name'],
  personId: string,
  input: z.infer<typeof smsBody>,
  key: string | null,
): Promise<SmsMessage> {
  if (input.meetingTime && (containsIdentityNumber(input.meetingTime) || containsPlaceholder(input.meetingTime)))
    throw new AppError('sms_text_unsafe', [{ field: 'meetingTime', code: 'invalid' }]);
  return audited(ctx, async (t) => {
    const person = await selectPerson(t.trx, ctx.actor, personId);
    if (!person || !person.managed) throw new AppError('not_found');
    if (!person.contact_visible) throw new AppError('contact_details_hidden');
    const guardian =
      input.recipient === 'guardian'
        ? await t.trx
            .selectFrom('guardians')
            .select('phone')
            .where('person_id', '=', personId)
            .where('phone', 'is not', null)
            .orderBy('position')
            .executeTakeFirst()
        : undefined;
    const to = internationalNumber(input.recipient === 'guardian' ? guardian?.phone : person.phone);
    if (!to) throw new AppError('no_phone_number');
    const optedOut = await t.trx
      .selectFrom('sms_opt_outs')
      .select('number')
      .where('municipality_id', '=', person.municipality_id)
      .where('number', '=', to)
      .executeTakeFirst();
    if (optedOut) throw new AppError('sms_opted_out');
    const [{ settings }, template, contact] = await Promise.all([
      loadOutreachSettings(t.trx, person.municipality_id),
      templateFor(t.trx, { municipalityId: person.municipality_id, kind: 'sms', language: 'sv' }),
      t.trx
        .selectFrom('cases')
        .innerJoin('staff', 'staff.id', 'cases.contact_person_id')
        .select('staff.name')
        .where('cases.person_id', '=', personId)
        .where('cases.closed_at', 'is', null)
        .executeTakeFirst(),
    ]);
    const text = fill(template.body, {
      contactPerson: contact?.name ?? ctx.actor.name,
      phone: settings.contactPhone,
      meetingTime: input.meetingTime ?? '',
    });
    // The key is unique per sender: a simultaneous retry with it fails here, then finds this one.
    const row = await t.trx
      .insertInto('sms_messages')
      .values({
        municipality_id: person.municipality_id,
        person_id: personId,
        recipient: input.recipient,
        to_number: to,
        body: text,
        provider: providerName,
        status: 'stored',
        sent_by: ctx.actor.id,
        idempotency_key: key,
      })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    await t.audit({
      action: 'create',
      entity: 'sms',
      entityId: row.id,
      personId,
      detail: { recipient: input.recipient, provider: providerName },
    });
    return present(
      {
        id: row.id,
        person_id: personId,
        recipient: input.recipient,
        to_number: to,
        body: text,
        provider: providerName,
        status: 'stored',
        failure_reason: null,
        created_at: row.created_at,
        attempt_recorded_at: null,
        sender: ctx.actor.name,
        given_name: person.given_name,
        family_name: person.family_name,
      },
      true,
    );
  });
}

/** The attempt a sent text message stands for: channel sms, outcome sent (a reply is recorded as its own attempt). */
const smsAttempt = (recipient: SmsMessage['recipient'], at: Date) => ({
  channel: 'sms' as const,
  outcome: 'sent' as const,
  at: at.toISOString(),
  occupation: undefined,
  agreed: null,
  note: recipient === 'guardian' ? 'guardian' : null,
});

/**
 * The second transaction, after the provider: its outcome on the message, audited as a status change,
 * and, only when the gateway accepted it, the attempt on the contact ladder. A message kept in the
 * outbox, or one that failed, has left for no one and is no attempt to reach anyone.
 */
function recordOutcome(ctx: RequestContext, stored: SmsMessage, sent: SentSms): Promise<SmsMessage> {
  const failure = sent.status === 'failed' ? sent.reason : null;
  return audited(ctx, async (t) => {
    if (sent.status !== stored.status) {
      await t.trx
        .updateTable('sms_messages')
        .set({ provider_id: sent.providerId, status: sent.status, failure_reason: failure, status_at: sql`now()` })
        .where('id', '=', stored.id)
        .execute();
      await t.audit({
        action: 'update',
        entity: 'sms',
        entityId: stored.id,
        personId: stored.personId,
        detail: failure ? { status: sent.status, failure } : { status: sent.status },
      });
    }
    let recorded = false;
    if (sent.status === 'sent') {
      try {
        await insertAttempt(ctx, t, {
          personId: stored.personId,
          attempt: smsAttempt(stored.recipient, ctx.clock.now()),
        });
        await t.trx
          .updateTable('sms_messages')
          .set({ attempt_recorded_at: sql`now()` })
          .where('id', '=', stored.id)
          .execute();
        recorded = true;
      } catch (err) {
        // The person went out of reach while the gateway worked (checked before anything is written):
        // the message has left all the same, so its status is kept, without an attempt.
        if (!(err instanceof AppError && err.code === 'not_found')) throw err;
      }
    }
    return {
      ...stored,
      status: sent.status,
      failure,
      awaitingConfirmation: sent.status === 'stored' && stored.provider === 'outbox' && !recorded,
    };
  });
}

/**
 * POST /sms/{id}/confirm-sent: staff confirm that a message kept in the outbox was sent by other
 * means (from a work phone); only then is it recorded as an attempt. The sender or a coordinator may
 * confirm, once (409 `sms_not_awaiting_confirmation` after that, or for a gateway or failed message);
 * 404 for a message or person out of reach.
 */
export async function confirmSmsSent(ctx: RequestContext, smsId: string): Promise<SmsMessage> {
  requireCapability(ctx.actor, 'outreach.work');
  return audited(ctx, async (t) => {
    let mine = t.trx
      .selectFrom('sms_messages')
      .select(['id', 'person_id'])
      .where('id', '=', smsId)
      .where('municipality_id', '=', ctx.actor.municipalityId);
    if (!roleCan(ctx.actor.role, 'outreach.configure')) mine = mine.where('sent_by', '=', ctx.actor.id);
    const found = await mine.executeTakeFirst();
    if (!found) throw new AppError('not_found');
    // Claimed in one statement, so two confirmations at once record one attempt.
    const claimed = await t.trx
      .updateTable('sms_messages')
      .set({ status: 'sent', status_at: sql`now()`, attempt_recorded_at: sql`now()`, confirmed_by: ctx.actor.id })
      .where('id', '=', smsId)
      .where('provider', '=', 'outbox')
      .where('status', '=', 'stored')
      .where('purpose', '=', 'outreach')
      .where('attempt_recorded_at', 'is', null)
      .returning('recipient')
      .executeTakeFirst();
    if (!claimed) {
      const person = await selectPerson(t.trx, ctx.actor, found.person_id);
      throw new AppError(person?.managed ? 'sms_not_awaiting_confirmation' : 'not_found');
    }
    await insertAttempt(ctx, t, { personId: found.person_id, attempt: smsAttempt(claimed.recipient, ctx.clock.now()) });
    await t.audit({
      action: 'update',
      entity: 'sms',
      entityId: smsId,
      personId: found.person_id,
      detail: { status: 'sent', confirmedByStaff: true },
    });
    const row = await t.trx
      .selectFrom('sms_messages')
      .innerJoin('staff', 'staff.id', 'sms_messages.sent_by')
      .innerJoin('persons', 'persons.id', 'sms_messages.person_id')
      .select([...smsColumns, 'staff.name as sender', 'persons.given_name', 'persons.family_name'])
      .select((eb) => sql<boolean>`${contactDetailsVisibleTo(ctx.actor)(eb)}`.as('contact_visible'))
      .where('sms_messages.id', '=', smsId)
      .executeTakeFirstOrThrow();
    return present(row, Boolean(row.contact_visible));
  });
}

/** POST /persons/{id}/sms: texts the young person or their first guardian with a phone number. */
export async function sendSms(
  ctx: RequestContext,
  provider: SmsProvider,
  statusUrl: string | null,
  personId: string,
  input: z.infer<typeof smsBody>,
  key: string | null,
): Promise<SmsMessage> {
  requireCapability(ctx.actor, 'outreach.work');
  if (key) {
    const prior = await sentBefore(ctx, personId, key);
    if (prior) return prior;
  }
  let stored: SmsMessage;
  try {
    stored = await storeSms(ctx, provider.name, personId, input, key);
  } catch (err) {
    if (key && isUniqueViolation(err)) {
      const prior = await sentBefore(ctx, personId, key);
      if (prior) return prior;
    }
    throw err;
  }
  // Committed: the gateway call (up to its timeout) holds no connection or lock, and the message is on record whatever
  // it answers.
  const sent = await provider.send({ to: stored.to!, text: stored.body, statusUrl });
  const message = await recordOutcome(ctx, stored, sent);
  if (message.failure) throw new AppError('sms_failed');
  return message;
}

/**
 * The outbox: a coordinator sees the municipality's messages, others those they sent. Numbers only where contact
 * details are visible.
 */
export async function listSms(ctx: RequestContext): Promise<SmsMessage[]> {
  requireCapability(ctx.actor, 'outreach.work');
  return audited(ctx, async ({ trx, audit }) => {
    let q = trx
      .selectFrom('sms_messages')
      .innerJoin('persons', 'persons.id', 'sms_messages.person_id')
      .innerJoin('staff', 'staff.id', 'sms_messages.sent_by')
      .select([...smsColumns, 'staff.name as sender', 'persons.given_name', 'persons.family_name'])
      .select((eb) => sql<boolean>`${contactDetailsVisibleTo(ctx.actor)(eb)}`.as('contact_visible'))
      .where('sms_messages.municipality_id', '=', ctx.actor.municipalityId)
      .where(personManagedBy(ctx.actor));
    if (!roleCan(ctx.actor.role, 'outreach.configure')) q = q.where('sms_messages.sent_by', '=', ctx.actor.id);
    // A sign-in code is shown only to the contact person it was sent from, and only from the outbox,
    // where they pass it on: no one else (a coordinator included) may read a code and sign in with it.
    q = q.where((eb) =>
      eb.or([
        eb('sms_messages.purpose', '!=', 'sign_in_code'),
        eb.and([eb('sms_messages.provider', '=', 'outbox'), eb('sms_messages.sent_by', '=', ctx.actor.id)]),
      ]),
    );
    const rows = await q.orderBy('sms_messages.created_at', 'desc').limit(200).execute();
    await audit(
      ...rows.map((r) => ({ action: 'list' as const, entity: 'sms' as const, entityId: r.id, personId: r.person_id })),
    );
    return rows.map((r) => present(r, Boolean(r.contact_visible)));
  });
}

/** A delivery report from the gateway: the message's new status, audited. */
export async function recordDeliveryStatus(
  db: Db,
  providerId: string,
  status: string,
  ip: string | null,
): Promise<void> {
  const next = status === 'delivered' ? 'delivered' : status === 'failed' ? 'failed' : null;
  if (!next) return;
  await db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('sms_messages')
      .set({ status: next, status_at: sql`now()` })
      .where('provider', '=', 'gateway')
      .where('provider_id', '=', providerId)
      .returning(['id', 'person_id', 'municipality_id'])
      .execute();
    for (const r of rows)
      await recordAudit(trx, { id: null, municipalityId: r.municipality_id, ip }, [
        { action: 'update', entity: 'sms', entityId: r.id, personId: r.person_id, detail: { status: next } },
      ]);
  });
}

/** An incoming text: "STOP" opts the number out in every municipality that has texted it. */
export async function recordIncoming(db: Db, from: string, message: string, ip: string | null): Promise<void> {
  const number = internationalNumber(from);
  if (!number || message.trim().toUpperCase() !== 'STOP') return;
  await db.transaction().execute(async (trx) => {
    const senders = await trx
      .selectFrom('sms_messages')
      .select('municipality_id')
      .distinct()
      .where('to_number', '=', number)
      .execute();
    for (const { municipality_id } of senders) {
      await trx
        .insertInto('sms_opt_outs')
        .values({ municipality_id, number })
        .onConflict((oc) => oc.columns(['municipality_id', 'number']).doNothing())
        .execute();
      await recordAudit(trx, { id: null, municipalityId: municipality_id, ip }, [
        { action: 'update', entity: 'sms_opt_out', detail: { via: 'reply' } },
      ]);
    }
  });
}
