import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_KEYS } from '../../../core/outreach.js';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { daysAgo, personInRegister } from '../../testing/outreach.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const attempt = (personId: string, body: Record<string, unknown>, as = h.as.coordinator) =>
  as.request('POST', `/api/v1/persons/${personId}/contact-attempts`, { at: new Date().toISOString(), ...body });
const queue = async (key: string, as = h.as.coordinator, query = '') =>
  (await as.request('GET', `/api/v1/work-queues/${key}${query}`)).json();
const ids = (page: { items: { personId: string }[] }) => page.items.map((i) => i.personId);
const counts = async (as = h.as.coordinator, query = '') =>
  Object.fromEntries(
    (await as.request('GET', `/api/v1/work-queues${query}`))
      .json()
      .map((q: { key: string; count: number }) => [q.key, q.count]),
  );

describe('GET /api/v1/work-queues', () => {
  it('answers 401 without a session and 403 for roles without outreach work', async () => {
    expect((await h.anonymous('GET', '/api/v1/work-queues')).statusCode).toBe(401);
    for (const role of ['administrator', 'manager', 'school_reporter'] as const)
      expect((await h.as[role].request('GET', '/api/v1/work-queues')).statusCode).toBe(403);
    expect((await h.as.coordinator.request('GET', '/api/v1/work-queues/nonsense')).statusCode).toBe(400);
  });

  it('counts every queue, with the inbox for coordinators only', async () => {
    const coordinator = await counts();
    const outreach = ['verify-school', 'not-contacted', 'contact-overdue', 'next-step-due', 'occupation-unknown'];
    const visits = ['home-visits'];
    const plans = ['plan-missing', 'follow-up-due', 'measure-ending', 'closure-follow-up'];
    expect(Object.keys(coordinator)).toEqual([...outreach, ...visits, ...plans, 'inbox']);
    // The list answers in the order core names the queues (the web shows them so).
    expect(Object.keys(coordinator)).toEqual(QUEUE_KEYS);
    expect(Object.keys(await counts(h.as.youth_coach))).not.toContain('inbox');
  });

  it("counts a coach's queues as their pages list them: contact made or not, and when; plans", async () => {
    // The overview of a caseload reads whether (and when) contact was made once per period; a queue's page
    // tests it in its own condition. The two must agree, queue by queue.
    const coach = h.as.youth_coach;
    const { personId: school } = await personInRegister(h, {
      entryReason: 'dropped_out',
      enteredOn: daysAgo(20),
      contactPerson: coach,
    });
    const { personId: tried } = await personInRegister(h, { enteredOn: daysAgo(40), contactPerson: coach });
    await attempt(tried, { channel: 'phone', outcome: 'no_answer' });
    const longAgo = { channel: 'phone', outcome: 'reached', occupation: 'unknown' };
    const { personId: reachedLongAgo } = await personInRegister(h, { enteredOn: daysAgo(60), contactPerson: coach });
    await attempt(reachedLongAgo, { ...longAgo, at: new Date(Date.now() - 40 * 86_400_000).toISOString() });
    await attempt(reachedLongAgo, { ...longAgo, outcome: 'met' });
    // A second one, so that the counts of the reached long ago and of the reached today differ.
    const { personId: declined } = await personInRegister(h, { enteredOn: daysAgo(60), contactPerson: coach });
    await attempt(declined, {
      ...longAgo,
      outcome: 'declined',
      at: new Date(Date.now() - 35 * 86_400_000).toISOString(),
    });
    const { personId: reachedToday } = await personInRegister(h, { enteredOn: daysAgo(60), contactPerson: coach });
    await attempt(reachedToday, { channel: 'phone', outcome: 'no_answer' });
    await attempt(reachedToday, { ...longAgo });
    // With a plan: one whose follow-up has come (reached long ago, so its plan is not missing), one not yet due.
    const plan = async (personId: string, caseId: string, followUpOn: string) =>
      h.db
        .insertInto('action_plans')
        .values({ municipality_id: h.municipalityId, person_id: personId, case_id: caseId, follow_up_on: followUpOn })
        .execute();
    const due = await personInRegister(h, { enteredOn: daysAgo(60), contactPerson: coach });
    await attempt(due.personId, { ...longAgo, at: new Date(Date.now() - 40 * 86_400_000).toISOString() });
    await plan(due.personId, due.caseId, daysAgo(1));
    const dueLongAgo = await personInRegister(h, { enteredOn: daysAgo(60), contactPerson: coach });
    await plan(dueLongAgo.personId, dueLongAgo.caseId, daysAgo(5));
    const notDue = await personInRegister(h, { enteredOn: daysAgo(60), contactPerson: coach });
    await plan(notDue.personId, notDue.caseId, daysAgo(-7));
    const overview = await counts(coach);
    for (const key of Object.keys(overview).filter((k) => k !== 'closure-follow-up'))
      expect(overview[key], key).toBe((await queue(key, coach)).total);
    expect(ids(await queue('verify-school', coach))).toContain(school);
    expect(ids(await queue('contact-overdue', coach))).toEqual(expect.arrayContaining([school, tried]));
    expect(ids(await queue('contact-overdue', coach))).not.toContain(reachedLongAgo);
    expect(ids(await queue('occupation-unknown', coach))).toEqual(
      expect.arrayContaining([reachedLongAgo, reachedToday]),
    );
    // Reached 40 days ago, with no plan: the plan is missing; reached today: not yet.
    expect(ids(await queue('plan-missing', coach))).toEqual(expect.arrayContaining([reachedLongAgo, declined]));
    expect(ids(await queue('plan-missing', coach))).not.toContain(reachedToday);
    expect(ids(await queue('plan-missing', coach))).not.toContain(due.personId);
    expect(ids(await queue('follow-up-due', coach)).sort()).toEqual([due.personId, dueLongAgo.personId].sort());
  });
});

