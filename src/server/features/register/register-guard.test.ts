/**
 * The register guard: a reconciliation names everyone it touches, a population list far smaller
 * than the one before is used only once confirmed, and one that takes many out of the register is
 * applied only with the number leaving confirmed. A result shows a protected person's changed
 * address only to a reader with a grant.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registerJobHandlers } from '../../jobs/handlers.js';
import { runNextJob } from '../../jobs/queue.js';
import { testIdentityNumber } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { csv, populationRow, schoolHistory } from '../../testing/lists.js';

let h: Harness;
const DAY = '2026-11-02';
const LATER = '2026-11-16';
const droppedOut = (pnr: string) =>
  schoolHistory(pnr, { end_date: '2026-03-01', end_reason: 'interrupted', qualification: 'none' });

let files = 0;
async function upload(kind: 'population' | 'enrolments', file: Buffer) {
  const res = await h.as.coordinator.upload(`/api/v1/imports?kind=${kind}&fileName=${kind}-${files++}.csv`, file);
  expect(res.statusCode).toBe(202);
  while (await runNextJob(h.handle));
  return (await h.as.coordinator.request('GET', `/api/v1/imports/${res.json().id}`)).json();
}

async function reconcileJob(body: { asOf: string; apply: boolean; confirmLeaving?: number }) {
  const res = await h.as.coordinator.request('POST', '/api/v1/register/reconcile', body);
  expect(res.statusCode).toBe(202);
  while (await runNextJob(h.handle));
  return (await h.as.coordinator.request('GET', `/api/v1/jobs/${res.json().jobId}`)).json();
}

const registerSize = async (asOf: string) =>
  (await h.as.coordinator.request('GET', `/api/v1/register?asOf=${asOf}`)).json().length;

/** `n` young people who dropped out, in the register on DAY. */
async function registerOf(n: number, over: (i: number) => Record<string, string> = () => ({})) {
  const people = Array.from({ length: n }, () => testIdentityNumber());
  await upload(
    'population',
    csv(
      'population',
      people.map((p, i) => populationRow(p, { given_name: `Namn${i}`, ...over(i) })),
    ),
  );
  await upload('enrolments', csv('enrolments', people.flatMap(droppedOut)));
  expect((await reconcileJob({ asOf: DAY, apply: true })).status).toBe('done');
  return people;
}

beforeAll(() => registerJobHandlers());
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

