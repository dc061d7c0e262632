import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Client, type Harness } from '../../testing/harness.js';
import { signInNewStaff } from '../../testing/staff.js';

let h: Harness;
let personId: string;
let pnr: string;
const reason = { reason: 'Ungdomen ringer i kris och kontaktpersonen är sjuk' };

/** A young person of `harness`'s municipality whose case `contact` holds. */
async function personHeldBy(harness: Harness, contact: Client) {
  const person = buildPerson();
  const id = (await harness.as.coordinator.request('POST', '/api/v1/persons', person)).json().id as string;
  const kase = (await harness.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json().case;
  const res = await harness.as.coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, {
    contactPersonId: contact.staffId,
    version: kase.version,
  });
  expect(res.statusCode, res.body).toBe(204);
  return { id, pnr: person.personalIdentityNumber };
}

beforeAll(async () => {
  h = await createHarness();
  ({ id: personId, pnr } = await personHeldBy(h, h.as.secondCoach));
});
afterAll(() => h.close());

describe('POST /api/v1/persons/:id/emergency-access', () => {
  it('answers 401 without a session, 403 to a manager, 404 in another municipality', async () => {
    const url = `/api/v1/persons/${personId}/emergency-access`;
    expect((await h.anonymous('POST', url, reason)).statusCode).toBe(401);
    expect((await h.as.manager.request('POST', url, reason)).statusCode).toBe(403);
    expect((await h.as.administrator.request('POST', url, reason)).statusCode).toBe(403);
    expect((await h.as.otherCoordinator.request('POST', url, reason)).statusCode).toBe(404);
  });

  it('requires a stated reason of at least 20 characters', async () => {
    const res = await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/emergency-access`, {
      reason: '  ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'reason', code: 'required' });
    const short = await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/emergency-access`, {
      reason: 'x',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({
      code: 'emergency_reason_too_short',
      errors: [{ field: 'reason', code: 'too_short' }],
    });
    expect(
      (
        await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/emergency-access`, {
          reason: ' 19 tecken, inte 20 ',
        })
      ).statusCode,
    ).toBe(400);
  });

  it("opens all for the municipality's hours, alerts contact person and administrators, logs it", async () => {
    // A contact person and an administrator of its own, whose alerts only this test's access can have made.
    const contact = await signInNewStaff(h, 'youth_coach');
    const administrator = await signInNewStaff(h, 'administrator');
    const { id: personId } = await personHeldBy(h, contact);
    expect((await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}`)).statusCode).toBe(404);
    const res = await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/emergency-access`, reason);
    expect(res.statusCode).toBe(201);
    const hours = (new Date(res.json().endsAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(3.9);
    expect(hours).toBeLessThanOrEqual(4);
    const again = await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/emergency-access`, reason);
    expect(again.json().id).toBe(res.json().id);
    const person = (await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}`)).json();
    expect(person.access).toMatchObject({
      basis: 'emergency',
      categories: ['contact_occupation', 'assessment_plan', 'health_social'],
      emergencyUntil: res.json().endsAt,
    });
    // Reading is all it gives: the case stays the KAA's.
    expect(
      (
        await h.as.youth_coach.request('PATCH', `/api/v1/cases/${person.case.id}`, {
          status: 'active',
          version: person.case.version,
        })
      ).statusCode,
    ).toBe(404);

    for (const who of [contact, administrator]) {
      const alerts = (await who.request('GET', '/api/v1/alerts')).json();
      expect(alerts).toEqual([
        expect.objectContaining({
          kind: 'emergency_access',
          personId,
          payload: expect.objectContaining({ by: 'Test youth_coach', reason: reason.reason }),
        }),
      ]);
      expect((await who.request('POST', `/api/v1/alerts/${alerts[0].id}/read`)).statusCode).toBe(204);
      expect((await who.request('GET', '/api/v1/alerts')).json()).toEqual([]);
    }
    expect((await h.as.youth_coach.request('GET', '/api/v1/alerts')).json()).toEqual([]);

    const log = (
      await h.as.administrator.request('GET', `/api/v1/audit?personId=${personId}&actorId=${h.as.youth_coach.staffId}`)
    ).json();
    // The coach's read before the emergency access was denied (404), and is recorded as such.
    expect(log.items.map((e: { entity: string; emergency: boolean }) => `${e.entity}:${e.emergency}`).sort()).toEqual([
      'emergency_access:true',
      'person:false',
      'person:true',
    ]);
  });

  it('can be asked by identity number for a person one cannot see', async () => {
    const res = await h.as.team_member.request('POST', '/api/v1/emergency-access', {
      personalIdentityNumber: pnr,
      ...reason,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().personId).toBe(personId);
    const unknown = await h.as.team_member.request('POST', '/api/v1/emergency-access', {
      personalIdentityNumber: '200601022387',
      ...reason,
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('PUT /api/v1/settings', () => {
  it('lets only administrators change the emergency-access hours, within 1 to 72', async () => {
    // The hours are the municipality's: changed in a municipality of its own, the other tests keep four.
    const h = await createHarness();
    try {
      const { id: personId } = await personHeldBy(h, h.as.secondCoach);
      expect((await h.as.coordinator.request('PUT', '/api/v1/settings', { emergencyAccessHours: 8 })).statusCode).toBe(
        403,
      );
      expect(
        (await h.as.administrator.request('PUT', '/api/v1/settings', { emergencyAccessHours: 0 })).statusCode,
      ).toBe(400);
      expect(
        (await h.as.administrator.request('PUT', '/api/v1/settings', { emergencyAccessHours: 1 })).statusCode,
      ).toBe(200);
      expect((await h.as.coordinator.request('GET', '/api/v1/settings')).json()).toEqual({
        emergencyAccessHours: 1,
        emergencyDailyLimit: 3,
        emergencyRoles: ['coordinator', 'youth_coach', 'team_member'],
        emergencyUnitIds: null,
      });
      const res = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/emergency-access`, reason);
      expect((new Date(res.json().endsAt).getTime() - Date.now()) / 3_600_000).toBeLessThanOrEqual(1);
    } finally {
      await h.close();
    }
  });
});
