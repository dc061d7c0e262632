/**
 * Contact-person integrity (issue 10, finding 3): a case's contact person must be able to open it.
 * Another agency's caseworker (or someone no longer active) is never offered nor accepted, and a case
 * that already has such a contact person is nobody's case: the coordinator is shown it to reassign.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, TEST_PASSWORD, type Client, type Harness } from '../../testing/harness.js';
import { insertStaff } from '../staff/staff.service.js';

let h: Harness;
let socialWorker: Client;
beforeAll(async () => {
  h = await createHarness();
  const unit = await h.db
    .selectFrom('units')
    .select('id')
    .where('municipality_id', '=', h.municipalityId)
    .where('name', '=', 'Socialtjänsten')
    .executeTakeFirstOrThrow();
  await insertStaff(h.db, {
    municipalityId: h.municipalityId,
    name: 'Mats Socialsekreterare',
    email: 'social@test.lotsa.local',
    role: 'team_member',
    unitId: unit.id,
    password: TEST_PASSWORD,
  });
  socialWorker = await h.signIn('social@test.lotsa.local');
});
afterAll(() => h.close());

/** A new person whose open case has `staffId` as contact person, written as older data would have it. */
async function caseHeldBy(staffId: string) {
  const { id } = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json();
  await h.db.updateTable('cases').set({ contact_person_id: staffId }).where('person_id', '=', id).execute();
  return id as string;
}

const listIds = async (client: Client, query: string) => {
  const res = await client.request('GET', `/api/v1/persons?pageSize=100&${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().items.map((p: { id: string }) => p.id) as string[];
};

describe('contact person who may not open the case', () => {
  it('is not offered in the case form: the contact-person staff list leaves out other agencies', async () => {
    const offered = (await h.as.coordinator.request('GET', '/api/v1/staff?active=true&contactPerson=true')).json();
    const ids = offered.map((s: { id: string }) => s.id);
    expect(ids).toContain(h.as.youth_coach.staffId);
    expect(ids).not.toContain(socialWorker.staffId);
  });

  it('is refused by the API with problem+json naming the field', async () => {
    const { id } = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json();
    const person = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json();
    const res = await h.as.coordinator.request('PATCH', `/api/v1/cases/${person.case.id}`, {
      contactPersonId: socialWorker.staffId,
      version: person.case.version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        field: 'contactPersonId',
        code: 'contact_person_without_access',
        message: expect.stringContaining('kan inte öppna ärendet'),
      }),
    ]);
  });

  it("is not counted as the holder's cases on the start page", async () => {
    await caseHeldBy(socialWorker.staffId);
    const figures = (await socialWorker.request('GET', '/api/v1/figures')).json();
    expect(figures.myCases).toBe(0);
  });

  it('is not in the holder’s own cases list (Mina ärenden), even where consent lets them see the person', async () => {
    const personId = await caseHeldBy(socialWorker.staffId);
    const unit = await h.db
      .selectFrom('staff')
      .select('unit_id')
      .where('id', '=', socialWorker.staffId)
      .executeTakeFirstOrThrow();
    const consent = await h.db
      .insertInto('consents')
      .values({
        municipality_id: h.municipalityId,
        person_id: personId,
        purpose: 'Samverkan',
        given_by: 'young_person',
        method: 'paper',
        given_on: '2026-01-10',
        valid_until: null,
        recorded_by: h.as.coordinator.staffId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.db.insertInto('consent_recipients').values({ consent_id: consent.id, unit_id: unit.unit_id! }).execute();
    await h.db
      .insertInto('consent_categories')
      .values({ consent_id: consent.id, category: 'contact_occupation' })
      .execute();
    expect(await listIds(socialWorker, '')).toContain(personId);
    expect(await listIds(socialWorker, 'contactPerson=me')).not.toContain(personId);
  });

  it('is listed for the coordinator and counted, and leaves the list once reassigned', async () => {
    const personId = await caseHeldBy(socialWorker.staffId);
    const kept = await caseHeldBy(h.as.youth_coach.staffId);
    const ids = await listIds(h.as.coordinator, 'contactPerson=without_access');
    expect(ids).toContain(personId);
    expect(ids).not.toContain(kept);
    const figures = (await h.as.coordinator.request('GET', '/api/v1/figures')).json();
    expect(figures.contactPersonWithoutAccess).toBe(ids.length);

    const person = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}`)).json();
    const res = await h.as.coordinator.request('PATCH', `/api/v1/cases/${person.case.id}`, {
      contactPersonId: h.as.youth_coach.staffId,
      version: person.case.version,
    });
    expect(res.statusCode).toBe(204);
    expect(await listIds(h.as.coordinator, 'contactPerson=without_access')).not.toContain(personId);
  });

  it('counts the case as without contact person in the outreach figures, and gives the holder no row', async () => {
    const personId = await caseHeldBy(socialWorker.staffId);
    await h.db
      .insertInto('register_periods')
      .values({
        municipality_id: h.municipalityId,
        person_id: personId,
        entered_on: '2026-09-01',
        entry_reason: 'moved_in',
      })
      .execute();
    const figures = (await h.as.coordinator.request('GET', '/api/v1/figures/outreach')).json();
    const rows = figures.byContactPerson as { contactPerson: { id: string } | null; inRegister: number }[];
    expect(rows.find((r) => r.contactPerson?.id === socialWorker.staffId)).toBeUndefined();
    expect(rows.find((r) => r.contactPerson === null)?.inRegister).toBeGreaterThanOrEqual(1);
  });

  it('is flagged on the person detail (case.contactPersonHasAccess false); the flag is true otherwise', async () => {
    const caseOf = async (personId: string) =>
      (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}`)).json().case;
    const personId = await caseHeldBy(socialWorker.staffId);
    expect(await caseOf(personId)).toMatchObject({
      contactPerson: { id: socialWorker.staffId },
      contactPersonHasAccess: false,
    });
    expect(await caseOf(await caseHeldBy(h.as.youth_coach.staffId))).toMatchObject({
      contactPerson: { id: h.as.youth_coach.staffId },
      contactPersonHasAccess: true,
    });
    const { id: unassigned } = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json();
    expect(await caseOf(unassigned)).toMatchObject({ contactPerson: null, contactPersonHasAccess: true });
  });

  it('includes a contact person who is no longer active', async () => {
    const unit = await h.db
      .selectFrom('units')
      .select('id')
      .where('municipality_id', '=', h.municipalityId)
      .where('kaa', '=', true)
      .executeTakeFirstOrThrow();
    const leaver = await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: 'Lena Slutat',
      email: 'leaver@test.lotsa.local',
      role: 'youth_coach',
      unitId: unit.id,
      password: TEST_PASSWORD,
    });
    const personId = await caseHeldBy(leaver.id);
    expect(await listIds(h.as.coordinator, 'contactPerson=without_access')).not.toContain(personId);
    await h.db.updateTable('staff').set({ active: false }).where('id', '=', leaver.id).execute();
    expect(await listIds(h.as.coordinator, 'contactPerson=without_access')).toContain(personId);
  });
});
