import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../core/outreach.js';
import { todayInSweden } from '../../../core/dates.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { daysAgo, personInRegister } from '../../testing/outreach.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const ids = async (key: string) =>
  ((await h.as.coordinator.request('GET', `/api/v1/work-queues/${key}`)).json().items as { personId: string }[]).map(
    (i) => i.personId,
  );
const reached = (personId: string, days: number) =>
  h.as.coordinator.request('POST', `/api/v1/persons/${personId}/contact-attempts`, {
    at: new Date(Date.now() - days * 86_400_000).toISOString(),
    channel: 'phone',
    outcome: 'reached',
    occupation: 'none',
  });
const plan = (caseId: string, body: Record<string, unknown>) =>
  h.as.coordinator.request('PUT', `/api/v1/cases/${caseId}/plan`, { version: 0, goals: [], ...body });

describe('the plan-missing queue', () => {
  it('lists someone reached 30 days ago without a plan until it is made; not one reached lately or never', async () => {
    const old = await personInRegister(h, { enteredOn: daysAgo(60) });
    const recent = await personInRegister(h, { enteredOn: daysAgo(60) });
    const never = await personInRegister(h, { enteredOn: daysAgo(60) });
    expect((await reached(old.personId, 31)).statusCode).toBe(201);
    expect((await reached(recent.personId, 10)).statusCode).toBe(201);
    const listed = await ids('plan-missing');
    expect(listed).toContain(old.personId);
    expect(listed).not.toContain(recent.personId);
    expect(listed).not.toContain(never.personId);
    expect((await plan(old.caseId, { goals: [{ area: 'studies', title: 'Komvux' }] })).statusCode).toBe(200);
    expect(await ids('plan-missing')).not.toContain(old.personId);
  });

  it('counts the days the municipality has set', async () => {
    const p = await personInRegister(h, { enteredOn: daysAgo(60) });
    await reached(p.personId, 10);
    expect(await ids('plan-missing')).not.toContain(p.personId);
    const current = (await h.as.coordinator.request('GET', '/api/v1/outreach-settings')).json();
    expect(current.settings.planMissingDays).toBe(30);
    expect(
      (
        await h.as.coordinator.request('PUT', '/api/v1/outreach-settings', {
          settings: { ...current.settings, planMissingDays: 7 },
          version: current.version,
        })
      ).statusCode,
    ).toBe(200);
    expect(await ids('plan-missing')).toContain(p.personId);
  });
});

describe('the follow-up-due queue', () => {
  it("lists a plan whose follow-up date has come, or an open step's, not a later one or a done step's", async () => {
    const today = todayInSweden();
    const planDue = await personInRegister(h);
    const stepDue = await personInRegister(h);
    const later = await personInRegister(h);
    const doneStep = await personInRegister(h);
    const step = (status: string, extra: Record<string, unknown> = {}) => ({
      title: 'Studiebesök',
      responsibleKind: 'young_person',
      startOn: addDays(today, -10),
      followUpOn: addDays(today, -1),
      status,
      ...extra,
    });
    expect(
      (await plan(planDue.caseId, { followUpOn: today, goals: [{ area: 'work', title: 'Jobb' }] })).statusCode,
    ).toBe(200);
    expect(
      (
        await plan(stepDue.caseId, {
          followUpOn: addDays(today, 30),
          goals: [{ area: 'work', title: 'Jobb', steps: [step('ongoing')] }],
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await plan(later.caseId, { followUpOn: addDays(today, 1), goals: [{ area: 'work', title: 'Jobb' }] }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await plan(doneStep.caseId, {
          goals: [{ area: 'work', title: 'Jobb', steps: [step('done', { endedOn: addDays(today, -2) })] }],
        })
      ).statusCode,
    ).toBe(200);
    const listed = await ids('follow-up-due');
    expect(listed).toEqual(expect.arrayContaining([planDue.personId, stepDue.personId]));
    expect(listed).not.toContain(later.personId);
    expect(listed).not.toContain(doneStep.personId);
    const items = (await h.as.coordinator.request('GET', '/api/v1/work-queues/follow-up-due')).json().items as {
      personId: string;
      planFollowUpOn: string;
    }[];
    expect(items.find((i) => i.personId === stepDue.personId)?.planFollowUpOn).toBe(addDays(today, -1));
    expect(items.find((i) => i.personId === planDue.personId)?.planFollowUpOn).toBe(today);
  });
});
