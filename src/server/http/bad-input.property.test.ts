import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../testing/factories.js';
import { createHarness, type Harness } from '../testing/harness.js';

/** One operation of the app's OpenAPI document: the routes the app serves, as it describes them. */
type Route = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query: string[];
  body: string[] | null;
};

/** Strings that broke servers before: lone surrogates, NUL, years out of range, huge numbers, tricks. */
const nasty = fc.constantFrom(
  '\ud800',
  'a\udfffb',
  'x\u0000y',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '9999-12-31',
  '275760-09-13T00:00:00Z',
  '2026-02-30',
  '1e400',
  '-1',
  '',
  ' ',
  'x'.repeat(5000),
  "'; drop table persons; --",
  '../../etc/passwd',
  '20070101-2395',
);
const scalar = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.uuid(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);
const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  fc.array(scalar, { maxLength: 3 }),
  fc.dictionary(fc.string(), scalar, { maxKeys: 3 }),
);

/** Percent-encodes `s` byte by byte; `raw` adds escapes that are no UTF-8 at all. */
const encode = (s: string) =>
  [...Buffer.from(String(s), 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
const rawEscape = fc.constantFrom('%ED%A0%80', '%FF', '%00', '%C0%AF', '%', '%zz');
const urlPart = fc.oneof(
  fc.uuid().map(encode),
  scalar.map((v) => encode(String(v))),
  rawEscape,
);

function requestOf(route: Route) {
  const path = route.path.replace(/\{[^}]+\}/g, '\u0001');
  const pieces = path.split('\u0001').length - 1;
  const query = fc.array(
    fc.tuple(fc.oneof(fc.constantFrom(...(route.query.length ? route.query : ['q'])), fc.string()), urlPart),
    { maxLength: 4 },
  );
  const known = route.body?.length
    ? fc.record(Object.fromEntries(route.body.map((p) => [p, value])), { requiredKeys: [] })
    : value;
  const body = route.body ? fc.oneof({ weight: 3, arbitrary: known }, fc.jsonValue(), value) : fc.constant(undefined);
  const contentType = fc.constantFrom(
    'application/json',
    'application/json',
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
  );
  return fc.record({ params: fc.array(urlPart, { minLength: pieces, maxLength: pieces }), query, body, contentType });
}

describe('every route, given random input', () => {
  let h: Harness;
  let routes: Route[];

  beforeAll(async () => {
    h = await createHarness();
    await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson());
    const doc = h.app.swagger() as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { in: string; name: string }[];
            requestBody?: { content: Record<string, { schema?: { properties?: object } }> };
          }
        >
      >;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase() as Route['method'],
        path,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        body: op.requestBody
          ? Object.keys(op.requestBody.content['application/json']?.schema?.properties ?? {})
          : ['POST', 'PUT', 'PATCH'].includes(method.toUpperCase())
            ? []
            : null,
      })),
    );
  });
  afterAll(() => h?.close());

  // A dozen requests for each of some 150 operations, and more with every route added: seconds on a quiet
  // machine, minutes on one busy with other work, which is no failure of what this checks.
  it('answers no 5xx, and every refusal as problem+json with a code', { timeout: 300_000 }, async () => {
    // Signing out would leave the rest of the run unauthenticated; it takes no input anyway.
    const probed = routes.filter((r) => r.path !== '/api/v1/auth/logout');
    expect(probed.length).toBeGreaterThan(50);
    const failures: string[] = [];
    for (const route of probed) {
      const details = await fc.check(
        fc.asyncProperty(requestOf(route), async ({ params, query, body, contentType }) => {
          let i = 0;
          const url =
            route.path.replace(/\{[^}]+\}/g, () => params[i++]!) +
            (query.length ? `?${query.map(([k, v]) => `${encode(k)}=${v}`).join('&')}` : '');
          const payload = body === undefined ? undefined : JSON.stringify(body);
          const headers: Record<string, string> = payload === undefined ? {} : { 'content-type': contentType };
          const res = await h.as.coordinator.request(route.method, url, payload, headers);
          if (res.statusCode >= 500) return false;
          if (res.statusCode >= 400)
            return (
              String(res.headers['content-type']).startsWith('application/problem+json') &&
              typeof res.json().code === 'string'
            );
          return true;
        }),
        { numRuns: 12 },
      );
      if (details.failed)
        failures.push(
          `${route.method} ${route.path}: ${JSON.stringify(details.counterexample)} (seed ${details.seed})`,
        );
    }
    expect(failures).toEqual([]);
  });
});
