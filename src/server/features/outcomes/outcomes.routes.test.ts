/** Issue 15: closing a case with an outcome, who the participant is, taking on again, follow-up after closure. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../core/dates.js';
import { addMonths } from '../../../core/outcomes.js';
import { addDays } from '../../../core/outreach.js';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Client, type Harness } from '../../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const today = () => todayInSweden();

/** A person registered through the API, with their case (target group 'other': no register period). */
async function newCase(contact?: Client) {
  const { id } = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json() as { id: string };
  const person = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json();
  let version = person.case.version as number;
  if (contact) {
    const res = await h.as.coordinator.request('PATCH', `/api/v1/cases/${person.case.id}`, {
      contactPersonId: contact.staffId,
      version,
    });
    expect(res.statusCode, res.body).toBe(204);
    version += 1;
  }
  return { personId: id, caseId: person.case.id as string, version };
}

/** A running measure of the person, booked directly (its own routes are tested elsewhere). */
async function runningMeasure(personId: string, startsOn: string) {
  const offer = await h.db
    .insertInto('offers')
    .values({
      municipality_id: h.municipalityId,
      name: 'Studiestöd',
      kind: 'guidance',
      kind_list_version: '2026-12',
      provider_name: 'Porten',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await h.db
    .insertInto('measures')
    .values({ municipality_id: h.municipalityId, person_id: personId, offer_id: offer.id, starts_on: startsOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const close = (client: Client, caseId: string, body: Record<string, unknown>) =>
  client.request('POST', `/api/v1/cases/${caseId}/close`, body);
const stored = (caseId: string) =>
  h.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();

describe('POST /api/v1/cases/:id/close', () => {
  it('answers 401 without a session, 403 to a role that may not edit and 404 in another municipality', async () => {
    const c = await newCase();
    const body = { outcome: 'work', closedOn: today(), version: c.version };
    expect((await h.anonymous('POST', `/api/v1/cases/${c.caseId}/close`, body)).statusCode).toBe(401);
    expect((await close(h.as.manager, c.caseId, body)).statusCode).toBe(403);
    expect((await close(h.as.otherCoordinator, c.caseId, body)).statusCode).toBe(404);
    expect((await stored(c.caseId)).closed_at).toBeNull();
  });

  it('refuses with 400 naming the field, storing nothing: a day before opening or future, an unknown', async () => {
    const c = await newCase();
    for (const [body, field, code] of [
      [{ outcome: 'work', closedOn: addDays(today(), -1) }, 'closedOn', 'before_case_opened'],
      [{ outcome: 'work', closedOn: addDays(today(), 1) }, 'closedOn', 'in_future'],
      [{ outcome: 'graduated', closedOn: today() }, 'outcome', undefined],
      [{ outcome: 'work', closedOn: today(), studyForm: 'komvux' }, 'studyForm', 'invalid'],
    ] as const) {
      const res = await close(h.as.coordinator, c.caseId, { ...body, version: c.version });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([expect.objectContaining({ field, ...(code && { code }) })]);
    }
    const row = await stored(c.caseId);
    expect(row).toMatchObject({ status: 'new', closed_at: null, outcome: null, version: c.version });
    expect(await h.db.selectFrom('case_follow_ups').select('id').where('case_id', '=', c.caseId).execute()).toEqual([]);
  });

  it('closes with outcome, occupation, day, who and note; ends measures; follow-ups at 6 and 12 months', async () => {
    const c = await newCase(h.as.youth_coach);
    const running = await runningMeasure(c.personId, addDays(today(), -10));
    const later = await runningMeasure(c.personId, addDays(today(), 5));
    const res = await close(h.as.youth_coach, c.caseId, {
      outcome: 'studies',
      studyForm: 'komvux',
      closedOn: today(),
      note: 'Börjar på Komvux i januari.',
      version: c.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ caseId: c.caseId, version: c.version + 1 });
    expect(await stored(c.caseId)).toMatchObject({
      status: 'closed',
      outcome: 'studies',
      outcome_list_version: '2026-12',
      outcome_study_form: 'komvux',
      closed_on: today(),
      closed_by: h.as.youth_coach.staffId,
      closing_note: 'Börjar på Komvux i januari.',
      closing_occupation: 'education',
      closing_occupation_list_version: 1,
    });
    const measures = await h.db
      .selectFrom('measures')
      .select(['id', 'ended_on', 'end_reason'])
      .where('person_id', '=', c.personId)
      .orderBy('starts_on')
      .execute();
    expect(measures).toEqual([
      { id: running, ended_on: today(), end_reason: 'moved_on_studies' },
      { id: later, ended_on: addDays(today(), 5), end_reason: 'moved_on_studies' },
    ]);
    const outcome = (await h.as.youth_coach.request('GET', `/api/v1/cases/${c.caseId}/outcome`)).json();
    expect(outcome.closing).toMatchObject({
      outcome: 'studies',
      closedOn: today(),
      closedBy: { id: h.as.youth_coach.staffId },
      occupation: 'education',
    });
    expect(outcome.followUps.map((f: { months: number; dueOn: string }) => [f.months, f.dueOn])).toEqual([
      [6, addMonths(today(), 6)],
      [12, addMonths(today(), 12)],
    ]);
    const events = (await h.as.youth_coach.request('GET', `/api/v1/persons/${c.personId}/events`)).json() as {
      type: string;
      payload: Record<string, unknown>;
    }[];
    expect(events.find((e) => e.type === 'case_closed')?.payload).toMatchObject({
      outcome: 'studies',
      measuresEnded: 2,
      measureEndReason: 'moved_on_studies',
    });
    expect(events.filter((e) => e.type === 'measure_ended')).toHaveLength(2);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('entity_id', '=', c.caseId)
      .where('action', '=', 'update')
      .execute();
    expect(audit).toContainEqual({ action: 'update', entity: 'case' });
  });

  it("ends the person's open activity enrolments on the closing day, and says so on the timeline", async () => {
    const c = await newCase(h.as.youth_coach);
    const activity = await h.db
      .insertInto('activities')
      .values({
        municipality_id: h.municipalityId,
        title: 'Jobbklubben',
        kind: 'working_life',
        recurrence: JSON.stringify({ type: 'weekly', slots: [{ weekday: 1, start: '10:00', end: '12:00' }] }),
        starts_on: addDays(today(), -60),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const enrol = (from: string, to: string | null) =>
      h.db
        .insertInto('activity_enrolments')
        .values({
          municipality_id: h.municipalityId,
          activity_id: activity.id,
          person_id: c.personId,
          from_on: from,
          to_on: to,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const open = await enrol(addDays(today(), -30), null);
    const untilLater = await enrol(addDays(today(), -50), addDays(today(), -40));
    const booked = await enrol(addDays(today(), -10), addDays(today(), 30));
    const future = await enrol(addDays(today(), 7), null);
    const other = await newCase();
    const othersOpen = await h.db
      .insertInto('activity_enrolments')
      .values({
        municipality_id: h.municipalityId,
        activity_id: activity.id,
        person_id: other.personId,
        from_on: today(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const closedOn = today();
    const res = await close(h.as.youth_coach, c.caseId, { outcome: 'work', closedOn, version: c.version });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await h.db
      .selectFrom('activity_enrolments')
      .select(['id', sql<string>`to_on::text`.as('to')])
      .where('activity_id', '=', activity.id)
      .execute();
    const toOf = (id: string) => rows.find((r) => r.id === id)?.to ?? null;
    expect(toOf(open.id)).toBe(closedOn);
    expect(toOf(untilLater.id)).toBe(addDays(today(), -40));
    expect(toOf(booked.id)).toBe(closedOn);
    expect(toOf(future.id)).toBe(addDays(today(), 7));
    expect(toOf(othersOpen.id)).toBeNull();
    const events = (await h.as.youth_coach.request('GET', `/api/v1/persons/${c.personId}/events`)).json() as {
      type: string;
      payload: Record<string, unknown>;
    }[];
    expect(events.find((e) => e.type === 'case_closed')?.payload).toMatchObject({ enrolmentsEnded: 3 });
  });

  it('ends running measures for the reason the request gives', async () => {
    const c = await newCase();
    await runningMeasure(c.personId, today());
    const res = await close(h.as.coordinator, c.caseId, {
      outcome: 'moved',
      closedOn: today(),
      measureEndReason: 'interrupted',
      version: c.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      await h.db.selectFrom('measures').select('end_reason').where('person_id', '=', c.personId).execute(),
    ).toEqual([{ end_reason: 'interrupted' }]);
  });

  it('answers 409 to a stale version and to a case already closed', async () => {
    const c = await newCase();
    expect(
      (await close(h.as.coordinator, c.caseId, { outcome: 'work', closedOn: today(), version: c.version - 1 }))
        .statusCode,
    ).toBe(409);
    expect(
      (await close(h.as.coordinator, c.caseId, { outcome: 'work', closedOn: today(), version: c.version })).statusCode,
    ).toBe(200);
    const again = await close(h.as.coordinator, c.caseId, {
      outcome: 'work',
      closedOn: today(),
      version: c.version + 1,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('case_closed');
  });
});

describe('PATCH /api/v1/cases/:id: who the participant is', () => {
  it('records the target group and diploma, and never lets kaa be set', async () => {
    const c = await newCase();
    const kaa = await h.as.coordinator.request('PATCH', `/api/v1/cases/${c.caseId}`, {
      targetGroup: 'kaa',
      version: c.version,
    });
    expect(kaa.statusCode).toBe(400);
    expect(kaa.json().errors[0].field).toBe('targetGroup');
    const res = await h.as.coordinator.request('PATCH', `/api/v1/cases/${c.caseId}`, {
      targetGroup: 'young_adult',
      upperSecondaryDiploma: 'no',
      version: c.version,
    });
    expect(res.statusCode, res.body).toBe(204);
    const outcome = (await h.as.coordinator.request('GET', `/api/v1/cases/${c.caseId}/outcome`)).json();
    expect(outcome).toMatchObject({ targetGroup: 'young_adult', upperSecondaryDiploma: 'no', closing: null });
  });

  it('keeps a derived kaa with the case', async () => {
    const c = await newCase();
    await h.db
      .insertInto('register_periods')
      .values({
        municipality_id: h.municipalityId,
        person_id: c.personId,
        entered_on: addDays(today(), -3),
        entry_reason: 'moved_in',
      })
      .execute();
    await close(h.as.coordinator, c.caseId, { outcome: 'never_reached', closedOn: today(), version: c.version });
    const reopened = (await h.as.coordinator.request('POST', `/api/v1/cases/${c.caseId}/reopen`)).json();
    expect((await h.as.coordinator.request('GET', `/api/v1/cases/${reopened.caseId}/outcome`)).json()).toMatchObject({
      targetGroup: 'kaa',
      previousCaseId: c.caseId,
    });
    const res = await h.as.coordinator.request('PATCH', `/api/v1/cases/${reopened.caseId}`, {
      targetGroup: 'other',
      version: reopened.version,
    });
    expect(res.statusCode).toBe(400);
  });

  it('lets only those allowed health and social information record and see documented problems', async () => {
    const c = await newCase();
    const refused = await h.as.coordinator.request('PATCH', `/api/v1/cases/${c.caseId}`, {
      documentedProblems: ['mental_health'],
      version: c.version,
    });
    expect(refused.statusCode).toBe(403);
    expect(
      (await h.as.coordinator.request('GET', `/api/v1/cases/${c.caseId}/outcome`)).json().documentedProblems,
    ).toBeNull();
    await h.db
      .insertInto('emergency_access')
      .values({
        municipality_id: h.municipalityId,
        person_id: c.personId,
        staff_id: h.as.coordinator.staffId,
        reason: 'Akut läge, behöver se allt.',
        ends_at: new Date(Date.now() + 3_600_000),
      })
      .execute();
    const res = await h.as.coordinator.request('PATCH', `/api/v1/cases/${c.caseId}`, {
      documentedProblems: ['substance_use', 'mental_health'],
      version: c.version,
    });
    expect(res.statusCode, res.body).toBe(204);
    expect(
      (await h.as.coordinator.request('GET', `/api/v1/cases/${c.caseId}/outcome`)).json().documentedProblems,
    ).toEqual(['mental_health', 'substance_use']);
    const event = await h.db
      .selectFrom('events')
      .select(['category'])
      .where('case_id', '=', c.caseId)
      .where('type', '=', 'documented_problems_changed')
      .executeTakeFirstOrThrow();
    expect(event.category).toBe('health_social');
  });

  it('refuses changes to a closed case', async () => {
    const c = await newCase();
    await close(h.as.coordinator, c.caseId, { outcome: 'declined', closedOn: today(), version: c.version });
    const res = await h.as.coordinator.request('PATCH', `/api/v1/cases/${c.caseId}`, {
      upperSecondaryDiploma: 'yes',
      version: c.version + 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('case_closed');
  });
});

describe('taking on again and following up after closure', () => {
  it('reopens a closed case as a new case that names it, once', async () => {
    const c = await newCase(h.as.youth_coach);
    expect((await h.as.coordinator.request('POST', `/api/v1/cases/${c.caseId}/reopen`)).statusCode).toBe(409);
    await close(h.as.coordinator, c.caseId, { outcome: 'work', closedOn: today(), version: c.version });
    const res = await h.as.coordinator.request('POST', `/api/v1/cases/${c.caseId}/reopen`);
    expect(res.statusCode, res.body).toBe(201);
    const person = (await h.as.coordinator.request('GET', `/api/v1/persons/${c.personId}`)).json();
    expect(person.case).toMatchObject({
      id: res.json().caseId,
      status: 'new',
      contactPerson: { id: h.as.youth_coach.staffId },
    });
    expect(await h.db.selectFrom('cases').select('id').where('person_id', '=', c.personId).execute()).toHaveLength(2);
    expect((await h.as.coordinator.request('POST', `/api/v1/cases/${c.caseId}/reopen`)).json().code).toBe(
      'case_already_open',
    );
  });

  it('lists due follow-ups in their queue and takes someone back without occupation on again in one step', async () => {
    // The coach's queue as other tests left it: this test adds one follow-up to it, and takes it away again.
    const queueUrl = '/api/v1/work-queues/closure-follow-up?contactPerson=me';
    const countOf = async () =>
      (
        (await h.as.youth_coach.request('GET', '/api/v1/work-queues?contactPerson=me')).json() as {
          key: string;
          count: number;
        }[]
      ).find((q) => q.key === 'closure-follow-up')?.count ?? 0;
    const countBefore = await countOf();
    const itemsBefore = (await h.as.youth_coach.request('GET', queueUrl)).json().items as { personId: string }[];
    const c = await newCase(h.as.youth_coach);
    await close(h.as.youth_coach, c.caseId, { outcome: 'work', closedOn: today(), version: c.version });
    await h.db
      .updateTable('case_follow_ups')
      .set({ due_on: addDays(today(), -1) })
      .where('case_id', '=', c.caseId)
      .where('months', '=', 6)
      .execute();
    expect(await countOf()).toBe(countBefore + 1);
    const page = (await h.as.youth_coach.request('GET', queueUrl)).json();
    expect(page.items).toHaveLength(itemsBefore.length + 1);
    const item = page.items.find((i: { personId: string }) => i.personId === c.personId);
    expect(item).toMatchObject({ personId: c.personId, closureFollowUp: { caseId: c.caseId, months: 6 } });
    const url = `/api/v1/case-follow-ups/${item.closureFollowUp.id}/result`;
    const wrong = await h.as.youth_coach.request('POST', url, {
      result: 'not_reached',
      takeOn: true,
      version: item.closureFollowUp.version,
    });
    expect(wrong.statusCode).toBe(400);
    const res = await h.as.youth_coach.request('POST', url, {
      result: 'back_without_occupation',
      takeOn: true,
      version: item.closureFollowUp.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      result: 'back_without_occupation',
      occupation: 'none',
      recordedOn: today(),
      newCaseId: expect.any(String),
    });
    const person = (await h.as.youth_coach.request('GET', `/api/v1/persons/${c.personId}`)).json();
    expect(person.case).toMatchObject({ id: res.json().newCaseId, status: 'new' });
    expect((await h.as.youth_coach.request('GET', queueUrl)).json().items).toEqual(itemsBefore);
    expect(await countOf()).toBe(countBefore);
    const twice = await h.as.youth_coach.request('POST', url, {
      result: 'same_occupation',
      version: res.json().version,
    });
    expect(twice.json().code).toBe('follow_up_recorded');
  });

  it('lists a person with two follow-ups due once, at the earliest, and counts them once', async () => {
    const c = await newCase(h.as.youth_coach);
    await close(h.as.youth_coach, c.caseId, { outcome: 'studies', closedOn: today(), version: c.version });
    await h.db
      .updateTable('case_follow_ups')
      .set({
        due_on: sql`case when months = 6 then ${addDays(today(), -200)}::date else ${addDays(today(), -3)}::date end`,
      })
      .where('case_id', '=', c.caseId)
      .execute();
    const queues = (await h.as.youth_coach.request('GET', '/api/v1/work-queues?contactPerson=me')).json() as {
      key: string;
      count: number;
    }[];
    const page = (
      await h.as.youth_coach.request('GET', '/api/v1/work-queues/closure-follow-up?contactPerson=me')
    ).json();
    const mine = page.items.filter((i: { personId: string }) => i.personId === c.personId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      caseId: c.caseId,
      nextStep: null,
      closureFollowUp: { caseId: c.caseId, months: 6, dueOn: addDays(today(), -200) },
    });
    expect(page.total).toBe(page.items.length);
    expect(queues.find((q) => q.key === 'closure-follow-up')?.count).toBe(page.total);
  });

  it('hides follow-ups of persons the reader does not manage', async () => {
    const c = await newCase(h.as.youth_coach);
    await close(h.as.youth_coach, c.caseId, { outcome: 'work', closedOn: today(), version: c.version });
    const fu = await h.db
      .updateTable('case_follow_ups')
      .set({ due_on: addDays(today(), -1) })
      .where('case_id', '=', c.caseId)
      .returning(['id', 'version'])
      .execute();
    const page = (await h.as.otherCoordinator.request('GET', '/api/v1/work-queues/closure-follow-up')).json();
    expect(JSON.stringify(page)).not.toContain(c.personId);
    const res = await h.as.otherCoordinator.request('POST', `/api/v1/case-follow-ups/${fu[0]!.id}/result`, {
      result: 'not_reached',
      version: fu[0]!.version,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('follow-up points the municipality sets', () => {
  it('plans the follow-ups at the months of the outreach settings', async () => {
    // The settings are the municipality's: changed here, they would move the other tests' follow-ups.
    const own = await createHarness();
    try {
      const current = (await own.as.coordinator.request('GET', '/api/v1/outreach-settings')).json();
      expect(current.settings.followUpMonths).toEqual([6, 12]);
      const settings = { ...current.settings, followUpMonths: [3] };
      const put = await own.as.coordinator.request('PUT', '/api/v1/outreach-settings', {
        settings,
        version: current.version,
      });
      expect(put.statusCode, put.body).toBe(200);
      const { id } = (await own.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json();
      const kase = (await own.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json().case;
      await close(own.as.coordinator, kase.id, { outcome: 'other', closedOn: today(), version: kase.version });
      const rows = await own.db
        .selectFrom('case_follow_ups')
        .select(['months', 'due_on'])
        .where('case_id', '=', kase.id)
        .execute();
      expect(rows).toEqual([{ months: 3, due_on: addMonths(today(), 3) }]);
    } finally {
      await own.close();
    }
  });
});
