import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../clock.js';
import { eventRow } from '../../db/events.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { signInYoung, youngPerson } from './me-testing.js';

let h: Harness;
const clock: Clock = { now: () => new Date('2026-12-10T09:00:00Z') };

beforeAll(async () => {
  h = await createHarness({}, { clock });
}, 120_000);
afterAll(() => h.close());

/** A note on the person by their contact person; returns its id. */
async function note(personId: string, body: Record<string, unknown>) {
  const res = await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/notes`, body);
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

describe('GET /api/v1/me/shared', () => {
  it('answers 401 without a session and 404 to a staff session', async () => {
    expect((await h.anonymous('GET', '/api/v1/me/shared')).statusCode).toBe(401);
    expect((await h.as.coordinator.request('GET', '/api/v1/me/shared')).statusCode).toBe(404);
  });

  it('shows only the notes staff shared with the young person themselves, never health and social ones', async () => {
    const me = await youngPerson(h);
    const other = await youngPerson(h);
    const shared = await note(me.personId, { text: 'Du ska träffa studievägledaren', sharedWithYoungPerson: true });
    await note(me.personId, { text: 'Intern anteckning om planeringen' });
    // Another agency's health and social note (recorded under its consent), marked shared: still never shown.
    await h.db
      .insertInto('events')
      .values(
        eventRow(
          { municipality_id: h.municipalityId, person_id: me.personId, actor_id: null, category: 'health_social' },
          'note',
          { text: 'Delad men om hälsa', sharedWithYoungPerson: true },
        ),
      )
      .execute();
    await note(other.personId, { text: 'Någon annans delade anteckning', sharedWithYoungPerson: true });
    // A shared note corrected by an unshared one is no longer shown; a shared correction is.
    const wrong = await note(me.personId, { text: 'Fel tid för mötet', sharedWithYoungPerson: true });
    await note(me.personId, { text: 'Rätt tid: tisdag', correctsEventId: wrong, sharedWithYoungPerson: true });
    const hidden = await note(me.personId, { text: 'Delad, sedan rättad internt', sharedWithYoungPerson: true });
    await note(me.personId, { text: 'Intern rättelse', correctsEventId: hidden });

    const young = await signInYoung(h, me.pin, me.personId);
    const res = await young.request('GET', '/api/v1/me/shared');
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .notes.map((n: { text: string }) => n.text)
        .sort(),
    ).toEqual(['Du ska träffa studievägledaren', 'Rätt tid: tisdag'].sort());
    expect(res.json().notes.find((n: { id: string }) => n.id === shared)).toBeDefined();
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity'])
      .where('person_id', '=', me.personId)
      .where('action', '=', 'read')
      .where('entity', '=', 'events')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ actor_id: me.personId, entity: 'events' });
  });
});