describe('GET /api/v1/work-queues/:key', () => {
  it('lists a new dropout to verify with the school, and not yet contacted, with the step due on entry', async () => {
    const { personId } = await personInRegister(h, { entryReason: 'dropped_out', enteredOn: daysAgo(3) });
    const verify = await queue('verify-school');
    expect(ids(verify)).toContain(personId);
    expect(verify.items.find((i: { personId: string }) => i.personId === personId).nextStep).toEqual({
      channel: 'verify_school',
      dueOn: daysAgo(3),
      overrideReason: null,
    });
    expect(ids(await queue('not-contacted'))).toContain(personId);
    expect(ids(await queue('next-step-due'))).toContain(personId);
    await attempt(personId, { channel: 'verify_school', outcome: 'dropout_confirmed' });
    expect(ids(await queue('verify-school'))).not.toContain(personId);
    expect(ids(await queue('not-contacted'))).toContain(personId);
  });

  it('moves someone out of not-contacted after the first attempt, and out of overdue once reached', async () => {
    const { personId } = await personInRegister(h, { enteredOn: daysAgo(20) });
    expect(ids(await queue('contact-overdue'))).toContain(personId);
    await attempt(personId, { channel: 'phone', outcome: 'no_answer' });
    expect(ids(await queue('not-contacted'))).not.toContain(personId);
    expect(ids(await queue('contact-overdue'))).toContain(personId);
    await attempt(personId, { channel: 'phone', outcome: 'reached', occupation: 'unknown' });
    expect(ids(await queue('contact-overdue'))).not.toContain(personId);
    expect(ids(await queue('next-step-due'))).not.toContain(personId);
    expect(ids(await queue('occupation-unknown'))).toContain(personId);
  });

  it('is not overdue before the municipality’s number of days has passed', async () => {
    const { personId } = await personInRegister(h, { enteredOn: daysAgo(13) });
    expect(ids(await queue('contact-overdue'))).not.toContain(personId);
  });

  it('puts an occupation confirmed longer ago than its validity back into the occupation queue', async () => {
    const { personId } = await personInRegister(h, { enteredOn: daysAgo(300) });
    await attempt(personId, {
      channel: 'phone',
      outcome: 'reached',
      occupation: 'work',
      at: new Date(Date.now() - 200 * 86_400_000).toISOString(),
    });
    expect(ids(await queue('occupation-unknown'))).toContain(personId);
    const { personId: fresh } = await personInRegister(h, { enteredOn: daysAgo(300) });
    await attempt(fresh, {
      channel: 'phone',
      outcome: 'reached',
      occupation: 'work',
      at: new Date(Date.now() - 20 * 86_400_000).toISOString(),
    });
    expect(ids(await queue('occupation-unknown'))).not.toContain(fresh);
  });

  it('shows a coach only the persons they hold, and narrows to a contact person', async () => {
    const mine = await personInRegister(h, { contactPerson: h.as.youth_coach });
    const theirs = await personInRegister(h, { contactPerson: h.as.secondCoach });
    const page = await queue('not-contacted', h.as.youth_coach);
    expect(ids(page)).toContain(mine.personId);
    expect(ids(page)).not.toContain(theirs.personId);
    expect(page.items.find((i: { personId: string }) => i.personId === mine.personId)).toMatchObject({
      contactPerson: { id: h.as.youth_coach.staffId },
    });
    const filtered = await queue('not-contacted', h.as.coordinator, `?contactPerson=${h.as.secondCoach.staffId}`);
    expect(ids(filtered)).toEqual([theirs.personId]);
    expect((await counts(h.as.coordinator, `?contactPerson=${h.as.secondCoach.staffId}`))['not-contacted']).toBe(1);
    expect(ids(await queue('not-contacted', h.as.otherCoordinator))).toEqual([]);
  });

  it('holds no address in any queue, whoever is listed', async () => {
    const { personId } = await personInRegister(h, {
      entryReason: 'dropped_out',
      enteredOn: daysAgo(40),
      person: { streetAddress: 'Köövägen 7', postalCode: '433 99' },
    });
    const listed: string[] = [];
    for (const key of Object.keys(await counts())) {
      const page = await queue(key);
      if (JSON.stringify(page).includes(personId)) listed.push(key);
      expect(JSON.stringify(page), key).not.toMatch(/Köövägen|433 99|streetAddress|postalCode/);
    }
    expect(listed.length).toBeGreaterThan(1);
  });

  it('audits each person listed', async () => {
    const { personId } = await personInRegister(h);
    await queue('not-contacted');
    const rows = await h.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('person_id', '=', personId)
      .where('action', '=', 'list')
      .execute();
    expect(rows.at(-1)).toMatchObject({ action: 'list', detail: { queue: 'not-contacted' } });
  });
});

