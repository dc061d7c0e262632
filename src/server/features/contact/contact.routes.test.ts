import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../../core/errors.js';
import { addDays } from '../../../core/outreach.js';
import { fixedClock } from '../../clock.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { testIdentityNumberAged } from '../../testing/factories.js';
import { personInRegister } from '../../testing/outreach.js';

/** The day under test: the app's clock stands at ten in its morning (summer time) whenever the suite runs. */
const DAY = '2026-09-15';
const NOW = new Date(`${DAY}T08:00:00Z`);
const daysAgo = (days: number) => addDays(DAY, -days);

let h: Harness;
beforeAll(async () => {
  h = await createHarness({}, { clock: fixedClock(NOW) });
});
afterAll(() => h.close());

const now = () => NOW.toISOString();
const attempt = (over: Record<string, unknown> = {}) => ({
  channel: 'phone',
  outcome: 'no_answer',
  at: now(),
  ...over,
});

describe('POST /api/v1/persons/:id/contact-attempts', () => {
  it('answers 401 without a session', async () => {
    const { personId } = await personInRegister(h);
    expect((await h.anonymous('POST', `/api/v1/persons/${personId}/contact-attempts`, attempt())).statusCode).toBe(401);
  });

  it('answers 403 for roles that do no outreach, and 404 for a person the coach does not hold', async () => {
    const { personId } = await personInRegister(h);
    for (const role of ['administrator', 'manager', 'school_reporter'] as const) {
      expect(
        (await h.as[role].request('POST', `/api/v1/persons/${personId}/contact-attempts`, attempt())).statusCode,
      ).toBe(403);
    }
    expect(
      (await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/contact-attempts`, attempt())).statusCode,
    ).toBe(404);
    expect(
      (await h.as.otherCoordinator.request('POST', `/api/v1/persons/${personId}/contact-attempts`, attempt()))
        .statusCode,
    ).toBe(404);
  });

  it('lets no one record outreach by emergency access alone: it is the KAA’s own work', async () => {
    const { personId } = await personInRegister(h);
    const opened = await h.as.secondCoach.request('POST', `/api/v1/persons/${personId}/emergency-access`, {
      reason: 'Akut oro, behöver nå vårdnadshavare',
    });
    expect(opened.statusCode).toBe(201);
    expect((await h.as.secondCoach.request('GET', `/api/v1/persons/${personId}`)).statusCode).toBe(200);
    expect(
      (await h.as.secondCoach.request('POST', `/api/v1/persons/${personId}/contact-attempts`, attempt())).statusCode,
    ).toBe(404);
    expect((await h.as.secondCoach.request('POST', `/api/v1/persons/${personId}/sms`, {})).statusCode).toBe(404);
    const queue = (await h.as.secondCoach.request('GET', '/api/v1/work-queues/not-contacted')).json();
    expect(queue.items.map((i: { personId: string }) => i.personId)).not.toContain(personId);
  });

  it('records an attempt on the timeline, moves the case to contacting and proposes the next rung', async () => {
    // 17 on the day: after the young person's phone, the guardian's (18 or older: a text message, below).
    const { personId } = await personInRegister(h, {
      contactPerson: h.as.youth_coach,
      person: { personalIdentityNumber: testIdentityNumberAged(17, DAY) },
    });
    await h.as.youth_coach.request(
      'POST',
      `/api/v1/persons/${personId}/contact-attempts`,
      attempt({ channel: 'known_elsewhere', outcome: 'not_known' }),
    );
    const res = await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/contact-attempts`, attempt());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.nextStep.channel).toBe('phone_guardian');
    const events = (await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/events`)).json();
    expect(events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['contact_attempt', 'case_status_changed']),
    );
    const person = (await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}`)).json();
    expect(person.case.status).toBe('contacting');
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('person_id', '=', personId)
      .where('entity', '=', 'contact_attempt')
      .execute();
    expect(audit).toEqual([{ action: 'create' }, { action: 'create' }]);
  });

  it('proposes a text message after the phone for someone of 18 or older, whose guardian is not phoned', async () => {
    const { personId } = await personInRegister(h, {
      contactPerson: h.as.youth_coach,
      person: { personalIdentityNumber: testIdentityNumberAged(18, DAY) },
    });
    await h.as.youth_coach.request(
      'POST',
      `/api/v1/persons/${personId}/contact-attempts`,
      attempt({ channel: 'known_elsewhere', outcome: 'not_known' }),
    );
    const res = await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/contact-attempts`, attempt());
    expect(res.statusCode).toBe(201);
    expect(res.json().nextStep.channel).toBe('sms');
  });

  it('asks the leaving school first for someone who dropped out', async () => {
    const { personId } = await personInRegister(h, { entryReason: 'dropped_out', enteredOn: daysAgo(2) });
    const outreach = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/outreach`)).json();
    expect(outreach.nextStep).toEqual({ channel: 'verify_school', dueOn: daysAgo(2), overrideReason: null });
    const res = await h.as.coordinator.request(
      'POST',
      `/api/v1/persons/${personId}/contact-attempts`,
      attempt({ channel: 'verify_school', outcome: 'dropout_confirmed' }),
    );
    expect(res.json().nextStep.channel).toBe('known_elsewhere');
  });

  it('keeps the occupation at contact with its code-list version, and ends the ladder', async () => {
    const { personId } = await personInRegister(h);
    const res = await h.as.coordinator.request(
      'POST',
      `/api/v1/persons/${personId}/contact-attempts`,
      attempt({ outcome: 'reached', occupation: 'work', agreed: 'Ses på centret på torsdag.' }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().nextStep).toBeNull();
    const outreach = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/outreach`)).json();
    expect(outreach.attempts[0]).toMatchObject({
      occupation: 'work',
      occupationListVersion: 1,
      agreed: 'Ses på centret på torsdag.',
    });
    expect(outreach.occupation).toMatchObject({ code: 'work', valid: true });
    expect(outreach.firstReachedAt).toBe(outreach.attempts[0].at);
  });

  it('refuses an outcome unfit for the channel, an occupation without contact, a future time, unknowns', async () => {
    const { personId } = await personInRegister(h);
    const cases: [Record<string, unknown>, string, string][] = [
      [attempt({ channel: 'verify_school', outcome: 'reached' }), 'invalid_outcome', 'outcome'],
      [attempt({ outcome: 'no_answer', occupation: 'work' }), 'invalid_outcome', 'occupation'],
      [attempt({ at: new Date(NOW.getTime() + 86_400_000).toISOString() }), 'future_attempt', 'at'],
      [attempt({ channel: 'pigeon' }), 'validation_failed', 'channel'],
      [attempt({ at: 'yesterday' }), 'validation_failed', 'at'],
    ];
    for (const [body, code, field] of cases) {
      const res = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/contact-attempts`, body);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code, errors: [expect.objectContaining({ field })] });
    }
  });

  it('refuses an attempt without outcome (400 outcome_required) in the reader’s language; stores nothing', async () => {
    const { personId } = await personInRegister(h);
    for (const body of [
      { channel: 'letter', at: now() },
      { channel: 'phone', outcome: null, at: now() },
    ]) {
      const res = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/contact-attempts`, body, {
        'accept-language': 'en',
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'outcome_required', errors: [{ field: 'outcome', code: 'required' }] });
      expect(res.json().detail).toContain(ERRORS.outcome_required.en);
    }
    expect(await h.db.selectFrom('contact_attempts').select('id').where('person_id', '=', personId).execute()).toEqual(
      [],
    );
  });

  it('refuses "reached" for a letter or a text message: only a conversation reaches anyone', async () => {
    const { personId } = await personInRegister(h);
    for (const channel of ['letter', 'second_letter', 'sms', 'email', 'social_media', 'announced_home_visit']) {
      const res = await h.as.coordinator.request(
        'POST',
        `/api/v1/persons/${personId}/contact-attempts`,
        attempt({ channel, outcome: 'reached' }),
      );
      expect(res.statusCode, channel).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_outcome', errors: [{ field: 'outcome' }] });
    }
    const letter = await h.as.coordinator.request(
      'POST',
      `/api/v1/persons/${personId}/contact-attempts`,
      attempt({ channel: 'letter', outcome: 'sent' }),
    );
    expect(letter.statusCode).toBe(201);
    expect(letter.json().nextStep).not.toBeNull();
    expect(
      (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/outreach`)).json().firstReachedAt,
    ).toBeNull();
  });

  it('counts a conversation with a guardian or a meeting at a home visit as reached, with the occupation', async () => {
    const guardian = await personInRegister(h);
    const call = await h.as.coordinator.request(
      'POST',
      `/api/v1/persons/${guardian.personId}/contact-attempts`,
      attempt({ channel: 'phone_guardian', outcome: 'reached_guardian', occupation: 'none' }),
    );
    expect(call.statusCode).toBe(201);
    expect(call.json().nextStep).toBeNull();
    const outreach = (await h.as.coordinator.request('GET', `/api/v1/persons/${guardian.personId}/outreach`)).json();
    expect(outreach.attempts[0]).toMatchObject({ outcome: 'reached_guardian', occupation: 'none' });
    expect(outreach.firstReachedAt).toBe(outreach.attempts[0].at);
    const visit = await personInRegister(h);
    expect(
      (
        await h.as.coordinator.request(
          'POST',
          `/api/v1/persons/${visit.personId}/contact-attempts`,
          attempt({ channel: 'home_visit', outcome: 'nobody_home', occupation: 'work' }),
        )
      ).json().code,
    ).toBe('invalid_outcome');
    expect(
      (
        await h.as.coordinator.request(
          'POST',
          `/api/v1/persons/${visit.personId}/contact-attempts`,
          attempt({ channel: 'home_visit', outcome: 'met', occupation: 'work' }),
        )
      ).json().nextStep,
    ).toBeNull();
  });

  it('records a retried submit once (same Idempotency-Key), even when both arrive together', async () => {
    const { personId } = await personInRegister(h);
    const headers = { 'idempotency-key': 'attempt-0001-retry' };
    const first = await h.as.coordinator.request(
      'POST',
      `/api/v1/persons/${personId}/contact-attempts`,
      attempt(),
      headers,
    );
    const again = await h.as.coordinator.request(
      'POST',
      `/api/v1/persons/${personId}/contact-attempts`,
      attempt(),
      headers,
    );
    expect(again.json().id).toBe(first.json().id);
    const together = { 'idempotency-key': 'attempt-0002-together' };
    const [a, b] = await Promise.all([
      h.as.coordinator.request(
        'POST',
        `/api/v1/persons/${personId}/contact-attempts`,
        attempt({ channel: 'sms', outcome: 'sent' }),
        together,
      ),
      h.as.coordinator.request(
        'POST',
        `/api/v1/persons/${personId}/contact-attempts`,
        attempt({ channel: 'sms', outcome: 'sent' }),
        together,
      ),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    const rows = await h.db.selectFrom('contact_attempts').select('id').where('person_id', '=', personId).execute();
    expect(rows).toHaveLength(2);
  });

  it('keeps attempts append-only in the database, like journal events', async () => {
    const { personId } = await personInRegister(h);
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/contact-attempts`, attempt())).statusCode,
    ).toBe(201);
    await expect(
      h.db.updateTable('contact_attempts').set({ outcome: 'reached' }).where('person_id', '=', personId).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(h.db.deleteFrom('contact_attempts').where('person_id', '=', personId).execute()).rejects.toThrow(
      /append-only/,
    );
    expect(
      await h.db.selectFrom('contact_attempts').select('outcome').where('person_id', '=', personId).execute(),
    ).toEqual([{ outcome: 'no_answer' }]);
  });

  it('refuses a key already used for another person', async () => {
    const [first, second] = [await personInRegister(h), await personInRegister(h)];
    const headers = { 'idempotency-key': 'attempt-reused-0001' };
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/persons/${first.personId}/contact-attempts`, attempt(), headers))
        .statusCode,
    ).toBe(201);
    const res = await h.as.coordinator.request(
      'POST',
      `/api/v1/persons/${second.personId}/contact-attempts`,
      attempt(),
      headers,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'idempotency_key_reused', errors: [{ field: 'Idempotency-Key' }] });
  });
});

