import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/harness.js';
import { daysAgo, personInRegister } from '../../testing/outreach.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const reach = (personId: string, daysBack: number) =>
  h.as.coordinator.request('POST', `/api/v1/persons/${personId}/contact-attempts`, { channel: 'phone', outcome: 'reached', occupation: 'education', at: new Date(Date.now() - daysBack * 86_400_000).toISOString() });

describe('GET /api/v1/figures/outreach', () => {
  it('answers 401 without a session and 403 for school reporters', async () => {
    expect((await h.anonymous('GET', '/api/v1/figures/outreach')).statusCode).toBe(401);
    expect((await h.as.school_reporter.request('GET', '/api/v1/figures/outreach')).statusCode).toBe(403);
  });

  it('counts reached, reached in time, median days to first contact, not reached and overdue, also per contact person', async () => {
    const quick = await personInRegister(h, { enteredOn: daysAgo(30), contactPerson: h.as.youth_coach });
    const slow = await personInRegister(h, { enteredOn: daysAgo(30), contactPerson: h.as.youth_coach });
    await personInRegister(h, { enteredOn: daysAgo(20), contactPerson: h.as.secondCoach });
    await personInRegister(h, { enteredOn: daysAgo(2) });
    await reach(quick.personId, 26); // 4 days after entry
    await reach(slow.personId, 10); // 20 days after entry

    const res = await h.as.manager.request('GET', '/api/v1/figures/outreach');
    expect(res.statusCode).toBe(200);
    const figures = res.json();
    expect(figures.municipality).toEqual({ inRegister: 4, reached: 2, reachedShare: 0.5, reachedInTime: 1, reachedInTimeShare: 0.333, medianDaysToFirstContact: 12, notReached: 2, overdue: 1 });
    const coach = figures.byContactPerson.find((r: { contactPerson: { id: string } | null }) => r.contactPerson?.id === h.as.youth_coach.staffId);
    expect(coach).toMatchObject({ contactPerson: { name: 'Test youth_coach' }, inRegister: 2, reached: 2, reachedShare: 1, overdue: 0 });
    expect(figures.byContactPerson.find((r: { contactPerson: unknown }) => r.contactPerson === null)).toMatchObject({ inRegister: 1, notReached: 1, overdue: 0 });
    expect(JSON.stringify(figures)).not.toMatch(/\d{12}/);
  });
});
