import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/harness.js';
import { signInYoung, youngPerson } from '../me/me-testing.js';

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
}, 120_000);
afterAll(() => h.close());

const url = '/api/v1/settings/young-person';

describe("the young person's access log setting", () => {
  it('answers 401 without a session, 403 to roles other than coordinators, 404 to a young person', async () => {
    expect((await h.anonymous('GET', url)).statusCode).toBe(401);
    for (const role of ['youth_coach', 'administrator', 'manager'] as const) {
      expect((await h.as[role].request('GET', url)).statusCode, role).toBe(403);
      expect((await h.as[role].request('PUT', url, { staffNamesShown: true })).statusCode, role).toBe(403);
    }
    const me = await youngPerson(h);
    const young = await signInYoung(h, me.pin, me.personId);
    expect((await young.request('PUT', url, { staffNamesShown: true })).statusCode).toBe(404);
  });

  it("lets a coordinator show staff names in the young person's log, audited, in their municipality only", async () => {
    const me = await youngPerson(h);
    await h.as.youth_coach.request('GET', `/api/v1/persons/${me.personId}`);
    const young = await signInYoung(h, me.pin, me.personId);
    const names = async () =>
      ((await young.request('GET', '/api/v1/me/access-log')).json() as { entries: { name: string | null }[] }).entries
        .map((e) => e.name)
        .filter(Boolean);
    expect(await names()).toEqual([]);
    expect((await h.as.coordinator.request('GET', url)).json()).toEqual({ staffNamesShown: false });

    const put = await h.as.coordinator.request('PUT', url, { staffNamesShown: true });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ staffNamesShown: true });
    expect(await names()).toContain('Test youth_coach');
    expect((await h.as.otherCoordinator.request('GET', url)).json()).toEqual({ staffNamesShown: false });
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity', '=', 'settings')
      .where('actor_id', '=', h.as.coordinator.staffId)
      .execute();
    expect(audit).toMatchObject([{ action: 'update', detail: { youngPerson: { staffNamesShown: true } } }]);
    expect((await h.as.coordinator.request('PUT', url, { staffNamesShown: 'yes' })).statusCode).toBe(400);
  });
});
