import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../testing/factories.js';
import { createHarness, type Harness } from '../testing/harness.js';

/** Bad input of every kind answers 4xx problem+json with a code, never 5xx. */
describe('bad input', () => {
  let h: Harness;
  let personId: string;

  beforeAll(async () => {
    h = await createHarness();
    personId = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json().id;
  });
  afterAll(() => h?.close());

  const expectProblem = (
    res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
    status: number,
    code: string,
  ) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status, code });
  };

  it('refuses a body over the limit with 413', async () => {
    const res = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/notes`, {
      text: 'x'.repeat(2 * 1024 * 1024),
    });
    expectProblem(res, 413, 'payload_too_large');
  });

  it('refuses a body of a media type the route does not take with 415', async () => {
    const res = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/notes`, '<note/>', {
      'content-type': 'application/xml',
    });
    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('refuses a body that is not JSON with 400', async () => {
    const res = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/notes`, '{"text": "unfinished', {
      'content-type': 'application/json',
    });
    expectProblem(res, 400, 'invalid_json');
  });

  it('refuses a lone surrogate in a note with 400, naming the field', async () => {
    const res = await h.as.coordinator.request(
      'POST',
      `/api/v1/persons/${personId}/notes`,
      '{"text": "Samtal med \\ud800 mamma"}',
      { 'content-type': 'application/json' },
    );
    expectProblem(res, 400, 'validation_failed');
    expect((res.json() as { errors: unknown[] }).errors).toEqual([
      expect.objectContaining({ field: 'text', code: 'unsafe_text' }),
    ]);
  });

  it('refuses NUL in a free-text field of any route with 400', async () => {
    const res = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/contact-attempts`, {
      channel: 'phone',
      outcome: 'no_answer',
      at: new Date().toISOString(),
      note: 'ringde\u0000',
    });
    expectProblem(res, 400, 'validation_failed');
  });

  it('refuses a lone surrogate in a query string with 400', async () => {
    const res = await h.as.coordinator.request('GET', '/api/v1/persons?q=%ED%A0%80');
    expect(res.statusCode).toBeLessThan(500);
    const lone = await h.as.coordinator.request('GET', `/api/v1/persons?q=${encodeURIComponent('a')}%00`);
    expectProblem(lone, 400, 'validation_failed');
  });

  it('refuses the year 0000 and other dates out of range with 400', async () => {
    for (const at of ['0000-01-01T10:00:00Z', '0001-01-01T10:00:00+01:00', '9999-12-31T10:00:00Z']) {
      const res = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/contact-attempts`, {
        channel: 'phone',
        outcome: 'no_answer',
        at,
      });
      expectProblem(res, 400, 'validation_failed');
    }
    const res = await h.as.coordinator.request('GET', '/api/v1/calendar?from=0000-01-01&to=0000-01-31');
    expectProblem(res, 400, 'validation_failed');
  });

  it('answers a URL too long with 414 problem+json', async () => {
    const res = await h.as.coordinator.request('GET', `/api/v1/persons?q=${'a'.repeat(20_000)}`);
    expectProblem(res, 414, 'uri_too_long');
  });

  it('answers over a real connection what Node refuses before Fastify sees it as problem+json', async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = h.app.server.address() as AddressInfo;
    const get = (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port, path, headers }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
        });
        req.on('error', reject);
      });
    const hugeHeader = await get('/api/health', { 'x-filler': 'x'.repeat(40_000) });
    expect(hugeHeader).toMatchObject({ status: 431, type: expect.stringContaining('application/problem+json') });
    expect(JSON.parse(hugeHeader.body)).toMatchObject({ code: 'headers_too_large' });
    const longQuery = await get(`/api/v1/persons?q=${'a'.repeat(10_000)}`);
    expect(longQuery).toMatchObject({ status: 414, type: expect.stringContaining('application/problem+json') });
    const hugeQuery = await get(`/api/v1/persons?q=${'a'.repeat(40_000)}`);
    expect(hugeQuery).toMatchObject({ status: 431, type: expect.stringContaining('application/problem+json') });
    const badEscape = await get('/api/v1/persons/%zz');
    expect(badEscape).toMatchObject({ status: 400, type: expect.stringContaining('application/problem+json') });
  });
});
