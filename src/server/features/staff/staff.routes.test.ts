import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, TEST_PASSWORD, type Client, type Harness } from '../../testing/harness.js';
import { buildPerson } from '../../testing/factories.js';
import { insertStaff } from './staff.service.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const newAccount = (email: string) => ({ name: 'Nina Ny', email, role: 'youth_coach', unitId: null });

describe('GET /api/v1/staff', () => {
  it('answers 401 without a session and 403 to roles that do not pick staff', async () => {
    expect((await h.anonymous('GET', '/api/v1/staff')).statusCode).toBe(401);
    expect((await h.as.manager.request('GET', '/api/v1/staff')).statusCode).toBe(403);
    expect((await h.as.school_reporter.request('GET', '/api/v1/staff')).statusCode).toBe(403);
  });

  it('lists the staff of the own municipality only, filtered by role', async () => {
    const all = (await h.as.coordinator.request('GET', '/api/v1/staff')).json();
    expect(all.map((s: { email: string }) => s.email)).not.toContain(h.as.otherCoordinator.email);
    const coaches = (await h.as.coordinator.request('GET', '/api/v1/staff?role=youth_coach')).json();
    expect(coaches.length).toBeGreaterThan(0);
    expect(coaches.every((s: { role: string }) => s.role === 'youth_coach')).toBe(true);
  });

  it('rejects an unknown role filter', async () => {
    expect((await h.as.coordinator.request('GET', '/api/v1/staff?role=king')).statusCode).toBe(400);
  });
});

