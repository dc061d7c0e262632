import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';

let h: Harness;
let personId: string;
let teamId: string;
const application = () => ({ teamId, referrer: 'social_services', signedOn: '2026-11-02', signedByYoungPerson: true });

beforeAll(async () => {
  h = await createHarness();
  const unitId = (
    await h.db
      .selectFrom('units')
      .select('id')
      .where('municipality_id', '=', h.municipalityId)
      .where('name', '=', 'Utbildningsförvaltningen')
      .executeTakeFirstOrThrow()
  ).id;
  teamId = (await h.as.coordinator.request('POST', '/api/v1/teams', { name: 'Möjligheten', unitId })).json().id;
  personId = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json().id;
});
afterAll(() => h.close());

describe('/api/v1/persons/:id/applications and /api/v1/applications', () => {
  it('answers 401 without a session, 403 to a team member and 404 to a coach not working with the person', async () => {
    expect((await h.anonymous('POST', `/api/v1/persons/${personId}/applications`, application())).statusCode).toBe(401);
    expect(
      (await h.as.team_member.request('POST', `/api/v1/persons/${personId}/applications`, application())).statusCode,
    ).toBe(403);
    expect(
      (await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/applications`, application())).statusCode,
    ).toBe(404);
    expect((await h.as.manager.request('GET', '/api/v1/applications')).statusCode).toBe(403);
    expect((await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/applications`)).statusCode).toBe(404);
  });

  it('needs the young person’s signature and a known referrer', async () => {
    const res = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/applications`, {
      ...application(),
      signedByYoungPerson: false,
      referrer: 'police',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['referrer', 'signedByYoungPerson']);
  });

  it('registers a double submit once, goes on the agenda, and accepting puts the case in the team', async () => {
    const [a, b] = await Promise.all(
      [1, 2].map(() => h.as.coordinator.request('POST', `/api/v1/persons/${personId}/applications`, application())),
    );
    expect(a!.json().id).toBe(b!.json().id);
    const id = a!.json().id;
    const received = (await h.as.coordinator.request('GET', '/api/v1/applications?status=received')).json().items;
    expect(received).toEqual([
      expect.objectContaining({
        id,
        status: 'received',
        referrer: 'social_services',
        team: { id: teamId, name: 'Möjligheten' },
        version: 1,
      }),
    ]);
    const agenda = await h.as.coordinator.request('PATCH', `/api/v1/applications/${id}`, {
      status: 'on_agenda',
      version: 1,
    });
    expect(agenda.json()).toMatchObject({ status: 'on_agenda', decidedBy: null, version: 2 });
    expect(
      (await h.as.coordinator.request('PATCH', `/api/v1/applications/${id}`, { status: 'accepted', version: 1 }))
        .statusCode,
    ).toBe(409);
    const accepted = await h.as.coordinator.request('PATCH', `/api/v1/applications/${id}`, {
      status: 'accepted',
      decisionNote: 'Börjar måndag',
      version: 2,
    });
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      decisionNote: 'Börjar måndag',
      decidedBy: 'Test coordinator',
    });
    const decidedAgain = await h.as.coordinator.request('PATCH', `/api/v1/applications/${id}`, {
      status: 'declined',
      version: 3,
    });
    expect(decidedAgain.json().code).toBe('application_decided');
    const person = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}`)).json();
    expect(person.case.team).toEqual({ id: teamId, name: 'Möjligheten' });
    const types = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/events`))
      .json()
      .map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['application_received', 'application_decided', 'team_changed']));
    expect((await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/applications`)).json()).toHaveLength(1);
  });

  it("records the access basis with a read of the person's applications, emergency too", async () => {
    const id = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json().id;
    await h.as.coordinator.request('GET', `/api/v1/persons/${id}/applications`);
    await h.as.team_member.request('POST', `/api/v1/persons/${id}/emergency-access`, {
      reason: 'Akut läge i helgen, kontaktpersonen nås inte',
    });
    expect((await h.as.team_member.request('GET', `/api/v1/persons/${id}/applications`)).statusCode).toBe(200);
    const reads = await h.db
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('person_id', '=', id)
      .where('entity', '=', 'applications')
      .orderBy('id')
      .execute();
    expect(reads).toEqual([
      {
        actor_id: h.as.coordinator.staffId,
        detail: { basis: 'register', categories: ['contact_occupation', 'assessment_plan'] },
      },
      {
        actor_id: h.as.team_member.staffId,
        detail: { basis: 'emergency', categories: ['contact_occupation', 'assessment_plan', 'health_social'] },
      },
    ]);
  });
});
