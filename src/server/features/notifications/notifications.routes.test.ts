import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerJobHandlers } from '../../jobs/handlers.js';
import { runNextJob } from '../../jobs/queue.js';
import { recordAudit } from '../../audit/audit.js';
import { buildPerson, testIdentityNumber } from '../../testing/factories.js';
import { createHarness, TEST_PASSWORD, type Client, type Harness } from '../../testing/harness.js';
import { insertStaff } from '../staff/staff.service.js';
import { csv, populationRow } from '../../testing/lists.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  registerJobHandlers();
});
afterAll(() => h.close());

const notice = (pnr: string, over = {}) => ({
  personalIdentityNumber: pnr,
  schoolUnitCode: '87654321',
  schoolUnitName: 'Partille Gymnasium',
  kind: 'dropout',
  date: '2026-11-20',
  message: 'Har inte varit här sedan oktober.',
  ...over,
});

describe('POST /api/v1/notifications', () => {
  it('answers 401 without a session and 403 to roles that do not notify', async () => {
    expect((await h.anonymous('POST', '/api/v1/notifications', notice(testIdentityNumber()))).statusCode).toBe(401);
    expect(
      (await h.as.youth_coach.request('POST', '/api/v1/notifications', notice(testIdentityNumber()))).statusCode,
    ).toBe(403);
    expect((await h.as.manager.request('POST', '/api/v1/notifications', notice(testIdentityNumber()))).statusCode).toBe(
      403,
    );
  });

  it('names the invalid fields', async () => {
    const res = await h.as.school_reporter.request(
      'POST',
      '/api/v1/notifications',
      notice('20080101-2380', { schoolUnitCode: '12', kind: 'bored' }),
    );
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['kind', 'personalIdentityNumber', 'schoolUnitCode']);
  });

  it('routes to the home municipality by its list when trusted; the reporter sees only their own', async () => {
    expect(
      (
        await h.as.coordinator.request('PUT', '/api/v1/notification-routing', {
          trustedMunicipalityIds: [h.otherMunicipalityId],
        })
      ).statusCode,
    ).toBe(204);
    const pnr = testIdentityNumber();
    const up = await h.as.otherCoordinator.upload(
      '/api/v1/imports?kind=population&fileName=gbg.csv',
      csv('population', [populationRow(pnr, { municipality_code: '1480' })]),
    );
    expect(up.statusCode).toBe(202);
    while (await runNextJob(h.handle));

    const res = await h.as.school_reporter.request('POST', '/api/v1/notifications', notice(pnr));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ routed: null, status: 'received' });

    const mine = (await h.as.school_reporter.request('GET', '/api/v1/notifications?view=mine')).json();
    expect(mine.map((n: { id: string }) => n.id)).toContain(res.json().id);
    expect(mine.find((n: { id: string }) => n.id === res.json().id)).toMatchObject({
      status: 'received',
      routed: null,
    });
    const theirs = (await h.as.otherCoordinator.request('GET', '/api/v1/notifications?view=inbox')).json();
    expect(theirs.find((n: { id: string }) => n.id === res.json().id)).toMatchObject({ status: 'inbox', routed: true });
    const ours = (await h.as.coordinator.request('GET', '/api/v1/notifications?view=inbox')).json();
    expect(ours.map((n: { id: string }) => n.id)).not.toContain(res.json().id);
    expect((await h.as.school_reporter.request('GET', '/api/v1/notifications?view=inbox')).statusCode).toBe(403);
  });

  it("keeps one it cannot route in the reporter's municipality's inbox", async () => {
    const res = await h.as.school_reporter.request(
      'POST',
      '/api/v1/notifications',
      notice(testIdentityNumber(), { kind: 'absence' }),
    );
    const inbox = (await h.as.coordinator.request('GET', '/api/v1/notifications?view=inbox')).json();
    expect(inbox.find((n: { id: string }) => n.id === res.json().id)).toMatchObject({ routed: false, status: 'inbox' });
  });

  it("puts one about someone in the register on their timeline, as assessment and plan (KAA's own)", async () => {
    const body = buildPerson();
    const { id } = (await h.as.coordinator.request('POST', '/api/v1/persons', body)).json();
    await h.db
      .insertInto('register_periods')
      .values({
        municipality_id: h.municipalityId,
        person_id: id,
        entered_on: '2026-09-01',
        entry_reason: 'dropped_out',
      })
      .execute();
    await h.as.coordinator.upload(
      '/api/v1/imports?kind=population&fileName=partille.csv',
      csv('population', [populationRow(body.personalIdentityNumber)]),
    );
    while (await runNextJob(h.handle));
    const res = await h.as.school_reporter.request(
      'POST',
      '/api/v1/notifications',
      notice(body.personalIdentityNumber, { kind: 'programme_change' }),
    );
    expect(res.json()).toMatchObject({ routed: null, status: 'received' });
    const events = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}/events`)).json();
    expect(events[0]).toMatchObject({
      type: 'school_notification',
      category: 'assessment_plan',
      payload: { kind: 'programme_change', schoolUnitCode: '87654321', message: 'Har inte varit här sedan oktober.' },
    });
  });

  it('routes by no older list nor person record alone (the student may have moved); it waits in inbox', async () => {
    const [moved, known] = [testIdentityNumber(), testIdentityNumber()];
    await h.as.otherCoordinator.upload(
      '/api/v1/imports?kind=population&fileName=gbg-1.csv',
      csv('population', [populationRow(moved, { municipality_code: '1480' })]),
    );
    while (await runNextJob(h.handle));
    await h.as.otherCoordinator.upload(
      '/api/v1/imports?kind=population&fileName=gbg-2.csv',
      csv('population', [populationRow(testIdentityNumber(), { municipality_code: '1480' })]),
    );
    while (await runNextJob(h.handle));
    expect(
      (await h.as.otherCoordinator.request('POST', '/api/v1/persons', buildPerson({ personalIdentityNumber: known })))
        .statusCode,
    ).toBe(201);

    const ids = [];
    for (const pnr of [moved, known])
      ids.push((await h.as.school_reporter.request('POST', '/api/v1/notifications', notice(pnr))).json().id);
    const ours = (await h.as.coordinator.request('GET', '/api/v1/notifications?view=inbox')).json();
    expect(ids.map((id) => ours.find((n: { id: string }) => n.id === id))).toEqual([
      expect.objectContaining({ routed: false }),
      expect.objectContaining({ routed: false }),
    ]);
    const theirs = (await h.as.otherCoordinator.request('GET', '/api/v1/notifications?view=inbox')).json();
    expect(theirs.map((n: { id: string }) => n.id)).not.toEqual(expect.arrayContaining([ids[0]]));
    expect(theirs.map((n: { id: string }) => n.id)).not.toEqual(expect.arrayContaining([ids[1]]));
  });
});

describe('POST /api/v1/notifications/:id/handle', () => {
  it('lets the coordinator record the outcome; it leaves the inbox; others get 404', async () => {
    const created = (
      await h.as.school_reporter.request('POST', '/api/v1/notifications', notice(testIdentityNumber()))
    ).json();
    expect(
      (await h.as.school_reporter.request('POST', `/api/v1/notifications/${created.id}/handle`, { outcome: 'other' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await h.as.otherCoordinator.request('POST', `/api/v1/notifications/${created.id}/handle`, { outcome: 'other' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await h.as.coordinator.request('POST', `/api/v1/notifications/${created.id}/handle`, {
          outcome: 'verified_dropout',
          note: 'Mentor bekräftar.',
        })
      ).statusCode,
    ).toBe(204);
    const inbox = (await h.as.coordinator.request('GET', '/api/v1/notifications?view=inbox')).json();
    expect(inbox.map((n: { id: string }) => n.id)).not.toContain(created.id);
    const seenBySchool = (await h.as.school_reporter.request('GET', '/api/v1/notifications?view=mine'))
      .json()
      .find((n: { id: string }) => n.id === created.id);
    expect(seenBySchool).toMatchObject({ status: 'received', message: 'Har inte varit här sedan oktober.' });
    const stored = await h.db
      .selectFrom('notifications')
      .select(['outcome', 'outcome_note'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ outcome: 'verified_dropout', outcome_note: 'Mentor bekräftar.' });
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/notifications/${created.id}/handle`, { outcome: 'other' }))
        .statusCode,
    ).toBe(404);
  });
});