describe('POST /api/v1/staff', () => {
  it('is for administrators only', async () => {
    expect((await h.anonymous('POST', '/api/v1/staff', newAccount('a@test.lotsa.local'))).statusCode).toBe(401);
    expect((await h.as.coordinator.request('POST', '/api/v1/staff', newAccount('a@test.lotsa.local'))).statusCode).toBe(
      403,
    );
  });

  it('validates e-mail and role', async () => {
    const res = await h.as.administrator.request('POST', '/api/v1/staff', {
      name: 'X',
      email: 'nope',
      role: 'king',
      unitId: null,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['email', 'role']);
  });

  it('creates an account without showing its code; a coordinator issues it; changed at first sign-in', async () => {
    const units = (await h.as.administrator.request('GET', '/api/v1/units')).json();
    const res = await h.as.administrator.request('POST', '/api/v1/staff', {
      ...newAccount('Nina@Test.Lotsa.local'),
      unitId: units[0].id,
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      email: 'nina@test.lotsa.local',
      role: 'youth_coach',
      active: true,
      mustChangePassword: true,
      unit: { id: units[0].id },
      codeRequestId: expect.any(String),
    });
    expect(created).not.toHaveProperty('oneTimePassword');
    const code = await issue(h.as.coordinator, created.codeRequestId);
    const client = await h.signIn('nina@test.lotsa.local', code);
    expect((await client.request('GET', '/api/v1/persons')).json().code).toBe('password_change_required');
  });

  it('answers 409 for an e-mail already in use', async () => {
    const res = await h.as.administrator.request('POST', '/api/v1/staff', newAccount(h.as.coordinator.email));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('duplicate_email');
  });
});

describe('PATCH /api/v1/staff/:id and reset-password', () => {
  it('deactivates an account and ends its sessions at once', async () => {
    const created = (
      await h.as.administrator.request('POST', '/api/v1/staff', newAccount('leaving@test.lotsa.local'))
    ).json();
    const client = await h.signIn('leaving@test.lotsa.local', await issue(h.as.coordinator, created.codeRequestId));
    // Issuing the code changed the account once.
    const res = await h.as.administrator.request('PATCH', `/api/v1/staff/${created.id}`, {
      name: created.name,
      role: created.role,
      unitId: null,
      active: false,
      version: created.version + 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false, version: created.version + 2 });
    expect((await client.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('answers 404 for staff of another municipality and 409 for a stale version', async () => {
    const other = await h.db
      .selectFrom('staff')
      .select(['id', 'version'])
      .where('id', '=', h.as.otherCoordinator.staffId)
      .executeTakeFirstOrThrow();
    const body = { name: 'X', role: 'coordinator', unitId: null, active: true, version: other.version };
    expect((await h.as.administrator.request('PATCH', `/api/v1/staff/${other.id}`, body)).statusCode).toBe(404);
    const created = (
      await h.as.administrator.request('POST', '/api/v1/staff', newAccount('stale@test.lotsa.local'))
    ).json();
    const stale = await h.as.administrator.request('PATCH', `/api/v1/staff/${created.id}`, {
      ...body,
      version: created.version + 5,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('keeps an administrator from demoting, deactivating or resetting their own account', async () => {
    const me = (await h.as.administrator.request('GET', '/api/v1/staff?role=administrator'))
      .json()
      .find((s: { id: string }) => s.id === h.as.administrator.staffId);
    const base = { name: me.name, role: 'administrator', unitId: null, active: true, version: me.version };
    const demote = await h.as.administrator.request('PATCH', `/api/v1/staff/${me.id}`, {
      ...base,
      role: 'coordinator',
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('last_administrator');
    expect(
      (await h.as.administrator.request('PATCH', `/api/v1/staff/${me.id}`, { ...base, active: false })).statusCode,
    ).toBe(409);
    expect((await h.as.administrator.request('POST', `/api/v1/staff/${me.id}/reset-password`)).statusCode).toBe(403);
    expect(
      (await h.as.administrator.request('PATCH', `/api/v1/staff/${me.id}`, { ...base, name: 'Omdöpt' })).statusCode,
    ).toBe(200);
  });

  it('resets a password only when someone other than the requesting administrator issues the code', async () => {
    const created = (
      await h.as.administrator.request('POST', '/api/v1/staff', newAccount('forgot@test.lotsa.local'))
    ).json();
    const first = await issue(h.as.coordinator, created.codeRequestId);
    expect((await h.as.coordinator.request('POST', `/api/v1/staff/${created.id}/reset-password`)).statusCode).toBe(403);
    const res = await h.as.administrator.request('POST', `/api/v1/staff/${created.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ codeRequestId: expect.any(String) });
    // Nothing changes until the code is issued, and the requesting administrator cannot issue it.
    expect((await h.signIn('forgot@test.lotsa.local', first)).staffId).toBe(created.id);
    const self = await h.as.administrator.request('POST', `/api/v1/sign-in-codes/${res.json().codeRequestId}/issue`);
    expect(self.json().code).toBe('code_self_issue_forbidden');
    expect((await h.as.administrator.request('GET', '/api/v1/sign-in-codes')).json()).toEqual([]);
    expect((await h.as.youth_coach.request('GET', '/api/v1/sign-in-codes')).statusCode).toBe(403);
    expect(
      (await h.as.otherCoordinator.request('POST', `/api/v1/sign-in-codes/${res.json().codeRequestId}/issue`))
        .statusCode,
    ).toBe(404);

    const code = await issue(h.as.coordinator, res.json().codeRequestId);
    await expect(h.signIn('forgot@test.lotsa.local', first)).rejects.toThrow();
    expect((await h.signIn('forgot@test.lotsa.local', code)).staffId).toBe(created.id);
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/sign-in-codes/${res.json().codeRequestId}/issue`)).json().code,
    ).toBe('code_already_issued');
  });

  it('lets no administrator issue a code they asked for by asking again, nor one for a closed account', async () => {
    await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: 'Tredje Admin',
      email: 'third-admin@test.lotsa.local',
      role: 'administrator',
      password: TEST_PASSWORD,
    });
    const third = await h.signIn('third-admin@test.lotsa.local');
    const created = (
      await h.as.administrator.request('POST', '/api/v1/staff', newAccount('asked-twice@test.lotsa.local'))
    ).json();
    const again = await third.request('POST', `/api/v1/staff/${created.id}/reset-password`);
    expect(again.json().codeRequestId).toBe(created.codeRequestId);
    expect((await third.request('POST', `/api/v1/sign-in-codes/${created.codeRequestId}/issue`)).json().code).toBe(
      'code_self_issue_forbidden',
    );

    const leaving = (
      await h.as.administrator.request('POST', '/api/v1/staff', newAccount('left-before-code@test.lotsa.local'))
    ).json();
    expect(
      (
        await h.as.administrator.request('PATCH', `/api/v1/staff/${leaving.id}`, {
          name: leaving.name,
          role: 'youth_coach',
          unitId: null,
          active: false,
          version: leaving.version,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/sign-in-codes/${leaving.codeRequestId}/issue`)).statusCode,
    ).toBe(404);
  });

  it('alerts administrators and coordinators when the coordinator role is granted or its password reset', async () => {
    const second = await h.signIn((await secondAdministrator()).email);
    const created = (
      await h.as.administrator.request('POST', '/api/v1/staff', {
        ...newAccount('newcoord@test.lotsa.local'),
        role: 'coordinator',
      })
    ).json();
    const coach = (
      await h.as.administrator.request('POST', '/api/v1/staff', newAccount('promoted@test.lotsa.local'))
    ).json();
    await h.as.administrator.request('PATCH', `/api/v1/staff/${coach.id}`, {
      name: coach.name,
      role: 'coordinator',
      unitId: null,
      active: true,
      version: coach.version,
    });
    await h.as.administrator.request('POST', `/api/v1/staff/${h.as.coordinator.staffId}/reset-password`);
    for (const who of [second, h.as.coordinator]) {
      const alerts = (await who.request('GET', '/api/v1/alerts')).json();
      const kinds = alerts.map((a: { kind: string; payload: { to: string } }) => `${a.kind}:${a.payload.to}`);
      expect(kinds).toEqual(
        expect.arrayContaining(['coordinator_granted:Nina Ny', 'coordinator_password_reset:Test coordinator']),
      );
      expect(kinds.filter((k: string) => k.startsWith('coordinator_granted'))).toHaveLength(2);
    }
    expect(
      (await h.as.administrator.request('GET', '/api/v1/alerts'))
        .json()
        .filter((a: { kind: string }) => a.kind.startsWith('coordinator_')),
    ).toEqual([]);
    // The second administrator may issue the new coordinator's code; the requesting one may not.
    expect((await second.request('POST', `/api/v1/sign-in-codes/${created.codeRequestId}/issue`)).statusCode).toBe(200);
  });
});

async function secondAdministrator() {
  const email = 'second-admin@test.lotsa.local';
  await insertStaff(h.db, {
    municipalityId: h.municipalityId,
    name: 'Andra Admin',
    email,
    role: 'administrator',
    password: TEST_PASSWORD,
  });
  return { email };
}

/** Issues the waiting code of `requestId` as `issuer`; returns the code. */
async function issue(issuer: Client, requestId: string): Promise<string> {
  const res = await issuer.request('POST', `/api/v1/sign-in-codes/${requestId}/issue`);
  expect(res.statusCode).toBe(200);
  return res.json().oneTimePassword;
}

describe("a staff member's profession", () => {
  it('is set on creation, named in a 400 when unknown, changed or kept on edit, shown in list and teams', async () => {
    const bad = await h.as.administrator.request('POST', '/api/v1/staff', {
      ...newAccount('prof-bad@test.lotsa.local'),
      profession: 'wizard',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'profession' })]);
    const res = await h.as.administrator.request('POST', '/api/v1/staff', {
      ...newAccount('syv@test.lotsa.local'),
      profession: 'study_career_counsellor',
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.profession).toBe('study_career_counsellor');
    const plain = (
      await h.as.administrator.request('POST', '/api/v1/staff', newAccount('plain@test.lotsa.local'))
    ).json();
    expect(plain.profession).toBeNull();
    const edit = { name: created.name, role: created.role, unitId: null, active: true };
    const badEdit = await h.as.administrator.request('PATCH', `/api/v1/staff/${created.id}`, {
      ...edit,
      profession: 'wizard',
      version: created.version,
    });
    expect(badEdit.json().errors).toEqual([expect.objectContaining({ field: 'profession' })]);
    const kept = (
      await h.as.administrator.request('PATCH', `/api/v1/staff/${created.id}`, { ...edit, version: created.version })
    ).json();
    expect(kept.profession).toBe('study_career_counsellor');
    const changed = (
      await h.as.administrator.request('PATCH', `/api/v1/staff/${created.id}`, {
        ...edit,
        profession: 'youth_coach',
        version: kept.version,
      })
    ).json();
    expect(changed.profession).toBe('youth_coach');
    const listed = (await h.as.coordinator.request('GET', '/api/v1/staff'))
      .json()
      .find((s: { id: string }) => s.id === created.id);
    expect(listed.profession).toBe('youth_coach');
    const unitId = (await h.as.administrator.request('GET', '/api/v1/units')).json()[0].id;
    const team = (await h.as.coordinator.request('POST', '/api/v1/teams', { name: 'Yrkesteamet', unitId })).json();
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/teams/${team.id}/members`, { staffId: created.id })).statusCode,
    ).toBe(204);
    const teams = (await h.as.team_member.request('GET', '/api/v1/teams')).json();
    expect(teams.find((t: { id: string }) => t.id === team.id).members).toEqual([
      expect.objectContaining({ id: created.id, profession: 'youth_coach' }),
    ]);
    const cleared = (
      await h.as.administrator.request('PATCH', `/api/v1/staff/${created.id}`, {
        ...edit,
        profession: null,
        version: changed.version,
      })
    ).json();
    expect(cleared.profession).toBeNull();
  });

  it("is shown with the case's contact person, so the plan can say who they are", async () => {
    const coach = (await h.as.administrator.request('GET', '/api/v1/staff'))
      .json()
      .find((s: { id: string }) => s.id === h.as.youth_coach.staffId);
    const saved = await h.as.administrator.request('PATCH', `/api/v1/staff/${coach.id}`, {
      name: coach.name,
      role: coach.role,
      unitId: coach.unit?.id ?? null,
      active: true,
      profession: 'job_coach',
      version: coach.version,
    });
    expect(saved.statusCode).toBe(200);
    const { id } = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json();
    const person = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json();
    expect(
      (
        await h.as.coordinator.request('PATCH', `/api/v1/cases/${person.case.id}`, {
          contactPersonId: coach.id,
          version: person.case.version,
        })
      ).statusCode,
    ).toBe(204);
    const seen = (await h.as.youth_coach.request('GET', `/api/v1/persons/${id}`)).json();
    expect(seen.case.contactPerson).toEqual({ id: coach.id, name: coach.name, profession: 'job_coach' });
  });
});
