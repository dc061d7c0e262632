import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const create = (overrides: Parameters<typeof buildPerson>[0]) =>
  h.as.coordinator.request('POST', '/api/v1/persons', buildPerson(overrides));
const fieldCodes = (res: { json(): { errors?: { field: string; code: string }[] } }) =>
  (res.json().errors ?? []).map((e) => `${e.field}:${e.code}`);

describe('identity numbers judged by age', () => {
  it('opens no KAA case for a person born in 1907 ("070101+2395")', async () => {
    const res = await create({ personalIdentityNumber: '070101+2395' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'outside_kaa_age',
      errors: [{ field: 'personalIdentityNumber', code: 'kaa_age' }],
    });
    expect(
      await h.db.selectFrom('persons').select('id').where('personal_identity_number', '=', '190701012395').execute(),
    ).toEqual([]);
  });

  it('opens a case for the same digits without "+", a person born in 2007', async () => {
    const res = await create({ personalIdentityNumber: '070101-2395' });
    expect(res.statusCode).toBe(201);
  });
});

describe('contact details validated', () => {
  it('refuses a phone number neither Swedish nor E.164, and a postal code that is not five digits', async () => {
    const res = await create({
      phone: 'ring mig',
      postalCode: '4333',
      guardians: [{ name: 'Vera', relation: null, phone: '12', email: null }],
    });
    expect(res.statusCode).toBe(400);
    expect(fieldCodes(res).sort()).toEqual(['guardians.0.phone:phone', 'phone:phone', 'postalCode:postal_code']);
  });

  it('accepts Swedish and international numbers as people write them; stores the postal code "NNN NN"', async () => {
    for (const phone of ['070-174 06 05', '031-12 34 56', '+46 70 174 06 05', '+46 (0)70 1740605', '0046701740605']) {
      const res = await create({ phone, postalCode: '43330' });
      expect(res.statusCode, phone).toBe(201);
      const stored = await h.db
        .selectFrom('persons')
        .select(['phone', 'postal_code'])
        .where('id', '=', res.json().id)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ phone, postal_code: '433 30' });
    }
  });
});

describe('denied reads', () => {
  it("records a 404 on a person outside the reader's access as denied, shown in the access follow-up", async () => {
    const id = (await create({ givenName: 'Nekad' })).json().id as string;
    // The coach has no case and no register access to this person: 404, as for one that does not exist.
    expect((await h.as.youth_coach.request('GET', `/api/v1/persons/${id}`)).statusCode).toBe(404);
    expect((await h.as.youth_coach.request('GET', `/api/v1/persons/${id}/events`)).statusCode).toBe(404);
    const entries = await h.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'actor_id'])
      .where('person_id', '=', id)
      .where('action', '=', 'denied')
      .orderBy('entity', 'desc')
      .execute();
    expect(entries).toEqual([
      { action: 'denied', entity: 'person', actor_id: h.as.youth_coach.staffId },
      { action: 'denied', entity: 'events', actor_id: h.as.youth_coach.staffId },
    ]);
    // A person that does not exist leaves no denied entry (there is no one to name).
    expect(
      (await h.as.youth_coach.request('GET', '/api/v1/persons/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
    // The coach's own denied reads: the other tests here are refused to the second coach.
    const report = (
      (await h.as.administrator.request('GET', '/api/v1/access-review?kind=denied')).json() as {
        actor: { id: string };
        day: string;
      }[]
    ).filter((r) => r.actor.id === h.as.youth_coach.staffId);
    expect(report).toEqual([
      expect.objectContaining({
        kind: 'denied',
        actor: { id: h.as.youth_coach.staffId, name: expect.any(String) },
        person: { id, name: 'Nekad Testsson' },
        reads: 2,
      }),
    ]);
    const mark = await h.as.administrator.request('POST', '/api/v1/access-review/reviewed', {
      kind: 'denied',
      actorId: h.as.youth_coach.staffId,
      personId: id,
      day: report[0]!.day,
      note: null,
    });
    expect(mark.statusCode).toBeLessThan(300);
  });

  // Every per-person read a caseworker may ask for (the extract needs a coordinator, who sees the whole municipality).
  const personReads: [path: string, entity: string][] = [
    ['', 'person'],
    ['/events', 'events'],
    ['/consents', 'consents'],
    ['/consent-form?lang=sv', 'consent_form'],
    ['/outreach', 'outreach'],
    ['/applications', 'applications'],
  ];

  it('records one denied entry for each per-person read refused to a caseworker without access', async () => {
    const id = (await create({ givenName: 'Nekad' })).json().id as string;
    for (const [path, entity] of personReads) {
      const res = await h.as.secondCoach.request('GET', `/api/v1/persons/${id}${path}`);
      expect(res.statusCode, path).toBe(404);
      expect(res.json().code, path).toBe('not_found');
      const entries = await h.db
        .selectFrom('audit_log')
        .select('actor_id')
        .where('person_id', '=', id)
        .where('action', '=', 'denied')
        .where('entity', '=', entity as never)
        .execute();
      expect(entries, path).toEqual([{ actor_id: h.as.secondCoach.staffId }]);
    }
  });

  it("records a refused write to a person outside the writer's access as denied, naming what was written", async () => {
    const id = (await create({ givenName: 'Nekad' })).json().id as string;
    const writes: [method: 'POST' | 'PUT', path: string, body: unknown, entity: string][] = [
      ['POST', '/notes', { text: 'En anteckning som inte ska sparas' }, 'note'],
      [
        'POST',
        '/contact-attempts',
        { channel: 'phone', outcome: 'no_answer', at: new Date().toISOString() },
        'contact_attempt',
      ],
    ];
    for (const [method, path, body, entity] of writes) {
      const res = await h.as.secondCoach.request(method, `/api/v1/persons/${id}${path}`, body);
      expect(res.statusCode, path).toBe(404);
      const entries = await h.db
        .selectFrom('audit_log')
        .select('actor_id')
        .where('person_id', '=', id)
        .where('action', '=', 'denied')
        .where('entity', '=', entity as never)
        .execute();
      expect(entries, path).toEqual([{ actor_id: h.as.secondCoach.staffId }]);
    }
    expect(
      await h.db
        .selectFrom('events')
        .select('id')
        .where('person_id', '=', id)
        .where('type', 'in', ['note', 'contact_attempt'])
        .execute(),
    ).toEqual([]);
  });

  it('records nothing for the same reads of a person of another municipality', async () => {
    const res = await h.as.otherCoordinator.request(
      'POST',
      '/api/v1/persons',
      buildPerson({ givenName: 'Grannkommun' }),
    );
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    for (const [path] of personReads)
      expect((await h.as.secondCoach.request('GET', `/api/v1/persons/${id}${path}`)).statusCode, path).toBe(404);
    expect(
      await h.db
        .selectFrom('audit_log')
        .select('id')
        .where('person_id', '=', id)
        .where('action', '=', 'denied')
        .execute(),
    ).toEqual([]);
  });
});
