import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KIND } from '../../testing/database.js';
import { createHarness, type Harness } from '../../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('public endpoints', () => {
  it('reports health and the kind of database', async () => {
    const res = await h.anonymous('GET', '/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: TEST_DB_KIND, jobs: 'ok', oldestQueuedJobMinutes: null });
  });

  it('reports a job queue that has stopped moving, and not one held up by a job that is still working', async () => {
    await h.db
      .insertInto('jobs')
      .values({
        municipality_id: h.municipalityId,
        kind: 'health_test',
        payload: '{}',
        status: 'queued',
        created_by: null,
        created_at: sql`now() - interval '11 minutes'`,
      })
      .execute();
    try {
      const fresh = await h.anonymous('GET', '/api/health');
      expect(fresh.statusCode).toBe(200);
      expect(fresh.json()).toEqual({
        status: 'ok',
        database: TEST_DB_KIND,
        jobs: 'stalled',
        oldestQueuedJobMinutes: 11,
      });
      const running = await h.db
        .insertInto('jobs')
        .values({
          municipality_id: h.municipalityId,
          kind: 'health_test',
          payload: '{}',
          status: 'running',
          created_by: null,
          started_at: sql`now()`,
          heartbeat_at: sql`now()`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect((await h.anonymous('GET', '/api/health')).json()).toMatchObject({
        jobs: 'ok',
        oldestQueuedJobMinutes: 11,
      });
      // Its heartbeat goes silent: nothing is working on the queue any more.
      await h.db
        .updateTable('jobs')
        .set({ heartbeat_at: sql`now() - interval '5 minutes'` })
        .where('id', '=', running.id)
        .execute();
      expect((await h.anonymous('GET', '/api/health')).json()).toMatchObject({ jobs: 'stalled' });
    } finally {
      await h.db.deleteFrom('jobs').where('kind', '=', 'health_test').execute();
    }
    await h.db
      .insertInto('jobs')
      .values({
        municipality_id: h.municipalityId,
        kind: 'health_test',
        payload: '{}',
        status: 'queued',
        created_by: null,
        created_at: sql`now() - interval '2 minutes'`,
      })
      .execute();
    try {
      expect((await h.anonymous('GET', '/api/health')).json()).toMatchObject({ jobs: 'ok', oldestQueuedJobMinutes: 2 });
    } finally {
      await h.db.deleteFrom('jobs').where('kind', '=', 'health_test').execute();
    }
  });

  // Which routes it holds is checked without a list to keep: src/server/http/routes-tested.test.ts
  // fails on any route in it that no test calls.
  it('publishes an OpenAPI 3 document of the API: the health check and the /api/v1 routes', async () => {
    const doc = (await h.anonymous('GET', '/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    const routes = h.app.printRoutes({ commonPrefix: false });
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/health', '/api/v1/auth/login', '/api/v1/persons', '/api/v1/persons/{id}']),
    );
    for (const path of paths) expect(path).toMatch(/^\/api\/(health$|v1\/)/);
    expect(Object.keys(doc.paths['/api/v1/letters'].post.responses['200'].content)).toEqual(['application/pdf']);
    expect(routes).toContain('persons');
    expect(doc.paths['/api/v1/persons'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['personalIdentityNumber', 'givenName', 'familyName']),
    );
  });

  it('serves human-readable API docs', async () => {
    const res = await h.anonymous('GET', '/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('answers unknown API paths with problem+json 404 and sets security headers', async () => {
    expect((await h.anonymous('GET', '/api/v1/nothing-here')).statusCode).toBe(401);
    const res = await h.as.coordinator.request('GET', '/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
