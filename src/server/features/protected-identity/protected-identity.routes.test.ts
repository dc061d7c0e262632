import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';

let h: Harness;
let personId: string;
beforeAll(async () => {
  h = await createHarness();
  personId = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson({ protectedIdentity: true }))).json().id;
});
afterAll(() => h.close());

const url = () => `/api/v1/persons/${personId}/contact-grants`;

describe('POST /api/v1/persons/:id/contact-grants', () => {
  it('answers 401 without a session, 403 to a coach and 404 in another municipality', async () => {
    const body = { staffId: h.as.youth_coach.staffId, reason: 'Hembesök planerat' };
    expect((await h.anonymous('POST', url(), body)).statusCode).toBe(401);
    expect((await h.as.youth_coach.request('POST', url(), body)).statusCode).toBe(403);
    expect((await h.as.otherCoordinator.request('POST', url(), body)).statusCode).toBe(404);
  });

  it('requires a reason and a staff member who can hold cases', async () => {
    const noReason = await h.as.coordinator.request('POST', url(), { staffId: h.as.youth_coach.staffId, reason: '' });
    expect(noReason.json().errors[0]).toMatchObject({ field: 'reason', code: 'required' });
    const manager = await h.as.coordinator.request('POST', url(), { staffId: h.as.manager.staffId, reason: 'Nej' });
    expect(manager.json().errors[0].field).toBe('staffId');
  });

  it('lets the coordinator show the details to herself with a reason, audited, and take it back', async () => {
    expect((await h.as.coordinator.request('GET', `/api/v1/persons/${personId}`)).json().contactDetailsHidden).toBe(true);
    expect((await h.as.coordinator.request('POST', url(), { staffId: h.as.coordinator.staffId, reason: 'Brev ska skickas via Skatteverket' })).statusCode).toBe(204);
    expect((await h.as.coordinator.request('GET', `/api/v1/persons/${personId}`)).json()).toMatchObject({ contactDetailsHidden: false, city: 'Partille' });
    const audit = await h.db.selectFrom('audit_log').select(['detail']).where('person_id', '=', personId).where('entity', '=', 'protected_identity_grant').execute();
    expect(audit[0]!.detail).toMatchObject({ granted: true, reason: 'Brev ska skickas via Skatteverket' });

    expect((await h.as.coordinator.request('DELETE', `${url()}/${h.as.coordinator.staffId}`)).statusCode).toBe(204);
    expect((await h.as.coordinator.request('GET', `/api/v1/persons/${personId}`)).json().contactDetailsHidden).toBe(true);
    expect((await h.as.coordinator.request('DELETE', `${url()}/${h.as.coordinator.staffId}`)).statusCode).toBe(404);
  });
});
