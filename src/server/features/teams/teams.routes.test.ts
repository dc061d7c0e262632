import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/harness.js';

let h: Harness;
let unitId: string;
beforeAll(async () => {
  h = await createHarness();
  unitId = (
    await h.db
      .selectFrom('units')
      .select('id')
      .where('municipality_id', '=', h.municipalityId)
      .where('name', '=', 'Arbetsmarknadsenheten')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => h.close());

describe('/api/v1/teams', () => {
  it('answers 401 without a session and 403 to roles that do not work in teams', async () => {
    expect((await h.anonymous('GET', '/api/v1/teams')).statusCode).toBe(401);
    expect((await h.as.manager.request('GET', '/api/v1/teams')).statusCode).toBe(403);
    expect((await h.as.youth_coach.request('POST', '/api/v1/teams', { name: 'X', unitId })).statusCode).toBe(403);
  });

  it('creates a team run by a unit, refuses the same name twice, and keeps its members', async () => {
    const created = await h.as.coordinator.request('POST', '/api/v1/teams', { name: 'Porten', unitId });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const twice = await h.as.administrator.request('POST', '/api/v1/teams', { name: 'Porten', unitId });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('duplicate_team');
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/teams/${id}/members`, { staffId: h.as.manager.staffId }))
        .statusCode,
    ).toBe(400);
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/teams/${id}/members`, { staffId: h.as.team_member.staffId }))
        .statusCode,
    ).toBe(204);
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/teams/${id}/members`, { staffId: h.as.team_member.staffId }))
        .statusCode,
    ).toBe(204);
    const teams = (await h.as.team_member.request('GET', '/api/v1/teams')).json();
    expect(teams).toEqual([
      {
        id,
        name: 'Porten',
        unit: { id: unitId, name: 'Arbetsmarknadsenheten' },
        members: [
          {
            id: h.as.team_member.staffId,
            name: 'Test team_member',
            role: 'team_member',
            profession: null,
            unit: 'Utbildningsförvaltningen',
          },
        ],
      },
    ]);
    expect(
      (await h.as.otherCoordinator.request('DELETE', `/api/v1/teams/${id}/members/${h.as.team_member.staffId}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await h.as.coordinator.request('DELETE', `/api/v1/teams/${id}/members/${h.as.team_member.staffId}`)).statusCode,
    ).toBe(204);
    expect(
      (await h.as.coordinator.request('DELETE', `/api/v1/teams/${id}/members/${h.as.team_member.staffId}`)).statusCode,
    ).toBe(404);
  });
});