describe('the register guard', () => {
  it('holds a population list under 90 % of the previous residents until confirmed, naming both', async () => {
    const people = await registerOf(25);
    const small = await upload(
      'population',
      csv(
        'population',
        people.slice(0, 2).map((p) => populationRow(p)),
      ),
    );
    expect(small).toMatchObject({ status: 'needs_review', rowsValid: 2, errorCount: 0, previousResidents: 25 });
    const refused = await h.as.coordinator.request(
      'POST',
      `/api/v1/imports/${small.id}/accept`,
      { skipLines: [] },
      { 'accept-language': 'sv' },
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json()).toMatchObject({ code: 'population_shrank', residents: 2, previousResidents: 25 });
    expect(refused.json().detail).toMatch(/2 invånare, den förra hade 25/);
    // Until it is confirmed, reconciliation still uses the previous list: nobody leaves.
    expect((await reconcileJob({ asOf: LATER, apply: false })).result.left).toEqual([]);
    expect(
      (
        await h.as.coordinator.request('POST', `/api/v1/imports/${small.id}/accept`, {
          skipLines: [],
          confirmShrink: true,
        })
      ).statusCode,
    ).toBe(204);
    // A list about as large as the one before needs no word.
    expect(
      await upload(
        'population',
        csv(
          'population',
          people.slice(0, 2).map((p) => populationRow(p, { city: 'Sävedalen' })),
        ),
      ),
    ).toMatchObject({ status: 'ready', previousResidents: null });
  });

  it('names everyone in the preview; takes many out only with the number leaving confirmed', async () => {
    const people = await registerOf(25);
    const small = await upload(
      'population',
      csv(
        'population',
        people.slice(0, 2).map((p) => populationRow(p)),
      ),
    );
    expect(
      (
        await h.as.coordinator.request('POST', `/api/v1/imports/${small.id}/accept`, {
          skipLines: [],
          confirmShrink: true,
        })
      ).statusCode,
    ).toBe(204);

    const preview = await reconcileJob({ asOf: LATER, apply: false });
    expect(preview.result).toMatchObject({ inRegister: 2, inRegisterBefore: 25, leavingNeedsConfirmation: true });
    expect(preview.result.left).toHaveLength(23);
    expect(preview.result.left).toContainEqual({
      personalIdentityNumber: people[24],
      name: 'Namn24 Ek',
      protectedIdentity: false,
      reason: 'moved_out',
      rule: 'registeredInMunicipality',
    });

    for (const confirmLeaving of [undefined, 22, 25]) {
      const res = await h.as.coordinator.request('POST', '/api/v1/register/reconcile', {
        asOf: LATER,
        apply: true,
        confirmLeaving,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'confirm_leaving',
        leaving: 23,
        inRegister: 25,
        errors: [{ field: 'confirmLeaving' }],
      });
    }
    expect(
      await h.db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'reconcile')
        .where('status', '=', 'queued')
        .execute(),
    ).toEqual([]);
    expect(await registerSize(LATER)).toBe(25);

    const applied = await reconcileJob({ asOf: LATER, apply: true, confirmLeaving: 23 });
    expect(applied).toMatchObject({ status: 'done', result: { inRegister: 2 } });
    expect(await registerSize(LATER)).toBe(2);
  });

  it('checks the number again when the job runs: a list accepted meanwhile needs a new word', async () => {
    const people = await registerOf(25);
    const small = await upload(
      'population',
      csv(
        'population',
        people.slice(0, 2).map((p) => populationRow(p)),
      ),
    );
    // Queued while the smaller list waits for its word: nobody leaves by the lists in use, so no number is asked.
    const res = await h.as.coordinator.request('POST', '/api/v1/register/reconcile', { asOf: LATER, apply: true });
    expect(res.statusCode).toBe(202);
    // Before the job runs, the smaller list is confirmed: now 23 would leave, which nobody confirmed.
    expect(
      (
        await h.as.coordinator.request('POST', `/api/v1/imports/${small.id}/accept`, {
          skipLines: [],
          confirmShrink: true,
        })
      ).statusCode,
    ).toBe(204);
    while (await runNextJob(h.handle));
    const job = (await h.as.coordinator.request('GET', `/api/v1/jobs/${res.json().jobId}`)).json();
    expect(job).toMatchObject({ status: 'failed', error: 'confirm_leaving', result: { leaving: 23, inRegister: 25 } });
    expect(await registerSize(LATER)).toBe(25);
  });

  it("tells only a coordinator with a grant of a protected person's changed address in a job result", async () => {
    const [open, hidden] = await registerOf(2, (i): Record<string, string> =>
      i === 1 ? { protected_identity: 'ja' } : {},
    );
    await upload(
      'population',
      csv('population', [
        populationRow(open!, { given_name: 'Namn0', street_address: 'Nya vägen 2' }),
        populationRow(hidden!, { given_name: 'Namn1', protected_identity: 'ja', street_address: 'Hemliga vägen 9' }),
      ]),
    );
    const preview = await reconcileJob({ asOf: LATER, apply: false });
    expect(preview.result.changed).toEqual([
      { personalIdentityNumber: open, name: 'Namn0 Ek', protectedIdentity: false, fields: ['street_address'] },
    ]);
    const applied = await reconcileJob({ asOf: LATER, apply: true });
    expect(applied.result.changed).toEqual([
      { personalIdentityNumber: open, name: 'Namn0 Ek', protectedIdentity: false, fields: ['street_address'] },
    ]);

    const person = await h.db
      .selectFrom('persons')
      .select('id')
      .where('personal_identity_number', '=', hidden!)
      .executeTakeFirstOrThrow();
    await h.db
      .insertInto('protected_identity_grants')
      .values({
        municipality_id: h.municipalityId,
        person_id: person.id,
        staff_id: h.as.coordinator.staffId,
        granted_by: h.as.administrator.staffId,
        reason: 'Behöver skicka kallelse',
      })
      .execute();
    const granted = (await h.as.coordinator.request('GET', `/api/v1/jobs/${applied.id}`)).json();
    expect(granted.result.changed).toContainEqual({
      personalIdentityNumber: hidden,
      name: 'Namn1 Ek',
      protectedIdentity: true,
      fields: ['street_address'],
    });
  });
});
