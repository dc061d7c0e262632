import { createServer, type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, testIdentityNumber } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { codeWorkSettled, CodeNotSent, requestCode } from '../me/me-sign-in.service.js';
import { smtpProvider } from './email-provider.js';
import { failUnsentMessages } from '../sms/sms.jobs.js';

type Received = { from: string; to: string[]; data: string };

/**
 * A small SMTP server on localhost (smtp-server, by nodemailer's authors) that keeps what it receives.
 * `refuseOnce` refuses the next recipient with 550, as a real server refuses an unknown mailbox.
 */
async function startSmtp() {
  const received: Received[] = [];
  let refuse = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!refuse) return callback();
      refuse = false;
      const err = Object.assign(new Error('No such mailbox'), { responseCode: 550 });
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    refuseOnce: () => (refuse = true),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port on localhost that nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

const config = (port: number) => ({
  host: '127.0.0.1',
  port,
  tls: 'none' as const,
  auth: null,
  from: 'lotsa@partille.example.se',
});

describe('the SMTP provider against an SMTP server on localhost', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());

  it('hands the message to the server, from the configured sender, and keeps its message id', async () => {
    const sent = await smtpProvider(config(smtp.port)).send({
      to: 'ylva@example.se',
      subject: 'Din kod till Lotsa',
      text: 'Din kod till Lotsa: 123456.',
    });
    expect(sent).toMatchObject({ status: 'sent', providerId: expect.stringMatching(/^<.+@.+>$/) });
    const mail = smtp.received.at(-1)!;
    expect(mail.from).toBe('lotsa@partille.example.se');
    expect(mail.to).toEqual(['ylva@example.se']);
    expect(mail.data).toContain('Subject: Din kod till Lotsa');
    expect(mail.data).toContain('123456');
  });

  it('reports a refused recipient as refused and an unreachable server as no answer, without throwing', async () => {
    smtp.refuseOnce();
    const email = { to: 'nobody@example.se', subject: 's', text: 't' };
    expect(await smtpProvider(config(smtp.port)).send(email)).toEqual({
      providerId: null,
      status: 'failed',
      reason: 'refused',
    });
    expect(await smtpProvider(config(await closedPort())).send(email)).toEqual({
      providerId: null,
      status: 'failed',
      reason: 'no_answer',
    });
  });
});

describe('sign-in codes by e-mail through a configured SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let h: Harness;
  let address = 0;
  const freshIp = () => `10.7.0.${++address}`;

  beforeAll(async () => {
    smtp = await startSmtp();
    h = await createHarness({
      LOTSA_SMTP_HOST: '127.0.0.1',
      LOTSA_SMTP_PORT: String(smtp.port),
      LOTSA_SMTP_TLS: 'none',
      LOTSA_SMTP_FROM: 'lotsa@partille.example.se',
    });
  });
  afterAll(async () => {
    await h.close();
    await smtp.close();
  });

  /** A young person with a live case, the youth coach as contact person, and codes by e-mail. */
  async function youngPerson(email: string) {
    const pin = testIdentityNumber();
    const personId = (
      await h.as.coordinator.request(
        'POST',
        '/api/v1/persons',
        buildPerson({ personalIdentityNumber: pin, email, signInCodeChannel: 'email' }),
      )
    ).json().id as string;
    const kase = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}`)).json().case;
    await h.as.coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, {
      contactPersonId: h.as.youth_coach.staffId,
      version: kase.version,
    });
    return { pin, personId };
  }
  const ask = async (pin: string, ip: string) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/code',
      payload: { personalIdentityNumber: pin },
      remoteAddress: ip,
    });
    await codeWorkSettled();
    return res;
  };
  const message = (personId: string) =>
    h.db
      .selectFrom('email_messages')
      .select(['provider', 'provider_id', 'status', 'failure_reason', 'body', 'to_address'])
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();

  it('mails the code to the young person, keeps it masked in Lotsa, lists it to no one, and it signs in', async () => {
    const { pin, personId } = await youngPerson('ylva.smtp@example.se');
    const ip = freshIp();
    expect((await ask(pin, ip)).statusCode).toBe(202);
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(['ylva.smtp@example.se']);
    const code = /Din kod till Lotsa: (\d{6})/.exec(mail.data)![1]!;
    const stored = await message(personId);
    expect(stored).toMatchObject({ provider: 'smtp', status: 'sent', failure_reason: null });
    expect(stored.provider_id).toMatch(/^<.+>$/);
    expect(stored.body).not.toContain(code);
    expect(stored.body).toContain('••••••');
    const outbox = (await h.as.youth_coach.request('GET', '/api/v1/email')).json() as { personId: string }[];
    expect(outbox.filter((m) => m.personId === personId)).toEqual([]);
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/login',
      payload: { personalIdentityNumber: pin, code },
      remoteAddress: ip,
    });
    expect(login.statusCode).toBe(200);
  });

  it('records a refused e-mail as failed with why, and hands the failure to the logger', async () => {
    const { pin, personId } = await youngPerson('ylva.refused@example.se');
    smtp.refuseOnce();
    const errors: unknown[] = [];
    await requestCode(
      h.db,
      { now: () => new Date() },
      {
        sms: { name: 'outbox', send: async () => ({ providerId: null, status: 'stored' }) },
        email: smtpProvider(config(smtp.port)),
      },
      pin,
      freshIp(),
      (err) => errors.push(err),
    );
    await codeWorkSettled();
    expect(await message(personId)).toMatchObject({ provider: 'smtp', status: 'failed', failure_reason: 'refused' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(CodeNotSent);
    expect((errors[0] as Error).message).toMatch(/smtp answered refused/);
    expect((errors[0] as Error).message).not.toContain('ylva.refused');
  });

  it('fails an e-mail left unsent by a stopped process as not sent, audited, and leaves the outbox alone', async () => {
    const { personId } = await youngPerson('ylva.stopped@example.se');
    const row = {
      municipality_id: h.municipalityId,
      person_id: personId,
      to_address: 'ylva.stopped@example.se',
      subject: 's',
      body: 'b',
      status: 'stored' as const,
      sent_by: h.as.youth_coach.staffId,
      purpose: 'sign_in_code' as const,
      created_at: new Date(Date.now() - 10 * 60_000),
    };
    const [stuck, kept] = await Promise.all(
      (['smtp', 'outbox'] as const).map((provider) =>
        h.db
          .insertInto('email_messages')
          .values({ ...row, provider })
          .returning('id')
          .executeTakeFirstOrThrow(),
      ),
    );
    expect(await failUnsentMessages(h.db, 'email')).toBe(1);
    const rows = await h.db
      .selectFrom('email_messages')
      .select(['id', 'status', 'failure_reason'])
      .where('person_id', '=', personId)
      .execute();
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: stuck!.id, status: 'failed', failure_reason: 'not_sent' },
        { id: kept!.id, status: 'stored', failure_reason: null },
      ]),
    );
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'detail'])
      .where('entity_id', '=', stuck!.id)
      .execute();
    expect(audit).toEqual([
      { action: 'update', entity: 'sign_in_code', detail: { channel: 'email', status: 'failed', failure: 'not_sent' } },
    ]);
  });
});
