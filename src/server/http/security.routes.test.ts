/**
 * The *Sessions* and *Logs* claims of docs/privacy-and-security.md and docs/operations.md, each as a probe: the session
 * token is stored only as
 * its hash and passwords as argon2id; the cookie is Secure under https; every state-changing API
 * route refuses a request without the CSRF token; every kind of response carries the security
 * headers; the request log holds paths without query strings and no cookie or CSRF token; an audit
 * entry says who, whom, what, when and from which address, and a write that fails leaves none;
 * several server processes on one database share sessions (Operations: Scaling out); a person one
 * may not see answers every read exactly as one that does not exist.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { buildPerson } from '../testing/factories.js';
import { createHarness, TEST_PASSWORD, type Harness } from '../testing/harness.js';
import { createYoungPersonSession } from './sessions.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** Signs in over `app` and returns the raw session token and CSRF token. */
async function signIn(app: Harness['app'], email: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: TEST_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'lotsa_session')!;
  return { cookie, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

describe('stored secrets', () => {
  it('keeps the session token only as its hash and passwords only as argon2id hashes', async () => {
    const { cookie } = await signIn(h.app, h.as.coordinator.email);
    const sessions = await h.db.selectFrom('sessions').select('id').execute();
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.map((s) => s.id)).not.toContain(cookie.value);
    expect(JSON.stringify(sessions)).not.toContain(cookie.value);
    const staff = await h.db.selectFrom('staff').select('password_hash').execute();
    for (const { password_hash } of staff) expect(password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('the session cookie', () => {
  it('is Secure, HttpOnly and SameSite=Strict when Lotsa is served over https', async () => {
    const app = await buildApp(
      h.handle,
      { ...h.env, publicUrl: 'https://lotsa.example.se', secureCookies: true },
      { logger: false },
    );
    try {
      const { cookie } = await signIn(app, h.as.youth_coach.email);
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
    } finally {
      await app.close();
    }
  });
});

describe('CSRF', () => {
  // Public by design: signing in (no session yet) and the SMS gateway's callbacks (a token of their own).
  const PUBLIC = new Set([
    'POST /api/v1/auth/login',
    'POST /api/v1/sms/status',
    'POST /api/v1/sms/incoming',
    'POST /api/v1/me/code',
    'POST /api/v1/me/login',
  ]);

  it('is required by every state-changing API route', async () => {
    const doc = (await h.anonymous('GET', '/api/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const { cookie } = await signIn(h.app, h.as.coordinator.email);
    // The young person's routes answer staff 404; they are checked with a young person's session.
    const personId = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json().id;
    const young = await createYoungPersonSession(
      h.db,
      { personId, municipalityId: h.municipalityId },
      'sms_code',
      null,
    );
    const checked: string[] = [];
    for (const [route, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) || PUBLIC.has(`${method} ${route}`)) continue;
        const url = route.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const token = route.startsWith('/api/v1/me/') ? young.token : cookie.value;
        const res = await h.app.inject({
          method: method as 'POST',
          url,
          payload: {},
          headers: { cookie: `lotsa_session=${token}` },
        });
        expect(res.statusCode, `${method} ${route}`).toBe(403);
        expect(res.json().code, `${method} ${route}`).toBe('csrf_failed');
        checked.push(`${method} ${route}`);
      }
    }
    expect(checked.length).toBeGreaterThan(40);
  });
});

describe('security headers', () => {
  it('are on every kind of response: data, problems, documents and the API docs', async () => {
    const responses = [
      await h.anonymous('GET', '/api/health'),
      await h.anonymous('GET', '/api/openapi.json'),
      await h.anonymous('GET', '/api/docs/'),
      await h.anonymous('GET', '/api/v1/auth/me'),
      await h.as.coordinator.request('GET', '/api/v1/auth/me'),
      await h.as.coordinator.request('GET', '/api/v1/persons/not-a-uuid'),
      await h.as.coordinator.request('GET', '/api/v1/persons/00000000-0000-4000-8000-000000000000'),
      await h.as.coordinator.request('POST', '/api/v1/persons', { givenName: 1 }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 401, 200, 400, 404, 400]);
    for (const res of responses) {
      expect(res.headers['content-security-policy'], res.raw.req.url).toMatch(
        /frame-ancestors 'none'|frame-ancestors 'self'/,
      );
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBeDefined();
    }
  });
});

describe('the request log', () => {
  it('holds paths without query strings, and neither the session cookie nor the CSRF token', async () => {
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    const app = await buildApp(h.handle, { ...h.env, logLevel: 'info' }, { logStream: stream });
    const secrets: string[] = [];
    try {
      const { cookie, csrf } = await signIn(app, h.as.coordinator.email);
      secrets.push(cookie.value, csrf);
      const headers = { cookie: `lotsa_session=${cookie.value}`, 'x-csrf-token': csrf };
      expect(
        (await app.inject({ method: 'GET', url: '/api/v1/persons?q=Sekretessa%20Hemlig&pageSize=5', headers }))
          .statusCode,
      ).toBe(200);
      await app.inject({
        method: 'POST',
        url: '/api/v1/persons?q=Sekretessa',
        payload: { givenName: 'Sekretessa' },
        headers,
      });
      await app.inject({
        method: 'GET',
        url: '/api/v1/persons?q=Sekretessa',
        headers: { ...headers, cookie: 'lotsa_session=expired-or-forged' },
      });
    } finally {
      await app.close();
    }
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    const log = lines.join('\n');
    expect(log).toContain('"url":"/api/v1/persons"');
    expect(log).not.toContain('Sekretessa');
    expect(log).not.toContain('q=');
    expect(lines.length).toBeGreaterThan(0);
    for (const secret of [...secrets, 'expired-or-forged']) expect(log).not.toContain(secret);
  });
});

describe('the audit log', () => {
  it('records who, whom, what, when and from where, a failed sign-in too; a refused write leaves none', async () => {
    const started = Date.now() - 1000;
    const { cookie, csrf } = await signIn(h.app, h.as.coordinator.email);
    const headers = { cookie: `lotsa_session=${cookie.value}`, 'x-csrf-token': csrf };
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      payload: buildPerson(),
      headers,
      remoteAddress: '198.51.100.7',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const read = await h.app.inject({
      method: 'GET',
      url: `/api/v1/persons/${id}`,
      headers,
      remoteAddress: '198.51.100.7',
    });
    expect(read.statusCode).toBe(200);
    const entries = await h.db
      .selectFrom('audit_log')
      .select(['actor_id', 'person_id', 'action', 'entity', 'at', 'ip'])
      .where('person_id', '=', id)
      .execute();
    expect(entries).toContainEqual(
      expect.objectContaining({
        actor_id: h.as.coordinator.staffId,
        person_id: id,
        action: 'read',
        entity: 'person',
        ip: '198.51.100.7',
      }),
    );
    for (const entry of entries) expect(entry.at.getTime()).toBeGreaterThanOrEqual(started);

    const failed = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: h.as.manager.email, password: 'not the password at all' },
      remoteAddress: '198.51.100.8',
    });
    expect(failed.statusCode).toBe(401);
    const failure = await h.db
      .selectFrom('audit_log')
      .select(['actor_id', 'ip'])
      .where('action', '=', 'sign_in_failed')
      .where('ip', '=', '198.51.100.8')
      .execute();
    expect(failure).toEqual([{ actor_id: h.as.manager.staffId, ip: '198.51.100.8' }]);

    // A stale version is refused (409): the update and its audit entry are one transaction, so neither is there.
    const person = read.json();
    const stale = await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${id}`,
      payload: { givenName: 'Ändrad', familyName: person.familyName, version: person.version - 1 },
      headers,
    });
    expect(stale.statusCode).toBe(409);
    const updates = await h.db
      .selectFrom('audit_log')
      .select('id')
      .where('person_id', '=', id)
      .where('action', '=', 'update')
      .execute();
    expect(updates).toEqual([]);
  });
});

describe('several server processes on one database', () => {
  it('share sessions: a session begun on one works on another, and a sign-out on one ends it on both', async () => {
    const second = await buildApp(h.handle, h.env, { logger: false });
    try {
      const { cookie, csrf } = await signIn(h.app, h.as.team_member.email);
      const headers = { cookie: `lotsa_session=${cookie.value}`, 'x-csrf-token': csrf };
      expect((await second.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(200);
      expect((await second.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode).toBeLessThan(
        300,
      );
      expect((await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(401);
    } finally {
      await second.close();
    }
  });
});

describe('a person one may not see', () => {
  it('answers every read exactly as a person that does not exist', async () => {
    const created = await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson());
    expect(created.statusCode).toBe(201);
    const hidden = created.json().id as string;
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const tail of ['', '/events', '/outreach', '/consents', '/consent-form', '/applications', '/extract']) {
      for (const who of [h.as.youth_coach, h.as.team_member, h.as.otherCoordinator]) {
        const [a, b] = [
          await who.request('GET', `/api/v1/persons/${hidden}${tail}`),
          await who.request('GET', `/api/v1/persons/${missing}${tail}`),
        ];
        expect(a.statusCode, `${who.email} ${tail}`).toBe(b.statusCode);
        expect([403, 404], `${who.email} ${tail}`).toContain(a.statusCode);
        expect(a.body.replaceAll(hidden, missing), `${who.email} ${tail}`).toBe(b.body);
      }
    }
  });
});
