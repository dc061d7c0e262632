import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { insertStaff } from '../staff/staff.service.js';
import { throttleTiming } from './throttle.js';
import { createHarness, TEST_PASSWORD, type Harness } from '../../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('POST /api/v1/auth/login', () => {
  it('rejects a malformed body with 400 naming the field', async () => {
    const res = await h.anonymous('POST', '/api/v1/auth/login', { email: 'not-an-address', password: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'email', code: 'email' });
  });

  it('answers 401 problem+json for a wrong password and for an unknown account alike', async () => {
    const wrong = await h.anonymous('POST', '/api/v1/auth/login', {
      email: h.as.coordinator.email,
      password: 'wrong password',
    });
    const unknown = await h.anonymous('POST', '/api/v1/auth/login', {
      email: 'nobody@test.lotsa.local',
      password: 'wrong password',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ code: 'invalid_credentials', title: 'Fel e-postadress eller lösenord.' });
  });

  it('sets an HttpOnly, SameSite=Strict session cookie and returns the CSRF token', async () => {
    const res = await h.anonymous('POST', '/api/v1/auth/login', {
      email: h.as.coordinator.email,
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'lotsa_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(res.json()).toMatchObject({ mustChangePassword: false, csrfToken: expect.any(String) });
  });

  it('throttles guesses sent all at once, letting at most five through to the password check', async () => {
    const email = 'burst@test.lotsa.local';
    await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: 'Burst',
      email,
      role: 'youth_coach',
      password: TEST_PASSWORD,
    });
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.anonymous('POST', '/api/v1/auth/login', { email, password: i === 19 ? TEST_PASSWORD : `guess ${i}` }),
      ),
    );
    const codes = attempts.map((r) => r.statusCode);
    expect(codes.filter((c) => c !== 429).length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(15);
    expect(attempts.filter((r) => r.statusCode === 429).every((r) => Number(r.headers['retry-after']) > 0)).toBe(true);
  });

  it('refuses an inactive account', async () => {
    const email = 'inactive@test.lotsa.local';
    const { id } = await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: 'Inaktiv',
      email,
      role: 'youth_coach',
      password: TEST_PASSWORD,
    });
    await h.db.updateTable('staff').set({ active: false }).where('id', '=', id).execute();
    expect((await h.anonymous('POST', '/api/v1/auth/login', { email, password: TEST_PASSWORD })).statusCode).toBe(401);
  });

  it('audits sign-ins and failed sign-ins', async () => {
    // A failed and a successful sign-in of its own, and only the entries they made.
    const before = await h.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    const email = h.as.coordinator.email;
    expect((await h.anonymous('POST', '/api/v1/auth/login', { email, password: 'not it at all' })).statusCode).toBe(
      401,
    );
    expect((await h.anonymous('POST', '/api/v1/auth/login', { email, password: TEST_PASSWORD })).statusCode).toBe(200);
    const rows = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_id', '=', h.as.coordinator.staffId)
      .$if(before.id !== null, (q) => q.where('id', '>', before.id!))
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['sign_in', 'sign_in_failed']));
  });
});

