/**
 * The team meeting's list (issue 10, finding 6): pending applications by default, in the order of
 * the date the page shows (signed, oldest first), a page at a time with the true total and no cap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';

let h: Harness;
let teamId: string;
type Item = { id: string; status: string; signedOn: string };

beforeAll(async () => {
  h = await createHarness();
  const unitId = (
    await h.db
      .selectFrom('units')
      .select('id')
      .where('municipality_id', '=', h.municipalityId)
      .where('kaa', '=', true)
      .executeTakeFirstOrThrow()
  ).id;
  teamId = (await h.as.coordinator.request('POST', '/api/v1/teams', { name: 'Teammötet', unitId })).json().id;
});
afterAll(() => h.close());

/** Registers `n` persons with one application each, signed on the given days (in creation order), and `status`. */
async function applications(
  days: string[],
  status: 'received' | 'on_agenda' | 'waiting_list' | 'accepted' | 'declined' = 'received',
) {
  const ids: string[] = [];
  for (const signed_on of days) {
    const personId = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json().id;
    const decided = status === 'accepted' || status === 'declined' || status === 'waiting_list';
    const row = await h.db
      .insertInto('applications')
      .values({
        municipality_id: h.municipalityId,
        person_id: personId,
        team_id: teamId,
        referrer: 'school',
        signed_on,
        status,
        created_by: h.as.coordinator.staffId,
        decided_by: decided ? h.as.coordinator.staffId : null,
        decided_at: decided ? new Date(`${signed_on}T15:00:00Z`) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

const page = async (query: string) => {
  const res = await h.as.coordinator.request('GET', `/api/v1/applications?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; page: number; pageSize: number; items: Item[] };
};

describe('GET /api/v1/applications for the team meeting', () => {
  it('shows pending applications by default, signed oldest first, and decided ones when asked', async () => {
    const [late, early] = await applications(['2026-11-20', '2026-10-05']);
    const [waiting] = await applications(['2026-11-01'], 'waiting_list');
    const [accepted, declined] = await applications(['2026-09-01', '2026-11-25'], 'accepted');
    await h.db.updateTable('applications').set({ status: 'declined' }).where('id', '=', declined!).execute();

    const pending = await page('');
    expect(pending.items.map((a) => a.id)).toEqual([early, waiting, late]);
    expect(pending.items.map((a) => a.signedOn)).toEqual(['2026-10-05', '2026-11-01', '2026-11-20']);
    const decided = await page('show=decided');
    // Latest decision first.
    expect(decided.items.map((a) => a.id)).toEqual([declined, accepted]);
  });

  it('pages through every application with the true total, past the 500 the server once stopped at', async () => {
    const personId = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json().id;
    const rows = Array.from({ length: 505 }, (_, i) => ({
      municipality_id: h.municipalityId,
      person_id: personId,
      team_id: teamId,
      referrer: 'self' as const,
      signed_on: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      status: 'received' as const,
      created_by: h.as.coordinator.staffId,
    }));
    await h.db.insertInto('applications').values(rows).execute();
    const first = await page('pageSize=100');
    expect(first).toMatchObject({ page: 1, pageSize: 100 });
    expect(first.total).toBeGreaterThan(505);
    const all: Item[] = [];
    for (let p = 1; p <= Math.ceil(first.total / 100); p++) all.push(...(await page(`pageSize=100&page=${p}`)).items);
    expect(all).toHaveLength(first.total);
    expect(new Set(all.map((a) => a.id)).size).toBe(first.total);
    expect(all.map((a) => a.signedOn)).toEqual([...all.map((a) => a.signedOn)].sort());
    expect((await h.as.coordinator.request('GET', '/api/v1/applications?pageSize=501')).statusCode).toBe(400);
  });
});
