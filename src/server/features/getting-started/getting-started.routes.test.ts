import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('GET /api/v1/getting-started', () => {
  it('is for administrators only', async () => {
    expect((await h.anonymous('GET', '/api/v1/getting-started')).statusCode).toBe(401);
    expect((await h.as.coordinator.request('GET', '/api/v1/getting-started')).statusCode).toBe(403);
  });

  it('says which first steps are taken, and marks the KAA units done once an administrator chose them', async () => {
    const before = (await h.as.administrator.request('GET', '/api/v1/getting-started')).json();
    expect(before).toEqual({ staff: true, kaaUnits: false, lists: false, reconciled: false });
    const units = (await h.as.administrator.request('GET', '/api/v1/units')).json() as { id: string; kaa: boolean }[];
    const res = await h.as.administrator.request('PUT', '/api/v1/units/kaa', {
      unitIds: units.filter((u) => u.kaa).map((u) => u.id),
    });
    expect(res.statusCode).toBe(200);
    expect((await h.as.administrator.request('GET', '/api/v1/getting-started')).json()).toMatchObject({
      kaaUnits: true,
    });
  });
});
