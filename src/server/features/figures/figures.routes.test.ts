import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('GET /api/v1/figures', () => {
  it('answers 401 without a session and 403 to a school reporter', async () => {
    expect((await h.anonymous('GET', '/api/v1/figures')).statusCode).toBe(401);
    expect((await h.as.school_reporter.request('GET', '/api/v1/figures')).statusCode).toBe(403);
  });

  it('gives a manager counts and no identities', async () => {
    const { id } = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json();
    await h.db
      .insertInto('register_periods')
      .values({
        municipality_id: h.municipalityId,
        person_id: id,
        entered_on: '2026-09-01',
        entry_reason: 'dropped_out',
      })
      .execute();
    await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson());
    const res = await h.as.manager.request('GET', '/api/v1/figures');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      inRegister: 1,
      openCases: 2,
      withoutContactPerson: 2,
      myCases: null,
      contactPersonWithoutAccess: null,
      byStatus: { new: 2 },
    });
  });

  it('does not count another municipality', async () => {
    await h.as.otherCoordinator.request('POST', '/api/v1/persons', buildPerson());
    expect((await h.as.otherCoordinator.request('GET', '/api/v1/figures')).json()).toMatchObject({
      openCases: 1,
      myCases: 0,
    });
  });
});
