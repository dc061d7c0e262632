import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Client, type Harness } from '../../testing/harness.js';
import { signInNewStaff } from '../../testing/staff.js';

let h: Harness;
const reason = { reason: 'Ungdomen ringer i kris och kontaktpersonen är sjuk' };
let socialUnit: string;
/** The municipality's emergency settings as the harness made them; every test starts from these. */
let settings: { emergency_daily_limit: number; emergency_roles: string[]; emergency_unit_ids: string[] | null };

beforeAll(async () => {
  h = await createHarness();
  socialUnit = (
    await h.db
      .selectFrom('units')
      .select('id')
      .where('municipality_id', '=', h.municipalityId)
      .where('name', '=', 'Socialtjänsten')
      .executeTakeFirstOrThrow()
  ).id;
  settings = await h.db
    .selectFrom('municipalities')
    .select(['emergency_daily_limit', 'emergency_roles', 'emergency_unit_ids'])
    .where('id', '=', h.municipalityId)
    .executeTakeFirstOrThrow();
});
beforeEach(async () => {
  await h.db.updateTable('municipalities').set(settings).where('id', '=', h.municipalityId).execute();
});
afterAll(() => h.close());

const open = (client: Client, personId: string) =>
  client.request('POST', `/api/v1/persons/${personId}/emergency-access`, reason);

