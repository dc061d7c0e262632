import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

type UnitJson = { id: string; name: string; kind: string; kaa: boolean; active: boolean };
const add = (name: string, extra: Record<string, unknown> = {}) =>
  h.as.administrator.request('POST', '/api/v1/units', { name, kind: 'municipal', ...extra });
const names = (res: { json: () => UnitJson[] }) => res.json().map((u) => u.name);
const auditOf = (entityId: string) =>
  h.db
    .selectFrom('audit_log')
    .select(['action', 'entity', 'detail'])
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();

describe('/api/v1/units', () => {
  it('answers 401 without a session', async () => {
    expect((await h.anonymous('GET', '/api/v1/units')).statusCode).toBe(401);
    expect((await h.anonymous('POST', '/api/v1/units', { name: 'X', kind: 'municipal' })).statusCode).toBe(401);
    expect(
      (await h.anonymous('PATCH', '/api/v1/units/00000000-0000-4000-8000-000000000000', { name: 'X' })).statusCode,
    ).toBe(401);
  });

  it('lets only administrators add or change units (403 for every other role, coordinators too)', async () => {
    const unit = (await add('Fritidsförvaltningen')).json() as UnitJson;
    for (const role of ['coordinator', 'youth_coach', 'team_member', 'school_reporter', 'manager'] as const) {
      expect(
        (await h.as[role].request('POST', '/api/v1/units', { name: `Av ${role}`, kind: 'municipal' })).statusCode,
      ).toBe(403);
      expect((await h.as[role].request('PATCH', `/api/v1/units/${unit.id}`, { name: 'Fritid' })).statusCode).toBe(403);
    }
  });

  it("answers 404 for another municipality's unit, as for no unit", async () => {
    const theirs = await h.db
      .selectFrom('units')
      .select('id')
      .where('municipality_id', '=', h.otherMunicipalityId)
      .executeTakeFirstOrThrow();
    expect(
      (await h.as.administrator.request('PATCH', `/api/v1/units/${theirs.id}`, { name: 'Kapad' })).statusCode,
    ).toBe(404);
    expect(
      (await h.as.administrator.request('PATCH', '/api/v1/units/00000000-0000-4000-8000-000000000000', { name: 'X' }))
        .statusCode,
    ).toBe(404);
  });

  it('names every invalid field in a 400 and stores nothing', async () => {
    const res = await h.as.administrator.request('POST', '/api/v1/units', { name: '  ', kind: 'private', kaa: 'yes' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['kaa', 'kind', 'name']);
    const long = await add('x'.repeat(121));
    expect(long.statusCode).toBe(400);
    expect(long.json().errors).toEqual([expect.objectContaining({ field: 'name', code: 'too_long' })]);
    const unit = (await add('Kulturskolan')).json() as UnitJson;
    const empty = await h.as.administrator.request('PATCH', `/api/v1/units/${unit.id}`, {});
    expect(empty.statusCode).toBe(400);
    const badKind = await h.as.administrator.request('PATCH', `/api/v1/units/${unit.id}`, {
      kind: 'private',
      active: 'no',
    });
    expect(badKind.statusCode).toBe(400);
    expect(
      badKind
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['active', 'kind']);
    expect(names(await h.as.administrator.request('GET', '/api/v1/units'))).not.toContain('');
  });

  it('adds a unit, audited, and lists it to everyone in the municipality but not the neighbour', async () => {
    const res = await add('  Ungdomsmottagningen  ', { kind: 'external' });
    expect(res.statusCode).toBe(201);
    const unit = res.json() as UnitJson;
    expect(unit).toEqual({
      id: expect.any(String),
      name: 'Ungdomsmottagningen',
      kind: 'external',
      kaa: false,
      active: true,
    });
    expect(names(await h.as.youth_coach.request('GET', '/api/v1/units'))).toContain('Ungdomsmottagningen');
    expect(names(await h.as.otherCoordinator.request('GET', '/api/v1/units'))).not.toContain('Ungdomsmottagningen');
    expect(await auditOf(unit.id)).toEqual([
      { action: 'create', entity: 'unit', detail: { name: 'Ungdomsmottagningen', kind: 'external', kaa: false } },
    ]);
  });

  it('refuses a name used in the municipality, in any case, with 409 duplicate_unit; neighbours may', async () => {
    expect((await add('Navigatorcentrum')).statusCode).toBe(201);
    for (const name of [
      'Navigatorcentrum',
      'navigatorcentrum',
      ' NAVIGATORCENTRUM ',
      'Socialtjänsten',
      'SOCIALTJÄNSTEN',
    ]) {
      const res = await add(name);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'duplicate_unit', errors: [{ field: 'name' }] });
    }
    expect((await h.as.otherCoordinator.request('GET', '/api/v1/units')).statusCode).toBe(200);
    const other = await h.db
      .selectFrom('units')
      .select('name')
      .where('municipality_id', '=', h.otherMunicipalityId)
      .where('name', '=', 'Navigatorcentrum')
      .executeTakeFirst();
    expect(other).toBeUndefined();
  });

  it('renames a unit (409 if taken, a change of case is fine), audited before/after; no change, no entry', async () => {
    const unit = (await add('Fältgruppen')).json() as UnitJson;
    const taken = await h.as.administrator.request('PATCH', `/api/v1/units/${unit.id}`, { name: 'socialtjänsten' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('duplicate_unit');
    const recased = await h.as.administrator.request('PATCH', `/api/v1/units/${unit.id}`, { name: 'FÄLTGRUPPEN' });
    expect(recased.statusCode).toBe(200);
    const renamed = await h.as.administrator.request('PATCH', `/api/v1/units/${unit.id}`, {
      name: 'Fältverksamheten',
      kind: 'external',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id: unit.id, name: 'Fältverksamheten', kind: 'external', active: true });
    const entries = await auditOf(unit.id);
    expect(entries.at(-1)).toEqual({
      action: 'update',
      entity: 'unit',
      detail: {
        before: { name: 'FÄLTGRUPPEN', kind: 'municipal' },
        after: { name: 'Fältverksamheten', kind: 'external' },
      },
    });
    const count = entries.length;
    const same = await h.as.administrator.request('PATCH', `/api/v1/units/${unit.id}`, {
      name: 'Fältverksamheten',
      kind: 'external',
      kaa: false,
      active: true,
    });
    expect(same.json()).toMatchObject({ name: 'Fältverksamheten', kind: 'external' });
    expect(await auditOf(unit.id)).toHaveLength(count);
  });

  it('deactivates a unit: not offered, kept on old records, listed with includeInactive; reactivates it', async () => {
    const unit = (await add('Fritidsgården')).json() as UnitJson;
    const member = await h.as.administrator.request('POST', '/api/v1/staff', {
      name: 'Frida Fritid',
      email: 'frida@test.lotsa.local',
      role: 'team_member',
      unitId: unit.id,
      profession: 'field_worker',
    });
    expect(member.statusCode).toBe(201);
    const off = await h.as.administrator.request('PATCH', `/api/v1/units/${unit.id}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect(names(await h.as.coordinator.request('GET', '/api/v1/units'))).not.toContain('Fritidsgården');
    const all = (await h.as.administrator.request('GET', '/api/v1/units?includeInactive=true')).json() as UnitJson[];
    expect(all.find((u) => u.id === unit.id)).toMatchObject({ active: false });
    // No longer a choice for a team, a new account or a consent recipient…
    const team = await h.as.coordinator.request('POST', '/api/v1/teams', { name: 'Fritidsteamet', unitId: unit.id });
    expect(team.statusCode).toBe(400);
    expect(team.json().errors).toEqual([expect.objectContaining({ field: 'unitId' })]);
    const account = await h.as.administrator.request('POST', '/api/v1/staff', {
      name: 'Nils Ny',
      email: 'nils@test.lotsa.local',
      role: 'team_member',
      unitId: unit.id,
    });
    expect(account.statusCode).toBe(400);
    expect(account.json().errors).toEqual([expect.objectContaining({ field: 'unitId' })]);
    // …but the account already in it keeps it and can be saved unchanged.
    const saved = await h.as.administrator.request('PATCH', `/api/v1/staff/${member.json().id}`, {
      name: 'Frida Fritid',
      role: 'team_member',
      unitId: unit.id,
      active: true,
      version: member.json().version,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ unit: { id: unit.id, name: 'Fritidsgården' }, profession: 'field_worker' });
    const on = await h.as.administrator.request('PATCH', `/api/v1/units/${unit.id}`, { active: true });
    expect(on.json().active).toBe(true);
    expect(
      (await h.as.coordinator.request('POST', '/api/v1/teams', { name: 'Fritidsteamet', unitId: unit.id })).statusCode,
    ).toBe(201);
  });

  it('a deactivated unit cannot receive a new consent, and stays named on the consents it already has', async () => {
    const unit = (await add('Ungdomshälsan', { kind: 'external' })).json() as UnitJson;
    // 18 or older (no guardian's consent), still under 20 until December 2027.
    const personId = (
      await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson({ personalIdentityNumber: '200712012392' }))
    ).json().id;
    const consent = (unitId: string) => ({
      recipientUnitIds: [unitId],
      categories: ['contact_occupation'],
      purpose: 'Samverkan kring hälsa',
      givenBy: 'young_person',
    });
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/consents`, consent(unit.id))).statusCode,
    ).toBe(201);
    await h.as.administrator.request('PATCH', `/api/v1/units/${unit.id}`, { active: false });
    const refused = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/consents`, {
      ...consent(unit.id),
      purpose: 'Något nytt',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'recipientUnitIds' })]);
    const list = await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/consents`);
    expect(JSON.stringify(list.json())).toContain('Ungdomshälsan');
  });

  it('keeps at least one KAA unit (409 last_kaa_unit) and lets a new unit be one', async () => {
    // A municipality of its own, so that the count of KAA units is this test's alone.
    const own = await createHarness();
    try {
      const admin = own.as.administrator;
      const kaa = ((await admin.request('GET', '/api/v1/units?includeInactive=true')).json() as UnitJson[]).filter(
        (u) => u.kaa,
      );
      expect(kaa.length).toBe(1);
      const last = await admin.request('PATCH', `/api/v1/units/${kaa[0]!.id}`, { kaa: false });
      expect(last.statusCode).toBe(409);
      expect(last.json()).toMatchObject({ code: 'last_kaa_unit', errors: [{ field: 'kaa' }] });
      const second = await admin.request('POST', '/api/v1/units', {
        name: 'Ungdomsenheten',
        kind: 'municipal',
        kaa: true,
      });
      expect(second.json().kaa).toBe(true);
      expect((await admin.request('PATCH', `/api/v1/units/${kaa[0]!.id}`, { kaa: false })).json().kaa).toBe(false);
      expect((await admin.request('PATCH', `/api/v1/units/${kaa[0]!.id}`, { kaa: true })).json().kaa).toBe(true);
      // A deactivated KAA unit is no other KAA unit: the last active one can neither stop being one nor go.
      await admin.request('PATCH', `/api/v1/units/${second.json().id}`, { active: false });
      const unmarked = await admin.request('PATCH', `/api/v1/units/${kaa[0]!.id}`, { kaa: false });
      expect(unmarked.statusCode).toBe(409);
      const deactivated = await admin.request('PATCH', `/api/v1/units/${kaa[0]!.id}`, { active: false });
      expect(deactivated.statusCode).toBe(409);
      expect(deactivated.json()).toMatchObject({ code: 'last_kaa_unit', errors: [{ field: 'active' }] });
    } finally {
      await own.close();
    }
  });

  it('PUT /api/v1/units/kaa sets the KAA units, refuses a deactivated one, leaves deactivated ones be', async () => {
    const all = (await h.as.administrator.request('GET', '/api/v1/units')).json() as UnitJson[];
    const education = all.find((u) => u.name === 'Utbildningsförvaltningen')!;
    const old = (await add('Gamla KAA-enheten', { kaa: true })).json() as UnitJson;
    await h.as.administrator.request('PATCH', `/api/v1/units/${old.id}`, { active: false });
    expect((await h.as.coordinator.request('PUT', '/api/v1/units/kaa', { unitIds: [education.id] })).statusCode).toBe(
      403,
    );
    expect(
      (await h.as.administrator.request('PUT', '/api/v1/units/kaa', { unitIds: [education.id, old.id] })).statusCode,
    ).toBe(400);
    const res = await h.as.administrator.request('PUT', '/api/v1/units/kaa', { unitIds: [education.id] });
    expect(res.statusCode).toBe(200);
    expect((res.json() as UnitJson[]).filter((u) => u.kaa).map((u) => u.name)).toEqual(['Utbildningsförvaltningen']);
    const kept = await h.db.selectFrom('units').select('kaa').where('id', '=', old.id).executeTakeFirstOrThrow();
    expect(kept.kaa).toBe(true);
  });
});

describe('the OpenAPI document', () => {
  it('describes the units endpoints the issue names', async () => {
    const doc = (await h.anonymous('GET', '/api/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/api/v1/units'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/units/{id}'] ?? {})).toContain('patch');
  });
});
