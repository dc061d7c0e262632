/** A work queue a page at a time, sorted by the column asked for (issue 10: sortable and paged queues). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/harness.js';
import { daysAgo, personInRegister } from '../../testing/outreach.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

type Page = {
  total: number;
  page: number;
  pageSize: number;
  items: { personId: string; familyName: string; enteredOn: string }[];
};
const queue = async (query: string): Promise<Page> => {
  const res = await h.as.coordinator.request('GET', `/api/v1/work-queues/not-contacted?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('GET /api/v1/work-queues/:key paging and sorting', () => {
  it('pages through the whole queue with its total, and sorts by name or entry both ways', async () => {
    const names = ['Berg', 'Ahl', 'Dahl', 'Cedervall', 'Ek'];
    for (const [i, familyName] of names.entries())
      await personInRegister(h, { enteredOn: daysAgo(10 + i), person: { familyName } });

    const first = await queue('pageSize=2');
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    const last = await queue('pageSize=2&page=3');
    // The last page is not full: its total follows from it, past the pages before it.
    expect(last).toMatchObject({ total: 5, page: 3 });
    expect(await queue('pageSize=2&page=4')).toMatchObject({ total: 5, items: [] });
    const all = [...first.items, ...(await queue('pageSize=2&page=2')).items, ...last.items];
    expect(new Set(all.map((i) => i.personId)).size).toBe(5);

    expect((await queue('sort=name')).items.map((i) => i.familyName)).toEqual([
      'Ahl',
      'Berg',
      'Cedervall',
      'Dahl',
      'Ek',
    ]);
    expect((await queue('sort=name&order=desc')).items.map((i) => i.familyName)).toEqual([
      'Ek',
      'Dahl',
      'Cedervall',
      'Berg',
      'Ahl',
    ]);
    // Entered longest ago first: Ek (14 days), then Cedervall, Dahl, Ahl, Berg.
    expect((await queue('sort=entered')).items.map((i) => i.familyName)).toEqual([
      'Ek',
      'Cedervall',
      'Dahl',
      'Ahl',
      'Berg',
    ]);
  });

  it("gives a youth coach's queue its exact total on every page, from the page's own pass", async () => {
    const coach = h.as.youth_coach;
    for (const [i, familyName] of ['Holm', 'Lind', 'Nord'].entries())
      await personInRegister(h, { enteredOn: daysAgo(20 + i), contactPerson: coach, person: { familyName } });
    const coachQueue = async (query: string) => {
      const res = await coach.request('GET', `/api/v1/work-queues/not-contacted?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Promise<Page & { totalIsLowerBound?: boolean }>;
    };
    const first = await coachQueue('pageSize=2&sort=name');
    expect(first).toMatchObject({ total: 3, totalIsLowerBound: false });
    expect(first.items.map((i) => i.familyName)).toEqual(['Holm', 'Lind']);
    expect(await coachQueue('pageSize=2&page=2&sort=name')).toMatchObject({
      total: 3,
      items: [{ familyName: 'Nord' }],
    });
    expect(await coachQueue('pageSize=2&page=3')).toMatchObject({ total: 3, items: [] });
  });

  it('refuses an unknown sort and a page size above 100', async () => {
    expect((await h.as.coordinator.request('GET', '/api/v1/work-queues/not-contacted?sort=age')).statusCode).toBe(400);
    expect((await h.as.coordinator.request('GET', '/api/v1/work-queues/not-contacted?pageSize=101')).statusCode).toBe(
      400,
    );
  });
});
