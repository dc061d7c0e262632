/** The password change right after signing in with a one-time password does not ask for that password again. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertStaff } from '../staff/staff.service.js';
import { createHarness, type Harness } from '../../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('POST /api/v1/auth/password after a one-time password', () => {
  it('takes the new password alone while the one-time one is unreplaced, then asks for the current one', async () => {
    const email = 'first@test.lotsa.local';
    const { oneTimePassword } = await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: 'Första',
      email,
      role: 'administrator',
    });
    const client = await h.signIn(email, oneTimePassword!);
    // The one-time password itself is no new password.
    expect((await client.request('POST', '/api/v1/auth/password', { newPassword: oneTimePassword })).statusCode).toBe(
      400,
    );
    expect(
      (await client.request('POST', '/api/v1/auth/password', { newPassword: 'a password of my own' })).statusCode,
    ).toBe(204);
    // The change ended the session it was made in; the new password opens a new one.
    expect((await client.request('GET', '/api/v1/staff')).statusCode).toBe(401);
    const signedIn = await h.signIn(email, 'a password of my own');
    expect((await signedIn.request('GET', '/api/v1/staff')).statusCode).toBe(200);

    const again = await signedIn.request('POST', '/api/v1/auth/password', { newPassword: 'yet another long password' });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors).toEqual([expect.objectContaining({ field: 'currentPassword', code: 'required' })]);
    expect(
      (
        await signedIn.request('POST', '/api/v1/auth/password', {
          currentPassword: 'a password of my own',
          newPassword: 'yet another long password',
        })
      ).statusCode,
    ).toBe(204);
  });
});
