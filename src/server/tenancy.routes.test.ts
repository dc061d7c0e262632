import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_KEYS } from '../core/outreach-schemas.js';
import { parseIdentityNumber } from '../core/personnummer.js';
import { insertStaff } from './features/staff/staff.service.js';
import { registerJobHandlers } from './jobs/handlers.js';
import { runNextJob } from './jobs/queue.js';
import { buildPerson, testIdentityNumber } from './testing/factories.js';
import { createHarness, TEST_PASSWORD, type Client, type Harness } from './testing/harness.js';
import { csv, populationRow } from './testing/lists.js';

/**
 * Two municipalities in one installation, Partille and Göteborg: each sees its own imports,
 * persons, notifications, work queues, figures and audit log, and nothing of the other's.
 */
describe('two municipalities in one installation', () => {
  let h: Harness;
  let gbgAdmin: Client;
  let gbgReporter: Client;
  const partille = { pnr: testIdentityNumber(), id: '' };
  const goteborg = { pnr: testIdentityNumber(), id: '' };
  let gbgImportId: string;

  const withStaff = async (role: 'administrator' | 'school_reporter') => {
    const email = `gbg-${role}@test.lotsa.local`;
    await insertStaff(h.db, {
      municipalityId: h.otherMunicipalityId,
      name: `Göteborg ${role}`,
      email,
      role,
      password: TEST_PASSWORD,
    });
    return h.signIn(email);
  };

  beforeAll(async () => {
    h = await createHarness();
    registerJobHandlers();
    [gbgAdmin, gbgReporter] = [await withStaff('administrator'), await withStaff('school_reporter')];
    for (const [who, client, municipalityId] of [
      [partille, h.as.coordinator, h.municipalityId],
      [goteborg, h.as.otherCoordinator, h.otherMunicipalityId],
    ] as const) {
      who.id = (
        await client.request('POST', '/api/v1/persons', buildPerson({ personalIdentityNumber: who.pnr }))
      ).json().id;
      await h.db
        .insertInto('register_periods')
        .values({
          municipality_id: municipalityId,
          person_id: who.id,
          entered_on: '2026-09-01',
          entry_reason: 'dropped_out',
        })
        .execute();
    }
    await h.as.coordinator.upload(
      '/api/v1/imports?kind=population&fileName=partille.csv',
      csv('population', [populationRow(partille.pnr)]),
    );
    // Göteborg's list also names Partille's student, as a Partille resident and as a Göteborg one.
    const up = await h.as.otherCoordinator.upload(
      '/api/v1/imports?kind=population&fileName=goteborg.csv',
      csv('population', [populationRow(goteborg.pnr, { municipality_code: '1480' }), populationRow(partille.pnr)]),
    );
    gbgImportId = up.json().id;
    while (await runNextJob(h.handle));
  });
  afterAll(() => h?.close());

  const canonical = (pnr: string) => {
    const parsed = parseIdentityNumber(pnr);
    if (!parsed.ok) throw new Error(`not a test number: ${pnr}`);
    return parsed.value.canonical;
  };

  it("takes into a population list only the importing municipality's residents", async () => {
    const imp = (await h.as.otherCoordinator.request('GET', `/api/v1/imports/${gbgImportId}`)).json();
    expect(imp).toMatchObject({ rowsTotal: 2, rowsValid: 1, otherMunicipalityRows: 1 });
    const stored = await h.db
      .selectFrom('population_rows')
      .select('personal_identity_number')
      .where('import_id', '=', gbgImportId)
      .execute();
    expect(stored.map((r) => r.personal_identity_number.trim())).toEqual([canonical(goteborg.pnr)]);
  });

  it("shows neither municipality the other's imports", async () => {
    const ours = (await h.as.coordinator.request('GET', '/api/v1/imports')).json();
    expect(JSON.stringify(ours)).not.toContain(gbgImportId);
    expect((await h.as.coordinator.request('GET', `/api/v1/imports/${gbgImportId}`)).statusCode).toBe(404);
    expect((await h.as.coordinator.request('GET', `/api/v1/imports/${gbgImportId}/errors`)).statusCode).toBe(404);
  });

  it("shows neither municipality the other's persons", async () => {
    expect((await h.as.coordinator.request('GET', `/api/v1/persons/${goteborg.id}`)).statusCode).toBe(404);
    expect((await h.as.otherCoordinator.request('GET', `/api/v1/persons/${partille.id}`)).statusCode).toBe(404);
    const ours = (await h.as.coordinator.request('GET', '/api/v1/persons')).json();
    expect(ours.items.map((p: { id: string }) => p.id)).toEqual([partille.id]);
  });

  it("keeps each municipality's school notifications with its own coordinators", async () => {
    const fromPartille = (
      await h.as.school_reporter.request('POST', '/api/v1/notifications', {
        personalIdentityNumber: partille.pnr,
        schoolUnitCode: '87654321',
        kind: 'dropout',
        date: '2026-11-20',
      })
    ).json();
    const fromGoteborg = (
      await gbgReporter.request('POST', '/api/v1/notifications', {
        personalIdentityNumber: goteborg.pnr,
        schoolUnitCode: '11223344',
        kind: 'absence',
        date: '2026-11-20',
      })
    ).json();
    const ours = await h.db
      .selectFrom('notifications')
      .select(['id', 'municipality_id'])
      .where('id', 'in', [fromPartille.id, fromGoteborg.id])
      .execute();
    expect(Object.fromEntries(ours.map((n) => [n.id, n.municipality_id]))).toEqual({
      [fromPartille.id]: h.municipalityId,
      [fromGoteborg.id]: h.otherMunicipalityId,
    });
    expect(
      JSON.stringify((await h.as.coordinator.request('GET', '/api/v1/notifications?view=inbox')).json()),
    ).not.toContain(fromGoteborg.id);
    expect(
      JSON.stringify((await h.as.otherCoordinator.request('GET', '/api/v1/notifications?view=inbox')).json()),
    ).not.toContain(fromPartille.id);
  });

  it("keeps each municipality's work queues to its own persons", async () => {
    for (const [client, own, other] of [
      [h.as.coordinator, partille.id, goteborg.id],
      [h.as.otherCoordinator, goteborg.id, partille.id],
    ] as const) {
      const seen = new Set<string>();
      for (const key of QUEUE_KEYS) {
        const page = (await client.request('GET', `/api/v1/work-queues/${key}`)).json();
        for (const item of page.items ?? []) seen.add(item.personId);
      }
      expect(seen.has(own)).toBe(true);
      expect(seen.has(other)).toBe(false);
    }
  });

  it('counts in the figures only the own register', async () => {
    expect((await h.as.coordinator.request('GET', '/api/v1/figures')).json()).toMatchObject({ inRegister: 1 });
    expect((await h.as.otherCoordinator.request('GET', '/api/v1/figures')).json()).toMatchObject({ inRegister: 1 });
  });

  it("shows each municipality's administrators only their own audit log", async () => {
    const ours = JSON.stringify((await h.as.administrator.request('GET', '/api/v1/audit?pageSize=100')).json());
    const theirs = JSON.stringify((await gbgAdmin.request('GET', '/api/v1/audit?pageSize=100')).json());
    expect(ours).toContain(partille.id);
    expect(ours).not.toContain(goteborg.id);
    expect(ours).not.toContain(h.as.otherCoordinator.staffId);
    expect(theirs).toContain(goteborg.id);
    expect(theirs).not.toContain(partille.id);
    expect(theirs).not.toContain(h.as.coordinator.staffId);
  });
});