/** `n` new persons of the test municipality, which no other test opens. */
async function newPersons(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push((await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json().id);
  return ids;
}

/** Opens emergency access to three new persons as `client`, the day's limit, so that the next one waits. */
async function useUpTheDay(client: Client): Promise<void> {
  for (const personId of await newPersons(3)) expect((await open(client, personId)).statusCode).toBe(201);
}

// Each test asks as staff members of its own: the limit counts a staff member's persons of the day.
describe('emergency access with limits', () => {
  it("turns the day's fourth person into a request that waits for a coordinator, and alerts coordinators", async () => {
    const member = await signInNewStaff(h, 'team_member');
    const persons = await newPersons(4);
    for (const personId of persons.slice(0, 3)) expect((await open(member, personId)).statusCode).toBe(201);
    // The same person again is the same access, not another person.
    expect((await open(member, persons[0]!)).statusCode).toBe(201);
    const fourth = await open(member, persons[3]!);
    expect(fourth.statusCode).toBe(202);
    expect(fourth.json()).toMatchObject({ status: 'pending', personId: persons[3] });
    expect((await member.request('GET', `/api/v1/persons/${persons[3]}`)).statusCode).toBe(404);
    expect((await open(member, persons[3]!)).json().requestId).toBe(fourth.json().requestId);

    const alerts = (await h.as.coordinator.request('GET', '/api/v1/alerts')).json();
    expect(alerts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'emergency_request',
          personId: persons[3],
          payload: expect.objectContaining({ by: member.name, reason: reason.reason }),
        }),
      ]),
    );
  });

  it('stops a bulk read: eight persons asked for all at once open only three', async () => {
    const coach = await signInNewStaff(h, 'youth_coach');
    const persons = await newPersons(8);
    const asked = await Promise.all(persons.slice(4, 8).map((p) => open(coach, p)));
    const more = await Promise.all(persons.slice(0, 4).map((p) => open(coach, p)));
    const codes = [...asked, ...more].map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(3);
    expect(codes.filter((c) => c === 202)).toHaveLength(5);
  });

  it('lets another coordinator approve a request, which opens the access with the usual alerts', async () => {
    const member = await signInNewStaff(h, 'team_member');
    await useUpTheDay(member);
    const [person] = await newPersons(1);
    const pending = (await open(member, person!)).json();
    expect(pending.status).toBe('pending');
    expect((await h.as.youth_coach.request('GET', '/api/v1/emergency-access/requests')).statusCode).toBe(403);
    const list = (await h.as.coordinator.request('GET', '/api/v1/emergency-access/requests')).json();
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: pending.requestId,
          person: expect.objectContaining({ id: person }),
          requestedBy: { id: member.staffId, name: member.name },
          reason: reason.reason,
        }),
      ]),
    );
    expect(
      (await h.as.otherCoordinator.request('POST', `/api/v1/emergency-access/requests/${pending.requestId}/approve`))
        .statusCode,
    ).toBe(404);
    expect(
      (await member.request('POST', `/api/v1/emergency-access/requests/${pending.requestId}/approve`)).statusCode,
    ).toBe(403);

    expect(
      (await h.as.coordinator.request('POST', `/api/v1/emergency-access/requests/${pending.requestId}/approve`))
        .statusCode,
    ).toBe(204);
    expect((await member.request('GET', `/api/v1/persons/${person}`)).json().access.basis).toBe('emergency');
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/emergency-access/requests/${pending.requestId}/deny`)).json()
        .code,
    ).toBe('emergency_request_decided');
    const told = (await member.request('GET', '/api/v1/alerts')).json();
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
          personId: person,
          payload: expect.objectContaining({ by: member.name, approvedBy: 'Test coordinator' }),
        }),
      ]),
    );
  });

  it('lets a coordinator deny a request, and no one answer their own', async () => {
    const coordinator = await signInNewStaff(h, 'coordinator');
    const member = await signInNewStaff(h, 'team_member');
    const [mine, theirs] = await newPersons(2);
    await useUpTheDay(coordinator);
    const own = (await open(coordinator, mine!)).json();
    expect(own.status).toBe('pending');
    expect(
      (await coordinator.request('GET', '/api/v1/emergency-access/requests')).json().map((r: { id: string }) => r.id),
    ).not.toContain(own.requestId);
    expect(
      (await coordinator.request('POST', `/api/v1/emergency-access/requests/${own.requestId}/approve`)).json().code,
    ).toBe('self_approval_forbidden');

    await useUpTheDay(member);
    const other = (await open(member, theirs!)).json();
    expect(other.status).toBe('pending');
    expect(
      (await coordinator.request('POST', `/api/v1/emergency-access/requests/${other.requestId}/deny`)).statusCode,
    ).toBe(204);
    expect((await member.request('GET', `/api/v1/persons/${theirs}`)).statusCode).toBe(404);
  });

  it('does not approve a request whose requester was deactivated while it waited', async () => {
    const substitute = await signInNewStaff(h, 'youth_coach', { name: 'Vikarie' });
    const [first, second] = await newPersons(2);
    await h.db
      .updateTable('municipalities')
      .set({ emergency_daily_limit: 1 })
      .where('id', '=', h.municipalityId)
      .execute();
    expect((await open(substitute, first!)).statusCode).toBe(201);
    const waiting = (await open(substitute, second!)).json();
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
    ).toEqual([{ person_id: first }]);
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/emergency-access/requests/${waiting.requestId}/deny`))
        .statusCode,
    ).toBe(204);
  });

  it("is for the roles and units the municipality chooses: by default not other agencies' caseworkers", async () => {
    const socialWorker = await signInNewStaff(h, 'team_member', { name: 'Socialsekreterare', unitId: socialUnit });
    const coach = await signInNewStaff(h, 'youth_coach');
    const coordinator = await signInNewStaff(h, 'coordinator');
    const [person, another] = await newPersons(2);
    const refused = await open(socialWorker, person!);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('emergency_not_allowed');

    expect(
      (await h.as.administrator.request('PUT', '/api/v1/settings', { emergencyUnitIds: [socialUnit] })).statusCode,
    ).toBe(200);
    expect((await open(socialWorker, person!)).statusCode).toBe(201);
    // Only the social services now: the KAA's own youth coach no longer may.
    expect((await open(coach, person!)).json().code).toBe('emergency_not_allowed');

    expect(
      (
        await h.as.administrator.request('PUT', '/api/v1/settings', {
          emergencyUnitIds: null,
          emergencyRoles: ['coordinator'],
          emergencyDailyLimit: 10,
        })
      ).json(),
    ).toMatchObject({ emergencyUnitIds: null, emergencyRoles: ['coordinator'], emergencyDailyLimit: 10 });
    expect((await open(coach, person!)).json().code).toBe('emergency_not_allowed');
    expect((await open(coordinator, another!)).statusCode).toBe(201);
    expect(
      (await h.as.administrator.request('PUT', '/api/v1/settings', { emergencyUnitIds: [h.otherMunicipalityId] }))
        .statusCode,
    ).toBe(400);
  });
});
