import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../clock.js';
import { buildPerson, testIdentityNumber } from '../../testing/factories.js';
import { createHarness, TEST_PASSWORD, type Harness } from '../../testing/harness.js';
import { insertStaff } from '../staff/staff.service.js';
import { codeWorkSettled, ME_THROTTLE } from './me-sign-in.service.js';

let h: Harness;
let units: Map<string, string>;
/** The app's clock, moved by the tests. */
let now = new Date('2026-12-10T09:00:00Z');
const clock: Clock = { now: () => new Date(now.getTime()) };
const later = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000);
};
let address = 0;
/** A fresh client address per test, so the address limits of one test do not reach the next. */
const freshIp = () => `10.1.0.${++address}`;

type YoungClient = {
  cookie: string;
  request: (method: 'GET' | 'POST', url: string, body?: unknown) => Promise<LightMyRequestResponse>;
};

/** A young person with a live case whose contact person is the youth coach; returns their number and ids. */
async function youngPerson(overrides: Record<string, unknown> = {}) {
  const pin = testIdentityNumber();
  const personId = (
    await h.as.coordinator.request(
      'POST',
      '/api/v1/persons',
      buildPerson({ personalIdentityNumber: pin, ...overrides }),
    )
  ).json().id as string;
  const kase = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}`)).json().case;
  expect(
    (
      await h.as.coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, {
        contactPersonId: h.as.youth_coach.staffId,
        version: kase.version,
      })
    ).statusCode,
  ).toBe(204);
  return { pin, personId, caseId: kase.id as string };
}

/** The code in the newest message of the contact person's outbox for `personId`. */
async function codeFromOutbox(personId: string): Promise<string> {
  const messages = (await h.as.youth_coach.request('GET', '/api/v1/sms')).json() as {
    personId: string;
    body: string;
    awaitingConfirmation: boolean;
  }[];
  const message = messages.find((m) => m.personId === personId);
  expect(message?.awaitingConfirmation).toBe(false);
  return /(\d{6})/.exec(message!.body)![1]!;
}

/** Asks for a code and waits for the work done after the answer (the code made and sent). */
const ask = async (pin: string, ip: string) => {
  const payload = { personalIdentityNumber: pin };
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/me/code', payload, remoteAddress: ip });
  await codeWorkSettled();
  return res;
};
const login = (pin: string, code: string, ip: string) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/me/login',
    payload: { personalIdentityNumber: pin, code },
    remoteAddress: ip,
  });

/** Signs the young person in with a code from the outbox. */
async function signInYoung(pin: string, personId: string): Promise<YoungClient> {
  const ip = freshIp();
  expect((await ask(pin, ip)).statusCode).toBe(202);
  const res = await login(pin, await codeFromOutbox(personId), ip);
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'lotsa_session')!.value;
  const csrf = res.json().csrfToken as string;
  return {
    cookie,
    request: (method, url, body) =>
      h.app.inject({
        method,
        url,
        payload: body as object | undefined,
        headers: { cookie: `lotsa_session=${cookie}`, 'x-csrf-token': csrf },
      }),
  };
}

beforeAll(async () => {
  h = await createHarness({}, { clock });
  units = new Map(
    (
      await h.db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', h.municipalityId).execute()
    ).map((u) => [u.name, u.id]),
  );
});
afterAll(() => h.close());

describe('signing in with a code', () => {
  it('answers 202 alike for a known, an unknown and a caseless number, sending a code only to the first', async () => {
    const { pin, personId } = await youngPerson();
    const unknown = testIdentityNumber();
    const ip = freshIp();
    // Only the codes these two requests sent: other tests of the file send codes too.
    const sentBefore = (await h.db.selectFrom('sms_messages').select('id').execute()).map((m) => m.id);
    const [known, notKnown] = [await ask(pin, ip), await ask(unknown, ip)];
    expect([known.statusCode, notKnown.statusCode]).toEqual([202, 202]);
    expect(known.body).toBe(notKnown.body);
    const codes = await h.db
      .selectFrom('sms_messages')
      .select(['person_id', 'purpose', 'to_number'])
      .where('purpose', '=', 'sign_in_code')
      .$if(sentBefore.length > 0, (q) => q.where('id', 'not in', sentBefore))
      .execute();
    expect(codes).toEqual([{ person_id: personId, purpose: 'sign_in_code', to_number: '+46701740605' }]);
    expect(await codeFromOutbox(personId)).toMatch(/^\d{6}$/);
  });

  it('opens a session with the right code, once; a wrong, a used code and an unknown number are one 401', async () => {
    const { pin, personId } = await youngPerson();
    const ip = freshIp();
    await ask(pin, ip);
    const code = await codeFromOutbox(personId);
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await login(pin, wrong, ip)).json().code).toBe('invalid_code');
    expect((await login(testIdentityNumber(), code, ip)).json().code).toBe('invalid_code');
    const ok = await login(pin, code, ip);
    expect(ok.statusCode).toBe(200);
    const again = await login(pin, code, ip);
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('invalid_code');
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'actor_id'])
      .where('person_id', '=', personId)
      .where('entity', 'in', ['young_person', 'sign_in_code'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => `${a.action} ${a.entity}`)).toEqual([
      'create sign_in_code',
      'sign_in_failed young_person',
      'sign_in young_person',
      'sign_in_failed young_person',
    ]);
  });

  it('refuses a code older than 10 minutes, by the app’s clock', async () => {
    const { pin, personId } = await youngPerson();
    const ip = freshIp();
    await ask(pin, ip);
    const code = await codeFromOutbox(personId);
    later(10);
    expect((await login(pin, code, ip)).statusCode).toBe(401);
    await ask(pin, ip);
    const fresh = await codeFromOutbox(personId);
    later(9);
    expect((await login(pin, fresh, ip)).statusCode).toBe(200);
  });

  it('sends at most three codes to a person in 15 minutes, and more again after', async () => {
    const { pin, personId } = await youngPerson();
    const ip = freshIp();
    for (let i = 0; i < ME_THROTTLE.codesPerPerson + 2; i++) expect((await ask(pin, ip)).statusCode).toBe(202);
    const count = async () =>
      (
        await h.db
          .selectFrom('sms_messages')
          .select('id')
          .where('person_id', '=', personId)
          .where('purpose', '=', 'sign_in_code')
          .execute()
      ).length;
    expect(await count()).toBe(ME_THROTTLE.codesPerPerson);
    later(ME_THROTTLE.windowMinutes + 1);
    await ask(pin, freshIp());
    expect(await count()).toBe(ME_THROTTLE.codesPerPerson + 1);
  });

  it('refuses an address that asks for too many codes, whatever the numbers', async () => {
    const ip = freshIp();
    for (let i = 0; i < ME_THROTTLE.requestsPerAddress; i++)
      expect((await ask(testIdentityNumber(), ip)).statusCode).toBe(202);
    const refused = await ask(testIdentityNumber(), ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
  });

  it('stops a code after five wrong tries and refuses the pair after five failures until the window ends', async () => {
    const { pin, personId } = await youngPerson();
    const ip = freshIp();
    await ask(pin, ip);
    const code = await codeFromOutbox(personId);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < ME_THROTTLE.failuresPerPair; i++) expect((await login(pin, wrong, ip)).statusCode).toBe(401);
    expect((await login(pin, code, ip)).statusCode).toBe(429);
    // From another address the pair's limit does not apply, but the code died after five wrong tries.
    expect((await login(pin, code, freshIp())).statusCode).toBe(401);
    later(ME_THROTTLE.windowMinutes + 1);
    await ask(pin, ip);
    expect((await login(pin, await codeFromOutbox(personId), ip)).statusCode).toBe(200);
  });

  it('takes no code of a person after ten wrong in a day, from any address, answering as for wrong', async () => {
    const { pin, personId } = await youngPerson();
    await ask(pin, freshIp());
    const wrong = (await codeFromOutbox(personId)) === '000000' ? '111111' : '000000';
    for (let i = 0; i < ME_THROTTLE.failuresPerPersonPerDay; i++) {
      expect((await login(pin, wrong, freshIp())).statusCode).toBe(401);
    }
    later(ME_THROTTLE.windowMinutes + 1);
    await ask(pin, freshIp());
    const refused = await login(pin, await codeFromOutbox(personId), freshIp());
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('invalid_code');
    later(24 * 60 + 1);
    await ask(pin, freshIp());
    expect((await login(pin, await codeFromOutbox(personId), freshIp())).statusCode).toBe(200);
  });

  it('sends nothing to a young person whose only case closed more than 13 months ago', async () => {
    const { pin, personId, caseId } = await youngPerson();
    await h.db
      .updateTable('cases')
      .set({ closed_at: new Date('2025-01-01T00:00:00Z'), status: 'closed' })
      .where('id', '=', caseId)
      .execute();
    expect((await ask(pin, freshIp())).statusCode).toBe(202);
    expect(await h.db.selectFrom('sms_messages').select('id').where('person_id', '=', personId).execute()).toEqual([]);
  });
});

describe('where the code goes', () => {
  const codeRows = async (personId: string) => ({
    sms: await h.db.selectFrom('sms_messages').select('to_number').where('person_id', '=', personId).execute(),
    email: await h.db
      .selectFrom('email_messages')
      .select(['to_address', 'body', 'sent_by'])
      .where('person_id', '=', personId)
      .execute(),
    codes: await h.db.selectFrom('young_person_codes').select('channel').where('person_id', '=', personId).execute(),
  });

  it('sends the code by e-mail, not SMS, when the contact person chose e-mail, and it signs in', async () => {
    const { pin, personId } = await youngPerson({ email: 'ylva.kod@example.se', signInCodeChannel: 'email' });
    const ip = freshIp();
    expect((await ask(pin, ip)).statusCode).toBe(202);
    const rows = await codeRows(personId);
    expect(rows.sms).toEqual([]);
    expect(rows.codes).toEqual([{ channel: 'email' }]);
    expect(rows.email).toHaveLength(1);
    expect(rows.email[0]).toMatchObject({ to_address: 'ylva.kod@example.se', sent_by: h.as.youth_coach.staffId });
    const code = /(\d{6})/.exec(rows.email[0]!.body)![1]!;
    // The e-mail outbox: the contact person it was sent from reads it to pass it on; no one else does.
    expect((await h.anonymous('GET', '/api/v1/email')).statusCode).toBe(401);
    const mine = (await h.as.youth_coach.request('GET', '/api/v1/email')).json() as { personId: string }[];
    expect(mine.filter((m) => m.personId === personId)).toEqual([
      expect.objectContaining({ to: 'ylva.kod@example.se', body: expect.stringContaining(code) }),
    ]);
    const coordinator = (await h.as.coordinator.request('GET', '/api/v1/email')).json() as { personId: string }[];
    expect(coordinator.filter((m) => m.personId === personId)).toEqual([]);
    expect((await login(pin, code, ip)).statusCode).toBe(200);
    const signIn = await h.db
      .selectFrom('audit_log')
      .select('detail')
      .where('person_id', '=', personId)
      .where('action', '=', 'sign_in')
      .executeTakeFirstOrThrow();
    expect(signIn.detail).toMatchObject({ method: 'email_code' });
  });

  it('lets the contact person choose e-mail on the person, after which the code goes by e-mail', async () => {
    const { pin, personId } = await youngPerson();
    const read = (await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}`)).json();
    expect(read).toMatchObject({ signInCodeChannel: 'sms', phoneGivenBy: 'young_person' });
    // The edit sends back what was read, as the person form does, with e-mail chosen.
    const fields = ['givenName', 'familyName', 'streetAddress', 'postalCode', 'city', 'phone', 'email'];
    const rest = Object.fromEntries(
      [...fields, 'phoneGivenBy', 'emailGivenBy', 'protectedIdentity', 'guardians', 'version'].map((k) => [k, read[k]]),
    );
    const saved = await h.as.youth_coach.request('PATCH', `/api/v1/persons/${personId}`, {
      ...rest,
      signInCodeChannel: 'email',
    });
    expect(saved.statusCode).toBe(204);
    expect((await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}`)).json().signInCodeChannel).toBe(
      'email',
    );
    expect((await ask(pin, freshIp())).statusCode).toBe(202);
    const rows = await codeRows(personId);
    expect([rows.sms.length, rows.email.length]).toEqual([0, 1]);
  });

  it('forgets who gave a number changed without saying who gave the new one, and sends it no code', async () => {
    const { pin, personId } = await youngPerson();
    const read = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}`)).json();
    const fields = ['givenName', 'familyName', 'streetAddress', 'postalCode', 'city', 'email', 'guardians', 'version'];
    const body = { ...Object.fromEntries(fields.map((k) => [k, read[k]])), phone: '070-1740699' };
    expect((await h.as.coordinator.request('PATCH', `/api/v1/persons/${personId}`, body)).statusCode).toBe(204);
    const after = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}`)).json();
    expect(after).toMatchObject({ phoneGivenBy: null, emailGivenBy: 'young_person', signInCodeChannel: 'sms' });
    expect((await ask(pin, freshIp())).statusCode).toBe(202);
    expect(await codeRows(personId)).toEqual({ sms: [], email: [], codes: [] });
  });

  it('sends nothing to a number or address someone else gave, or whose giver is unknown; still 202', async () => {
    const cases = [
      { phoneGivenBy: 'someone_else' },
      { phoneGivenBy: null },
      { signInCodeChannel: 'email', emailGivenBy: 'someone_else' },
      // E-mail chosen but no address of their own: no SMS instead.
      { signInCodeChannel: 'email', email: null },
    ];
    for (const overrides of cases) {
      const { pin, personId } = await youngPerson(overrides);
      const res = await ask(pin, freshIp());
      expect(res.statusCode).toBe(202);
      expect(await codeRows(personId)).toEqual({ sms: [], email: [], codes: [] });
    }
  });

  it('treats a protected identity like anyone: a code only to the number the young person gave', async () => {
    const own = await youngPerson({ protectedIdentity: true });
    const other = await youngPerson({ protectedIdentity: true, phoneGivenBy: 'someone_else' });
    const [a, b] = [await ask(own.pin, freshIp()), await ask(other.pin, freshIp())];
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    expect(a.body).toBe(b.body);
    expect((await codeRows(own.personId)).sms).toEqual([{ to_number: '+46701740605' }]);
    expect(await codeRows(other.personId)).toEqual({ sms: [], email: [], codes: [] });
  });

  it('throttles e-mail codes as SMS codes: at most three to a person in 15 minutes', async () => {
    const { pin, personId } = await youngPerson({ signInCodeChannel: 'email' });
    const ip = freshIp();
    for (let i = 0; i < ME_THROTTLE.codesPerPerson + 2; i++) expect((await ask(pin, ip)).statusCode).toBe(202);
    expect((await codeRows(personId)).email).toHaveLength(ME_THROTTLE.codesPerPerson);
    later(ME_THROTTLE.windowMinutes + 1);
    await ask(pin, freshIp());
    expect((await codeRows(personId)).email).toHaveLength(ME_THROTTLE.codesPerPerson + 1);
  });
});

describe('who reads a sign-in code', () => {
  it('shows an outbox code only to the contact person, never to a coordinator or on the outreach page', async () => {
    const { pin, personId } = await youngPerson();
    expect(
      (await h.as.coordinator.request('POST', '/api/v1/me/code', { personalIdentityNumber: pin })).statusCode,
    ).toBe(202);
    await codeWorkSettled();
    const listed = (await h.as.coordinator.request('GET', '/api/v1/sms')).json() as { personId: string }[];
    expect(listed.filter((m) => m.personId === personId)).toEqual([]);
    const outreach = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/outreach`)).json();
    expect(outreach.awaitingSms ?? []).toEqual([]);
    expect(await codeFromOutbox(personId)).toMatch(/^\d{6}$/);
  });

  it('answers before the gateway has the code, keeps no code in the database, shows it to no one', async () => {
    const received: string[] = [];
    // The gateway answers only when released: the 202 must not wait for it.
    let release!: () => void;
    const gate = new Promise<void>((done) => (release = done));
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', async () => {
        received.push(new URLSearchParams(body).get('message') ?? '');
        await gate;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ id: `g${received.length}`, status: 'created' }));
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/a1/sms`;
    const g = await createHarness(
      {
        LOTSA_SMS_GATEWAY_URL: url,
        LOTSA_SMS_USER: 'u',
        LOTSA_SMS_PASSWORD: 'p',
        LOTSA_SMS_SENDER: 'Lotsa',
        LOTSA_SMS_CALLBACK_TOKEN: 'callback-token-0123456789abcdef',
      },
      { clock },
    );
    try {
      const pin = testIdentityNumber();
      const personId = (
        await g.as.coordinator.request('POST', '/api/v1/persons', buildPerson({ personalIdentityNumber: pin }))
      ).json().id as string;
      const kase = (await g.as.coordinator.request('GET', `/api/v1/persons/${personId}`)).json().case;
      await g.as.coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, {
        contactPersonId: g.as.youth_coach.staffId,
        version: kase.version,
      });
      expect(
        (
          await g.app.inject({
            method: 'POST',
            url: '/api/v1/me/code',
            payload: { personalIdentityNumber: pin },
            remoteAddress: freshIp(),
          })
        ).statusCode,
      ).toBe(202);
      await vi.waitFor(() => expect(received).toHaveLength(1));
      release();
      await codeWorkSettled();
      const code = /(\d{6})/.exec(received[0]!)![1]!;
      const stored = await g.db
        .selectFrom('sms_messages')
        .select(['body', 'status'])
        .where('person_id', '=', personId)
        .executeTakeFirstOrThrow();
      expect(stored.status).toBe('sent');
      expect(stored.body).not.toContain(code);
      expect(stored.body).not.toMatch(/\d{6}/);
      for (const who of [g.as.coordinator, g.as.youth_coach]) {
        expect(
          ((await who.request('GET', '/api/v1/sms')).json() as { personId: string }[]).filter(
            (m) => m.personId === personId,
          ),
        ).toEqual([]);
      }
    } finally {
      release();
      await g.close();
      await new Promise((done) => server.close(() => done(undefined)));
    }
  });
});

describe("a young person's session", () => {
  it('answers 401 without a session, and 404 to staff on the young person’s routes', async () => {
    expect((await h.anonymous('GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await h.as.coordinator.request('GET', '/api/v1/me')).statusCode).toBe(404);
    expect((await h.as.youth_coach.request('GET', '/api/v1/me/plan')).statusCode).toBe(404);
  });

  it('gets 404 on staff endpoints and on every other person, and its own summary on /me', async () => {
    const me = await youngPerson();
    const other = await youngPerson();
    const young = await signInYoung(me.pin, me.personId);
    for (const [method, url] of [
      ['GET', '/api/v1/persons'],
      ['GET', `/api/v1/persons/${me.personId}`],
      ['GET', `/api/v1/persons/${other.personId}`],
      ['GET', `/api/v1/cases/${me.caseId}/plan`],
      ['GET', '/api/v1/auth/me'],
      ['GET', '/api/v1/audit'],
      ['POST', `/api/v1/persons/${other.personId}/notes`],
    ] as const) {
      expect((await young.request(method, url, method === 'POST' ? { text: 'x' } : undefined)).statusCode, url).toBe(
        404,
      );
    }
    const summary = await young.request('GET', '/api/v1/me');
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toMatchObject({
      givenName: expect.any(String),
      contactPerson: { name: 'Test youth_coach', email: 'youth_coach@test.lotsa.local' },
      nextMeeting: null,
    });
    const read = await h.db
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('person_id', '=', me.personId)
      .where('action', '=', 'read')
      .where('entity', '=', 'person')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(read).toMatchObject({ actor_id: me.personId, detail: { actor: 'young_person', method: 'sms_code' } });
  });

  it('refuses a change without the CSRF token and ends at sign-out', async () => {
    const me = await youngPerson();
    const young = await signInYoung(me.pin, me.personId);
    const bare = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/plan/sign',
      payload: { version: 1 },
      headers: { cookie: `lotsa_session=${young.cookie}` },
    });
    expect(bare.json().code).toBe('csrf_failed');
    expect((await young.request('POST', '/api/v1/me/plan/sign', { version: 1 })).json().code).toBe('version_conflict');
    expect((await young.request('POST', '/api/v1/me/logout')).statusCode).toBe(204);
    expect((await young.request('GET', '/api/v1/me')).statusCode).toBe(401);
  });
});

const step = (overrides: Record<string, unknown> = {}) => ({
  title: 'Boka studiebesök på komvux',
  responsibleKind: 'young_person',
  startOn: '2026-12-07',
  dueOn: '2026-12-20',
  ...overrides,
});

describe('my plan', () => {
  it('shows the plan, lets the young person mark their own step done and sign, and no one else’s', async () => {
    const me = await youngPerson();
    const other = await youngPerson();
    const plan = {
      version: 0,
      followUpOn: '2027-01-15',
      goals: [
        {
          area: 'studies',
          title: 'Läsa klart gymnasiet',
          ownWords: 'Jag vill bli undersköterska',
          subGoals: [],
          steps: [
            step(),
            step({
              title: 'Ordna praktik',
              responsibleKind: 'unit',
              responsibleUnitId: units.get('Utbildningsförvaltningen'),
            }),
          ],
        },
      ],
    };
    for (const p of [me, other])
      expect((await h.as.coordinator.request('PUT', `/api/v1/cases/${p.caseId}/plan`, plan)).statusCode).toBe(200);
    const otherStep = (await h.as.coordinator.request('GET', `/api/v1/cases/${other.caseId}/plan`)).json().goals[0]
      .steps[0].id;
    const young = await signInYoung(me.pin, me.personId);

    const mine = (await young.request('GET', '/api/v1/me/plan')).json();
    expect(mine).toMatchObject({
      version: 1,
      signed: false,
      goals: [
        {
          title: 'Läsa klart gymnasiet',
          area: { code: 'studies' },
          steps: [
            { canMarkDone: true, status: 'planned' },
            { canMarkDone: false, responsible: 'Utbildningsförvaltningen' },
          ],
        },
      ],
    });
    const [own, theirs] = mine.goals[0].steps;
    expect((await young.request('POST', `/api/v1/me/plan/steps/${theirs.id}/done`)).json().code).toBe('not_your_step');
    expect((await young.request('POST', `/api/v1/me/plan/steps/${otherStep}/done`)).statusCode).toBe(404);
    const done = await young.request('POST', `/api/v1/me/plan/steps/${own.id}/done`);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      version: 2,
      goals: [{ steps: [{ status: 'done', canMarkDone: false }, { status: 'planned' }] }],
    });

    const staffView = (await h.as.coordinator.request('GET', `/api/v1/cases/${me.caseId}/plan`)).json();
    expect(staffView.goals[0].steps[0]).toMatchObject({ status: 'done', endReason: 'completed' });
    expect((await young.request('POST', '/api/v1/me/plan/sign', { version: 1 })).json().code).toBe('version_conflict');
    expect((await young.request('POST', '/api/v1/me/plan/sign', { version: 2 })).json().signed).toBe(true);
    const signatures = (await h.as.coordinator.request('GET', `/api/v1/cases/${me.caseId}/plan`)).json().signatures;
    expect(signatures).toMatchObject([{ version: 2, signedBy: 'young_person', method: 'in_lotsa', recordedBy: null }]);
  });
});

describe('my consents and who has read my data', () => {
  it('withdraws a consent at once: the social worker it let in gets 404 from then on', async () => {
    const me = await youngPerson();
    const team = await h.db
      .insertInto('teams')
      .values({
        municipality_id: h.municipalityId,
        name: 'Ungdomsteamet',
        unit_id: units.get('Utbildningsförvaltningen')!,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const staff = await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: 'Sara Socialsekreterare',
      email: 'soc-me@test.lotsa.local',
      role: 'team_member',
      unitId: units.get('Socialtjänsten')!,
      password: TEST_PASSWORD,
    });
    await h.db
      .insertInto('team_members')
      .values({ team_id: team.id, staff_id: (staff as { id: string }).id })
      .execute();
    const social = await h.signIn('soc-me@test.lotsa.local');
    const kase = (await h.as.coordinator.request('GET', `/api/v1/persons/${me.personId}`)).json().case;
    expect(
      (await h.as.coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, { teamId: team.id, version: kase.version }))
        .statusCode,
    ).toBe(204);
    const consentBody = {
      recipientUnitIds: [units.get('Socialtjänsten')],
      categories: ['contact_occupation'],
      purpose: 'Samverkan kring boende',
      givenBy: 'young_person',
    };
    const consentId = (
      await h.as.coordinator.request('POST', `/api/v1/persons/${me.personId}/consents`, consentBody)
    ).json().id;
    expect((await social.request('GET', `/api/v1/persons/${me.personId}`)).statusCode).toBe(200);

    const young = await signInYoung(me.pin, me.personId);
    const consents = (await young.request('GET', '/api/v1/me/consents')).json();
    expect(consents).toMatchObject([
      { id: consentId, recipients: ['Socialtjänsten'], categories: ['contact_occupation'], state: 'valid' },
    ]);
    const log = (await young.request('GET', '/api/v1/me/access-log')).json();
    expect(log.namesShown).toBe(false);
    expect(log.entries).toContainEqual(
      expect.objectContaining({
        action: 'read',
        what: 'person',
        unit: 'Socialtjänsten',
        role: 'team_member',
        name: null,
        basis: 'consent',
        emergency: false,
      }),
    );
    expect(log.entries.every((e: { role: string | null }) => e.role !== null)).toBe(true);

    const other = await youngPerson();
    const theirs = (
      await h.as.coordinator.request('POST', `/api/v1/persons/${other.personId}/consents`, consentBody)
    ).json().id;
    expect((await young.request('POST', `/api/v1/me/consents/${theirs}/withdraw`)).statusCode).toBe(404);
    expect((await young.request('POST', `/api/v1/me/consents/${consentId}/withdraw`)).statusCode).toBe(204);
    expect((await young.request('GET', '/api/v1/me/consents')).json()[0].state).toBe('withdrawn');
    expect((await social.request('GET', `/api/v1/persons/${me.personId}`)).statusCode).toBe(404);

    await h.db
      .updateTable('municipalities')
      .set({ young_person_sees_staff_names: true })
      .where('id', '=', h.municipalityId)
      .execute();
    const named = (await young.request('GET', '/api/v1/me/access-log')).json();
    expect(named.entries).toContainEqual(
      expect.objectContaining({ name: 'Sara Socialsekreterare', unit: 'Socialtjänsten' }),
    );
    await h.db
      .updateTable('municipalities')
      .set({ young_person_sees_staff_names: false })
      .where('id', '=', h.municipalityId)
      .execute();
  });
});

describe('my week and my next meeting', () => {
  it('shows the booked meeting in the week and as the next meeting; another week is empty', async () => {
    const me = await youngPerson();
    const startsAt = new Date(now.getTime() + 2 * 24 * 3600_000);
    await h.db
      .insertInto('meetings')
      .values({
        municipality_id: h.municipalityId,
        kind: 'meeting',
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + 3600_000),
        staff_id: h.as.youth_coach.staffId,
        person_id: me.personId,
      })
      .execute();
    const young = await signInYoung(me.pin, me.personId);
    expect((await young.request('GET', '/api/v1/me')).json().nextMeeting).toMatchObject({
      startsAt: startsAt.toISOString(),
      kind: 'meeting',
    });
    const week = (await young.request('GET', '/api/v1/me/schedule')).json();
    expect(week).toMatchObject({ personId: me.personId, mayChange: false });
    expect(week.items).toContainEqual(
      expect.objectContaining({ kind: 'meeting', staffName: 'Test youth_coach', removable: false }),
    );
    expect((await young.request('GET', '/api/v1/me/schedule?week=2027-W10')).json().items).toEqual([]);
    expect((await young.request('GET', '/api/v1/me/schedule?week=2027-W99')).statusCode).toBe(400);
  });

  it('gives the young person their own calendar feed, which carries the week and stops when renewed', async () => {
    const me = await youngPerson();
    const startsAt = new Date(now.getTime() + 2 * 24 * 3600_000);
    await h.db
      .insertInto('meetings')
      .values({
        municipality_id: h.municipalityId,
        kind: 'meeting',
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + 3600_000),
        staff_id: h.as.youth_coach.staffId,
        person_id: me.personId,
      })
      .execute();
    const young = await signInYoung(me.pin, me.personId);
    const first = await young.request('POST', '/api/v1/me/schedule/feed', { lang: 'sv' });
    expect(first.statusCode).toBe(200);
    const path = (first.json().url as string).replace(/^https?:\/\/[^/]+/, '');
    const feed = await h.anonymous('GET', path);
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('SUMMARY:Möte');
    expect(feed.body).not.toContain('Test youth_coach');
    const second = (await young.request('POST', '/api/v1/me/schedule/feed', { lang: 'en' })).json().url as string;
    expect((await h.anonymous('GET', path)).statusCode).toBe(404);
    expect((await h.anonymous('GET', second.replace(/^https?:\/\/[^/]+/, ''))).body).toContain('SUMMARY:Meeting');
    const audited = await h.db
      .selectFrom('audit_log')
      .select(['action', 'person_id'])
      .where('entity', '=', 'schedule_feed')
      .where('person_id', '=', me.personId)
      .execute();
    expect(audited.filter((a) => a.action === 'create')).toHaveLength(2);
  });
});