describe('a notification about a person of another municipality', () => {
  let reporter: Client;
  let admin: Client;
  beforeAll(async () => {
    [reporter, admin] = [await neighbour('school_reporter'), await neighbour('administrator')];
    await h.as.otherCoordinator.request('PUT', '/api/v1/notification-routing', {
      trustedMunicipalityIds: [h.municipalityId],
    });
  });

  /** A signed-in staff member of the neighbouring municipality. */
  async function neighbour(role: 'school_reporter' | 'administrator'): Promise<Client> {
    const email = `neighbour-${role}@test.lotsa.local`;
    await insertStaff(h.db, {
      municipalityId: h.otherMunicipalityId,
      name: `Neighbour ${role}`,
      email,
      role,
      password: TEST_PASSWORD,
    });
    return h.signIn(email);
  }

  it("is audited under the person's municipality; the reporter's administrators never see whom it named", async () => {
    const body = buildPerson({ givenName: 'Gränslös' });
    const { id: personId } = (await h.as.coordinator.request('POST', '/api/v1/persons', body)).json();
    await h.db
      .insertInto('register_periods')
      .values({
        municipality_id: h.municipalityId,
        person_id: personId,
        entered_on: '2026-09-01',
        entry_reason: 'dropped_out',
      })
      .execute();
    expect(
      (
        await h.as.coordinator.upload(
          '/api/v1/imports?kind=population&fileName=partille-gransen.csv',
          csv('population', [populationRow(body.personalIdentityNumber)]),
        )
      ).statusCode,
    ).toBe(202);
    while (await runNextJob(h.handle));

    const created = (
      await reporter.request('POST', '/api/v1/notifications', notice(body.personalIdentityNumber))
    ).json();
    const row = await h.db
      .selectFrom('audit_log')
      .select(['municipality_id', 'person_id', 'actor_id'])
      .where('entity', '=', 'notification')
      .where('entity_id', '=', created.id)
      .where('action', '=', 'create')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ municipality_id: h.municipalityId, person_id: personId, actor_id: reporter.staffId });
    const theirs = (await admin.request('GET', `/api/v1/audit?actorId=${reporter.staffId}`)).json();
    expect(JSON.stringify(theirs)).not.toContain('Gränslös');
    const ours = (await h.as.administrator.request('GET', `/api/v1/audit?personId=${personId}`)).json();
    expect(ours.items.find((i: { entityId: string }) => i.entityId === created.id)).toMatchObject({
      person: { id: personId, name: expect.stringContaining('Gränslös') },
    });
  });

  it("shows an administrator no name of another municipality's person, even in their own's entry", async () => {
    const { id: personId } = (
      await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson({ givenName: 'Främling' }))
    ).json();
    // An entry as the old code wrote them: the reporter's municipality, the other municipality's person.
    await h.db
      .transaction()
      .execute((trx) =>
        recordAudit(trx, { id: admin.staffId, municipalityId: h.otherMunicipalityId, ip: null }, [
          { action: 'create', entity: 'notification', personId },
        ]),
      );
    const log = (await admin.request('GET', '/api/v1/audit')).json();
    expect(log.items[0]).toMatchObject({ entity: 'notification', person: null });
    expect(JSON.stringify(log)).not.toContain('Främling');
  });
});

