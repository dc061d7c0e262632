import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';

let h: Harness;
let personId: string;
beforeAll(async () => {
  h = await createHarness();
  personId = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson({ givenName: 'Utdrag' }))).json().id;
  await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/notes`, { text: 'Första mötet.' });
  await h.db.insertInto('events').values({ municipality_id: h.municipalityId, person_id: personId, type: 'note', category: 'health_social', payload: JSON.stringify({ text: 'Hälsoanteckning' }) }).execute();
  const unit = await h.db.selectFrom('units').select('id').where('municipality_id', '=', h.municipalityId).where('name', '=', 'Socialtjänsten').executeTakeFirstOrThrow();
  await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/consents`, { recipientUnitIds: [unit.id], categories: ['contact_occupation'], purpose: 'Samverkan', givenBy: 'young_person' });
  await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/emergency-access`, { reason: 'Akut läge' });
  await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}`);
});
afterAll(() => h.close());

describe('GET /api/v1/persons/:id/extract', () => {
  it('answers 401 without a session, 403 to a coach, 404 in another municipality', async () => {
    expect((await h.anonymous('GET', `/api/v1/persons/${personId}/extract`)).statusCode).toBe(401);
    expect((await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/extract`)).statusCode).toBe(403);
    expect((await h.as.otherCoordinator.request('GET', `/api/v1/persons/${personId}/extract`)).statusCode).toBe(404);
  });

  it('holds everything about the person, the health note too, and who accessed it, audited as an export', async () => {
    const res = await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/extract`);
    expect(res.statusCode).toBe(200);
    const extract = res.json();
    expect(extract.person).toMatchObject({ givenName: 'Utdrag', streetAddress: 'Gamla Kronvägen 12', contactDetailsWithheld: false });
    expect(extract.events.map((e: { payload: { text?: string } }) => e.payload.text).filter(Boolean).sort()).toEqual(['Första mötet.', 'Hälsoanteckning']);
    expect(extract.consents).toEqual([expect.objectContaining({ recipients: ['Socialtjänsten'], categories: ['contact_occupation'], purpose: 'Samverkan' })]);
    expect(extract.emergencyAccess).toEqual([expect.objectContaining({ by: 'Test youth_coach', reason: 'Akut läge' })]);
    expect(extract.accessLog).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'read', what: 'person', by: 'Test youth_coach', role: 'youth_coach' })]));
    expect(await h.db.selectFrom('audit_log').select('id').where('action', '=', 'export').where('entity', '=', 'extract').where('person_id', '=', personId).execute()).toHaveLength(1);
  });

  it('comes as a PDF too', async () => {
    const res = await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/extract?format=pdf&lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('withholds the contact details of a protected identity from a coordinator without a grant', async () => {
    const id = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson({ protectedIdentity: true }))).json().id;
    const extract = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}/extract`)).json();
    expect(extract.person).toMatchObject({ contactDetailsWithheld: true, streetAddress: null, phone: null });
    expect(extract.person.guardians[0].phone).toBeNull();
  });
});
