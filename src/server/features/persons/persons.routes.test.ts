import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** Creates a person as the coordinator and makes `contactId` its contact person. */
async function personWithContact(contactId: string | null, overrides = {}) {
  const created = await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson(overrides));
  expect(created.statusCode).toBe(201);
  const { id } = created.json();
  if (contactId) {
    const person = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json();
    const res = await h.as.coordinator.request('PATCH', `/api/v1/cases/${person.case.id}`, {
      contactPersonId: contactId,
      version: person.case.version,
    });
    expect(res.statusCode).toBe(204);
  }
  return id as string;
}

const auditCount = async (personId: string, action: string) =>
  (
    await h.db
      .selectFrom('audit_log')
      .select('id')
      .where('person_id', '=', personId)
      .where('action', '=', action)
      .execute()
  ).length;

describe('GET /api/v1/persons', () => {
  it('answers 401 problem+json without a session', async () => {
    const res = await h.anonymous('GET', '/api/v1/persons');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 401, code: 'not_authenticated' });
  });

  it('refuses roles that may not browse: manager, school reporter, administrator', async () => {
    for (const role of ['manager', 'school_reporter', 'administrator'] as const) {
      const res = await h.as[role].request('GET', '/api/v1/persons');
      expect(res.statusCode, role).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
  });

  it('lets a coach list only the persons of their own caseload', async () => {
    const mine = await personWithContact(h.as.youth_coach.staffId);
    const notMine = await personWithContact(h.as.secondCoach.staffId);
    const res = await h.as.youth_coach.request('GET', '/api/v1/persons?pageSize=100');
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((p: { id: string }) => p.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(notMine);
  });

  it('searches by name and by identity number, sorts and pages', async () => {
    const a = buildPerson({ givenName: 'Zelda', familyName: 'Ödmark' });
    const b = buildPerson({ givenName: 'Zelda', familyName: 'Åkesson' });
    await h.as.coordinator.request('POST', '/api/v1/persons', a);
    await h.as.coordinator.request('POST', '/api/v1/persons', b);

    const byName = (await h.as.coordinator.request('GET', '/api/v1/persons?q=zelda&sort=name&order=desc')).json();
    expect(byName.total).toBe(2);
    expect(byName.items.map((p: { familyName: string }) => p.familyName)).toEqual(['Ödmark', 'Åkesson']);

    const byNumber = (
      await h.as.coordinator.request(
        'GET',
        `/api/v1/persons?q=${a.personalIdentityNumber.slice(2, 8)}-${a.personalIdentityNumber.slice(8)}`,
      )
    ).json();
    expect(byNumber.items.map((p: { personalIdentityNumber: string }) => p.personalIdentityNumber)).toEqual([
      a.personalIdentityNumber,
    ]);

    const page2 = (await h.as.coordinator.request('GET', '/api/v1/persons?q=zelda&sort=name&pageSize=1&page=2')).json();
    expect(page2).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page2.items[0].familyName).toBe('Ödmark');
    // A page that is not full: its total comes from the page, past the rows before it.
    const partial = (await h.as.coordinator.request('GET', '/api/v1/persons?q=zelda&sort=name&pageSize=3')).json();
    expect(partial).toMatchObject({ total: 2, page: 1, pageSize: 3 });
    expect((await h.as.coordinator.request('GET', '/api/v1/persons?q=zelda&pageSize=1&page=3')).json()).toMatchObject({
      total: 2,
      items: [],
    });
  });

  it('records one audit entry per person listed', async () => {
    const id = await personWithContact(null, { givenName: 'Auditera' });
    const before = await auditCount(id, 'list');
    await h.as.coordinator.request('GET', '/api/v1/persons?q=Auditera');
    expect(await auditCount(id, 'list')).toBe(before + 1);
  });

  it('rejects a NUL character in the search with 400, not a database error', async () => {
    const res = await h.as.coordinator.request('GET', '/api/v1/persons?q=a%00b');
    expect(res.statusCode).toBe(400);
  });

  it('applies authentication to encoded paths too', async () => {
    expect((await h.anonymous('GET', '/%61pi/v1/persons')).statusCode).toBe(401);
    expect(
      (await h.as.coordinator.request('POST', '/%61pi/v1/auth/logout', undefined, { 'x-csrf-token': 'forged' }))
        .statusCode,
    ).toBe(403);
  });

  it('rejects a page size above 100 with a field error', async () => {
    const res = await h.as.coordinator.request('GET', '/api/v1/persons?pageSize=1000');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('pageSize');
  });
});