describe('GET /api/v1/persons/:id/outreach', () => {
  it('records a read under emergency access as emergency, so the audit log and the follow-up show it', async () => {
    const { personId } = await personInRegister(h);
    expect(
      (
        await h.as.secondCoach.request('POST', `/api/v1/persons/${personId}/emergency-access`, {
          reason: 'Akut oro, behöver nå vårdnadshavare',
        })
      ).statusCode,
    ).toBe(201);
    expect((await h.as.secondCoach.request('GET', `/api/v1/persons/${personId}/outreach`)).statusCode).toBe(200);
    const read = await h.db
      .selectFrom('audit_log')
      .select('detail')
      .where('person_id', '=', personId)
      .where('entity', '=', 'outreach')
      .executeTakeFirstOrThrow();
    expect(read.detail).toMatchObject({
      basis: 'emergency',
      categories: ['contact_occupation', 'assessment_plan', 'health_social'],
    });
    const log = (await h.as.administrator.request('GET', `/api/v1/audit?personId=${personId}`)).json();
    expect(log.items.find((i: { entity: string }) => i.entity === 'outreach')).toMatchObject({
      emergency: true,
      actor: { id: h.as.secondCoach.staffId },
    });
    const outside = (await h.as.administrator.request('GET', '/api/v1/access-review?kind=outside_caseload')).json();
    expect(outside).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: expect.objectContaining({ id: h.as.secondCoach.staffId }),
          person: expect.objectContaining({ id: personId }),
          detail: 'emergency',
        }),
      ]),
    );
  });

  it('lists the person’s booked meetings that have not ended, soonest first, without cancelled ones', async () => {
    const { personId } = await personInRegister(h, { contactPerson: h.as.youth_coach });
    const at = (days: number, hour: number) =>
      new Date(Date.now() + days * 86_400_000 + hour * 3_600_000).toISOString();
    const book = (days: number) =>
      h.as.youth_coach.request('POST', '/api/v1/meetings', {
        kind: 'meeting',
        startsAt: at(days, 0),
        endsAt: at(days, 1),
        personId,
      });
    const later = (await book(9)).json();
    const sooner = (await book(2)).json();
    const cancelled = (await book(4)).json();
    expect(
      (await h.as.youth_coach.request('POST', `/api/v1/meetings/${cancelled.id}/cancel`, { version: 1 })).statusCode,
    ).toBe(204);
    const outreach = (await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/outreach`)).json();
    expect(outreach.meetings.map((m: { id: string }) => m.id)).toEqual([sooner.id, later.id]);
    expect(outreach.meetings[0]).toMatchObject({ kind: 'meeting', staff: { id: h.as.youth_coach.staffId } });
  });

  it("records the register as the basis of a coordinator's read", async () => {
    const { personId } = await personInRegister(h);
    await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/outreach`);
    const read = await h.db
      .selectFrom('audit_log')
      .select('detail')
      .where('person_id', '=', personId)
      .where('entity', '=', 'outreach')
      .executeTakeFirstOrThrow();
    expect(read.detail).toMatchObject({ basis: 'register', categories: ['contact_occupation', 'assessment_plan'] });
  });
});

