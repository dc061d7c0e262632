/**
 * Events stored by earlier code stay readable: one of each kind (and each older shape) is written
 * straight into the table as those writers wrote it, read back from the database and through the
 * timeline, and parsed with core's event schemas (`readEvent`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvent } from '../../../core/events/index.js';
import { STORED_EVENTS } from '../../../core/events/stored-events.testdata.js';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { storedAsIs } from '../../db/events.js';

let h: Harness;
let personId: string;
/** The id each stored event got, by its name in STORED_EVENTS. */
const ids = new Map<string, string>();

beforeAll(async () => {
  h = await createHarness();
  const created = await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson());
  expect(created.statusCode).toBe(201);
  personId = created.json().id;
  for (const stored of STORED_EVENTS) {
    // As earlier code wrote them: the payload as JSON text, no schema in between.
    const row = await h.db
      .insertInto('events')
      .values({
        municipality_id: h.municipalityId,
        person_id: personId,
        type: stored.type,
        category: stored.category ?? null,
        actor_id: h.as.coordinator.staffId,
        payload: storedAsIs(stored.payload),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(stored.name, row.id);
  }
});
afterAll(() => h.close());

describe('events stored by earlier code', () => {
  it("answer 401 without a session and 404 outside the reader's access, as the timeline does", async () => {
    expect((await h.anonymous('GET', `/api/v1/persons/${personId}/events`)).statusCode).toBe(401);
    expect((await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/events`)).statusCode).toBe(404);
  });

  it('read from the database, one of each kind in every shape it was stored in', async () => {
    const rows = await h.db
      .selectFrom('events')
      .select(['id', 'type', 'payload'])
      .where('person_id', '=', personId)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const stored of STORED_EVENTS) {
      const row = byId.get(ids.get(stored.name)!)!;
      expect(row.payload, stored.name).toEqual(stored.payload);
      expect(readEvent(row.type, row.payload), stored.name).toMatchObject({ type: stored.type });
    }
  });

  it('reach the timeline with their payload as stored, and read there too', async () => {
    const res = await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/events`);
    expect(res.statusCode).toBe(200);
    const events: { id: string; type: string; payload: Record<string, unknown> }[] = res.json();
    for (const stored of STORED_EVENTS) {
      const shown = events.find((e) => e.id === ids.get(stored.name));
      // Entering and leaving are shown from the register periods, not from stored events.
      if (stored.type === 'register_entered' || stored.type === 'register_left') {
        expect(shown, stored.name).toBeUndefined();
        continue;
      }
      expect(shown, stored.name).toBeDefined();
      expect(shown!.payload, stored.name).toEqual(stored.payload);
    }
    // Everything on the timeline reads: the stored events, and those written by today's code (the person's creation).
    for (const event of events)
      expect(readEvent(event.type, event.payload), `${event.type} ${JSON.stringify(event.payload)}`).not.toBeNull();
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['person_created', 'case_opened']));
  });

  it('under protected identity name no address field; an update that no longer reads is not shown', async () => {
    const created = await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson({ protectedIdentity: true }));
    const id: string = created.json().id;
    const insert = async (payload: unknown) =>
      (
        await h.db
          .insertInto('events')
          .values({
            municipality_id: h.municipalityId,
            person_id: id,
            type: 'person_updated',
            actor_id: h.as.coordinator.staffId,
            payload: storedAsIs(payload),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const edit = await insert({ fields: ['city', 'givenName'] });
    const odd = await insert({ fields: 'street_address' });
    const events: { id: string; payload: unknown }[] = (
      await h.as.coordinator.request('GET', `/api/v1/persons/${id}/events`)
    ).json();
    expect(events.find((e) => e.id === edit)?.payload).toEqual({ fields: ['givenName'] });
    expect(events.find((e) => e.id === odd)).toBeUndefined();
  });
});
