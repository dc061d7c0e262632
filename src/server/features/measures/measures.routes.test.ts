import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../core/outreach.js';
import { todayInSweden } from '../../../core/dates.js';
import { createHarness, type Client, type Harness } from '../../testing/harness.js';
import { personInRegister } from '../../testing/outreach.js';
import { pdfPageTexts } from '../../testing/pdf-text.js';
import { signInNewStaff } from '../../testing/staff.js';

let h: Harness;
let personId: string;
let otherPersonId: string;
let goalId: string;
let otherGoalId: string;
let offerId: string;
let placementOfferId: string;
let foreignOfferId: string;
let socialWorker: Client;
let units: Map<string, string>;

const today = todayInSweden();
const fields = (res: { json: () => { errors?: { field: string }[] } }) =>
  (res.json().errors ?? []).map((e) => e.field).sort();
const placement = {
  employerName: 'Partille Bygg AB',
  organisationNumber: '556036-0793',
  employerAddress: 'Industrivägen 4, Partille',
  supervisorName: 'Kim Handledare',
  supervisorPhone: '070-1740607',
  supervisorEmail: 'kim@example.se',
  hoursPerWeek: 20,
};

/** A plan with one goal for the person, set up directly: plans are another feature's API. */
async function goalOf(pid: string, caseId: string, title: string) {
  const plan = await h.db
    .insertInto('action_plans')
    .values({ municipality_id: h.municipalityId, person_id: pid, case_id: caseId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (
    await h.db
      .insertInto('plan_goals')
      .values({ municipality_id: h.municipalityId, person_id: pid, plan_id: plan.id, area: 'work', title })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** The units of `harness`'s municipality by name. */
async function unitsOf(harness: Harness) {
  return new Map(
    (
      await harness.db
        .selectFrom('units')
        .select(['id', 'name'])
        .where('municipality_id', '=', harness.municipalityId)
        .execute()
    ).map((u) => [u.name, u.id]),
  );
}

/** The catalogue: a guidance offer and a work placement of the municipality, and an offer of the other one. */
async function makeOffers(harness: Harness, unitsByName: Map<string, string>) {
  const offer = (body: Record<string, unknown>, as = harness.as.coordinator) =>
    as.request('POST', '/api/v1/offers', {
      name: 'Vägledningssamtal',
      kind: 'guidance',
      providerUnitId: unitsByName.get('Utbildningsförvaltningen'),
      ...body,
    });
  const guidance = (await offer({})).json().id as string;
  const workPlacement = (
    await offer({
      name: 'Praktik i näringslivet',
      kind: 'work_placement',
      providerUnitId: null,
      providerName: 'Arbetsmarknadsenheten',
      costAmount: 1500,
      costUnit: 'week',
    })
  ).json().id as string;
  const otherUnit = (
    await harness.db
      .selectFrom('units')
      .select('id')
      .where('municipality_id', '=', harness.otherMunicipalityId)
      .executeTakeFirstOrThrow()
  ).id;
  const foreign = (await offer({ providerUnitId: otherUnit }, harness.as.otherCoordinator)).json().id as string;
  return { guidance, workPlacement, foreign };
}

beforeAll(async () => {
  h = await createHarness();
  units = await unitsOf(h);
  ({ guidance: offerId, workPlacement: placementOfferId, foreign: foreignOfferId } = await makeOffers(h, units));
}, 120_000);
afterAll(() => h.close());

/**
 * Every test's own young people (one with a plan's goal, in a team with a social worker whom the consent lets
 * see contact and health, and one other with a goal) and social worker; the catalogue is the file's.
 */
let worlds = 0;
beforeEach(async () => {
  worlds += 1;
  const p = await personInRegister(h, { contactPerson: h.as.youth_coach });
  personId = p.personId;
  const other = await personInRegister(h);
  otherPersonId = other.personId;
  goalId = await goalOf(personId, p.caseId, 'Arbete');
  otherGoalId = await goalOf(otherPersonId, other.caseId, 'Studier');
  // A social worker in the case's team, whose unit the young person's consent names for contact and health, not the
  // plan.
  const team = await h.db
    .insertInto('teams')
    .values({
      municipality_id: h.municipalityId,
      name: `Insatsteamet ${worlds}`,
      unit_id: units.get('Utbildningsförvaltningen')!,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  socialWorker = await signInNewStaff(h, 'team_member', {
    unitId: units.get('Socialtjänsten')!,
    name: 'Socialsekreterare',
  });
  await h.db.insertInto('team_members').values({ team_id: team.id, staff_id: socialWorker.staffId }).execute();
  await h.db.updateTable('cases').set({ team_id: team.id }).where('id', '=', p.caseId).execute();
  const consent = (recipient: string, categories: string[]) =>
    h.as.coordinator.request('POST', `/api/v1/persons/${personId}/consents`, {
      recipientUnitIds: [units.get(recipient)],
      categories,
      purpose: 'Samverkan kring insatser',
      givenBy: 'young_person',
    });
  expect((await consent('Socialtjänsten', ['contact_occupation', 'health_social'])).statusCode).toBe(201);
  // The KAA's own unit is named for health and social matters, so its staff may refer to social services.
  expect((await consent('Utbildningsförvaltningen', ['health_social'])).statusCode).toBe(201);
}, 120_000);

describe('the offer catalogue', () => {
  it('answers 401 without a session and 403 to roles that neither book measures nor keep the catalogue', async () => {
    expect((await h.anonymous('GET', '/api/v1/offers')).statusCode).toBe(401);
    expect(
      (await h.anonymous('POST', '/api/v1/offers', { name: 'X', kind: 'other', providerName: 'Y' })).statusCode,
    ).toBe(401);
    expect((await h.as.manager.request('GET', '/api/v1/offers')).statusCode).toBe(403);
    expect(
      (await h.as.youth_coach.request('POST', '/api/v1/offers', { name: 'X', kind: 'other', providerName: 'Y' }))
        .statusCode,
    ).toBe(403);
  });

  it("lists only the municipality's own offers, with provider, cost and the code list version", async () => {
    // A catalogue of its own: other tests add offers and book the file's.
    const own = await createHarness();
    try {
      const { guidance, workPlacement, foreign } = await makeOffers(own, await unitsOf(own));
      const list = (await own.as.youth_coach.request('GET', '/api/v1/offers')).json();
      expect(list.map((o: { id: string }) => o.id).sort()).toEqual([guidance, workPlacement].sort());
      expect(list.find((o: { id: string }) => o.id === workPlacement)).toMatchObject({
        kind: 'work_placement',
        provider: { unitId: null, name: 'Arbetsmarknadsenheten' },
        costAmount: 1500,
        costUnit: 'week',
        kindListVersion: '2026-12',
        active: true,
        inUse: 0,
      });
      expect(
        (await own.as.otherCoordinator.request('GET', '/api/v1/offers')).json().map((o: { id: string }) => o.id),
      ).toEqual([foreign]);
    } finally {
      await own.close();
    }
  });

  it('names each invalid field and stores nothing', async () => {
    const before = (await h.db.selectFrom('offers').select('id').execute()).length;
    const empty = await h.as.coordinator.request('POST', '/api/v1/offers', {});
    expect(fields(empty)).toEqual(['kind', 'name']);
    const otherUnit = (
      await h.db
        .selectFrom('units')
        .select('id')
        .where('municipality_id', '=', h.otherMunicipalityId)
        .executeTakeFirstOrThrow()
    ).id;
    expect(
      fields(
        await h.as.coordinator.request('POST', '/api/v1/offers', {
          name: 'X',
          kind: 'other',
          providerUnitId: otherUnit,
        }),
      ),
    ).toEqual(['providerUnitId']);
    expect(fields(await h.as.coordinator.request('POST', '/api/v1/offers', { name: 'X', kind: 'other' }))).toEqual([
      'providerName',
    ]);
    expect(
      fields(
        await h.as.coordinator.request('POST', '/api/v1/offers', {
          name: 'X',
          kind: 'guidance',
          studyForm: 'komvux',
          providerName: 'Y',
        }),
      ),
    ).toEqual(['studyForm']);
    expect(
      fields(
        await h.as.coordinator.request('POST', '/api/v1/offers', {
          name: 'X',
          kind: 'other',
          providerName: 'Y',
          costAmount: 100,
        }),
      ),
    ).toEqual(['costUnit']);
    expect((await h.db.selectFrom('offers').select('id').execute()).length).toBe(before);
  });

  it("edits and deactivates an offer; a stale version is 409, another municipality's offer 404", async () => {
    const created = (
      await h.as.coordinator.request('POST', '/api/v1/offers', {
        name: 'Komvux svenska',
        kind: 'studies',
        studyForm: 'komvux',
        providerName: 'Komvux Partille',
        capacity: 10,
      })
    ).json();
    const changed = await h.as.coordinator.request('PATCH', `/api/v1/offers/${created.id}`, {
      capacity: 12,
      version: created.version,
    });
    expect(changed.json()).toMatchObject({ capacity: 12, studyForm: 'komvux', version: created.version + 1 });
    expect(
      (
        await h.as.coordinator.request('PATCH', `/api/v1/offers/${created.id}`, {
          capacity: 14,
          version: created.version,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await h.as.otherCoordinator.request('PATCH', `/api/v1/offers/${created.id}`, { active: false, version: 2 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await h.as.coordinator.request('PATCH', `/api/v1/offers/${created.id}`, { active: false, version: 2 })).json()
        .active,
    ).toBe(false);
    expect(
      (await h.as.coordinator.request('GET', '/api/v1/offers')).json().some((o: { id: string }) => o.id === created.id),
    ).toBe(false);
    expect(
      (await h.as.coordinator.request('GET', '/api/v1/offers?includeInactive=true'))
        .json()
        .some((o: { id: string }) => o.id === created.id),
    ).toBe(true);
    expect(
      await h.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'offer')
        .where('entity_id', '=', created.id)
        .execute(),
    ).toHaveLength(3);
  });
});

describe('GET /api/v1/offers.pdf', () => {
  it('answers 401 without a session, 403 to a manager, and 400 naming lang for a language it lacks', async () => {
    expect((await h.anonymous('GET', '/api/v1/offers.pdf')).statusCode).toBe(401);
    expect((await h.as.manager.request('GET', '/api/v1/offers.pdf')).statusCode).toBe(403);
    const bad = await h.as.youth_coach.request('GET', '/api/v1/offers.pdf?lang=de');
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['lang']);
  });

  it('prints the active offers in Swedish and English, by kind, with provider and cost, only its own', async () => {
    const sv = await h.as.youth_coach.request('GET', '/api/v1/offers.pdf?lang=sv');
    expect(sv.statusCode).toBe(200);
    expect(sv.headers['content-type']).toBe('application/pdf');
    const svText = pdfPageTexts(sv.rawPayload).join('\n');
    for (const expected of [
      'Insatskatalog',
      'Studie- och yrkesvägledning',
      'Vägledningssamtal',
      'Utbildningsförvaltningen',
      'Praktik i näringslivet',
    ]) {
      expect(svText, expected).toContain(expected);
    }
    expect(svText).toMatch(/Kostnad: \n?1\s500 kr per vecka/);
    const enText = pdfPageTexts((await h.as.coordinator.request('GET', '/api/v1/offers.pdf?lang=en')).rawPayload).join(
      '\n',
    );
    for (const expected of ['Offer catalogue', 'Study and career guidance', 'Work placement', 'SEK 1,500 per week'])
      expect(enText, expected).toContain(expected);
    const inactive = (
      await h.as.coordinator.request('POST', '/api/v1/offers', {
        name: 'Nedlagd kurs',
        kind: 'other',
        providerName: 'Ingen',
      })
    ).json();
    await h.as.coordinator.request('PATCH', `/api/v1/offers/${inactive.id}`, {
      active: false,
      version: inactive.version,
    });
    const after = pdfPageTexts((await h.as.coordinator.request('GET', '/api/v1/offers.pdf')).rawPayload).join('\n');
    expect(after).toContain('Vägledningssamtal');
    expect(after).not.toContain('Nedlagd kurs');
    const other = pdfPageTexts((await h.as.otherCoordinator.request('GET', '/api/v1/offers.pdf')).rawPayload).join(
      '\n',
    );
    expect(other).not.toContain('Praktik i näringslivet');
  });
});

describe('a person’s measures', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    offerId,
    goalId,
    startsOn: today,
    plannedEndOn: addDays(today, 30),
    ...over,
  });

  it('answers 401 without a session, 403 without the right to book, 404 to whoever is not on the person', async () => {
    const deniedSoFar = () =>
      h.db
        .selectFrom('audit_log')
        .select('action')
        .where('actor_id', '=', h.as.secondCoach.staffId)
        .where('entity', '=', 'measures')
        .orderBy('id')
        .execute();
    const before = await deniedSoFar();
    expect((await h.anonymous('GET', `/api/v1/persons/${personId}/measures`)).statusCode).toBe(401);
    expect((await h.anonymous('POST', `/api/v1/persons/${personId}/measures`, body())).statusCode).toBe(401);
    expect((await h.as.manager.request('POST', `/api/v1/persons/${personId}/measures`, body())).statusCode).toBe(403);
    expect((await h.as.secondCoach.request('GET', `/api/v1/persons/${personId}/measures`)).statusCode).toBe(404);
    expect((await h.as.secondCoach.request('POST', `/api/v1/persons/${personId}/measures`, body())).statusCode).toBe(
      404,
    );
    expect((await h.as.otherCoordinator.request('GET', `/api/v1/persons/${personId}/measures`)).statusCode).toBe(404);
    // Consent lets a social worker see the person, but booking is the KAA's own work.
    expect((await socialWorker.request('POST', `/api/v1/persons/${personId}/measures`, body())).statusCode).toBe(404);
    // Counted from this test's requests: another test may have been refused before.
    const denied = (await deniedSoFar()).slice(before.length);
    expect(denied.map((d) => d.action)).toEqual(['denied']);
  });

  it('names each invalid field (end before start, foreign offer or goal, bad org. number), storing none', async () => {
    const post = (b: Record<string, unknown>) =>
      h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/measures`, b);
    // What other tests booked for the person stays; this test's requests add nothing.
    const measures = () => h.db.selectFrom('measures').select('id').where('person_id', '=', personId).execute();
    const events = () =>
      h.db
        .selectFrom('events')
        .select('id')
        .where('person_id', '=', personId)
        .where('type', 'like', 'measure_%')
        .execute();
    const [measuresBefore, eventsBefore] = [await measures(), await events()];
    expect(fields(await post({}))).toEqual(['offerId', 'startsOn']);
    expect(fields(await post(body({ plannedEndOn: addDays(today, -1) })))).toEqual(['plannedEndOn']);
    const ended = await post(body({ endedOn: addDays(today, -1), endReason: 'completed' }));
    expect(ended.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'endedOn', code: 'end_before_start' }],
    });
    expect(fields(await post(body({ endedOn: today })))).toEqual(['endReason']);
    expect(fields(await post(body({ endReason: 'bored' })))).toEqual(['endReason']);
    expect(fields(await post(body({ offerId: foreignOfferId })))).toEqual(['offerId']);
    expect(fields(await post(body({ goalId: otherGoalId })))).toEqual(['goalId']);
    expect(fields(await post(body({ followUps: [{ on: addDays(today, -3) }] })))).toEqual(['followUps']);
    expect(fields(await post(body({ offerId: placementOfferId })))).toEqual(['placement']);
    expect(fields(await post(body({ placement })))).toEqual(['placement']);
    const badOrg = await post(
      body({ offerId: placementOfferId, placement: { ...placement, organisationNumber: '556036-0794' } }),
    );
    expect(badOrg.json().errors).toEqual([
      {
        field: 'placement.organisationNumber',
        code: 'org_number',
        message: expect.stringContaining('organisationsnummer'),
      },
    ]);
    expect(
      fields(await post(body({ offerId: placementOfferId, placement: { ...placement, hoursPerWeek: 60 } }))),
    ).toEqual(['placement.hoursPerWeek']);
    expect(await measures()).toEqual(measuresBefore);
    expect(await events()).toEqual(eventsBefore);
  });

  it('books a work placement and a guidance measure in parallel, on the timeline and in the audit log', async () => {
    const booked = await h.as.youth_coach.request(
      'POST',
      `/api/v1/persons/${personId}/measures`,
      body({
        offerId: placementOfferId,
        placement: { ...placement, organisationNumber: '5560360793', visits: [{ on: addDays(today, 7) }] },
      }),
    );
    expect(booked.statusCode).toBe(201);
    expect(booked.json()).toMatchObject({
      offer: { id: placementOfferId, kind: 'work_placement', provider: 'Arbetsmarknadsenheten' },
      goal: { id: goalId, title: 'Arbete' },
      placement: {
        organisationNumber: '556036-0793',
        hoursPerWeek: 20,
        visits: [{ on: addDays(today, 7), note: null }],
      },
      category: 'assessment_plan',
      version: 1,
      recordedBy: 'Test youth_coach',
    });
    expect(
      (await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/measures`, body({ goalId: null })))
        .statusCode,
    ).toBe(201);
    const list = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/measures`)).json();
    expect(list).toHaveLength(2);
    const events = (await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/events`)).json();
    expect(
      events.filter((e: { type: string }) => e.type === 'measure_started').map((e: { category: string }) => e.category),
    ).toEqual(['assessment_plan', 'assessment_plan']);
    expect(
      await h.db
        .selectFrom('audit_log')
        .select('id')
        .where('entity', '=', 'measure')
        .where('entity_id', '=', booked.json().id)
        .where('action', '=', 'create')
        .execute(),
    ).toHaveLength(1);
    expect(
      await h.db
        .selectFrom('audit_log')
        .select('id')
        .where('entity', '=', 'measures')
        .where('actor_id', '=', h.as.coordinator.staffId)
        .where('action', '=', 'read')
        .execute(),
    ).toHaveLength(1);
    expect(
      (await h.as.coordinator.request('GET', '/api/v1/offers'))
        .json()
        .find((o: { id: string }) => o.id === placementOfferId).inUse,
    ).toBe(1);
  });

  it('withholds measures from a reader whose consent does not cover the plan', async () => {
    const res = await socialWorker.request('GET', `/api/v1/persons/${personId}/measures`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
    const events = (await socialWorker.request('GET', `/api/v1/persons/${personId}/events`)).json();
    expect(events.some((e: { type: string }) => e.type.startsWith('measure_'))).toBe(false);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('detail')
      .where('actor_id', '=', socialWorker.staffId)
      .where('entity', '=', 'measures')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ withheld: true });
  });

  it("ends a measure with a reason; 409 when stale, 400 for an end before start or another's goal", async () => {
    const m = (await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/measures`, body())).json();
    const patch = (b: Record<string, unknown>, as = h.as.youth_coach) =>
      as.request('PATCH', `/api/v1/measures/${m.id}`, b);
    expect((await h.anonymous('PATCH', `/api/v1/measures/${m.id}`, { version: 1 })).statusCode).toBe(401);
    expect((await patch({ evaluation: 'x', version: 1 }, h.as.secondCoach)).statusCode).toBe(404);
    expect((await patch({ evaluation: 'x', version: 1 }, socialWorker)).statusCode).toBe(404);
    expect((await patch({ evaluation: 'x', version: 1 }, h.as.otherCoordinator)).statusCode).toBe(404);
    expect(fields(await patch({ endedOn: addDays(today, -2), endReason: 'completed', version: 1 }))).toEqual([
      'endedOn',
    ]);
    expect(fields(await patch({ goalId: otherGoalId, version: 1 }))).toEqual(['goalId']);
    expect(fields(await patch({ endedOn: today, version: 1 }))).toEqual(['endReason']);
    const followed = await patch({ followUps: [{ on: addDays(today, 10), note: null }], version: 1 });
    expect(followed.json()).toMatchObject({ version: 2, followUps: [{ on: addDays(today, 10), note: null }] });
    expect((await patch({ evaluation: 'Stale', version: 1 })).statusCode).toBe(409);
    const ended = await patch({
      endedOn: addDays(today, 1),
      endReason: 'moved_on_studies',
      evaluation: 'Börjar på folkhögskolan.',
      version: 2,
    });
    expect(ended.json()).toMatchObject({
      endedOn: addDays(today, 1),
      endReason: 'moved_on_studies',
      evaluation: 'Börjar på folkhögskolan.',
      version: 3,
    });
    const events = (await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/events`)).json();
    expect(
      events
        .filter((e: { type: string; payload: { measureId: string } }) => e.payload.measureId === m.id)
        .map((e: { type: string }) => e.type)
        .sort(),
    ).toEqual(['measure_ended', 'measure_started', 'measure_updated']);
    const reopened = await patch({ endedOn: null, version: 3 });
    expect(reopened.json()).toMatchObject({ endedOn: null, endReason: null });
  });

  it('refuses to book an offer taken out of the catalogue, but keeps it on measures already booked', async () => {
    const offer = (
      await h.as.coordinator.request('POST', '/api/v1/offers', {
        name: 'Utgående kurs',
        kind: 'other',
        providerName: 'Studieförbundet',
      })
    ).json();
    const m = (
      await h.as.youth_coach.request(
        'POST',
        `/api/v1/persons/${personId}/measures`,
        body({ offerId: offer.id, goalId: null }),
      )
    ).json();
    expect(
      (await h.as.coordinator.request('PATCH', `/api/v1/offers/${offer.id}`, { active: false, version: offer.version }))
        .statusCode,
    ).toBe(200);
    expect(
      fields(
        await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/measures`, body({ offerId: offer.id })),
      ),
    ).toEqual(['offerId']);
    const kept = await h.as.youth_coach.request('PATCH', `/api/v1/measures/${m.id}`, {
      evaluation: 'Kursen läggs ner men gick bra.',
      version: m.version,
    });
    expect(kept.json()).toMatchObject({ offer: { id: offer.id }, evaluation: 'Kursen läggs ner men gick bra.' });
  });

  it('lets only one of two changes made on the same version through', async () => {
    const m = (
      await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/measures`, body({ goalId: null }))
    ).json();
    const both = await Promise.all(
      ['Första', 'Andra'].map((evaluation) =>
        h.as.youth_coach.request('PATCH', `/api/v1/measures/${m.id}`, { evaluation, version: m.version }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().code).toBe('version_conflict');
  });

  it('puts a person whose running measure ends within 14 days in the measure-ending queue', async () => {
    const before = (await h.as.coordinator.request('GET', '/api/v1/work-queues/measure-ending')).json();
    expect(before.items.map((i: { personId: string }) => i.personId)).not.toContain(otherPersonId);
    expect(
      (
        await h.as.coordinator.request('POST', `/api/v1/persons/${otherPersonId}/measures`, {
          offerId,
          startsOn: addDays(today, -20),
          plannedEndOn: addDays(today, 14),
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await h.as.coordinator.request('POST', `/api/v1/persons/${otherPersonId}/measures`, {
          offerId,
          startsOn: addDays(today, -20),
          plannedEndOn: addDays(today, 15),
        })
      ).statusCode,
    ).toBe(201);
    const after = (await h.as.coordinator.request('GET', '/api/v1/work-queues/measure-ending')).json();
    expect(after.items.map((i: { personId: string }) => i.personId)).toContain(otherPersonId);
    expect(after.items.find((i: { personId: string }) => i.personId === otherPersonId).measureEndsOn).toBe(
      addDays(today, 14),
    );
    const counts = (await h.as.coordinator.request('GET', '/api/v1/work-queues')).json();
    expect(counts.find((q: { key: string }) => q.key === 'measure-ending').count).toBe(after.total);
  });

  it('lists the goals of the person’s plan to link to', async () => {
    expect((await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/measure-goals`)).json()).toEqual([
      { id: goalId, title: 'Arbete', area: 'work' },
    ]);
    expect((await socialWorker.request('GET', `/api/v1/persons/${personId}/measure-goals`)).json()).toEqual([]);
    expect((await h.as.secondCoach.request('GET', `/api/v1/persons/${personId}/measure-goals`)).statusCode).toBe(404);
  });
});

describe('referrals', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    agency: 'employment_service',
    sentOn: today,
    reason: 'Inskrivning och ungdomsgaranti',
    accompanied: true,
    ...over,
  });

  it('answers 401 without a session and 404 to whoever does not work on the person', async () => {
    expect((await h.anonymous('GET', `/api/v1/persons/${personId}/referrals`)).statusCode).toBe(401);
    expect((await h.anonymous('POST', `/api/v1/persons/${personId}/referrals`, body())).statusCode).toBe(401);
    expect((await h.as.secondCoach.request('GET', `/api/v1/persons/${personId}/referrals`)).statusCode).toBe(404);
    expect((await h.as.secondCoach.request('POST', `/api/v1/persons/${personId}/referrals`, body())).statusCode).toBe(
      404,
    );
    expect(
      (await h.as.otherCoordinator.request('POST', `/api/v1/persons/${personId}/referrals`, body())).statusCode,
    ).toBe(404);
  });

  it('names each invalid field and stores nothing', async () => {
    const post = (b: Record<string, unknown>) =>
      h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/referrals`, b);
    const referrals = () => h.db.selectFrom('referrals').select('id').where('person_id', '=', personId).execute();
    const before = await referrals();
    expect(fields(await post({}))).toEqual(['agency', 'sentOn']);
    expect(fields(await post(body({ agency: 'other' })))).toEqual(['agencyName']);
    expect(fields(await post(body({ status: 'ended' })))).toEqual(['outcome']);
    expect(fields(await post(body({ firstVisitOn: addDays(today, -1) })))).toEqual(['firstVisitOn']);
    expect(fields(await post(body({ status: 'lost' })))).toEqual(['status']);
    expect(await referrals()).toEqual(before);
  });

  it('refuses a health and social referral from someone whose consent does not cover that category', async () => {
    const res = await h.as.coordinator.request(
      'POST',
      `/api/v1/persons/${otherPersonId}/referrals`,
      body({ agency: 'addiction_care' }),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'category_not_allowed', errors: [{ field: 'agency' }] });
  });

  it('records referrals in their category and shows each reader only the categories they may see', async () => {
    const af = await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/referrals`, body());
    expect(af.statusCode).toBe(201);
    expect(af.json()).toMatchObject({
      agency: 'employment_service',
      status: 'sent',
      accompanied: true,
      category: 'assessment_plan',
      version: 1,
    });
    const social = await h.as.youth_coach.request(
      'POST',
      `/api/v1/persons/${personId}/referrals`,
      body({ agency: 'social_services', reason: 'Stöd i boendet' }),
    );
    expect(social.json().category).toBe('health_social');
    expect((await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/referrals`)).json()).toHaveLength(2);
    // The social worker's consent covers health and social matters, not the plan.
    expect(
      (await socialWorker.request('GET', `/api/v1/persons/${personId}/referrals`))
        .json()
        .map((r: { id: string }) => r.id),
    ).toEqual([social.json().id]);
    const events = (await socialWorker.request('GET', `/api/v1/persons/${personId}/events`)).json();
    expect(
      events.filter((e: { type: string }) => e.type === 'referral_sent').map((e: { category: string }) => e.category),
    ).toEqual(['health_social']);
    expect(
      await h.db
        .selectFrom('audit_log')
        .select('id')
        .where('entity', '=', 'referral')
        .where('action', '=', 'create')
        .where('person_id', '=', personId)
        .execute(),
    ).toHaveLength(2);
  });

  it('updates status and outcome; 409 stale, 404 for a referral not seen, 400 ended without outcome', async () => {
    const r = (
      await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/referrals`, body({ accompanied: false }))
    ).json();
    const patch = (b: Record<string, unknown>, as = h.as.youth_coach) =>
      as.request('PATCH', `/api/v1/referrals/${r.id}`, b);
    expect((await h.anonymous('PATCH', `/api/v1/referrals/${r.id}`, { version: 1 })).statusCode).toBe(401);
    expect((await patch({ status: 'accepted', version: 1 }, socialWorker)).statusCode).toBe(404);
    expect((await patch({ status: 'accepted', version: 1 }, h.as.secondCoach)).statusCode).toBe(404);
    expect(fields(await patch({ status: 'ended', version: 1 }))).toEqual(['outcome']);
    const accepted = await patch({
      status: 'accepted',
      accompanied: true,
      firstVisitOn: addDays(today, 3),
      version: 1,
    });
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      accompanied: true,
      firstVisitOn: addDays(today, 3),
      version: 2,
    });
    expect((await patch({ status: 'ongoing', version: 1 })).statusCode).toBe(409);
    const ended = await patch({ status: 'ended', outcome: 'Inskriven i ungdomsgarantin', version: 2 });
    expect(ended.json()).toMatchObject({ status: 'ended', outcome: 'Inskriven i ungdomsgarantin', version: 3 });
    const events = await h.db
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'referral_updated')
      .where('person_id', '=', personId)
      .execute();
    expect(events.map((e) => (e.payload as { status: string }).status)).toEqual(['accepted', 'ended']);
  });
});

describe('the OpenAPI document', () => {
  it('describes every endpoint of offers, measures and referrals', async () => {
    const doc = (await h.anonymous('GET', '/api/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/api/v1/offers']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/offers/{id}']!)).toEqual(['patch']);
    expect(Object.keys(doc.paths['/api/v1/offers.pdf']!)).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/v1/persons/{id}/measures']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/measures/{id}']!)).toEqual(['patch']);
    expect(Object.keys(doc.paths['/api/v1/persons/{id}/referrals']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/referrals/{id}']!)).toEqual(['patch']);
  });
});