describe('POST /api/v1/persons', () => {
  it('answers 401 without a session and 403 for a role that may not register persons', async () => {
    expect((await h.anonymous('POST', '/api/v1/persons', buildPerson())).statusCode).toBe(401);
    expect((await h.as.youth_coach.request('POST', '/api/v1/persons', buildPerson())).statusCode).toBe(403);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const res = await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson(), { 'x-csrf-token': 'wrong' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
  });

  it('rejects a bad checksum with 400 naming the field, in the language asked for', async () => {
    const res = await h.as.coordinator.request(
      'POST',
      '/api/v1/persons',
      buildPerson({ personalIdentityNumber: '20080101-1234' }),
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('invalid_identity_number');
    expect(body.errors).toEqual([
      {
        field: 'personalIdentityNumber',
        code: 'checksum',
        message: 'The check digit does not match. Check the number.',
      },
    ]);
  });

  it('names every missing required field', async () => {
    const res = await h.as.coordinator.request('POST', '/api/v1/persons', { personalIdentityNumber: '' });
    expect(res.statusCode).toBe(400);
    const errors = res
      .json()
      .errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)
      .sort();
    expect(errors).toEqual(['familyName:required', 'givenName:required', 'personalIdentityNumber:format']);
  });

  it('creates the person with a new case and a timeline, in the canonical number form', async () => {
    const body = buildPerson();
    const dashed = `${body.personalIdentityNumber.slice(2, 8)}-${body.personalIdentityNumber.slice(8)}`;
    const res = await h.as.coordinator.request('POST', '/api/v1/persons', { ...body, personalIdentityNumber: dashed });
    expect(res.statusCode).toBe(201);
    const person = (await h.as.coordinator.request('GET', `/api/v1/persons/${res.json().id}`)).json();
    expect(person).toMatchObject({
      personalIdentityNumber: body.personalIdentityNumber,
      givenName: body.givenName,
      case: { status: 'new', contactPerson: null },
    });
    expect(person.guardians).toHaveLength(1);
    const events = (await h.as.coordinator.request('GET', `/api/v1/persons/${res.json().id}/events`)).json();
    expect(events.map((e: { type: string }) => e.type).sort()).toEqual(['case_opened', 'person_created']);
  });

  it('answers 409 for a number already registered', async () => {
    const body = buildPerson();
    expect((await h.as.coordinator.request('POST', '/api/v1/persons', body)).statusCode).toBe(201);
    const again = await h.as.coordinator.request('POST', '/api/v1/persons', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('duplicate_person');
  });
});

describe('GET /api/v1/persons/:id', () => {
  it('answers 404, not 403, to a coach outside the caseload and to another municipality', async () => {
    const id = await personWithContact(h.as.secondCoach.staffId);
    const missing = await h.as.youth_coach.request('GET', '/api/v1/persons/00000000-0000-4000-8000-000000000000');
    const hidden = await h.as.youth_coach.request('GET', `/api/v1/persons/${id}`);
    const foreign = await h.as.otherCoordinator.request('GET', `/api/v1/persons/${id}`);
    expect(hidden.statusCode).toBe(404);
    expect(foreign.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
  });

  it('gives a team member their own cases and nothing else', async () => {
    const mine = await personWithContact(h.as.team_member.staffId);
    const other = await personWithContact(h.as.youth_coach.staffId);
    expect((await h.as.team_member.request('GET', `/api/v1/persons/${mine}`)).statusCode).toBe(200);
    expect((await h.as.team_member.request('GET', `/api/v1/persons/${other}`)).statusCode).toBe(404);
  });

  it('audits the read in the same request', async () => {
    const id = await personWithContact(null);
    const before = await auditCount(id, 'read');
    await h.as.coordinator.request('GET', `/api/v1/persons/${id}`);
    expect(await auditCount(id, 'read')).toBe(before + 1);
  });

  it('hides address and contact details of a protected identity unless the reader has a grant', async () => {
    const id = await personWithContact(h.as.youth_coach.staffId, { protectedIdentity: true });
    const hidden = (await h.as.youth_coach.request('GET', `/api/v1/persons/${id}`)).json();
    expect(hidden).toMatchObject({
      protectedIdentity: true,
      contactDetailsHidden: true,
      streetAddress: null,
      phone: null,
      email: null,
      city: null,
    });
    expect(hidden.guardians[0]).toMatchObject({ phone: null, email: null });

    await h.db
      .insertInto('protected_identity_grants')
      .values({
        municipality_id: h.municipalityId,
        person_id: id,
        staff_id: h.as.youth_coach.staffId,
        granted_by: h.as.coordinator.staffId,
        reason: 'test',
      })
      .execute();
    const granted = (await h.as.youth_coach.request('GET', `/api/v1/persons/${id}`)).json();
    expect(granted).toMatchObject({ contactDetailsHidden: false, streetAddress: 'Gamla Kronvägen 12' });
  });

  it('rejects a malformed id with 400', async () => {
    expect((await h.as.coordinator.request('GET', '/api/v1/persons/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('PATCH /api/v1/persons/:id', () => {
  it('answers 401 without a session, 403 for a team member and 404 outside the caseload', async () => {
    const id = await personWithContact(h.as.secondCoach.staffId);
    const body = { ...buildPerson(), version: 1 };
    delete (body as Record<string, unknown>).personalIdentityNumber;
    expect((await h.anonymous('PATCH', `/api/v1/persons/${id}`, body)).statusCode).toBe(401);
    expect((await h.as.team_member.request('PATCH', `/api/v1/persons/${id}`, body)).statusCode).toBe(403);
    expect((await h.as.youth_coach.request('PATCH', `/api/v1/persons/${id}`, body)).statusCode).toBe(404);
  });

  it('saves with the current version and refuses a stale one with 409', async () => {
    const id = await personWithContact(null);
    const person = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json();
    const edit = {
      givenName: 'Nytt',
      familyName: person.familyName,
      streetAddress: person.streetAddress,
      postalCode: person.postalCode,
      city: 'Sävedalen',
      phone: person.phone,
      email: person.email,
      protectedIdentity: false,
      guardians: [],
      version: person.version,
    };
    expect((await h.as.coordinator.request('PATCH', `/api/v1/persons/${id}`, edit)).statusCode).toBe(204);
    const stale = await h.as.coordinator.request('PATCH', `/api/v1/persons/${id}`, { ...edit, givenName: 'Annat' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const after = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json();
    expect(after).toMatchObject({ givenName: 'Nytt', city: 'Sävedalen', version: person.version + 1, guardians: [] });
    const events = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}/events`)).json();
    expect(events[0]).toMatchObject({
      type: 'person_updated',
      payload: { fields: ['givenName', 'city', 'guardians'] },
    });
  });

  it('records nothing when a form is saved without changes', async () => {
    const id = await personWithContact(null);
    const person = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json();
    const same = {
      givenName: person.givenName,
      familyName: person.familyName,
      streetAddress: person.streetAddress,
      postalCode: person.postalCode,
      city: person.city,
      phone: person.phone,
      email: person.email,
      protectedIdentity: false,
      guardians: person.guardians,
      version: person.version,
    };
    expect((await h.as.coordinator.request('PATCH', `/api/v1/persons/${id}`, same)).statusCode).toBe(204);
    expect((await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json().version).toBe(person.version);
    expect(
      await h.db
        .selectFrom('events')
        .select('type')
        .where('person_id', '=', id)
        .where('type', '=', 'person_updated')
        .execute(),
    ).toEqual([]);
    expect(
      await h.db
        .selectFrom('audit_log')
        .select('id')
        .where('person_id', '=', id)
        .where('action', '=', 'update')
        .execute(),
    ).toEqual([]);
  });

  it('keeps hidden contact details when a reader without grant saves the form', async () => {
    const id = await personWithContact(h.as.youth_coach.staffId, { protectedIdentity: true });
    const seen = (await h.as.youth_coach.request('GET', `/api/v1/persons/${id}`)).json();
    const edit = {
      givenName: 'Skyddad',
      familyName: seen.familyName,
      streetAddress: null,
      postalCode: null,
      city: null,
      phone: null,
      email: null,
      protectedIdentity: false,
      guardians: [],
      version: seen.version,
    };
    expect((await h.as.youth_coach.request('PATCH', `/api/v1/persons/${id}`, edit)).statusCode).toBe(204);
    const full = await h.db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(full).toMatchObject({
      given_name: 'Skyddad',
      street_address: 'Gamla Kronvägen 12',
      protected_identity: true,
    });
    expect(await h.db.selectFrom('guardians').select('id').where('person_id', '=', id).execute()).toHaveLength(1);
  });
});

describe('protected identity on edit', () => {
  it('lets neither a coach with a grant lift protection nor the timeline tell that the address changed', async () => {
    const id = await personWithContact(h.as.youth_coach.staffId, { protectedIdentity: true });
    await h.db
      .insertInto('protected_identity_grants')
      .values({
        municipality_id: h.municipalityId,
        person_id: id,
        staff_id: h.as.youth_coach.staffId,
        granted_by: h.as.coordinator.staffId,
        reason: 'test',
      })
      .execute();
    const seen = (await h.as.youth_coach.request('GET', `/api/v1/persons/${id}`)).json();
    const edit = {
      givenName: seen.givenName,
      familyName: seen.familyName,
      streetAddress: 'Ny gata 1',
      postalCode: seen.postalCode,
      city: seen.city,
      phone: seen.phone,
      email: seen.email,
      protectedIdentity: false,
      guardians: seen.guardians,
      version: seen.version,
    };
    expect((await h.as.youth_coach.request('PATCH', `/api/v1/persons/${id}`, edit)).statusCode).toBe(204);
    const after = (await h.as.youth_coach.request('GET', `/api/v1/persons/${id}`)).json();
    expect(after).toMatchObject({ protectedIdentity: true, streetAddress: 'Ny gata 1' });
    // Protection was not lifted, so nothing says it changed; and nothing on the timeline says the address did.
    const events = (await h.as.youth_coach.request('GET', `/api/v1/persons/${id}/events`)).json();
    expect(events.filter((e: { type: string }) => e.type === 'person_updated')).toEqual([]);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('detail')
      .where('person_id', '=', id)
      .where('action', '=', 'update')
      .where('entity', '=', 'person')
      .execute();
    expect(audit.map((a) => a.detail)).toEqual([{ fields: ['streetAddress'] }]);
  });
});

describe('lifting protected identity', () => {
  it('takes a coordinator with a grant: without one the protection stays, with one it is lifted', async () => {
    const id = await personWithContact(null, { protectedIdentity: true });
    const lift = async () => {
      const seen = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json();
      const edit = {
        givenName: seen.givenName,
        familyName: seen.familyName,
        streetAddress: seen.streetAddress,
        postalCode: seen.postalCode,
        city: seen.city,
        phone: seen.phone,
        email: seen.email,
        protectedIdentity: false,
        guardians: seen.guardians,
        version: seen.version,
      };
      await h.as.coordinator.request('PATCH', `/api/v1/persons/${id}`, edit);
      return (
        await h.db.selectFrom('persons').select('protected_identity').where('id', '=', id).executeTakeFirstOrThrow()
      ).protected_identity;
    };
    expect(await lift()).toBe(true);
    await h.db
      .insertInto('protected_identity_grants')
      .values({
        municipality_id: h.municipalityId,
        person_id: id,
        staff_id: h.as.coordinator.staffId,
        granted_by: h.as.coordinator.staffId,
        reason: 'test',
      })
      .execute();
    expect(await lift()).toBe(false);
  });
});

describe('access after a case is closed', () => {
  it('lasts through the follow-up period and then ends', async () => {
    const id = await personWithContact(h.as.youth_coach.staffId);
    await h.db
      .updateTable('cases')
      .set({ status: 'closed', closed_at: new Date(Date.now() - 30 * 86_400_000) })
      .where('person_id', '=', id)
      .execute();
    expect((await h.as.youth_coach.request('GET', `/api/v1/persons/${id}`)).statusCode).toBe(200);
    await h.db
      .updateTable('cases')
      .set({ closed_at: new Date(Date.now() - 400 * 86_400_000) })
      .where('person_id', '=', id)
      .execute();
    expect((await h.as.youth_coach.request('GET', `/api/v1/persons/${id}`)).statusCode).toBe(404);
    expect((await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).statusCode).toBe(200);
  });
});

describe('GET /api/v1/persons/:id/events and POST /notes', () => {
  it('answers 401, 404 outside the caseload and 403 for a role that may not write', async () => {
    const id = await personWithContact(h.as.secondCoach.staffId);
    expect((await h.anonymous('GET', `/api/v1/persons/${id}/events`)).statusCode).toBe(401);
    expect((await h.as.youth_coach.request('GET', `/api/v1/persons/${id}/events`)).statusCode).toBe(404);
    expect((await h.as.youth_coach.request('POST', `/api/v1/persons/${id}/notes`, { text: 'x' })).statusCode).toBe(404);
    expect((await h.as.manager.request('POST', `/api/v1/persons/${id}/notes`, { text: 'x' })).statusCode).toBe(403);
  });

  it('rejects an empty note', async () => {
    const id = await personWithContact(null);
    const res = await h.as.coordinator.request('POST', `/api/v1/persons/${id}/notes`, { text: '   ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'text', code: 'required' });
  });

  it('adds a note and a correction that points at it, keeping the original', async () => {
    const id = await personWithContact(h.as.youth_coach.staffId);
    const note = await h.as.youth_coach.request('POST', `/api/v1/persons/${id}/notes`, {
      text: 'Träffade Testa på biblioteket.',
    });
    expect(note.statusCode).toBe(201);
    const fix = await h.as.youth_coach.request('POST', `/api/v1/persons/${id}/notes`, {
      text: 'Träffade Testa på fritidsgården.',
      correctsEventId: note.json().id,
    });
    expect(fix.statusCode).toBe(201);
    const events = (await h.as.youth_coach.request('GET', `/api/v1/persons/${id}/events`)).json();
    const original = events.find((e: { id: string }) => e.id === note.json().id);
    expect(original).toMatchObject({
      payload: { text: 'Träffade Testa på biblioteket.' },
      correctedBy: fix.json().id,
      actor: { id: h.as.youth_coach.staffId },
    });
    expect(events.find((e: { id: string }) => e.id === fix.json().id)).toMatchObject({
      correctsEventId: note.json().id,
    });
  });

  it('refuses a correction of an event on another person', async () => {
    const a = await personWithContact(null);
    const b = await personWithContact(null);
    const note = await h.as.coordinator.request('POST', `/api/v1/persons/${a}/notes`, { text: 'A' });
    const res = await h.as.coordinator.request('POST', `/api/v1/persons/${b}/notes`, {
      text: 'B',
      correctsEventId: note.json().id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_correction');
  });

  it('records a retried note once (same Idempotency-Key), answering as the first, even when both race', async () => {
    const id = await personWithContact(null);
    const body = { text: 'Har fått en diagnos, ringer igen på måndag.' };
    const headers = { 'idempotency-key': 'note-0001-retry' };
    const first = await h.as.coordinator.request('POST', `/api/v1/persons/${id}/notes`, body, headers);
    const again = await h.as.coordinator.request('POST', `/api/v1/persons/${id}/notes`, body, headers);
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json()).toEqual(first.json());
    expect(first.json()).toMatchObject({ possiblySensitive: true });
    const together = { 'idempotency-key': 'note-0002-together' };
    const [a, b] = await Promise.all([
      h.as.coordinator.request('POST', `/api/v1/persons/${id}/notes`, { text: 'Bokade studiebesök.' }, together),
      h.as.coordinator.request('POST', `/api/v1/persons/${id}/notes`, { text: 'Bokade studiebesök.' }, together),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json()).toEqual(a.json());
    const notes = await h.db
      .selectFrom('events')
      .select('id')
      .where('person_id', '=', id)
      .where('type', '=', 'note')
      .execute();
    expect(notes.map((n) => n.id).sort()).toEqual([first.json().id, a.json().id].sort());
    const timeline = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}/events`)).json();
    expect(timeline.filter((e: { type: string }) => e.type === 'note')).toHaveLength(2);
    const writes = await h.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('person_id', '=', id)
      .where('action', '=', 'create')
      .where('entity', '=', 'note')
      .execute();
    expect(writes.map((w) => w.entity_id).sort()).toEqual([first.json().id, a.json().id].sort());
  });

  it('refuses a note key already used for another person', async () => {
    const [first, second] = [await personWithContact(null), await personWithContact(null)];
    const headers = { 'idempotency-key': 'note-reused-0001' };
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/persons/${first}/notes`, { text: 'A' }, headers)).statusCode,
    ).toBe(201);
    const res = await h.as.coordinator.request('POST', `/api/v1/persons/${second}/notes`, { text: 'B' }, headers);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'idempotency_key_reused', errors: [{ field: 'Idempotency-Key' }] });
  });

  it('keeps events append-only in the database', async () => {
    const id = await personWithContact(null);
    await expect(h.db.deleteFrom('events').where('person_id', '=', id).execute()).rejects.toThrow(/append-only/);
  });

  it('warns when an uncategorised note looks like sensitive data, and not when it carries its category', async () => {
    const id = await personWithContact(null);
    const plain = await h.as.coordinator.request('POST', `/api/v1/persons/${id}/notes`, {
      text: 'Har fått en diagnos och medicin.',
    });
    expect(plain.json()).toMatchObject({ possiblySensitive: true });
    const ok = await h.as.coordinator.request('POST', `/api/v1/persons/${id}/notes`, { text: 'Bokade studiebesök.' });
    expect(ok.json()).toMatchObject({ possiblySensitive: false });
    // A coordinator may not file a health note without a consent that names her unit.
    const health = await h.as.coordinator.request('POST', `/api/v1/persons/${id}/notes`, {
      text: 'Har fått en diagnos.',
      category: 'health_social',
    });
    expect(health.statusCode).toBe(403);
    expect(health.json().code).toBe('category_not_allowed');
  });
});
