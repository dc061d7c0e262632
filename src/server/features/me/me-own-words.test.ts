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

const goal = (title: string, ownWords: string | null = null) => ({
  area: 'studies',
  title,
  ownWords,
  subGoals: [],
  steps: [{ title: 'Boka studiebesök', responsibleKind: 'young_person', startOn: '2026-12-07', dueOn: '2026-12-20' }],
});

/** A young person with a plan of one goal, made by the coordinator; returns the goal's id too. */
async function withPlan(ownWords: string | null = null) {
  const p = await youngPerson(h);
  const put = await h.as.coordinator.request('PUT', `/api/v1/cases/${p.caseId}/plan`, {
    version: 0,
    followUpOn: '2027-01-15',
    goals: [goal('Läsa klart gymnasiet', ownWords)],
  });
  expect(put.statusCode).toBe(200);
  const plan = (await h.as.coordinator.request('GET', `/api/v1/cases/${p.caseId}/plan`)).json();
  return { ...p, goalId: plan.goals[0].id as string };
}

describe("the young person's own words on a goal", () => {
  it('writes a new plan version marked as theirs, seen by staff, and audited with them as actor', async () => {
    const me = await withPlan('Staff skrev detta');
    const young = await signInYoung(h, me.pin, me.personId);
    const before = (await young.request('GET', '/api/v1/me/plan')).json();
    expect(before.goals[0]).toMatchObject({ ownWords: 'Staff skrev detta', ownWordsByYou: false });

    const res = await young.request('PUT', `/api/v1/me/plan/goals/${me.goalId}/own-words`, {
      version: 1,
      text: ' Jag vill bli undersköterska ',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      version: 2,
      goals: [{ ownWords: 'Jag vill bli undersköterska', ownWordsByYou: true }],
    });
    const staff = (await h.as.youth_coach.request('GET', `/api/v1/cases/${me.caseId}/plan`)).json();
    expect(staff).toMatchObject({ version: 2, ownWordsByYoungPerson: [me.goalId] });
    expect(staff.goals[0].ownWords).toBe('Jag vill bli undersköterska');
    const versions = (await h.as.youth_coach.request('GET', `/api/v1/cases/${me.caseId}/plan/versions`)).json();
    expect(versions[0]).toMatchObject({ version: 2, changedBy: null });
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'detail'])
      .where('person_id', '=', me.personId)
      .where('entity', '=', 'plan')
      .where('action', '=', 'update')
      .execute();
    expect(audit).toMatchObject([{ actor_id: me.personId, detail: { ownWords: me.goalId, actor: 'young_person' } }]);
  });

  it('answers 409 for a plan changed since, and 404 for a goal of another plan or a staff session', async () => {
    const me = await withPlan();
    const other = await withPlan();
    const young = await signInYoung(h, me.pin, me.personId);
    const stale = await young.request('PUT', `/api/v1/me/plan/goals/${me.goalId}/own-words`, { version: 7, text: 'x' });
    expect(stale.statusCode).toBe(409);
    const foreign = await young.request('PUT', `/api/v1/me/plan/goals/${other.goalId}/own-words`, {
      version: 1,
      text: 'x',
    });
    expect(foreign.statusCode).toBe(404);
    const staff = await h.as.youth_coach.request('PUT', `/api/v1/me/plan/goals/${me.goalId}/own-words`, {
      version: 1,
      text: 'x',
    });
    expect(staff.statusCode).toBe(404);
    const goals = await h.db
      .selectFrom('plan_goals')
      .select(['own_words', 'own_words_by_young_person'])
      .where('id', 'in', [me.goalId, other.goalId])
      .execute();
    expect(goals).toEqual([
      { own_words: null, own_words_by_young_person: false },
      { own_words: null, own_words_by_young_person: false },
    ]);
  });

  it('stays marked as theirs when staff save the plan without changing them, not once staff change them', async () => {
    const me = await withPlan();
    const young = await signInYoung(h, me.pin, me.personId);
    await young.request('PUT', `/api/v1/me/plan/goals/${me.goalId}/own-words`, { version: 1, text: 'Mina ord' });
    const save = (version: number, ownWords: string, title: string) =>
      h.as.coordinator.request('PUT', `/api/v1/cases/${me.caseId}/plan`, {
        version,
        followUpOn: '2027-01-15',
        goals: [{ ...goal(title, ownWords), id: me.goalId }],
      });
    expect((await save(2, 'Mina ord', 'Läsa klart gymnasiet i vår')).statusCode).toBe(200);
    const kept = (await h.as.coordinator.request('GET', `/api/v1/cases/${me.caseId}/plan`)).json();
    expect(kept.ownWordsByYoungPerson).toEqual([me.goalId]);
    expect((await save(3, 'Personalens ord', 'Läsa klart gymnasiet i vår')).statusCode).toBe(200);
    const changed = (await h.as.coordinator.request('GET', `/api/v1/cases/${me.caseId}/plan`)).json();
    expect(changed.ownWordsByYoungPerson).toEqual([]);
    expect((await young.request('GET', '/api/v1/me/plan')).json().goals[0].ownWordsByYou).toBe(false);
  });
});
