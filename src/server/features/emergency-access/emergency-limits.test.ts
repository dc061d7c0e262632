import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, TEST_PASSWORD, type Client, type Harness } from '../../testing/harness.js';
import { insertStaff } from '../staff/staff.service.js';

let h: Harness;
const reason = { reason: 'Ungdomen ringer i kris och kontaktpersonen är sjuk' };
const persons: string[] = [];
let socialWorker: Client;
let socialUnit: string;

beforeAll(async () => {
  h = await createHarness();
  for (let i = 0; i < 8; i++)
    persons.push((await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json().id);
  socialUnit = (
    await h.db
      .selectFrom('units')
      .select('id')
      .where('municipality_id', '=', h.municipalityId)
      .where('name', '=', 'Socialtjänsten')
      .executeTakeFirstOrThrow()
  ).id;
  await insertStaff(h.db, {
    municipalityId: h.municipalityId,
    name: 'Socialsekreterare',
    email: 'social@test.lotsa.local',
    role: 'team_member',
    unitId: socialUnit,
    password: TEST_PASSWORD,
  });
  socialWorker = await h.signIn('social@test.lotsa.local');
});
afterAll(() => h.close());

const open = (client: Client, personId: string) =>
  client.request('POST', `/api/v1/persons/${personId}/emergency-access`, reason);

describe('emergency access with limits', () => {
  it("turns the day's fourth person into a request that waits for a coordinator, and alerts coordinators", async () => {
    for (const personId of persons.slice(0, 3)) expect((await open(h.as.team_member, personId)).statusCode).toBe(201);
    // The same person again is the same access, not another person.
    expect((await open(h.as.team_member, persons[0]!)).statusCode).toBe(201);
    const fourth = await open(h.as.team_member, persons[3]!);
    expect(fourth.statusCode).toBe(202);
    expect(fourth.json()).toMatchObject({ status: 'pending', personId: persons[3] });
    expect((await h.as.team_member.request('GET', `/api/v1/persons/${persons[3]}`)).statusCode).toBe(404);
    expect((await open(h.as.team_member, persons[3]!)).json().requestId).toBe(fourth.json().requestId);

    const alerts = (await h.as.coordinator.request('GET', '/api/v1/alerts')).json();
    expect(alerts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'emergency_request',
          personId: persons[3],
          payload: expect.objectContaining({ by: 'Test team_member', reason: reason.reason }),
        }),
      ]),
    );
  });

  it('stops a bulk read: eight persons asked for all at once open only three', async () => {
    const asked = await Promise.all(persons.slice(4, 8).map((p) => open(h.as.secondCoach, p)));
    const more = await Promise.all(persons.slice(0, 4).map((p) => open(h.as.secondCoach, p)));
    const codes = [...asked, ...more].map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(3);
    expect(codes.filter((c) => c === 202)).toHaveLength(5);
  });

  it('lets another coordinator approve a request, which opens the access with the usual alerts', async () => {
    const pending = (await open(h.as.team_member, persons[4]!)).json();
    expect((await h.as.youth_coach.request('GET', '/api/v1/emergency-access/requests')).statusCode).toBe(403);
    const list = (await h.as.coordinator.request('GET', '/api/v1/emergency-access/requests')).json();
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: pending.requestId,
          person: expect.objectContaining({ id: persons[4] }),
          requestedBy: { id: h.as.team_member.staffId, name: 'Test team_member' },
          reason: reason.reason,
        }),
      ]),
    );
    expect(
      (await h.as.otherCoordinator.request('POST', `/api/v1/emergency-access/requests/${pending.requestId}/approve`))
        .statusCode,
    ).toBe(404);
    expect(
      (await h.as.team_member.request('POST', `/api/v1/emergency-access/requests/${pending.requestId}/approve`))
        .statusCode,
    ).toBe(403);

    expect(
      (await h.as.coordinator.request('POST', `/api/v1/emergency-access/requests/${pending.requestId}/approve`))
        .statusCode,
    ).toBe(204);
    expect((await h.as.team_member.request('GET', `/api/v1/persons/${persons[4]}`)).json().access.basis).toBe(
      'emergency',
    );
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/emergency-access/requests/${pending.requestId}/deny`)).json()
        .code,
    ).toBe('emergency_request_decided');
    const told = (await h.as.team_member.request('GET', '/api/v1/alerts')).json();
    expect(told).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'emergency_request_decided',
          payload: expect.objectContaining({ decision: 'approved', by: 'Test coordinator' }),
        }),
      ]),
    );
    const admin = (await h.as.administrator.request('GET', '/api/v1/alerts')).json();
    expect(admin).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'emergency_access',
          personId: persons[4],
          payload: expect.objectContaining({ by: 'Test team_member', approvedBy: 'Test coordinator' }),
        }),
      ]),
    );
  });

  it('lets a coordinator deny a request, and no one answer their own', async () => {
    for (const p of persons.slice(0, 3)) await open(h.as.coordinator, p);
    const own = (await open(h.as.coordinator, persons[5]!)).json();
    expect(own.status).toBe('pending');
    expect(
      (await h.as.coordinator.request('GET', '/api/v1/emergency-access/requests'))
        .json()
        .map((r: { id: string }) => r.id),
    ).not.toContain(own.requestId);
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/emergency-access/requests/${own.requestId}/approve`)).json()
        .code,
    ).toBe('self_approval_forbidden');

    const other = (await open(h.as.team_member, persons[6]!)).json();
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/emergency-access/requests/${other.requestId}/deny`)).statusCode,
    ).toBe(204);
    expect((await h.as.team_member.request('GET', `/api/v1/persons/${persons[6]}`)).statusCode).toBe(404);
  });

  it('does not approve a request whose requester was deactivated while it waited', async () => {
    const kaaUnit = (
      await h.db
        .selectFrom('units')
        .select('id')
        .where('municipality_id', '=', h.municipalityId)
        .where('kaa', '=', true)
        .executeTakeFirstOrThrow()
    ).id;
    await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: 'Vikarie',
      email: 'vikarie@test.lotsa.local',
      role: 'youth_coach',
      unitId: kaaUnit,
      password: TEST_PASSWORD,
    });
    const substitute = await h.signIn('vikarie@test.lotsa.local');
    await h.db
      .updateTable('municipalities')
      .set({ emergency_daily_limit: 1 })
      .where('id', '=', h.municipalityId)
      .execute();
    try {
      expect((await open(substitute, persons[0]!)).statusCode).toBe(201);
      const waiting = (await open(substitute, persons[7]!)).json();
      expect(waiting.status).toBe('pending');
      await h.db.updateTable('staff').set({ active: false }).where('id', '=', substitute.staffId).execute();
      const refused = await h.as.coordinator.request(
        'POST',
        `/api/v1/emergency-access/requests/${waiting.requestId}/approve`,
      );
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('emergency_requester_not_allowed');
      expect(
        await h.db
          .selectFrom('emergency_access')
          .select('person_id')
          .where('staff_id', '=', substitute.staffId)
          .execute(),
      ).toEqual([{ person_id: persons[0] }]);
      expect(
        (await h.as.coordinator.request('POST', `/api/v1/emergency-access/requests/${waiting.requestId}/deny`))
          .statusCode,
      ).toBe(204);
    } finally {
      await h.db
        .updateTable('municipalities')
        .set({ emergency_daily_limit: 3 })
        .where('id', '=', h.municipalityId)
        .execute();
    }
  });

  it("is for the roles and units the municipality chooses: by default not other agencies' caseworkers", async () => {
    const refused = await open(socialWorker, persons[0]!);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('emergency_not_allowed');

    expect(
      (await h.as.administrator.request('PUT', '/api/v1/settings', { emergencyUnitIds: [socialUnit] })).statusCode,
    ).toBe(200);
    expect((await open(socialWorker, persons[0]!)).statusCode).toBe(201);
    // Only the social services now: the KAA's own youth coach no longer may.
    expect((await open(h.as.youth_coach, persons[0]!)).json().code).toBe('emergency_not_allowed');

    expect(
      (
        await h.as.administrator.request('PUT', '/api/v1/settings', {
          emergencyUnitIds: null,
          emergencyRoles: ['coordinator'],
          emergencyDailyLimit: 10,
        })
      ).json(),
    ).toMatchObject({ emergencyUnitIds: null, emergencyRoles: ['coordinator'], emergencyDailyLimit: 10 });
    expect((await open(h.as.youth_coach, persons[0]!)).json().code).toBe('emergency_not_allowed');
    expect((await open(h.as.coordinator, persons[5]!)).statusCode).toBe(201);
    expect(
      (await h.as.administrator.request('PUT', '/api/v1/settings', { emergencyUnitIds: [h.otherMunicipalityId] }))
        .statusCode,
    ).toBe(400);
  });
});
