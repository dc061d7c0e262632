/**
 * The young person's sign-in with a one-time code. Asking for a code always answers the same (202),
 * whether or not the identity number is known, has a live case or a phone: a code is made only for a
 * young person with a live case (open, or closed within the follow-up period) and a contact detail the
 * young person gave themselves on the channel the contact person chose for them: a mobile number by SMS
 * (the default; the outbox, from the case's contact person, who passes it on, or the gateway when
 * configured) or an e-mail address by e-mail (the e-mail outbox, or the SMTP server when configured).
 * A message that leaves Lotsa is stored with the code masked; a provider's failure is recorded on the
 * message and logged. A detail given by someone else (a
 * guardian, a school, a register) or of unknown origin gets no code, protected identity or not. A code
 * has 6 digits, lives 10 minutes, works once, and dies after a few wrong tries. Requests and failures
 * are counted per person (by a hash of the identity number, so an unknown number is stored as nothing
 * readable) and per address, over a window read from the app's clock. A right code opens a young
 * person's session whose method says 'sms_code' or 'email_code'; an eID sign-in would open the same session with
 * method 'eid', and nothing else changes.
 */
import { createHash, randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { ME_CODE } from '../../../core/me-schemas.js';
import { FOLLOW_UP_MONTHS } from '../../access/access.js';
import { recordAudit } from '../../audit/audit.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/app-error.js';
import { createYoungPersonSession } from '../../http/sessions.js';
import { throttleAddress } from '../auth/throttle.js';
import { internationalNumber, type SmsProvider } from '../sms/sms-provider.js';
import { emailAddress, type EmailProvider } from '../email/email-provider.js';

/** The providers a code may go through: the contact person chooses per young person which is used. */
export type CodeProviders = { sms: SmsProvider; email: EmailProvider };

/** The limits over a sliding window of `windowMinutes`. */
export const ME_THROTTLE = {
  windowMinutes: 15,
  /** Codes sent to one person in the window; more requests are answered the same but send nothing. */
  codesPerPerson: 3,
  /** Code requests from one address in the window (over every number) before it is refused (429). */
  requestsPerAddress: 10,
  /** Wrong codes for one person from one address before that pair is refused (429). */
  failuresPerPair: 5,
  /** Wrong codes from one address over every number before it is refused (429). */
  failuresPerAddress: 20,
  /** Wrong codes for one person (from any address) in 24 hours after which no code of theirs is taken. */
  failuresPerPersonPerDay: 10,
  /** Wrong tries after which a code stops working. */
  triesPerCode: 5,
};

const account = (pin: string) => createHash('sha256').update(`lotsa-young-person:${pin}`).digest('hex');
const codeHash = (codeId: string, code: string) => createHash('sha256').update(`${codeId}:${code}`).digest('hex');

type Counts = { pair: number; account: number; address: number };

async function counts(
  db: Db,
  kind: 'code_request' | 'failed_login',
  who: string,
  ip: string | null,
  now: Date,
): Promise<Counts> {
  const since = new Date(now.getTime() - ME_THROTTLE.windowMinutes * 60_000);
  const row = await db
    .selectFrom('young_person_sign_in_attempts')
    .select([
      sql<number>`count(*) filter (where account = ${who} and ip is not distinct from ${ip})::int`.as('pair'),
      sql<number>`count(*) filter (where account = ${who})::int`.as('account'),
      sql<number>`count(*) filter (where ip is not distinct from ${ip})::int`.as('address'),
    ])
    .where('kind', '=', kind)
    .where('at', '>', since)
    .where((eb) => eb.or([eb('account', '=', who), ip === null ? eb('ip', 'is', null) : eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  return row;
}

/** The young person with a live case and this identity number: the newest live case decides the municipality. */
function eligiblePerson(db: Db, pin: string) {
  return db
    .selectFrom('persons')
    .innerJoin('cases', 'cases.person_id', 'persons.id')
    .select([
      'persons.id',
      'persons.municipality_id',
      'persons.phone',
      'persons.phone_given_by',
      'persons.email',
      'persons.email_given_by',
      'persons.sign_in_code_channel',
      'cases.contact_person_id',
    ])
    .where('persons.personal_identity_number', '=', pin)
    .where((c) =>
      c.or([
        c('cases.closed_at', 'is', null),
        c('cases.closed_at', '>', sql<Date>`now() - make_interval(months => ${FOLLOW_UP_MONTHS})`),
      ]),
    )
    .orderBy('cases.opened_at', 'desc')
    .executeTakeFirst();
}

/** Code work started after the answer and not yet done; see `codeWorkSettled`. */
const pending = new Set<Promise<void>>();

/** Resolves when all code work started so far has finished (for tests and shutdown). */
export async function codeWorkSettled(): Promise<void> {
  while (pending.size) await Promise.allSettled([...pending]);
}

/**
 * POST /me/code: counts the request (throws 429 only for an address asking too often, over every
 * number) and returns at once, the same for every number. Whether the number may sign in, and the
 * code and its message, are worked out after the answer, so its timing tells nothing either;
 * `onError` gets what fails there.
 */
export async function requestCode(
  db: Db,
  clock: Clock,
  providers: CodeProviders,
  pin: string,
  from: string | null,
  onError: (err: unknown) => void,
): Promise<void> {
  const now = clock.now();
  const ip = throttleAddress(from);
  const who = account(pin);
  const seen = await counts(db, 'code_request', who, ip, now);
  if (seen.address >= ME_THROTTLE.requestsPerAddress)
    throw new AppError('too_many_code_attempts', [], {}, { retryAfterSeconds: ME_THROTTLE.windowMinutes * 60 });
  await db
    .insertInto('young_person_sign_in_attempts')
    .values({ kind: 'code_request', account: who, ip, at: now })
    .execute();
  await db
    .deleteFrom('young_person_sign_in_attempts')
    .where('at', '<', new Date(now.getTime() - 24 * 3600_000))
    .execute();
  // Spent and expired codes are of no use after a day: only their hashes were ever kept.
  await db
    .deleteFrom('young_person_codes')
    .where('expires_at', '<', new Date(now.getTime() - 24 * 3600_000))
    .execute();
  if (seen.account >= ME_THROTTLE.codesPerPerson) return;
  const work = sendCode(db, providers, pin, from, ip, now).catch(onError);
  pending.add(work);
  void work.finally(() => pending.delete(work));
}

/** Makes and sends a code when the number belongs to a young person who may sign in; nothing otherwise. */
async function sendCode(
  db: Db,
  providers: CodeProviders,
  pin: string,
  from: string | null,
  ip: string | null,
  now: Date,
): Promise<void> {
  const person = await eligiblePerson(db, pin);
  // Sent from the contact person's outbox: without one, nobody would pass an outbox code on.
  if (!person || !person.contact_person_id) return;
  const sentBy = person.contact_person_id;
  // Only to a detail the young person gave themselves, on the chosen channel: never to a guardian's or a register's.
  const byEmail = person.sign_in_code_channel === 'email';
  const to = byEmail
    ? person.email_given_by === 'young_person'
      ? emailAddress(person.email)
      : null
    : person.phone_given_by === 'young_person'
      ? internationalNumber(person.phone)
      : null;
  if (!to) return;
  const provider = byEmail ? providers.email : providers.sms;
  const code = String(randomInt(0, 10 ** ME_CODE.digits)).padStart(ME_CODE.digits, '0');
  const stored = await db.transaction().execute(async (trx) => {
    // A new code replaces any earlier one still unused.
    await trx
      .updateTable('young_person_codes')
      .set({ used_at: now })
      .where('person_id', '=', person.id)
      .where('used_at', 'is', null)
      .execute();
    const row = await trx
      .insertInto('young_person_codes')
      .values({
        municipality_id: person.municipality_id,
        person_id: person.id,
        code_hash: 'pending',
        created_at: now,
        expires_at: new Date(now.getTime() + ME_CODE.validMinutes * 60_000),
        ip,
        channel: byEmail ? 'email' : 'sms',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('young_person_codes')
      .set({ code_hash: codeHash(row.id, code) })
      .where('id', '=', row.id)
      .execute();
    const message = byEmail
      ? await trx
          .insertInto('email_messages')
          .values({
            municipality_id: person.municipality_id,
            person_id: person.id,
            to_address: to,
            subject: CODE_SUBJECT,
            body: codeText(providers.email.name === 'outbox' ? code : MASKED_CODE),
            provider: providers.email.name,
            status: 'stored',
            sent_by: sentBy,
            purpose: 'sign_in_code',
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto('sms_messages')
          .values({
            municipality_id: person.municipality_id,
            person_id: person.id,
            recipient: 'young_person',
            to_number: to,
            body: codeText(providers.sms.name === 'outbox' ? code : MASKED_CODE),
            provider: providers.sms.name,
            status: 'stored',
            sent_by: sentBy,
            purpose: 'sign_in_code',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      { id: null, municipalityId: person.municipality_id, ip: from },
      [
        {
          action: 'create',
          entity: 'sign_in_code',
          entityId: row.id,
          personId: person.id,
          detail: { channel: byEmail ? 'email' : 'sms', provider: provider.name },
        },
      ],
      { at: now },
    );
    return message;
  });
  const sent = byEmail
    ? await providers.email.send({ to, subject: CODE_SUBJECT, text: codeText(code) })
    : await providers.sms.send({ to, text: codeText(code), statusUrl: null });
  const outcome = {
    provider_id: sent.providerId,
    status: sent.status,
    failure_reason: sent.status === 'failed' ? sent.reason : null,
    status_at: sql<Date>`now()`,
  };
  if (byEmail) await db.updateTable('email_messages').set(outcome).where('id', '=', stored.id).execute();
  else await db.updateTable('sms_messages').set(outcome).where('id', '=', stored.id).execute();
  // Recorded on the message first; then logged. Nothing is resent on its own: the young person asks for a new code.
  if (sent.status === 'failed') throw new CodeNotSent(provider.name, sent.reason, stored.id);
}

/** A code the provider did not take; its message is marked failed. Logged, with no code or address in it. */
export class CodeNotSent extends Error {
  constructor(
    readonly provider: string,
    readonly reason: string,
    readonly messageId: string,
  ) {
    super(`The sign-in code was not sent: ${provider} answered ${reason} (message ${messageId})`);
    this.name = 'CodeNotSent';
  }
}

/** The subject of a code e-mail, in Swedish and English. */
export const CODE_SUBJECT = 'Din kod till Lotsa / Your Lotsa code';

/** What a gateway-sent code message keeps in place of the code: nothing in the database holds a sent code. */
export const MASKED_CODE = '••••••';

/**
 * The text of a code message: the code and how long it lives, in Swedish and English, nothing else about the person.
 */
export function codeText(code: string): string {
  return (
    `Din kod till Lotsa: ${code}. Den gäller i ${ME_CODE.validMinutes} minuter. / Your Lotsa code: ${code}. It ` +
    `works for ${ME_CODE.validMinutes} minutes.`
  );
}

/**
 * POST /me/login: a right, live, unused code of the young person opens a session (the code is spent);
 * anything else is 401 `invalid_code`, the same for an unknown number. Throws 429 when the pair or
 * the address has failed too often in the window.
 */
export async function signInWithCode(
  db: Db,
  clock: Clock,
  pin: string,
  code: string,
  from: string | null,
): Promise<{ token: string; csrfToken: string }> {
  const now = clock.now();
  const ip = throttleAddress(from);
  const who = account(pin);
  const failures = await counts(db, 'failed_login', who, ip, now);
  if (failures.pair >= ME_THROTTLE.failuresPerPair || failures.address >= ME_THROTTLE.failuresPerAddress) {
    throw new AppError('too_many_code_attempts', [], {}, { retryAfterSeconds: ME_THROTTLE.windowMinutes * 60 });
  }
  // Over the day, across addresses: a person with too many wrong codes gets the answer of a wrong code, known or not.
  const day = await db
    .selectFrom('young_person_sign_in_attempts')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('kind', '=', 'failed_login')
    .where('account', '=', who)
    .where('at', '>', new Date(now.getTime() - 24 * 3600_000))
    .executeTakeFirstOrThrow();
  const person = day.n >= ME_THROTTLE.failuresPerPersonPerDay ? undefined : await eligiblePerson(db, pin);
  const opened = await db.transaction().execute(async (trx) => {
    const live = person
      ? await trx
          .selectFrom('young_person_codes')
          .select(['id', 'code_hash', 'failed_attempts', 'channel'])
          .where('person_id', '=', person.id)
          .where('used_at', 'is', null)
          .where('expires_at', '>', now)
          .orderBy('created_at', 'desc')
          .forUpdate()
          .executeTakeFirst()
      : undefined;
    if (!person || !live || live.code_hash !== codeHash(live.id, code)) {
      if (live) {
        const spent = live.failed_attempts + 1 >= ME_THROTTLE.triesPerCode;
        await trx
          .updateTable('young_person_codes')
          .set({ failed_attempts: live.failed_attempts + 1, ...(spent ? { used_at: now } : {}) })
          .where('id', '=', live.id)
          .execute();
      }
      await trx
        .insertInto('young_person_sign_in_attempts')
        .values({ kind: 'failed_login', account: who, ip, at: now })
        .execute();
      if (person)
        await recordAudit(
          trx,
          { id: person.id, municipalityId: person.municipality_id, ip: from },
          [{ action: 'sign_in_failed', entity: 'young_person', entityId: person.id, personId: person.id }],
          { at: now },
        );
      return null;
    }
    await trx.updateTable('young_person_codes').set({ used_at: now }).where('id', '=', live.id).execute();
    const method = live.channel === 'email' ? ('email_code' as const) : ('sms_code' as const);
    await trx
      .deleteFrom('young_person_sign_in_attempts')
      .where('kind', '=', 'failed_login')
      .where('account', '=', who)
      .where(sql<boolean>`ip is not distinct from ${ip}`)
      .execute();
    await recordAudit(
      trx,
      { id: person.id, municipalityId: person.municipality_id, ip: from },
      [
        {
          action: 'sign_in',
          entity: 'young_person',
          entityId: person.id,
          personId: person.id,
          detail: { method },
        },
      ],
      { at: now },
    );
    return { person, method };
  });
  if (!opened) throw new AppError('invalid_code');
  return createYoungPersonSession(
    db,
    { personId: opened.person.id, municipalityId: opened.person.municipality_id },
    opened.method,
    from,
  );
}