describe('PUT /api/v1/persons/:id/next-step', () => {
  it('answers 401 without a session and 404 for a person the coach does not hold', async () => {
    const { personId } = await personInRegister(h);
    const body = { channel: 'letter', dueOn: daysAgo(-3), reason: 'Telefonen avstängd', version: 0 };
    expect((await h.anonymous('PUT', `/api/v1/persons/${personId}/next-step`, body)).statusCode).toBe(401);
    expect((await h.as.youth_coach.request('PUT', `/api/v1/persons/${personId}/next-step`, body)).statusCode).toBe(404);
  });

  it('lets the coach choose another step with a reason; the next attempt brings back Lotsa’s proposal', async () => {
    const { personId } = await personInRegister(h, { contactPerson: h.as.youth_coach });
    const body = { channel: 'letter', dueOn: daysAgo(-3), reason: 'Numret är fel enligt skolan', version: 0 };
    expect((await h.as.youth_coach.request('PUT', `/api/v1/persons/${personId}/next-step`, body)).statusCode).toBe(204);
    let outreach = (await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/outreach`)).json();
    expect(outreach.nextStep).toEqual({
      channel: 'letter',
      dueOn: daysAgo(-3),
      overrideReason: 'Numret är fel enligt skolan',
    });
    expect(outreach.proposal.channel).toBe('known_elsewhere');
    expect(outreach.nextStepVersion).toBe(1);
    const stale = await h.as.youth_coach.request('PUT', `/api/v1/persons/${personId}/next-step`, {
      ...body,
      reason: 'Annat',
    });
    expect(stale.statusCode).toBe(409);
    await h.as.youth_coach.request(
      'POST',
      `/api/v1/persons/${personId}/contact-attempts`,
      attempt({ channel: 'letter', outcome: 'sent' }),
    );
    outreach = (await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/outreach`)).json();
    expect(outreach.nextStep.overrideReason).toBeNull();
  });

  it('requires a reason', async () => {
    const { personId } = await personInRegister(h);
    const res = await h.as.coordinator.request('PUT', `/api/v1/persons/${personId}/next-step`, {
      channel: 'letter',
      dueOn: daysAgo(0),
      reason: ' ',
      version: 0,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('reason');
  });
});

describe('/api/v1/outreach-settings', () => {
  it('answers 401 without a session and lets only coordinators save', async () => {
    expect((await h.anonymous('GET', '/api/v1/outreach-settings')).statusCode).toBe(401);
    const current = (await h.as.youth_coach.request('GET', '/api/v1/outreach-settings')).json();
    expect(current.settings.overdueDays).toBe(14);
    expect(
      (
        await h.as.youth_coach.request('PUT', '/api/v1/outreach-settings', {
          settings: current.settings,
          version: current.version,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('saves the municipality’s own ladder with optimistic locking and refuses a repeated channel', async () => {
    const current = (await h.as.coordinator.request('GET', '/api/v1/outreach-settings')).json();
    const settings = {
      ...current.settings,
      overdueDays: 10,
      ladder: [
        { channel: 'sms', waitDays: 0 },
        { channel: 'letter', waitDays: 4 },
      ],
    };
    const saved = await h.as.coordinator.request('PUT', '/api/v1/outreach-settings', {
      settings,
      version: current.version,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ settings: { overdueDays: 10 }, version: 1 });
    expect(
      (await h.as.coordinator.request('PUT', '/api/v1/outreach-settings', { settings, version: current.version }))
        .statusCode,
    ).toBe(409);
    const twice = await h.as.coordinator.request('PUT', '/api/v1/outreach-settings', {
      settings: {
        ...settings,
        ladder: [
          { channel: 'sms', waitDays: 0 },
          { channel: 'sms', waitDays: 1 },
        ],
      },
      version: 1,
    });
    expect(twice.statusCode).toBe(400);
    expect((await h.as.otherCoordinator.request('GET', '/api/v1/outreach-settings')).json().settings.overdueDays).toBe(
      14,
    );
    // Put the defaults back for the other tests in this file.
    await h.as.coordinator.request('PUT', '/api/v1/outreach-settings', { settings: current.settings, version: 1 });
  });
});
