import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, TEST_PASSWORD, type Client, type Harness } from '../../testing/harness.js';
import { insertStaff } from '../staff/staff.service.js';

let h: Harness;
let personId: string;
let colleague: Client;
beforeAll(async () => {
  h = await createHarness();
  personId = (
    await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson({ protectedIdentity: true }))
  ).json().id;
  await insertStaff(h.db, {
    municipalityId: h.municipalityId,
    name: 'Test colleague',
    email: 'colleague@test.lotsa.local',
    role: 'coordinator',
    password: TEST_PASSWORD,
  });
  colleague = await h.signIn('colleague@test.lotsa.local');
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
    const manager = await h.as.coordinator.request('POST', url(), {
      staffId: h.as.manager.staffId,
      reason: 'Hembesök planerat',
    });
    expect(manager.json().errors[0].field).toBe('staffId');
  });

  it('refuses a grant to oneself, whatever the reason', async () => {
    const res = await h.as.coordinator.request(
      'POST',
      url(),
      { staffId: h.as.coordinator.staffId, reason: 'Brev ska skickas via Skatteverket' },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'self_grant_forbidden',
      detail: expect.stringContaining('Ask another coordinator'),
    });
    expect(
      await h.db.selectFrom('protected_identity_grants').select('id').where('person_id', '=', personId).execute(),
    ).toEqual([]);
  });

  it('requires a reason of at least ten characters', async () => {
    const res = await h.as.coordinator.request('POST', url(), { staffId: colleague.staffId, reason: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'reason_too_short', errors: [{ field: 'reason', code: 'too_short' }] });
    expect(
      (await h.as.coordinator.request('POST', url(), { staffId: colleague.staffId, reason: 'För kort' })).json().code,
    ).toBe('reason_too_short');
  });

  it('lets a coordinator show the details to a colleague with a reason, audited, alerting, and revoke it', async () => {
    expect((await colleague.request('GET', `/api/v1/persons/${personId}`)).json().contactDetailsHidden).toBe(true);
    expect(
      (
        await h.as.coordinator.request('POST', url(), {
          staffId: colleague.staffId,
          reason: 'Brev ska skickas via Skatteverket',
        })
      ).statusCode,
    ).toBe(204);
    expect((await colleague.request('GET', `/api/v1/persons/${personId}`)).json()).toMatchObject({
      contactDetailsHidden: false,
      city: 'Partille',
    });
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('person_id', '=', personId)
      .where('entity', '=', 'protected_identity_grant')
      .execute();
    expect(audit[0]!.detail).toMatchObject({ granted: true, reason: 'Brev ska skickas via Skatteverket', alerted: 1 });
    const alerts = (await h.as.administrator.request('GET', '/api/v1/alerts')).json();
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: 'protected_identity_grant',
        personId,
        payload: { by: 'Test coordinator', to: 'Test colleague', reason: 'Brev ska skickas via Skatteverket' },
      }),
    ]);
    // Granting again changes nothing and alerts no one again.
    expect(
      (await h.as.coordinator.request('POST', url(), { staffId: colleague.staffId, reason: 'Brev ska skickas igen' }))
        .statusCode,
    ).toBe(204);
    expect((await h.as.administrator.request('GET', '/api/v1/alerts')).json()).toHaveLength(1);

    expect(
      (await h.as.coordinator.request('DELETE', `/api/v1/persons/${personId}/contact-grants/${colleague.staffId}`))
        .statusCode,
    ).toBe(204);
    expect((await colleague.request('GET', `/api/v1/persons/${personId}`)).json().contactDetailsHidden).toBe(true);
    expect(
      (await h.as.coordinator.request('DELETE', `/api/v1/persons/${personId}/contact-grants/${colleague.staffId}`))
        .statusCode,
    ).toBe(404);
  });
});