describe('routing when municipalities claim the same student', () => {
  it("never lets a municipality's import draw a student of the reporter's own list away, trusted or not", async () => {
    const pnr = testIdentityNumber();
    await h.as.coordinator.upload(
      '/api/v1/imports?kind=population&fileName=partille-own.csv',
      csv('population', [populationRow(pnr)]),
    );
    while (await runNextJob(h.handle));
    // Göteborg's coordinator imports a newer one-row list that names Partille's student as Göteborg's.
    await h.as.otherCoordinator.upload(
      '/api/v1/imports?kind=population&fileName=capture.csv',
      csv('population', [populationRow(pnr, { municipality_code: '1480' })]),
    );
    while (await runNextJob(h.handle));
    for (const trusted of [[h.otherMunicipalityId], []]) {
      await h.as.coordinator.request('PUT', '/api/v1/notification-routing', { trustedMunicipalityIds: trusted });
      const { id } = (await h.as.school_reporter.request('POST', '/api/v1/notifications', notice(pnr))).json();
      const ours = (await h.as.coordinator.request('GET', '/api/v1/notifications?view=inbox')).json();
      expect(ours.find((n: { id: string }) => n.id === id)).toMatchObject({ routed: true, routingNote: null });
      const theirs = (await h.as.otherCoordinator.request('GET', '/api/v1/notifications?view=inbox')).json();
      expect(theirs.map((n: { id: string }) => n.id)).not.toContain(id);
    }
  });

  it("keeps one named only by an untrusted municipality's list with the reporter, with a note to verify", async () => {
    await h.as.coordinator.request('PUT', '/api/v1/notification-routing', { trustedMunicipalityIds: [] });
    const pnr = testIdentityNumber();
    await h.as.otherCoordinator.upload(
      '/api/v1/imports?kind=population&fileName=gbg-claim.csv',
      csv('population', [populationRow(pnr, { municipality_code: '1480' })]),
    );
    while (await runNextJob(h.handle));
    const res = await h.as.school_reporter.request('POST', '/api/v1/notifications', notice(pnr));
    expect(res.json()).toMatchObject({ routed: null, routingNote: null });
    const ours = (await h.as.coordinator.request('GET', '/api/v1/notifications?view=inbox')).json();
    expect(ours.find((n: { id: string }) => n.id === res.json().id)).toMatchObject({
      routed: false,
      routingNote: { kind: 'verify_home', claimedBy: ['Göteborgs stad'] },
    });
    const theirs = (await h.as.otherCoordinator.request('GET', '/api/v1/notifications?view=inbox')).json();
    expect(theirs.map((n: { id: string }) => n.id)).not.toContain(res.json().id);
    const mine = (await h.as.school_reporter.request('GET', '/api/v1/notifications?view=mine')).json();
    expect(mine.find((n: { id: string }) => n.id === res.json().id)).toMatchObject({ routingNote: null });
  });
});

