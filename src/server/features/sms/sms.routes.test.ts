import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../../core/errors.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { personInRegister } from '../../testing/outreach.js';
import { failUnsentMessages } from './sms.jobs.js';

/**
 * A small SMS gateway on localhost that records what it receives and answers like a real one.
 * `while` runs while a request is being handled, before the answer, so a test can look at the
 * database as the gateway sees it; `failOnce` refuses the next message, `dropOnce` hangs up on it.
 */
function startGateway() {
  const received: {
    authorization: string | undefined;
    contentType: string | undefined;
    form: Record<string, string>;
  }[] = [];
  let next: 'answer' | 'refuse' | 'drop' = 'answer';
  const hooks: { while: ((form: Record<string, string>) => Promise<void>) | null } = { while: null };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      const form = Object.fromEntries(new URLSearchParams(body));
      received.push({ authorization: req.headers.authorization, contentType: req.headers['content-type'], form });
      const id = `s${received.length}abc`;
      await hooks.while?.(form);
      const mode = next;
      next = 'answer';
      if (mode === 'refuse') res.writeHead(403, { 'content-type': 'text/plain' }).end('Not enough credits');
      else if (mode === 'drop') req.socket.destroy();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id, status: 'created' }));
    });
  });
  return new Promise<{
    url: string;
    received: typeof received;
    hooks: typeof hooks;
    failOnce: () => void;
    dropOnce: () => void;
    close: () => Promise<void>;
  }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/a1/sms`,
        received,
        hooks,
        failOnce: () => (next = 'refuse'),
        dropOnce: () => (next = 'drop'),
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

describe('text messages to the built-in outbox', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('answers 401 without a session, 403 for roles without outreach work, 404 for a person out of reach', async () => {
    const { personId } = await personInRegister(h);
    expect((await h.anonymous('POST', `/api/v1/persons/${personId}/sms`, {})).statusCode).toBe(401);
    expect((await h.as.manager.request('POST', `/api/v1/persons/${personId}/sms`, {})).statusCode).toBe(403);
    expect((await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/sms`, {})).statusCode).toBe(404);
    expect((await h.anonymous('GET', '/api/v1/sms')).statusCode).toBe(401);
  });

  it('stores the message from the template without the name; no attempt while it sits in the outbox', async () => {
    const { personId } = await personInRegister(h, {
      contactPerson: h.as.youth_coach,
      person: { givenName: 'Sixten', phone: '070-174 06 05' },
    });
    const res = await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/sms`, {});
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      provider: 'outbox',
      status: 'stored',
      to: '+46701740605',
      recipient: 'young_person',
      awaitingConfirmation: true,
    });
    expect(res.json().body).toContain('Test youth_coach');
    expect(res.json().body).not.toContain('Sixten');
    const outbox = (await h.as.youth_coach.request('GET', '/api/v1/sms')).json();
    expect(outbox[0]).toMatchObject({ id: res.json().id, person: { givenName: 'Sixten' }, awaitingConfirmation: true });
    expect((await h.as.secondCoach.request('GET', '/api/v1/sms')).json()).toEqual([]);
    const outreach = (await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/outreach`)).json();
    expect(outreach.attempts).toEqual([]);
    expect(await h.db.selectFrom('contact_attempts').select('id').where('person_id', '=', personId).execute()).toEqual(
      [],
    );
  });

  it('records the attempt (sms, sent) once staff confirm an outbox message went by other means, once', async () => {
    const { personId } = await personInRegister(h, { contactPerson: h.as.youth_coach });
    const sms = (await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/sms`, {})).json();
    expect((await h.anonymous('POST', `/api/v1/sms/${sms.id}/confirm-sent`)).statusCode).toBe(401);
    expect((await h.as.manager.request('POST', `/api/v1/sms/${sms.id}/confirm-sent`)).statusCode).toBe(403);
    // Another coach neither sent it nor coordinates: as if it did not exist.
    expect((await h.as.secondCoach.request('POST', `/api/v1/sms/${sms.id}/confirm-sent`)).statusCode).toBe(404);
    expect((await h.as.otherCoordinator.request('POST', `/api/v1/sms/${sms.id}/confirm-sent`)).statusCode).toBe(404);
    const awaiting = (await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/outreach`)).json().awaitingSms;
    expect(awaiting).toEqual([{ id: sms.id, recipient: 'young_person', createdAt: sms.createdAt }]);
    const [a, b] = await Promise.all([
      h.as.youth_coach.request('POST', `/api/v1/sms/${sms.id}/confirm-sent`),
      h.as.youth_coach.request('POST', `/api/v1/sms/${sms.id}/confirm-sent`),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const confirmed = [a, b].find((r) => r.statusCode === 200)!.json();
    expect(confirmed).toMatchObject({ id: sms.id, status: 'sent', awaitingConfirmation: false });
    expect([a, b].find((r) => r.statusCode === 409)!.json().code).toBe('sms_not_awaiting_confirmation');
    const outreach = (await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/outreach`)).json();
    expect(outreach.attempts).toHaveLength(1);
    expect(outreach.attempts[0]).toMatchObject({ channel: 'sms', outcome: 'sent' });
    expect(outreach.awaitingSms).toEqual([]);
    expect(outreach.firstReachedAt).toBeNull();
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity', '=', 'sms')
      .where('entity_id', '=', sms.id)
      .where('action', '=', 'update')
      .execute();
    expect(audit).toEqual([{ action: 'update', detail: { status: 'sent', confirmedByStaff: true } }]);
  });

  it('lets a coordinator confirm a coach’s outbox message', async () => {
    const { personId } = await personInRegister(h, { contactPerson: h.as.youth_coach });
    const sms = (await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/sms`, {})).json();
    expect((await h.as.coordinator.request('POST', `/api/v1/sms/${sms.id}/confirm-sent`)).statusCode).toBe(200);
  });

  it('refuses a meeting time that holds an identity number, with spaces or hyphens too, or a placeholder', async () => {
    const { personId } = await personInRegister(h);
    for (const meetingTime of ['121212-1212', '121212 1212', '19121212 1212', '12 12 12 - 1212', '{{name}}']) {
      const res = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/sms`, { meetingTime });
      expect(res.statusCode, meetingTime).toBe(400);
      expect(res.json()).toMatchObject({ code: 'sms_text_unsafe', errors: [{ field: 'meetingTime' }] });
    }
    expect(await h.db.selectFrom('sms_messages').select('id').where('person_id', '=', personId).execute()).toEqual([]);
    expect(
      (
        await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/sms`, {
          meetingTime: 'tisdag 8 december kl. 14.00',
        })
      ).statusCode,
    ).toBe(201);
  });

  it('refuses an SMS template with an identity number written with a space', async () => {
    const res = await h.as.coordinator.request('PUT', '/api/v1/message-templates/sms/sv', {
      heading: '',
      body: 'Hej! Gäller 121212 1212. Ring {{phone}}.',
      version: 0,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('template_unsafe');
  });

  it('texts the guardian when asked', async () => {
    const { personId } = await personInRegister(h);
    const res = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/sms`, { recipient: 'guardian' });
    expect(res.json()).toMatchObject({ recipient: 'guardian', to: '+46701740606' });
  });

  it('sends once for a retried submit with the same Idempotency-Key', async () => {
    const { personId } = await personInRegister(h);
    const headers = { 'idempotency-key': 'sms-retry-0001' };
    const [a, b] = await Promise.all([
      h.as.coordinator.request('POST', `/api/v1/persons/${personId}/sms`, {}, headers),
      h.as.coordinator.request('POST', `/api/v1/persons/${personId}/sms`, {}, headers),
    ]);
    expect(a.json().id).toBe(b.json().id);
    expect(await h.db.selectFrom('sms_messages').select('id').where('person_id', '=', personId).execute()).toHaveLength(
      1,
    );
  });

  it("refuses a key already used for another person, and never answers with that person's message", async () => {
    const [first, second] = [await personInRegister(h), await personInRegister(h)];
    const headers = { 'idempotency-key': 'sms-reused-0001' };
    const sent = (await h.as.coordinator.request('POST', `/api/v1/persons/${first.personId}/sms`, {}, headers)).json();
    const res = await h.as.coordinator.request('POST', `/api/v1/persons/${second.personId}/sms`, {}, headers);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'idempotency_key_reused', errors: [{ field: 'Idempotency-Key' }] });
    expect(res.body).not.toContain(sent.id);
    expect(
      await h.db.selectFrom('sms_messages').select('id').where('person_id', '=', second.personId).execute(),
    ).toEqual([]);
  });

  it('refuses a protected identity without a grant, and a person without a number', async () => {
    const secret = await personInRegister(h, { contactPerson: h.as.youth_coach, person: { protectedIdentity: true } });
    expect((await h.as.youth_coach.request('POST', `/api/v1/persons/${secret.personId}/sms`, {})).json().code).toBe(
      'contact_details_hidden',
    );
    const none = await personInRegister(h, { person: { phone: null } });
    const res = await h.as.coordinator.request('POST', `/api/v1/persons/${none.personId}/sms`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('no_phone_number');
  });

  it('has no callbacks without a gateway', async () => {
    expect(
      (await h.anonymous('POST', '/api/v1/sms/incoming?token=anything', { from: '+46701740605', message: 'STOP' }))
        .statusCode,
    ).toBe(404);
  });
});

describe('text messages through a real HTTP gateway on localhost', () => {
  let h: Harness;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  const token = 'callback-token-0123456789abcdef';
  beforeAll(async () => {
    gateway = await startGateway();
    h = await createHarness({
      LOTSA_SMS_GATEWAY_URL: gateway.url,
      LOTSA_SMS_USER: 'u123',
      LOTSA_SMS_PASSWORD: 'hemligt',
      LOTSA_SMS_SENDER: 'Ungdom',
      LOTSA_SMS_CALLBACK_TOKEN: token,
      LOTSA_PUBLIC_URL: 'https://lotsa.partille.se',
    });
  });
  afterAll(async () => {
    await h.close();
    await gateway.close();
  });

  const form = (fields: Record<string, string>) => ({
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

  it('posts a form with basic auth and a delivery callback, then takes the delivery report', async () => {
    const { personId } = await personInRegister(h);
    const res = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/sms`, {});
    expect(res.json()).toMatchObject({ provider: 'gateway', status: 'sent' });
    const sent = gateway.received.at(-1)!;
    expect(sent.authorization).toBe(`Basic ${Buffer.from('u123:hemligt').toString('base64')}`);
    expect(sent.contentType).toBe('application/x-www-form-urlencoded');
    expect(sent.form).toMatchObject({
      from: 'Ungdom',
      to: '+46701740605',
      whendelivered: `https://lotsa.partille.se/api/v1/sms/status?token=${token}`,
    });
    const outreach = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/outreach`)).json();
    expect(outreach.attempts.map((a: { channel: string; outcome: string }) => [a.channel, a.outcome])).toEqual([
      ['sms', 'sent'],
    ]);
    expect(res.json().awaitingConfirmation).toBe(false);
    expect((await h.as.coordinator.request('POST', `/api/v1/sms/${res.json().id}/confirm-sent`)).json().code).toBe(
      'sms_not_awaiting_confirmation',
    );
    const providerId = `s${gateway.received.length}abc`;

    const forged = await h.app.inject({
      method: 'POST',
      url: '/api/v1/sms/status?token=wrong',
      ...form({ id: providerId, status: 'delivered' }),
    });
    expect(forged.statusCode).toBe(404);
    const report = await h.app.inject({
      method: 'POST',
      url: `/api/v1/sms/status?token=${token}`,
      ...form({ id: providerId, status: 'delivered', delivered: '2026-11-25T10:00:00Z' }),
    });
    expect(report.statusCode).toBe(204);
    expect((await h.as.coordinator.request('GET', '/api/v1/sms')).json()[0]).toMatchObject({
      id: res.json().id,
      status: 'delivered',
    });
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('entity', '=', 'sms')
      .where('entity_id', '=', res.json().id)
      .where('action', '=', 'update')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { actor_id: h.as.coordinator.staffId, detail: { status: 'sent' } },
      { actor_id: null, detail: { status: 'delivered' } },
    ]);
  });

  it('calls the gateway after the message is committed, with no transaction open', async () => {
    const { personId } = await personInRegister(h, { person: { phone: '0701740611' } });
    const seen: { status: string; failure_reason: string | null }[] = [];
    let openTransactions: number | null = null;
    gateway.hooks.while = async () => {
      // On PGlite, one connection: an open transaction would hold it, and this query would wait for the gateway's own
      // answer.
      seen.push(
        ...(await h.db
          .selectFrom('sms_messages')
          .select(['status', 'failure_reason'])
          .where('person_id', '=', personId)
          .execute()),
      );
      if (h.handle.kind === 'postgresql') {
        const { rows } = await sql<{
          n: number;
        }>`select count(*)::int as n from pg_stat_activity where datname = current_database()
          and state like 'idle in transaction%'`.execute(h.db);
        openTransactions = rows[0]!.n;
      }
    };
    try {
      const res = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/sms`, {});
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ status: 'sent', failure: null });
    } finally {
      gateway.hooks.while = null;
    }
    expect(seen).toEqual([{ status: 'stored', failure_reason: null }]);
    if (h.handle.kind === 'postgresql') expect(openTransactions).toBe(0);
  });

  it('keeps a refused message in the outbox as failed, answers 502 in the caller’s language, no attempt', async () => {
    const { personId } = await personInRegister(h);
    gateway.failOnce();
    const res = await h.as.coordinator.request(
      'POST',
      `/api/v1/persons/${personId}/sms`,
      {},
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(502);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'sms_failed', detail: ERRORS.sms_failed.en });
    const [message] = await h.db
      .selectFrom('sms_messages')
      .select(['id', 'status', 'failure_reason', 'provider_id'])
      .where('person_id', '=', personId)
      .execute();
    expect(message).toMatchObject({ status: 'failed', failure_reason: 'refused', provider_id: null });
    const outbox = (await h.as.coordinator.request('GET', '/api/v1/sms')).json();
    expect(outbox.find((m: { id: string }) => m.id === message!.id)).toMatchObject({
      status: 'failed',
      failure: 'refused',
    });
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity', '=', 'sms')
      .where('entity_id', '=', message!.id)
      .where('action', 'in', ['create', 'update'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'create', detail: { recipient: 'young_person', provider: 'gateway' } },
      { action: 'update', detail: { status: 'failed', failure: 'refused' } },
    ]);
    expect((await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/outreach`)).json().attempts).toEqual([]);
  });

  it('marks a message failed when the gateway hangs up without an answer', async () => {
    const { personId } = await personInRegister(h);
    gateway.dropOnce();
    const res = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/sms`, {});
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ code: 'sms_failed', detail: ERRORS.sms_failed.sv });
    expect(
      await h.db
        .selectFrom('sms_messages')
        .select(['status', 'failure_reason'])
        .where('person_id', '=', personId)
        .execute(),
    ).toEqual([{ status: 'failed', failure_reason: 'no_answer' }]);
  });

  it('sends once for retries with one Idempotency-Key, also racing, and never resends one that failed', async () => {
    const { personId } = await personInRegister(h);
    const before = gateway.received.length;
    const headers = { 'idempotency-key': 'sms-gateway-retry-0001' };
    const send = () => h.as.coordinator.request('POST', `/api/v1/persons/${personId}/sms`, {}, headers);
    const [a, b] = await Promise.all([send(), send()]);
    const c = await send();
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 201]);
    expect(new Set([a.json().id, b.json().id, c.json().id]).size).toBe(1);
    expect(c.json()).toMatchObject({ status: 'sent' });
    expect(gateway.received.length - before).toBe(1);

    const failing = { 'idempotency-key': 'sms-gateway-retry-0002' };
    gateway.failOnce();
    expect((await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/sms`, {}, failing)).statusCode).toBe(
      502,
    );
    const again = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/sms`, {}, failing);
    expect(again.statusCode).toBe(502);
    expect(again.json().code).toBe('sms_failed');
    expect(gateway.received.length - before).toBe(2);
    expect(
      await h.db
        .selectFrom('sms_messages')
        .select('status')
        .where('person_id', '=', personId)
        .orderBy('created_at')
        .execute(),
    ).toEqual([{ status: 'sent' }, { status: 'failed' }]);
  });

  it('fails a message left unsent by a process that stopped, so staff see it and can send again', async () => {
    const { personId } = await personInRegister(h);
    const sent = (await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/sms`, {})).json();
    // As if the process died between storing the message and calling the gateway.
    await h.db
      .updateTable('sms_messages')
      .set({ status: 'stored', provider_id: null, created_at: sql`now() - interval '10 minutes'` })
      .where('id', '=', sent.id)
      .execute();
    // One still being sent, and one kept in the built-in outbox, where 'stored' is where a message ends.
    const message = {
      municipality_id: h.municipalityId,
      person_id: personId,
      recipient: 'young_person' as const,
      to_number: '+46701740605',
      body: 'x',
      status: 'stored' as const,
      sent_by: h.as.coordinator.staffId,
    };
    const [sending, kept] = await h.db
      .insertInto('sms_messages')
      .values([
        { ...message, provider: 'gateway' },
        { ...message, provider: 'outbox', created_at: sql`now() - interval '10 minutes'` },
      ])
      .returning('id')
      .execute();
    await failUnsentMessages(h.db, 'sms');
    const status = async (id: string) =>
      h.db
        .selectFrom('sms_messages')
        .select(['status', 'failure_reason'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    expect(await status(sent.id)).toEqual({ status: 'failed', failure_reason: 'not_sent' });
    expect(await status(sending!.id)).toEqual({ status: 'stored', failure_reason: null });
    expect(await status(kept!.id)).toEqual({ status: 'stored', failure_reason: null });
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('entity', '=', 'sms')
      .where('entity_id', '=', sent.id)
      .where('action', '=', 'update')
      .orderBy('id')
      .execute();
    expect(audit.at(-1)).toEqual({ actor_id: null, detail: { status: 'failed', failure: 'not_sent' } });
    expect(
      (await h.as.coordinator.request('GET', '/api/v1/sms')).json().find((m: { id: string }) => m.id === sent.id),
    ).toMatchObject({ status: 'failed', failure: 'not_sent' });
  });

  it('opts a number out when the young person replies STOP', async () => {
    const { personId } = await personInRegister(h, { person: { phone: '0701740607' } });
    expect((await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/sms`, {})).statusCode).toBe(201);
    const reply = await h.app.inject({
      method: 'POST',
      url: `/api/v1/sms/incoming?token=${token}`,
      ...form({ from: '+46701740607', to: 'Ungdom', message: ' stop ' }),
    });
    expect(reply.statusCode).toBe(204);
    const again = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/sms`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('sms_opted_out');
  });
});
