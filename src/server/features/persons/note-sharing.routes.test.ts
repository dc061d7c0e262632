import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/harness.js';
import { signInYoung, youngPerson } from '../me/me-testing.js';

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
}, 120_000);
afterAll(() => h.close());

const sharing = (personId: string, noteId: string) => `/api/v1/persons/${personId}/notes/${noteId}/sharing`;

/** A note on the person by their contact person; returns its id. */
async function note(personId: string, body: Record<string, unknown>) {
  const res = await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/notes`, body);
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

describe('PUT /api/v1/persons/{id}/notes/{noteId}/sharing', () => {
  it('answers 401 without a session, 403 without note writing, 404 for a person or note out of reach', async () => {
    const me = await youngPerson(h);
    const other = await youngPerson(h);
    const noteId = await note(me.personId, { text: 'Intern anteckning' });
    const body = { shared: true };
    expect((await h.anonymous('PUT', sharing(me.personId, noteId), body)).statusCode).toBe(401);
    expect((await h.as.manager.request('PUT', sharing(me.personId, noteId), body)).statusCode).toBe(403);
    // Another municipality's coordinator, and a team member whose team has no case of the person.
    expect((await h.as.otherCoordinator.request('PUT', sharing(me.personId, noteId), body)).statusCode).toBe(404);
    expect((await h.as.team_member.request('PUT', sharing(me.personId, noteId), body)).statusCode).toBe(404);
    // The note under another person's path, an event that is no note, and no note at all.
    expect((await h.as.youth_coach.request('PUT', sharing(other.personId, noteId), body)).statusCode).toBe(404);
    const notANote = await h.db
      .selectFrom('events')
      .select('id')
      .where('person_id', '=', me.personId)
      .where('type', '!=', 'note')
      .executeTakeFirstOrThrow();
    expect((await h.as.youth_coach.request('PUT', sharing(me.personId, notANote.id), body)).statusCode).toBe(404);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await h.as.youth_coach.request('PUT', sharing(me.personId, missing), body)).statusCode).toBe(404);
    expect((await h.as.youth_coach.request('PUT', sharing(me.personId, noteId), {})).statusCode).toBe(400);
    // A young person's session reaches no staff endpoint.
    const young = await signInYoung(h, me.pin, me.personId);
    expect((await young.request('PUT', sharing(me.personId, noteId), body)).statusCode).toBe(404);
    const changes = await h.db.selectFrom('note_shares').select('note_id').where('note_id', '=', noteId).execute();
    expect(changes).toEqual([]);
  });

  it('shows a note written unshared to the young person at once, then stops showing it, each audited', async () => {
    const me = await youngPerson(h);
    const noteId = await note(me.personId, { text: 'Du har fått en praktikplats' });
    const young = await signInYoung(h, me.pin, me.personId);
    const sharedTexts = async () =>
      ((await young.request('GET', '/api/v1/me/shared')).json().notes as { text: string }[]).map((n) => n.text);
    const staffSees = async () =>
      (
        (await h.as.youth_coach.request('GET', `/api/v1/persons/${me.personId}/events`)).json() as {
          id: string;
          payload: { sharedWithYoungPerson?: boolean };
        }[]
      ).find((e) => e.id === noteId)!.payload.sharedWithYoungPerson;
    expect(await sharedTexts()).toEqual([]);

    // Anyone who may write notes on the person: here a coordinator, not the note's writer.
    const on = await h.as.coordinator.request('PUT', sharing(me.personId, noteId), { shared: true });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toEqual({ id: noteId, sharedWithYoungPerson: true });
    expect(await sharedTexts()).toEqual(['Du har fått en praktikplats']);
    expect(await staffSees()).toBe(true);

    const off = await h.as.youth_coach.request('PUT', sharing(me.personId, noteId), { shared: false });
    expect(off.json()).toEqual({ id: noteId, sharedWithYoungPerson: false });
    expect(await sharedTexts()).toEqual([]);
    expect(await staffSees()).toBe(false);

    // The note itself stays as written; the changes are audited with who made them.
    const event = await h.db.selectFrom('events').select('payload').where('id', '=', noteId).executeTakeFirstOrThrow();
    expect(event.payload).toEqual({ text: 'Du har fått en praktikplats' });
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('entity_id', '=', noteId)
      .where('action', '=', 'update')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { actor_id: h.as.coordinator.staffId, detail: expect.objectContaining({ sharedWithYoungPerson: true }) },
      { actor_id: h.as.youth_coach.staffId, detail: expect.objectContaining({ sharedWithYoungPerson: false }) },
    ]);
  });

  it('stops showing a note that was shared when written', async () => {
    const me = await youngPerson(h);
    const noteId = await note(me.personId, { text: 'Delad från början', sharedWithYoungPerson: true });
    const young = await signInYoung(h, me.pin, me.personId);
    expect((await young.request('GET', '/api/v1/me/shared')).json().notes).toHaveLength(1);
    expect((await h.as.youth_coach.request('PUT', sharing(me.personId, noteId), { shared: false })).statusCode).toBe(
      200,
    );
    expect((await young.request('GET', '/api/v1/me/shared')).json().notes).toEqual([]);
  });

  it('refuses to show a health and social note to the young person (409), even by staff who see it', async () => {
    const me = await youngPerson(h);
    const kaa = await h.db
      .selectFrom('staff')
      .select('unit_id')
      .where('id', '=', h.as.coordinator.staffId)
      .executeTakeFirstOrThrow();
    const consent = await h.as.coordinator.request('POST', `/api/v1/persons/${me.personId}/consents`, {
      recipientUnitIds: [kaa.unit_id],
      categories: ['health_social'],
      purpose: 'Stöd',
      givenBy: 'young_person',
    });
    expect(consent.statusCode).toBe(201);
    const written = await h.as.coordinator.request('POST', `/api/v1/persons/${me.personId}/notes`, {
      text: 'Om hälsan',
      category: 'health_social',
    });
    expect(written.statusCode).toBe(201);
    const res = await h.as.coordinator.request('PUT', sharing(me.personId, written.json().id), { shared: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('note_not_shareable');
  });
});