describe('POST /api/v1/cases/bulk-assign', () => {
  it('answers 401 without a session and 403 for coaches', async () => {
    const { personId } = await personInRegister(h);
    const body = { personIds: [personId], contactPersonId: h.as.youth_coach.staffId };
    expect((await h.anonymous('POST', '/api/v1/cases/bulk-assign', body)).statusCode).toBe(401);
    expect((await h.as.youth_coach.request('POST', '/api/v1/cases/bulk-assign', body)).statusCode).toBe(403);
  });

  it('assigns a queue’s persons to a coach, who then finds them in their own queue', async () => {
    const a = await personInRegister(h);
    const b = await personInRegister(h);
    const res = await h.as.coordinator.request('POST', '/api/v1/cases/bulk-assign', {
      personIds: [a.personId, b.personId],
      contactPersonId: h.as.secondCoach.staffId,
    });
    expect(res.json(), res.body).toEqual({ assigned: 2 });
    expect(ids(await queue('not-contacted', h.as.secondCoach, '?contactPerson=me'))).toEqual(
      expect.arrayContaining([a.personId, b.personId]),
    );
    const events = (await h.as.coordinator.request('GET', `/api/v1/persons/${a.personId}/events`)).json();
    expect(events[0]).toMatchObject({
      type: 'contact_person_changed',
      payload: { to: { id: h.as.secondCoach.staffId } },
    });
  });

  it('changes nothing when one person is out of reach; refuses a contact person who cannot hold cases', async () => {
    const a = await personInRegister(h);
    const foreign = await h.as.otherCoordinator.request(
      'POST',
      '/api/v1/persons',
      buildPerson({ givenName: 'Annan', familyName: 'Kommun' }),
    );
    expect(foreign.statusCode).toBe(201);
    const res = await h.as.coordinator.request('POST', '/api/v1/cases/bulk-assign', {
      personIds: [a.personId, foreign.json().id],
      contactPersonId: h.as.youth_coach.staffId,
    });
    expect(res.statusCode).toBe(404);
    expect(
      (await h.as.coordinator.request('GET', `/api/v1/persons/${a.personId}`)).json().case.contactPerson,
    ).toBeNull();
    const bad = await h.as.coordinator.request('POST', '/api/v1/cases/bulk-assign', {
      personIds: [a.personId],
      contactPersonId: h.as.manager.staffId,
    });
    expect(bad.statusCode).toBe(400);
  });
});
