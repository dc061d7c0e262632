import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { insertStaff } from '../features/staff/staff.service.js';
import { buildPerson } from '../testing/factories.js';
import { createHarness, TEST_PASSWORD, type Harness } from '../testing/harness.js';
import { TEST_DB_KIND } from '../testing/database.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());
afterEach(() => vi.useRealTimers());

it.skipIf(TEST_DB_KIND === 'postgresql')(
  'ends a consent valid until yesterday in Sweden at Swedish midnight',
  async () => {
    const units = new Map(
      (
        await h.db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', h.municipalityId).execute()
      ).map((u) => [u.name, u.id]),
    );
    const team = await h.db
      .insertInto('teams')
      .values({ municipality_id: h.municipalityId, name: 'T', unit_id: units.get('Utbildningsförvaltningen')! })
      .returning('id')
      .executeTakeFirstOrThrow();
    const staff = await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: 'Soc',
      email: 'soc@test.lotsa.local',
      role: 'team_member',
      unitId: units.get('Socialtjänsten')!,
      password: TEST_PASSWORD,
    });
    await h.db
      .insertInto('team_members')
      .values({ team_id: team.id, staff_id: (staff as { id: string }).id })
      .execute();
    const id = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json().id;
    const kase = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json().case;
    await h.as.coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, { teamId: team.id, version: kase.version });
    expect(
      (
        await h.as.coordinator.request('POST', `/api/v1/persons/${id}/consents`, {
          recipientUnitIds: [units.get('Socialtjänsten')],
          categories: ['contact_occupation'],
          purpose: 'x',
          givenBy: 'young_person',
          givenOn: '2026-01-01',
          validUntil: '2099-06-30',
        })
      ).statusCode,
    ).toBe(201);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2099-06-30T21:30:00Z'));
    let social = await h.signIn('soc@test.lotsa.local');
    expect((await social.request('GET', `/api/v1/persons/${id}`)).statusCode).toBe(200);
    vi.setSystemTime(new Date('2099-06-30T22:30:00Z'));
    social = await h.signIn('soc@test.lotsa.local');
    expect((await social.request('GET', `/api/v1/persons/${id}`)).statusCode).toBe(404);
  },
);
