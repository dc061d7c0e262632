import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, TEST_PASSWORD, type Client, type Harness } from '../../testing/harness.js';
import { insertStaff } from './staff.service.js';

let h: Harness;
let secondAdmin: Client;
const newAccount = (email: string, role = 'youth_coach') => ({ name: 'Nina Ny', email, role, unitId: null });

beforeAll(async () => {
  h = await createHarness();
  await insertStaff(h.db, {
    municipalityId: h.municipalityId,
    name: 'Andra Admin',
    email: 'second-admin@test.lotsa.local',
    role: 'administrator',
    password: TEST_PASSWORD,
  });
  secondAdmin = await h.signIn('second-admin@test.lotsa.local');
});
afterAll(() => h.close());

describe('/api/v1/sign-in-codes', () => {
  it('lets a code request expire after seven days: no longer listed or issued; a new reset asks afresh', async () => {
    const created = (
      await h.as.administrator.request('POST', '/api/v1/staff', newAccount('late@test.lotsa.local'))
    ).json();
    await h.db
      .updateTable('sign_in_code_requests')
      .set({ created_at: new Date(Date.now() - 8 * 86_400_000) })
      .where('id', '=', created.codeRequestId)
      .execute();

    const listed = (await h.as.coordinator.request('GET', '/api/v1/sign-in-codes')).json();
    expect(listed.map((r: { id: string }) => r.id)).not.toContain(created.codeRequestId);
    const late = await h.as.coordinator.request('POST', `/api/v1/sign-in-codes/${created.codeRequestId}/issue`);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('code_request_expired');

    const again = (await h.as.administrator.request('POST', `/api/v1/staff/${created.id}/reset-password`)).json();
    expect(again.codeRequestId).not.toBe(created.codeRequestId);
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/sign-in-codes/${again.codeRequestId}/issue`)).statusCode,
    ).toBe(200);
  });

  it('alerts other administrators and coordinators when an administrator is made, granted or reset', async () => {
    await h.as.administrator.request(
      'POST',
      '/api/v1/staff',
      newAccount('new-admin@test.lotsa.local', 'administrator'),
    );
    const coach = (
      await h.as.administrator.request('POST', '/api/v1/staff', newAccount('to-admin@test.lotsa.local'))
    ).json();
    expect(
      (
        await h.as.administrator.request('PATCH', `/api/v1/staff/${coach.id}`, {
          name: coach.name,
          role: 'administrator',
          unitId: null,
          active: true,
          version: coach.version,
        })
      ).statusCode,
    ).toBe(200);
    await h.as.administrator.request('POST', `/api/v1/staff/${secondAdmin.staffId}/reset-password`);

    const kinds = (await h.as.coordinator.request('GET', '/api/v1/alerts'))
      .json()
      .map((a: { kind: string; payload: { to: string } }) => `${a.kind}:${a.payload.to}`);
    expect(kinds.filter((k: string) => k === 'administrator_granted:Nina Ny')).toHaveLength(2);
    expect(kinds).toContain('administrator_password_reset:Andra Admin');
    expect(
      (await h.as.administrator.request('GET', '/api/v1/alerts'))
        .json()
        .filter((a: { kind: string }) => a.kind.startsWith('administrator_')),
    ).toEqual([]);
  });
});
