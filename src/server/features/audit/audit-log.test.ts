/**
 * The audit log page's reading: by person (number or name), by kind, and its own reads once per view, hidden by
 * default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';

let h: Harness;
let alva: { id: string; pnr: string };
let bo: { id: string; pnr: string };
const log = async (query: string) => {
  const res = await h.as.administrator.request('GET', `/api/v1/audit?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as {
    total: number;
    items: { action: string; entity: string; person: { id: string } | null; personsShown: number | null }[];
  };
};

beforeAll(async () => {
  h = await createHarness();
  const create = async (givenName: string, familyName: string) => {
    const body = buildPerson({ givenName, familyName });
    const id = (await h.as.coordinator.request('POST', '/api/v1/persons', body)).json().id as string;
    await h.as.coordinator.request('GET', `/api/v1/persons/${id}`);
    return { id, pnr: body.personalIdentityNumber.replace('-', '') };
  };
  alva = await create('Alva', 'Lindqvist');
  bo = await create('Bo', 'Östling');
});
afterAll(() => h.close());

describe('GET /api/v1/audit for people', () => {
  it('finds a person by identity number in any usual form, or by a part of the name', async () => {
    for (const form of [
      alva.pnr,
      `${alva.pnr.slice(0, 8)}-${alva.pnr.slice(8)}`,
      `${alva.pnr.slice(2, 8)}-${alva.pnr.slice(8)}`,
    ]) {
      const byNumber = await log(`person=${encodeURIComponent(form)}`);
      expect(byNumber.total).toBeGreaterThan(0);
      expect(byNumber.items.every((e) => e.person?.id === alva.id)).toBe(true);
    }
    const byName = await log(`person=${encodeURIComponent('östl')}`);
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.items.every((e) => e.person?.id === bo.id)).toBe(true);
    expect((await log('person=%25')).total).toBe(0);
  });

  it('filters by kind of record and by what was done', async () => {
    const created = await log('entity=person&action=create');
    expect(created.items.map((e) => e.person?.id).sort()).toEqual([alva.id, bo.id].sort());
    expect((await h.as.administrator.request('GET', '/api/v1/audit?entity=unicorn')).statusCode).toBe(400);
  });

  it('records each view of the log once, not once per person shown, and hides such reads unless asked', async () => {
    const before = await log('entity=audit_log&ownReads=true');
    const view = await log('pageSize=50');
    expect(view.items.filter((e) => e.person !== null).length).toBeGreaterThan(1);
    expect(view.items.some((e) => e.entity === 'audit_log')).toBe(false);
    const after = await log('entity=audit_log&ownReads=true');
    // The two views of `before` and `view` (the one reading `after` is recorded after it is read).
    expect(after.total - before.total).toBe(2);
    expect(after.items[0]).toMatchObject({ action: 'read', entity: 'audit_log', person: null, personsShown: 2 });
  });

  it("puts a view that shows one person's entries in that person's own trail", async () => {
    await log(`person=${alva.pnr}`);
    const trail = await log(`personId=${alva.id}&entity=audit_log&ownReads=true`);
    expect(trail.items[0]).toMatchObject({
      action: 'read',
      entity: 'audit_log',
      person: { id: alva.id },
      personsShown: 1,
    });
  });
});
