import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { ConfigError, loadEnv } from '../env.js';
import { sealAudit, unsealedBacklog } from '../audit/seal.js';
import { backgroundFailed, backgroundFailures, setBackgroundLogger } from '../log.js';
import { buildPerson } from '../testing/factories.js';
import { createHarness, type Harness } from '../testing/harness.js';

const TOKEN = 'metrics-token-for-tests-0123456789';
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ LOTSA_METRICS_TOKEN: TOKEN });
});
afterAll(() => h.close());

const scrape = (authorization?: string) =>
  h.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });

describe('GET /metrics', () => {
  it('answers 401 without the bearer token, or with a wrong one', async () => {
    const none = await scrape();
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect((await scrape(`Bearer ${TOKEN}x`)).statusCode).toBe(401);
    expect((await scrape(`Basic ${TOKEN}`)).statusCode).toBe(401);
    expect((await scrape('Bearer ')).statusCode).toBe(401);
  });

  it('is off (404) when LOTSA_METRICS_TOKEN is not set, token or not', async () => {
    const app = await buildApp(h.handle, { ...h.env, metricsToken: null }, { logger: false });
    try {
      expect(
        (await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } }))
          .statusCode,
      ).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('counts and times requests per route pattern, never with ids or search terms in the labels', async () => {
    const id = randomUUID();
    expect((await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).statusCode).toBe(404);
    expect((await h.as.coordinator.request('GET', '/api/v1/persons?q=Tolvansson')).statusCode).toBe(200);
    await h.anonymous('GET', '/api/health');
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = res.body;
    expect(body).toMatch(/^lotsa_http_requests_total\{method="GET",route="\/api\/v1\/persons\/:id",status="404"\} 1$/m);
    expect(body).toMatch(/^lotsa_http_requests_total\{method="GET",route="\/api\/v1\/persons",status="200"\} 1$/m);
    expect(body).toMatch(/^lotsa_http_request_duration_seconds_count\{method="GET",route="\/api\/health"\} 1$/m);
    expect(body).toMatch(
      /^lotsa_http_request_duration_seconds_bucket\{le="0\.05",method="GET",route="\/api\/v1\/persons"\} \d+$/m,
    );
    expect(body).not.toContain(id);
    expect(body).not.toContain('Tolvansson');
  });

  it('reports the job queue, its failures, the database connections and the audit log', async () => {
    await h.db
      .insertInto('jobs')
      .values({
        municipality_id: h.municipalityId,
        kind: 'metrics_test',
        payload: '{}',
        status: 'queued',
        created_by: null,
      })
      .execute();
    try {
      const body = (await scrape(`Bearer ${TOKEN}`)).body;
      expect(body).toMatch(/^lotsa_jobs\{status="queued"\} 1$/m);
      expect(body).toMatch(/^lotsa_jobs\{status="failed"\} \d+$/m);
      expect(body).toMatch(/^lotsa_job_queue_stalled 0$/m);
      expect(body).toMatch(/^lotsa_job_queue_oldest_waiting_seconds 0$/m);
      expect(body).toMatch(/^# TYPE lotsa_job_failures_total counter\nlotsa_job_failures_total \d+$/m);
      expect(body).toMatch(/^lotsa_db_connections\{state="in_use"\} \d+$/m);
      expect(body).toMatch(/^lotsa_db_connections\{state="waiting"\} 0$/m);
      expect(body).toMatch(/^lotsa_db_connections_max \d+$/m);
      const audited = Number(
        (
          await h.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      expect(audited).toBeGreaterThan(0);
      expect(body).toMatch(new RegExp(`^lotsa_audit_entries ${audited}$`, 'm'));
      expect(body).toMatch(/^lotsa_process_resident_memory_bytes \d+$/m);
      expect(body).toMatch(/^lotsa_db_lock_waits 0$/m);
    } finally {
      await h.db.deleteFrom('jobs').where('kind', '=', 'metrics_test').execute();
    }
  });

  it('reports the audit entries not yet sealed, and how long the oldest has waited', async () => {
    await sealAudit(h.db);
    const sealed = (await scrape(`Bearer ${TOKEN}`)).body;
    // The scrapes themselves are not audited: nothing waits.
    expect(sealed).toMatch(/^lotsa_audit_unsealed_entries 0$/m);
    expect(sealed).toMatch(/^lotsa_audit_oldest_unsealed_seconds 0$/m);
    // A person is created and read: both are audited, and nothing seals them here (no server runs the sealing job).
    const created = await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson());
    expect(created.statusCode).toBe(201);
    expect((await h.as.coordinator.request('GET', `/api/v1/persons/${created.json().id}`)).statusCode).toBe(200);
    const waiting = (await scrape(`Bearer ${TOKEN}`)).body;
    const unsealed = Number(/^lotsa_audit_unsealed_entries (\d+)$/m.exec(waiting)?.[1]);
    expect(unsealed).toBe((await unsealedBacklog(h.db)).count);
    expect(unsealed).toBeGreaterThanOrEqual(2);
    expect(waiting).toMatch(/^lotsa_audit_oldest_unsealed_seconds \d+(\.\d+)?(e-?\d+)?$/m);
    await sealAudit(h.db);
    expect((await scrape(`Bearer ${TOKEN}`)).body).toMatch(/^lotsa_audit_unsealed_entries 0$/m);
  });

  it('counts the failures of background work by task', async () => {
    setBackgroundLogger({ error: () => {}, warn: () => {}, info: () => {} });
    try {
      const before = backgroundFailures.get('reaper') ?? 0;
      backgroundFailed('reaper', new Error('the database went away'), 'Looking for interrupted work failed');
      const body = (await scrape(`Bearer ${TOKEN}`)).body;
      expect(body).toMatch(new RegExp(`^lotsa_background_failures_total\\{task="reaper"\\} ${before + 1}$`, 'm'));
    } finally {
      setBackgroundLogger(null);
    }
  });

  it('refuses a token too short to be secret, naming the variable', () => {
    expect(() => loadEnv({ LOTSA_METRICS_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => loadEnv({ LOTSA_METRICS_TOKEN: 'short' })).toThrow(/LOTSA_METRICS_TOKEN: must be 24–200/);
    expect(loadEnv({}).metricsToken).toBeNull();
    expect(loadEnv({ LOTSA_METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
  });
});
