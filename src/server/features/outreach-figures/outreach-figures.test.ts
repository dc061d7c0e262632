import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/harness.js';
import { daysAgo, personInRegister } from '../../testing/outreach.js';
import { todayInSweden } from '../../../core/dates.js';
import { storedAsIs } from '../../db/events.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const reach = (on: Harness, personId: string, daysBack: number) =>
  on.as.coordinator.request('POST', `/api/v1/persons/${personId}/contact-attempts`, {
    channel: 'phone',
    outcome: 'reached',
    occupation: 'education',
    at: new Date(Date.now() - daysBack * 86_400_000).toISOString(),
  });

describe('GET /api/v1/figures/outreach', () => {
  it('answers 401 without a session and 403 for school reporters', async () => {
    expect((await h.anonymous('GET', '/api/v1/figures/outreach')).statusCode).toBe(401);
    expect((await h.as.school_reporter.request('GET', '/api/v1/figures/outreach')).statusCode).toBe(403);
  });

  it('counts reached, in time, median days to contact, not reached and overdue, also per contact person', async () => {
    // The municipality's figures count everyone in its register: this test's own, and no other test's.
    const own = await createHarness();
    try {
      const quick = await personInRegister(own, { enteredOn: daysAgo(30), contactPerson: own.as.youth_coach });
      const slow = await personInRegister(own, { enteredOn: daysAgo(30), contactPerson: own.as.youth_coach });
      await personInRegister(own, { enteredOn: daysAgo(20), contactPerson: own.as.secondCoach });
      await personInRegister(own, { enteredOn: daysAgo(2) });
      await reach(own, quick.personId, 26); // 4 days after entry
      await reach(own, slow.personId, 10); // 20 days after entry

      const res = await own.as.manager.request('GET', '/api/v1/figures/outreach');
      expect(res.statusCode).toBe(200);
      const figures = res.json();
      expect(figures.municipality).toEqual({
        inRegister: 4,
        reached: 2,
        reachedShare: 0.5,
        reachedInTime: 1,
        reachedInTimeShare: 0.333,
        medianDaysToFirstContact: 12,
        notReached: 2,
        overdue: 1,
        mapped: 0,
        mappedShare: 0,
      });
      const coach = figures.byContactPerson.find(
        (r: { contactPerson: { id: string } | null }) => r.contactPerson?.id === own.as.youth_coach.staffId,
      );
      expect(coach).toMatchObject({
        contactPerson: { name: 'Test youth_coach' },
        inRegister: 2,
        reached: 2,
        reachedShare: 1,
        overdue: 0,
      });
      expect(figures.byContactPerson.find((r: { contactPerson: unknown }) => r.contactPerson === null)).toMatchObject({
        inRegister: 1,
        notReached: 1,
        overdue: 0,
      });
      // No identity number: a contact person's id is a UUID, whose last group can be twelve digits, so ids go first.
      const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
      expect(JSON.stringify(figures).replace(uuid, '')).not.toMatch(/\d{12}/);
    } finally {
      await own.close();
    }
  });

  it("counts only a conversation as reached from the stricter rule's day; older attempts stay as were", async () => {
    const before = (await h.as.coordinator.request('GET', '/api/v1/figures/outreach')).json();
    expect(before.conversationRuleSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(before.conversationRuleSince <= todayInSweden()).toBe(true);
    const lettered = await personInRegister(h, { enteredOn: daysAgo(5) });
    const post = (personId: string, body: Record<string, unknown>) =>
      h.as.coordinator.request('POST', `/api/v1/persons/${personId}/contact-attempts`, {
        at: new Date().toISOString(),
        ...body,
      });
    expect((await post(lettered.personId, { channel: 'letter', outcome: 'sent' })).statusCode).toBe(201);
    expect((await post(lettered.personId, { channel: 'sms', outcome: 'sent' })).statusCode).toBe(201);
    const guardian = await personInRegister(h, { enteredOn: daysAgo(5) });
    expect((await post(guardian.personId, { channel: 'phone_guardian', outcome: 'reached_guardian' })).statusCode).toBe(
      201,
    );
    // An attempt recorded under the old rule (a letter as "reached") stays as it was, and still counts.
    const legacy = await personInRegister(h, { enteredOn: daysAgo(5) });
    const period = await h.db
      .selectFrom('register_periods')
      .select('id')
      .where('person_id', '=', legacy.personId)
      .executeTakeFirstOrThrow();
    const at = new Date(Date.now() - 3 * 86_400_000);
    const event = await h.db
      .insertInto('events')
      .values({
        municipality_id: h.municipalityId,
        person_id: legacy.personId,
        type: 'contact_attempt',
        actor_id: h.as.coordinator.staffId,
        occurred_at: at,
        payload: storedAsIs({ channel: 'letter', outcome: 'reached' }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.db
      .insertInto('contact_attempts')
      .values({
        municipality_id: h.municipalityId,
        person_id: legacy.personId,
        period_id: period.id,
        event_id: event.id,
        channel: 'letter',
        outcome: 'reached',
        at,
        staff_id: h.as.coordinator.staffId,
      })
      .execute();
    const after = (await h.as.coordinator.request('GET', '/api/v1/figures/outreach')).json();
    expect(after.municipality.inRegister - before.municipality.inRegister).toBe(3);
    expect(after.municipality.reached - before.municipality.reached).toBe(2);
    expect(after.municipality.notReached - before.municipality.notReached).toBe(1);
  });

  it('counts a person as mapped once an assessment is completed, not while it is a draft', async () => {
    const before = (await h.as.coordinator.request('GET', '/api/v1/figures/outreach')).json().municipality;
    const { personId } = await personInRegister(h, { enteredOn: daysAgo(5) });
    const { id } = (await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/assessments`, {})).json();
    await h.as.coordinator.request('PUT', `/api/v1/assessments/${id}`, {
      version: 1,
      participants: { staff: [], others: [{ role: 'young_person' }] },
      highestEducation: 'compulsory',
      diploma: 'no',
    });
    const draft = (await h.as.coordinator.request('GET', '/api/v1/figures/outreach')).json().municipality;
    expect(draft.mapped).toBe(before.mapped);
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/assessments/${id}/complete`, { version: 2 })).statusCode,
    ).toBe(200);
    const after = (await h.as.manager.request('GET', '/api/v1/figures/outreach')).json().municipality;
    expect(after.mapped).toBe(before.mapped + 1);
    expect(after.mappedShare).toBe(Math.round((after.mapped / after.inRegister) * 1000) / 1000);
  });
});
