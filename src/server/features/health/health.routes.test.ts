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
      .values({ municipality_id: h.municipalityId, kind: 'health_test', payload: '{}', status: 'queued', created_by: null, created_at: sql`now() - interval '11 minutes'` })
      .execute();
    try {
      const fresh = await h.anonymous('GET', '/api/health');
      expect(fresh.statusCode).toBe(200);
      expect(fresh.json()).toEqual({ status: 'ok', database: TEST_DB_KIND, jobs: 'stalled', oldestQueuedJobMinutes: 11 });
      const running = await h.db
        .insertInto('jobs')
        .values({ municipality_id: h.municipalityId, kind: 'health_test', payload: '{}', status: 'running', created_by: null, started_at: sql`now()`, heartbeat_at: sql`now()` })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect((await h.anonymous('GET', '/api/health')).json()).toMatchObject({ jobs: 'ok', oldestQueuedJobMinutes: 11 });
      // Its heartbeat goes silent: nothing is working on the queue any more.
      await h.db.updateTable('jobs').set({ heartbeat_at: sql`now() - interval '5 minutes'` }).where('id', '=', running.id).execute();
      expect((await h.anonymous('GET', '/api/health')).json()).toMatchObject({ jobs: 'stalled' });
    } finally {
      await h.db.deleteFrom('jobs').where('kind', '=', 'health_test').execute();
    }
    await h.db.insertInto('jobs').values({ municipality_id: h.municipalityId, kind: 'health_test', payload: '{}', status: 'queued', created_by: null, created_at: sql`now() - interval '2 minutes'` }).execute();
    try {
      expect((await h.anonymous('GET', '/api/health')).json()).toMatchObject({ jobs: 'ok', oldestQueuedJobMinutes: 2 });
    } finally {
      await h.db.deleteFrom('jobs').where('kind', '=', 'health_test').execute();
    }
  });

  it('publishes an OpenAPI 3 document with every /api/v1 route', async () => {
    const doc = (await h.anonymous('GET', '/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    const routes = h.app.printRoutes({ commonPrefix: false });
    const expected = ['/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/auth/me', '/api/v1/auth/password', '/api/v1/persons', '/api/v1/persons/{id}', '/api/v1/persons/{id}/events', '/api/v1/persons/{id}/notes', '/api/v1/persons/{id}/contact-grants', '/api/v1/persons/{id}/contact-grants/{staffId}', '/api/v1/cases/{id}', '/api/v1/staff', '/api/v1/staff/{id}', '/api/v1/staff/{id}/reset-password', '/api/v1/sign-in-codes', '/api/v1/sign-in-codes/{id}/issue', '/api/v1/units', '/api/v1/units/kaa', '/api/v1/audit', '/api/v1/figures', '/api/v1/getting-started', '/api/health', '/api/v1/imports', '/api/v1/imports/{id}', '/api/v1/imports/{id}/errors', '/api/v1/imports/{id}/mapping', '/api/v1/imports/{id}/accept', '/api/v1/register', '/api/v1/register/reconcile', '/api/v1/jobs/{id}', '/api/v1/notifications', '/api/v1/notifications/{id}/handle', '/api/v1/notification-routing',
      // Consent, applications and need-to-know access across agencies.
      '/api/v1/persons/{id}/consents', '/api/v1/consents/{id}/withdraw', '/api/v1/persons/{id}/consent-form', '/api/v1/consents/{id}/scan', '/api/v1/persons/{id}/emergency-access', '/api/v1/emergency-access',
      '/api/v1/emergency-access/requests', '/api/v1/emergency-access/requests/{id}/approve', '/api/v1/emergency-access/requests/{id}/deny',
      '/api/v1/alerts', '/api/v1/alerts/{id}/read', '/api/v1/settings', '/api/v1/teams', '/api/v1/teams/{id}/members', '/api/v1/teams/{id}/members/{staffId}', '/api/v1/persons/{id}/applications', '/api/v1/applications',
      '/api/v1/applications/{id}', '/api/v1/persons/{id}/extract', '/api/v1/access-review', '/api/v1/access-review/reviewed'];
    const outreach = [
      '/api/v1/persons/{id}/contact-attempts', '/api/v1/persons/{id}/outreach', '/api/v1/persons/{id}/next-step', '/api/v1/outreach-settings',
      '/api/v1/work-queues', '/api/v1/work-queues/{key}', '/api/v1/cases/bulk-assign', '/api/v1/letters', '/api/v1/letters/due',
      '/api/v1/message-templates', '/api/v1/message-templates/{kind}/{language}', '/api/v1/persons/{id}/sms', '/api/v1/sms', '/api/v1/sms/status', '/api/v1/sms/{id}/confirm-sent',
      '/api/v1/sms/incoming', '/api/v1/centres', '/api/v1/calendar', '/api/v1/meetings', '/api/v1/meetings/{id}/cancel', '/api/v1/calendar/feed',
      '/api/v1/calendar-feed.ics', '/api/v1/figures/outreach',
      // Units that administrators add, rename and deactivate.
      '/api/v1/units/{id}',
      // The assessment (kartläggning).
      '/api/v1/assessment-manual', '/api/v1/persons/{id}/assessments', '/api/v1/assessments/{id}', '/api/v1/assessments/{id}/complete',
    ];
    const measures = ['/api/v1/offers', '/api/v1/offers/{id}', '/api/v1/persons/{id}/measures', '/api/v1/measures/{id}', '/api/v1/persons/{id}/measure-goals', '/api/v1/persons/{id}/referrals', '/api/v1/referrals/{id}'];
    const plans = ['/api/v1/cases/{id}/plan', '/api/v1/cases/{id}/plan.pdf', '/api/v1/cases/{id}/plan/sign', '/api/v1/cases/{id}/plan/versions', '/api/v1/plan-goal-areas', '/api/v1/plan-signatures/{id}/scan'];
    const reports = ['/api/v1/reports/scb', '/api/v1/reports/outcomes'];
    expect(Object.keys(doc.paths).sort()).toEqual([...expected, ...outreach, ...measures, ...plans, ...reports].sort());
    expect(Object.keys(doc.paths['/api/v1/letters'].post.responses['200'].content)).toEqual(['application/pdf']);
    expect(routes).toContain('persons');
    expect(doc.paths['/api/v1/persons'].post.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['personalIdentityNumber', 'givenName', 'familyName']));
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
