import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function newCase() {
  const { id } = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json();
  const person = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json();
  return { personId: id as string, caseId: person.case.id as string, version: person.case.version as number };
}

describe('PATCH /api/v1/cases/:id', () => {
  it('answers 401 without a session', async () => {
    const c = await newCase();
    expect(
      (await h.anonymous('PATCH', `/api/v1/cases/${c.caseId}`, { status: 'active', version: c.version })).statusCode,
    ).toBe(401);
  });

  it('lets only coordinators change the contact person', async () => {
    const c = await newCase();
    const res = await h.as.youth_coach.request('PATCH', `/api/v1/cases/${c.caseId}`, {
      contactPersonId: h.as.youth_coach.staffId,
      version: c.version,
    });
    expect(res.statusCode).toBe(403);
  });

  it('answers 404 for a case in another municipality', async () => {
    const c = await newCase();
    const res = await h.as.otherCoordinator.request('PATCH', `/api/v1/cases/${c.caseId}`, {
      status: 'active',
      version: c.version,
    });
    expect(res.statusCode).toBe(404);
  });

  it('refuses a contact person who cannot hold cases', async () => {
    const c = await newCase();
    for (const staffId of [h.as.school_reporter.staffId, h.as.otherCoordinator.staffId]) {
      const res = await h.as.coordinator.request('PATCH', `/api/v1/cases/${c.caseId}`, {
        contactPersonId: staffId,
        version: c.version,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('contactPersonId');
    }
  });

  it('reassigns the case, records it on the timeline and gives the new contact person access', async () => {
    const c = await newCase();
    expect((await h.as.youth_coach.request('GET', `/api/v1/persons/${c.personId}`)).statusCode).toBe(404);
    const res = await h.as.coordinator.request('PATCH', `/api/v1/cases/${c.caseId}`, {
      contactPersonId: h.as.youth_coach.staffId,
      version: c.version,
    });
    expect(res.statusCode).toBe(204);
    const person = (await h.as.youth_coach.request('GET', `/api/v1/persons/${c.personId}`)).json();
    expect(person.case).toMatchObject({ contactPerson: { id: h.as.youth_coach.staffId }, version: c.version + 1 });
    const events = (await h.as.youth_coach.request('GET', `/api/v1/persons/${c.personId}/events`)).json();
    expect(events[0]).toMatchObject({
      type: 'contact_person_changed',
      payload: { from: null, to: { id: h.as.youth_coach.staffId, name: 'Test youth_coach' } },
    });
  });

  it('lets the contact person change the status, but closing only with an outcome', async () => {
    const c = await newCase();
    await h.as.coordinator.request('PATCH', `/api/v1/cases/${c.caseId}`, {
      contactPersonId: h.as.youth_coach.staffId,
      version: c.version,
    });
    const patch = (body: object) => h.as.youth_coach.request('PATCH', `/api/v1/cases/${c.caseId}`, body);
    expect((await patch({ status: 'active', version: c.version + 1 })).statusCode).toBe(204);
    const res = await patch({ status: 'closed', version: c.version + 2 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'status', code: 'close_with_outcome' })]);
    const person = (await h.as.youth_coach.request('GET', `/api/v1/persons/${c.personId}`)).json();
    expect(person.case).toMatchObject({ status: 'active', closedAt: null });
  });

  it('refuses a stale version with 409 and an unknown status with 400', async () => {
    const c = await newCase();
    expect(
      (await h.as.coordinator.request('PATCH', `/api/v1/cases/${c.caseId}`, { status: 'active', version: c.version }))
        .statusCode,
    ).toBe(204);
    const stale = await h.as.coordinator.request('PATCH', `/api/v1/cases/${c.caseId}`, {
      status: 'contacting',
      version: c.version,
    });
    expect(stale.statusCode).toBe(409);
    const bad = await h.as.coordinator.request('PATCH', `/api/v1/cases/${c.caseId}`, {
      status: 'finished',
      version: c.version + 1,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('lets one of two concurrent edits win and tells the other', async () => {
    const c = await newCase();
    const [a, b] = await Promise.all([
      h.as.coordinator.request('PATCH', `/api/v1/cases/${c.caseId}`, { status: 'active', version: c.version }),
      h.as.coordinator.request('PATCH', `/api/v1/cases/${c.caseId}`, { status: 'contacting', version: c.version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([204, 409]);
  });
});