describe('sign-in throttling that cannot lock the owner out', () => {
  const login = (ip: string, email: string, password: string) =>
    h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });
  const account = async (email: string) =>
    insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: email,
      email,
      role: 'youth_coach',
      password: TEST_PASSWORD,
    });
  let waits: number[] = [];
  beforeEach(() => {
    waits = [];
    vi.spyOn(throttleTiming, 'sleep').mockImplementation(async (ms) => void waits.push(ms));
  });
  afterEach(() => vi.restoreAllMocks());

  it('refuses a sixth guess from an address with 429 and Retry-After; the right password works elsewhere', async () => {
    const email = 'pair@test.lotsa.local';
    await account(email);
    for (let i = 0; i < 5; i++) expect((await login('10.1.0.1', email, `guess ${i}`)).statusCode).toBe(401);
    const refused = await login('10.1.0.1', email, TEST_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect((await login('10.1.0.2', email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('slows a guessing pair down before it refuses it', async () => {
    const email = 'slowed@test.lotsa.local';
    await account(email);
    for (let i = 0; i < 5; i++) await login('10.2.0.1', email, `guess ${i}`);
    // The first three attempts answer at once; after three failures each attempt waits longer.
    expect(waits).toEqual([500, 1000]);
  });

  it('lets the right password in, only delayed, once failures from many addresses use the account budget', async () => {
    const email = 'budget@test.lotsa.local';
    await account(email);
    for (let i = 0; i < 14; i++)
      expect((await login(`10.3.0.${i + 1}`, email, 'not the password')).statusCode).toBe(401);
    waits = [];
    expect((await login('10.3.1.1', email, TEST_PASSWORD)).statusCode).toBe(200);
    expect(waits).toEqual([2000]);
  });

  it('lets colleagues behind a shared address (NAT) sign in after thirty failures from it', async () => {
    const accounts = ['nat-a@test.lotsa.local', 'nat-b@test.lotsa.local', 'nat-c@test.lotsa.local'];
    for (const email of accounts) await account(email);
    for (let i = 0; i < 30; i++) await login('10.4.0.1', `nobody-${i % 6}@test.lotsa.local`, 'wrong');
    for (const email of accounts) expect((await login('10.4.0.1', email, TEST_PASSWORD)).statusCode).toBe(200);
    expect(Math.max(...waits)).toBeGreaterThan(0);
  });
});

describe('sign-in throttling against many addresses at once', () => {
  const login = (ip: string, email: string, password: string) =>
    h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });
  afterEach(() => vi.restoreAllMocks());

  it('counts the addresses of one IPv6 /64 network as one address', async () => {
    const email = 'ipv6@test.lotsa.local';
    await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: email,
      email,
      role: 'youth_coach',
      password: TEST_PASSWORD,
    });
    vi.spyOn(throttleTiming, 'sleep').mockImplementation(async () => undefined);
    for (let i = 0; i < 5; i++)
      expect((await login(`2001:db8:aa:bb::${i + 1}`, email, `guess ${i}`)).statusCode).toBe(401);
    expect((await login('2001:db8:aa:bb:ffff:1:2:3', email, TEST_PASSWORD)).statusCode).toBe(429);
    expect((await login('2001:db8:aa:bc::1', email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('takes parallel guesses at one account one at a time, so each pays the account delay in turn', async () => {
    const email = 'parallel@test.lotsa.local';
    await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: email,
      email,
      role: 'youth_coach',
      password: TEST_PASSWORD,
    });
    let inside = 0;
    let most = 0;
    vi.spyOn(throttleTiming, 'sleep').mockImplementation(async () => {
      most = Math.max(most, ++inside);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inside--;
    });
    for (let i = 0; i < 11; i++) await login(`10.9.0.${i + 1}`, email, 'wrong');
    const codes = await Promise.all(Array.from({ length: 8 }, (_, i) => login(`10.9.1.${i + 1}`, email, 'wrong'))).then(
      (rs) => rs.map((r) => r.statusCode),
    );
    expect(codes).toEqual(Array(8).fill(401));
    expect(most).toBe(1);
  });
});

/**
 * Signs `email` in once more and returns the client with the id of the session this sign-in made, so a test
 * sets back only its own session and not the harness's, which the file's other tests go on using.
 */
async function signInAgain(email: string) {
  const sessionsOf = async () =>
    (
      await h.db
        .selectFrom('sessions')
        .innerJoin('staff', 'staff.id', 'sessions.staff_id')
        .select('sessions.id')
        .where('staff.email', '=', email)
        .execute()
    ).map((r) => r.id);
  const before = new Set(await sessionsOf());
  const client = await h.signIn(email);
  const made = (await sessionsOf()).filter((id) => !before.has(id));
  expect(made).toHaveLength(1);
  return { client, sessionId: made[0]! };
}

describe('GET /api/v1/auth/me and sessions', () => {
  it('answers 401 without a session', async () => {
    expect((await h.anonymous('GET', '/api/v1/auth/me')).json().code).toBe('not_authenticated');
  });

  it('tells who is signed in', async () => {
    const me = (await h.as.youth_coach.request('GET', '/api/v1/auth/me')).json();
    expect(me).toMatchObject({ id: h.as.youth_coach.staffId, role: 'youth_coach', municipality: { code: '1402' } });
  });

  it('marks a session seen on a request, at most every 30 seconds, so use keeps it from going idle', async () => {
    // The coach signs in twice: both sessions are set back, and only the one used may move.
    const { client, sessionId } = await signInAgain(h.as.youth_coach.email);
    const { sessionId: unusedId } = await signInAgain(h.as.youth_coach.email);
    const seen = (at: string) =>
      h.db
        .updateTable('sessions')
        .set({ last_seen_at: sql`now() - ${at}::interval` })
        .where('id', 'in', [sessionId, unusedId])
        .execute();
    const idleSeconds = async () =>
      (
        await h.db
          .selectFrom('sessions')
          .select(sql<number[]>`array_agg(round(extract(epoch from now() - last_seen_at))::int order by 1)`.as('s'))
          .where('id', 'in', [sessionId, unusedId])
          .executeTakeFirstOrThrow()
      ).s.sort((a, b) => a - b);
    await seen('20 minutes');
    expect((await client.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    const [used, unused] = await idleSeconds();
    expect(used).toBeLessThan(30);
    expect(unused).toBeGreaterThanOrEqual(1200);
    await seen('10 seconds');
    expect((await client.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    // Neither was marked again: both are still at least 10 seconds old.
    expect((await idleSeconds()).every((seconds) => seconds >= 10)).toBe(true);
  });

  it('ends a session after the idle timeout and after the absolute lifetime', async () => {
    // Sessions of their own: the harness's sessions of the coach and the manager stay as they are.
    const { client: idle, sessionId: idleId } = await signInAgain(h.as.youth_coach.email);
    await h.db
      .updateTable('sessions')
      .set({ last_seen_at: sql`now() - interval '31 minutes'` })
      .where('id', '=', idleId)
      .execute();
    const res = await idle.request('GET', '/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('session_expired');

    const { client: old, sessionId: oldId } = await signInAgain(h.as.manager.email);
    await h.db
      .updateTable('sessions')
      .set({ created_at: sql`now() - interval '11 hours'` })
      .where('id', '=', oldId)
      .execute();
    expect((await old.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('signs out: the cookie no longer works', async () => {
    const client = await h.signIn(h.as.school_reporter.email);
    expect((await client.request('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await client.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const logged = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_id', '=', client.staffId)
      .where('action', '=', 'sign_out')
      .execute();
    expect(logged).toHaveLength(1);
  });
});

describe('POST /api/v1/auth/password', () => {
  it('holds back everything else until a one-time password is changed', async () => {
    const email = 'new@test.lotsa.local';
    const { oneTimePassword } = await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: 'Ny',
      email,
      role: 'coordinator',
    });
    const client = await h.signIn(email, oneTimePassword!);
    const blocked = await client.request('GET', '/api/v1/persons');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');

    const weak = await client.request('POST', '/api/v1/auth/password', {
      currentPassword: oneTimePassword,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    const wrong = await client.request('POST', '/api/v1/auth/password', {
      currentPassword: 'not it at all',
      newPassword: 'a much better password',
    });
    expect(wrong.statusCode).toBe(401);

    const ok = await client.request('POST', '/api/v1/auth/password', {
      currentPassword: oneTimePassword,
      newPassword: 'a much better password',
    });
    expect(ok.statusCode).toBe(204);
    const again = await h.signIn(email, 'a much better password');
    expect(again.staffId).toBe(client.staffId);
    expect((await again.request('GET', '/api/v1/persons')).statusCode).toBe(200);
  });

  it('refuses common and easily guessed passwords with a message that says why', async () => {
    const email = 'common@test.lotsa.local';
    await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: 'Vanlig Person',
      email,
      role: 'youth_coach',
      password: TEST_PASSWORD,
    });
    const client = await h.signIn(email);
    for (const newPassword of ['aaaaaaaaaaaa', 'password1234', 'qwertyuiop12', 'vanligperson1']) {
      const res = await client.request('POST', '/api/v1/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword,
      });
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json()).toMatchObject({ code: 'common_password', errors: [{ field: 'newPassword' }] });
      expect(res.json().title).toMatch(/för vanligt eller lätt att gissa/);
    }
    expect(
      (
        await client.request('POST', '/api/v1/auth/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: 'ett nytt bra lösenord',
        })
      ).statusCode,
    ).toBe(204);
  });

  it('rotates the session and CSRF tokens, ends every other session and revokes the iCal feed address', async () => {
    const email = 'rotate@test.lotsa.local';
    await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: 'Roterad',
      email,
      role: 'youth_coach',
      password: TEST_PASSWORD,
    });
    const client = await h.signIn(email);
    const elsewhere = await h.signIn(email);
    const oldCsrf = (await client.request('GET', '/api/v1/auth/me')).json().csrfToken;
    const feed = (await client.request('POST', '/api/v1/calendar/feed')).json();
    const feedPath = feed.url.replace(/^https?:\/\/[^/]+/, '');
    expect((await h.anonymous('GET', feedPath)).statusCode).toBe(200);

    const res = await client.request('POST', '/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'ett helt annat lösenord',
    });
    expect(res.statusCode).toBe(204);
    expect((await client.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await elsewhere.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await h.anonymous('GET', feedPath)).statusCode).toBe(404);

    const cookie = res.cookies.find((c) => c.name === 'lotsa_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const me = await h.anonymous('GET', '/api/v1/auth/me', undefined, { cookie: `lotsa_session=${cookie.value}` });
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).not.toBe(oldCsrf);
    const change = await h.db
      .selectFrom('audit_log')
      .select('detail')
      .where('actor_id', '=', client.staffId)
      .where('action', '=', 'password_changed')
      .executeTakeFirstOrThrow();
    expect(change.detail).toMatchObject({ calendarFeedRevoked: true });
  });
});
