import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../clock.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { signInYoung, youngPerson } from './me-testing.js';

let h: Harness;
const clock: Clock = { now: () => new Date('2026-12-10T09:00:00Z') };

beforeAll(async () => {
  h = await createHarness({}, { clock });
}, 120_000);
afterAll(() => h.close());

/** An offer of the harness's municipality, made directly (its routes are tested elsewhere). */
async function offer(name: string) {
  const row = await h.db
    .insertInto('offers')
    .values({
      municipality_id: h.municipalityId,
      name,
      kind: 'guidance',
      kind_list_version: '2026-12',
      provider_name: 'Porten',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A measure of the person, booked directly. */
async function measure(personId: string, offerId: string, values: Record<string, unknown> = {}) {
  const row = await h.db
    .insertInto('measures')
    .values({ municipality_id: h.municipalityId, person_id: personId, offer_id: offerId, starts_on: '2026-10-01' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ending = values.ended_on ? { end_reason: 'completed' } : {};
  if (Object.keys(values).length)
    await h.db
      .updateTable('measures')
      .set({ ...ending, ...values })
      .where('id', '=', row.id)
      .execute();
  return row.id;
}

/** An activity with the person enrolled from November to `to`. */
async function enrolled(personId: string, title: string, to: string | null) {
  const activity = await h.db
    .insertInto('activities')
    .values({
      municipality_id: h.municipalityId,
      title,
      kind: 'other',
      recurrence: JSON.stringify({ type: 'weekly', slots: [{ weekday: 2, start: '10:00', end: '12:00' }] }),
      starts_on: '2026-11-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await h.db
    .insertInto('activity_enrolments')
    .values({
      municipality_id: h.municipalityId,
      activity_id: activity.id,
      person_id: personId,
      from_on: '2026-11-01',
      to_on: to,
    })
    .execute();
  return activity.id;
}

describe('short evaluations', () => {
  it('lists only own ended measures and activities in own categories; anything else is 404', async () => {
    const me = await youngPerson(h);
    const other = await youngPerson(h);
    const guidance = await offer('Vägledning');
    const ended = await measure(me.personId, guidance, { ended_on: '2026-12-01' });
    const running = await measure(me.personId, guidance);
    const health = await measure(me.personId, guidance, { ended_on: '2026-12-01', category: 'health_social' });
    const others = await measure(other.personId, guidance, { ended_on: '2026-12-01' });
    const group = await enrolled(me.personId, 'Tjejgruppen', '2026-12-05');
    const ongoing = await enrolled(me.personId, 'Fotboll', null);
    const young = await signInYoung(h, me.pin, me.personId);

    const list = await young.request('GET', '/api/v1/me/evaluations');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      { subject: 'activity', id: group, name: 'Tjejgruppen', endedOn: '2026-12-05', answer: null },
      { subject: 'measure', id: ended, name: 'Vägledning', endedOn: '2026-12-01', answer: null },
    ]);
    for (const [subject, id] of [
      ['measure', running],
      ['measure', health],
      ['measure', others],
      ['activity', ongoing],
    ])
      expect(
        (await young.request('POST', `/api/v1/me/evaluations/${subject}/${id}`, { usefulness: 4 })).statusCode,
      ).toBe(404);
    expect(await h.db.selectFrom('young_person_evaluations').select('id').execute()).toEqual([]);
    expect((await h.as.youth_coach.request('GET', '/api/v1/me/evaluations')).statusCode).toBe(404);
  });

  it('stores an answer, replaces it on a second answer, refuses a score outside 1–5 and audits each', async () => {
    const me = await youngPerson(h);
    const ended = await measure(me.personId, await offer('Studiebesök'), { ended_on: '2026-12-02' });
    const young = await signInYoung(h, me.pin, me.personId);
    const url = `/api/v1/me/evaluations/measure/${ended}`;

    const bad = await young.request('POST', url, { usefulness: 6 });
    expect(bad.statusCode).toBe(400);
    const first = await young.request('POST', url, { usefulness: 2, better: '  Kortare väntan  ' });
    expect(first.statusCode).toBe(200);
    expect(first.json()[0].answer).toEqual({
      usefulness: 2,
      better: 'Kortare väntan',
      answeredAt: '2026-12-10T09:00:00.000Z',
    });
    const second = await young.request('POST', url, { usefulness: 5, better: '' });
    expect(second.json()[0].answer).toMatchObject({ usefulness: 5, better: null });
    const rows = await h.db
      .selectFrom('young_person_evaluations')
      .select(['usefulness', 'better'])
      .where('person_id', '=', me.personId)
      .execute();
    expect(rows).toEqual([{ usefulness: 5, better: null }]);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('person_id', '=', me.personId)
      .where('entity', '=', 'evaluation')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'create', actor_id: me.personId },
      { action: 'update', actor_id: me.personId },
    ]);
  });
});

describe('the evaluations summary for staff', () => {
  it('answers 401 without a session, 403 to a role without figures and 404 to a young person', async () => {
    expect((await h.anonymous('GET', '/api/v1/evaluations/summary')).statusCode).toBe(401);
    expect((await h.as.school_reporter.request('GET', '/api/v1/evaluations/summary')).statusCode).toBe(403);
    const me = await youngPerson(h);
    const young = await signInYoung(h, me.pin, me.personId);
    expect((await young.request('GET', '/api/v1/evaluations/summary')).statusCode).toBe(404);
  });

  it('sums up per offer without names, shows texts only from three answers, and only in its municipality', async () => {
    const big = await offer('Jobbcoachning');
    const small = await offer('Körkortsteori');
    const answer = async (offerId: string, usefulness: number, better: string) => {
      const p = await youngPerson(h);
      const m = await measure(p.personId, offerId, { ended_on: '2026-12-03' });
      const young = await signInYoung(h, p.pin, p.personId);
      expect(
        (await young.request('POST', `/api/v1/me/evaluations/measure/${m}`, { usefulness, better })).statusCode,
      ).toBe(200);
    };
    await answer(big, 4, 'Fler träffar');
    await answer(big, 5, '');
    await answer(big, 3, 'Mer om praktik');
    await answer(small, 1, 'Tråkigt');

    const res = await h.as.coordinator.request('GET', '/api/v1/evaluations/summary');
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as { id: string }[];
    expect(rows.find((r) => r.id === big)).toEqual({
      subject: 'measure',
      id: big,
      name: 'Jobbcoachning',
      answers: 3,
      average: 4,
      counts: [0, 0, 1, 1, 1],
      better: ['Fler träffar', 'Mer om praktik'],
    });
    expect(rows.find((r) => r.id === small)).toMatchObject({ answers: 1, average: 1, better: [] });
    expect(JSON.stringify(res.json())).not.toMatch(/personId|given|family/i);
    const other = await h.as.otherCoordinator.request('GET', '/api/v1/evaluations/summary');
    expect(other.json().rows).toEqual([]);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'person_id'])
      .where('entity', '=', 'evaluations')
      .where('actor_id', '=', h.as.coordinator.staffId)
      .execute();
    expect(audit).toEqual([{ action: 'list', person_id: null }]);
  });
});
