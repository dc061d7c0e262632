/** The person list's filters and sorts (issue 10, "my cases"): applied in SQL, within what the reader may see. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Client, type Harness } from '../../testing/harness.js';
import { storedAsIs } from '../../db/events.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** A person with a case held by `contact` (or nobody), in the register for `entryReason` unless `register` is false. */
async function person(
  options: {
    contact?: Client;
    status?: 'new' | 'active' | 'closed';
    birthDate?: string;
    entryReason?: string;
    register?: boolean;
    attemptAt?: string;
  } = {},
) {
  const body = buildPerson({ familyName: 'Filtersson' });
  const { id } = (await h.as.coordinator.request('POST', '/api/v1/persons', body)).json() as { id: string };
  await h.db
    .updateTable('cases')
    .set({
      contact_person_id: options.contact?.staffId ?? null,
      status: options.status ?? 'new',
      closed_at: options.status === 'closed' ? new Date() : null,
    })
    .where('person_id', '=', id)
    .execute();
  if (options.birthDate)
    await h.db.updateTable('persons').set({ birth_date: options.birthDate }).where('id', '=', id).execute();
  if (options.register !== false) {
    await h.db
      .insertInto('register_periods')
      .values({
        municipality_id: h.municipalityId,
        person_id: id,
        entered_on: '2026-09-01',
        entry_reason: options.entryReason ?? 'moved_in',
      })
      .execute();
  }
  if (options.attemptAt) {
    const event = await h.db
      .insertInto('events')
      .values({
        municipality_id: h.municipalityId,
        person_id: id,
        type: 'contact_attempt',
        actor_id: h.as.coordinator.staffId,
        payload: storedAsIs({}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.db
      .insertInto('contact_attempts')
      .values({
        municipality_id: h.municipalityId,
        person_id: id,
        event_id: event.id,
        channel: 'phone',
        outcome: 'no_answer',
        at: new Date(options.attemptAt),
        staff_id: h.as.coordinator.staffId,
      })
      .execute();
  }
  return id;
}

const list = async (client: Client, query: string) => {
  const res = await client.request('GET', `/api/v1/persons?q=Filtersson&pageSize=100&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; items: { id: string; age: number; lastAttemptAt: string | null }[] };
};
const ids = async (client: Client, query: string) => (await list(client, query)).items.map((p) => p.id);

describe('GET /api/v1/persons filters', () => {
  it("lists a coach's own open cases (Mina ärenden) and nobody else's", async () => {
    const open = await person({ contact: h.as.youth_coach, status: 'active' });
    const closed = await person({ contact: h.as.youth_coach, status: 'closed' });
    const other = await person({ contact: h.as.secondCoach });
    const unassigned = await person();
    const mine = await ids(h.as.youth_coach, 'contactPerson=me&status=open');
    expect(mine).toEqual([open]);
    expect(await ids(h.as.youth_coach, 'contactPerson=me')).toEqual(expect.arrayContaining([open, closed]));
    const none = await ids(h.as.coordinator, 'contactPerson=none');
    expect(none).toContain(unassigned);
    expect(none).not.toContain(other);
    expect(await ids(h.as.coordinator, 'contactPerson=me')).toEqual([]);
  });

  it('filters by case status, register, entry reason, team and age under 18', async () => {
    const team = (
      await h.as.coordinator.request('POST', '/api/v1/teams', {
        name: 'Filterteamet',
        unitId: (
          await h.db
            .selectFrom('units')
            .select('id')
            .where('municipality_id', '=', h.municipalityId)
            .where('kaa', '=', true)
            .executeTakeFirstOrThrow()
        ).id,
      })
    ).json();
    const young = await person({ birthDate: '2010-06-01', entryReason: 'dropped_out', status: 'active' });
    const adult = await person({ birthDate: '2006-06-01', register: false });
    await h.db.updateTable('cases').set({ team_id: team.id }).where('person_id', '=', young).execute();

    expect(await ids(h.as.coordinator, 'status=active')).toContain(young);
    expect(await ids(h.as.coordinator, 'status=active')).not.toContain(adult);
    expect(await ids(h.as.coordinator, 'register=out')).toContain(adult);
    expect(await ids(h.as.coordinator, 'register=out')).not.toContain(young);
    expect(await ids(h.as.coordinator, 'register=in')).toContain(young);
    expect(await ids(h.as.coordinator, 'entryReason=dropped_out')).toEqual([young]);
    expect(await ids(h.as.coordinator, `teamId=${team.id}`)).toEqual([young]);
    const under18 = await ids(h.as.coordinator, 'under18=true');
    expect(under18).toContain(young);
    expect(under18).not.toContain(adult);
    expect(await ids(h.as.coordinator, 'under18=false')).toContain(adult);
  });

  it('sorts by age and by the latest attempt, and says both on each row', async () => {
    const older = await person({ birthDate: '2007-01-15', attemptAt: '2026-10-01T10:00:00Z' });
    const younger = await person({ birthDate: '2009-03-20', attemptAt: '2026-11-20T10:00:00Z' });
    const byAge = (await list(h.as.coordinator, 'sort=age&order=asc')).items.filter((p) =>
      [older, younger].includes(p.id),
    );
    expect(byAge.map((p) => p.id)).toEqual([younger, older]);
    expect(byAge[1]!.age).toBeGreaterThan(byAge[0]!.age);
    const byAttempt = (await list(h.as.coordinator, 'sort=lastAttempt&order=desc')).items.map((p) => p.id);
    expect(byAttempt.slice(0, 2)).toEqual([younger, older]);
    expect((await list(h.as.coordinator, 'sort=lastAttempt&order=desc')).items[0]!.lastAttemptAt).toBe(
      '2026-11-20T10:00:00.000Z',
    );
  });

  it('rejects an unknown filter value with 400', async () => {
    expect((await h.as.coordinator.request('GET', '/api/v1/persons?contactPerson=everyone')).statusCode).toBe(400);
    expect((await h.as.coordinator.request('GET', '/api/v1/persons?status=finished')).statusCode).toBe(400);
  });
});
