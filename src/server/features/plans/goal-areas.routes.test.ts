import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOAL_AREA_CODE_LIST } from '../../../core/plan.js';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const defaults = () => GOAL_AREA_CODE_LIST.areas.map((a) => ({ code: a.code, sv: a.sv, en: a.en, active: true }));

describe('/api/v1/plan-goal-areas', () => {
  it('answers 401 without a session, and lets only coordinators change the list', async () => {
    expect((await h.anonymous('GET', '/api/v1/plan-goal-areas')).statusCode).toBe(401);
    expect((await h.anonymous('PUT', '/api/v1/plan-goal-areas', { areas: defaults() })).statusCode).toBe(401);
    expect((await h.as.youth_coach.request('PUT', '/api/v1/plan-goal-areas', { areas: defaults() })).statusCode).toBe(
      403,
    );
  });

  it("gives Lotsa's default list from the reports until the municipality keeps its own", async () => {
    const res = (await h.as.youth_coach.request('GET', '/api/v1/plan-goal-areas')).json();
    expect(res.isDefault).toBe(true);
    expect(res.areas.map((a: { code: string }) => a.code)).toEqual([
      'studies',
      'work',
      'self_support',
      'daily_structure',
      'breaking_isolation',
      'self_esteem',
      'taking_responsibility',
      'managing_money',
      'social_contacts',
      'drug_free_life',
      'job_seeking',
    ]);
  });

  it('refuses a code used twice, naming it, and stores nothing', async () => {
    const res = await h.as.coordinator.request('PUT', '/api/v1/plan-goal-areas', {
      areas: [...defaults(), { code: 'studies', sv: 'Studier igen', en: 'Studies again' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([`areas.${defaults().length}.code`]);
    expect((await h.as.coordinator.request('GET', '/api/v1/plan-goal-areas')).json().isDefault).toBe(true);
  });

  it("takes the municipality's list: a new area can be chosen; one left out keeps goals but takes no new", async () => {
    const { id } = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json();
    const caseId = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json().case.id;
    const v1 = (
      await h.as.coordinator.request('PUT', `/api/v1/cases/${caseId}/plan`, {
        version: 0,
        goals: [{ area: 'drug_free_life', title: 'Sluta röka på' }],
      })
    ).json();

    const areas = [
      ...defaults().filter((a) => a.code !== 'drug_free_life'),
      { code: 'leisure', sv: 'Fritid', en: 'Leisure', active: true },
    ];
    const saved = await h.as.coordinator.request('PUT', '/api/v1/plan-goal-areas', { areas });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().areas.find((a: { code: string }) => a.code === 'drug_free_life')).toMatchObject({
      active: false,
    });
    expect(saved.json().areas.find((a: { code: string }) => a.code === 'leisure')).toMatchObject({
      sv: 'Fritid',
      active: true,
    });

    const plan = (await h.as.coordinator.request('GET', `/api/v1/cases/${caseId}/plan`)).json();
    expect(plan.goalAreas.map((a: { code: string }) => a.code)).toContain('leisure');
    expect(plan.goalAreas.map((a: { code: string }) => a.code)).not.toContain('drug_free_life');
    const kept = await h.as.coordinator.request('PUT', `/api/v1/cases/${caseId}/plan`, {
      version: 1,
      goals: [
        { id: v1.goals[0].id, area: 'drug_free_life', title: 'Sluta röka på helt' },
        { area: 'leisure', title: 'Börja spela fotboll' },
      ],
    });
    expect(kept.statusCode, kept.body).toBe(200);
    const refused = await h.as.coordinator.request('PUT', `/api/v1/cases/${caseId}/plan`, {
      version: 2,
      goals: [...kept.json().goals, { area: 'drug_free_life', title: 'Ett till' }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual(['goals.2.area']);
  });
});

describe('the OpenAPI document', () => {
  it('describes every action plan endpoint, the goal areas and the printed plan', async () => {
    const doc = (await h.anonymous('GET', '/api/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const methods = (path: string) => Object.keys(doc.paths[path] ?? {}).sort();
    expect(methods('/api/v1/cases/{id}/plan')).toEqual(['get', 'put']);
    expect(methods('/api/v1/cases/{id}/plan/versions')).toEqual(['get']);
    expect(methods('/api/v1/cases/{id}/plan/sign')).toEqual(['post']);
    expect(methods('/api/v1/cases/{id}/plan.pdf')).toEqual(['get']);
    expect(methods('/api/v1/plan-goal-areas')).toEqual(['get', 'put']);
    expect(methods('/api/v1/plan-signatures/{id}/scan')).toEqual(['get', 'put']);
  });
});