describe('/api/v1/notification-routing', () => {
  it('lets only coordinators choose, never their own municipality, and audits the choice', async () => {
    expect((await h.anonymous('GET', '/api/v1/notification-routing')).statusCode).toBe(401);
    expect(
      (await h.as.school_reporter.request('PUT', '/api/v1/notification-routing', { trustedMunicipalityIds: [] }))
        .statusCode,
    ).toBe(403);
    expect((await h.as.administrator.request('GET', '/api/v1/notification-routing')).statusCode).toBe(403);
    expect(
      (
        await h.as.coordinator.request('PUT', '/api/v1/notification-routing', {
          trustedMunicipalityIds: [h.municipalityId],
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await h.as.coordinator.request('PUT', '/api/v1/notification-routing', {
          trustedMunicipalityIds: ['00000000-0000-4000-8000-000000000000'],
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await h.as.coordinator.request('PUT', '/api/v1/notification-routing', {
          trustedMunicipalityIds: [h.otherMunicipalityId],
        })
      ).statusCode,
    ).toBe(204);
    expect((await h.as.coordinator.request('GET', '/api/v1/notification-routing')).json()).toEqual({
      trusted: [{ id: h.otherMunicipalityId, code: '1480', name: 'Göteborgs stad' }],
      others: [],
    });
    const entry = await h.db
      .selectFrom('audit_log')
      .select(['municipality_id', 'actor_id', 'detail'])
      .where('entity', '=', 'notification_routing')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      municipality_id: h.municipalityId,
      actor_id: h.as.coordinator.staffId,
      detail: { trustedMunicipalityIds: [h.otherMunicipalityId] },
    });
  });
});
