/**
 * Enrolments and attendance on the young person's timeline and on the person page: the typed events written
 * with the change (enrolled, enrolment ended, attendance recorded and corrected), shown only to readers of
 * the person's contact and occupation (another agency only by consent), ending an enrolment, and the
 * enrolments and rights the person's attendance report now carries.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readEvent } from '../../../core/events/index.js';
import { createHarness, type Client, type Harness } from '../../testing/harness.js';
import { personInRegister } from '../../testing/outreach.js';
import { signInNewStaff } from '../../testing/staff.js';

let h: Harness;
let personId: string;
let activityId: string;
let enrolmentId: string;
let socialWorker: Client;
let socialUnitId: string;

type Event = { id: string; type: string; payload: unknown; correctsEventId: string | null; category: string };
const timeline = async (reader: Client, id = personId) => {
  const res = await reader.request('GET', `/api/v1/persons/${id}/events`);
  expect(res.statusCode).toBe(200);
  return (res.json() as Event[]).filter((e) => e.type.startsWith('activity_') || e.type === 'attendance_recorded');
};
const session = (day: string) => `/api/v1/sessions/${activityId}_${day}/attendance`;
const fields = (res: { json: () => { errors?: { field: string; code: string }[] } }) =>
  (res.json().errors ?? []).map((e) => `${e.field}:${e.code}`);

beforeAll(async () => {
  h = await createHarness();
}, 60_000);
afterAll(() => h.close());

/**
 * Every test's own world: a young person whose case is in a team with a social worker of another agency, and
 * a Monday activity. A test of a later step first tells the earlier ones (`enrol`, `endEnrolment`, `attend`).
 */
let worlds = 0;
beforeEach(async () => {
  worlds += 1;
  personId = (await personInRegister(h, { contactPerson: h.as.youth_coach })).personId;
  const units = await h.db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', h.municipalityId);
  const byName = new Map((await units.execute()).map((u) => [u.name, u.id]));
  socialUnitId = byName.get('Socialtjänsten')!;
  const team = await h.db
    .insertInto('teams')
    .values({
      municipality_id: h.municipalityId,
      name: `Närvaroteamet ${worlds}`,
      unit_id: byName.get('Utbildningsförvaltningen')!,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  socialWorker = await signInNewStaff(h, 'team_member', { unitId: socialUnitId, name: 'Socialsekreterare' });
  await h.db.insertInto('team_members').values({ team_id: team.id, staff_id: socialWorker.staffId }).execute();
  await h.db.updateTable('cases').set({ team_id: team.id }).where('person_id', '=', personId).execute();
  // Mondays 9–12 from Monday 7 December 2026.
  const created = await h.as.youth_coach.request('POST', '/api/v1/activities', {
    title: 'Arbetsliv',
    kind: 'working_life',
    leaderStaffIds: [h.as.youth_coach.staffId],
    recurrence: { type: 'weekly', slots: [{ weekday: 1, start: '09:00', end: '12:00' }] },
    startsOn: '2026-12-07',
  });
  expect(created.statusCode).toBe(201);
  activityId = created.json().id;
}, 120_000);

/** The person enrolled in the activity from Monday 7 December 2026. */
async function enrol() {
  const res = await h.as.youth_coach.request('POST', `/api/v1/activities/${activityId}/enrolments`, {
    personId,
    from: '2026-12-07',
  });
  expect(res.statusCode, res.body).toBe(201);
  enrolmentId = res.json().id;
}
/** The enrolment ended on Monday 25 January 2027. */
async function endEnrolment() {
  const res = await h.as.youth_coach.request('PATCH', `/api/v1/enrolments/${enrolmentId}`, { to: '2027-01-25' });
  expect(res.statusCode, res.body).toBe(200);
}
/** The person absent on 7 December, then corrected to excused: two `attendance_recorded` events. */
async function attend() {
  for (const status of ['absent', 'excused'])
    expect((await h.as.youth_coach.request('PUT', session('2026-12-07'), [{ personId, status }])).statusCode).toBe(200);
}

describe('enrolments on the timeline', () => {
  it('writes `activity_enrolled` with the activity and days, in contact and occupation', async () => {
    const res = await h.as.youth_coach.request('POST', `/api/v1/activities/${activityId}/enrolments`, {
      personId,
      from: '2026-12-07',
    });
    expect(res.statusCode).toBe(201);
    enrolmentId = res.json().id;
    const [event] = await timeline(h.as.youth_coach);
    expect(event).toMatchObject({ type: 'activity_enrolled', category: 'contact_occupation' });
    expect(readEvent(event!.type, event!.payload)).toEqual({
      type: 'activity_enrolled',
      payload: { enrolmentId, activity: { id: activityId, title: 'Arbetsliv' }, from: '2026-12-07', to: null },
    });
  });

  it('ends an enrolment on a last day as `activity_enrolment_ended`; the same day again adds nothing', async () => {
    await enrol();
    const before = await h.as.youth_coach.request('PATCH', `/api/v1/enrolments/${enrolmentId}`, { to: '2026-12-01' });
    expect(before.statusCode).toBe(400);
    expect(fields(before)).toEqual(['to:end_before_start']);
    const res = await h.as.youth_coach.request('PATCH', `/api/v1/enrolments/${enrolmentId}`, { to: '2027-01-25' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: enrolmentId, activityId, personId, from: '2026-12-07', to: '2027-01-25' });
    expect(
      (await h.as.youth_coach.request('PATCH', `/api/v1/enrolments/${enrolmentId}`, { to: '2027-01-25' })).statusCode,
    ).toBe(200);
    const events = await timeline(h.as.youth_coach);
    expect(events.map((e) => e.type)).toEqual(['activity_enrolment_ended', 'activity_enrolled']);
    expect(events[0]!.payload).toMatchObject({ enrolmentId, to: '2027-01-25', activity: { title: 'Arbetsliv' } });
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'enrolment')
      .where('entity_id', '=', enrolmentId)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
  });

  it('lets only staff who run activities and manage the person end it: 403, else 404', async () => {
    await enrol();
    await endEnrolment();
    const url = `/api/v1/enrolments/${enrolmentId}`;
    expect((await h.anonymous('PATCH', url, { to: '2027-01-11' })).statusCode).toBe(401);
    expect((await h.as.manager.request('PATCH', url, { to: '2027-01-11' })).statusCode).toBe(403);
    expect((await socialWorker.request('PATCH', url, { to: '2027-01-11' })).statusCode).toBe(403);
    expect((await h.as.otherCoordinator.request('PATCH', url, { to: '2027-01-11' })).statusCode).toBe(404);
    const row = await h.db
      .selectFrom('activity_enrolments')
      .select('to_on')
      .where('id', '=', enrolmentId)
      .executeTakeFirst();
    expect(row?.to_on).toBe('2027-01-25');
  });
});

describe('attendance on the timeline', () => {
  it('records a status as `attendance_recorded`, and a correction pointing at the entry it corrects', async () => {
    await enrol();
    expect(
      (await h.as.youth_coach.request('PUT', session('2026-12-07'), [{ personId, status: 'absent' }])).statusCode,
    ).toBe(200);
    // The same status again stores nothing and writes nothing.
    await h.as.youth_coach.request('PUT', session('2026-12-07'), [{ personId, status: 'absent' }]);
    expect(
      (await h.as.youth_coach.request('PUT', session('2026-12-07'), [{ personId, status: 'excused' }])).statusCode,
    ).toBe(200);
    const events = (await timeline(h.as.youth_coach)).filter((e) => e.type === 'attendance_recorded');
    expect(events).toHaveLength(2);
    const [correction, first] = events;
    expect(first!.payload).toEqual({
      activity: { id: activityId, title: 'Arbetsliv' },
      sessionId: `${activityId}_2026-12-07`,
      occursOn: '2026-12-07',
      status: 'absent',
      previousStatus: null,
    });
    expect(correction!.payload).toMatchObject({ status: 'excused', previousStatus: 'absent' });
    expect(correction!.correctsEventId).toBe(first!.id);
    expect(first!.category).toBe('contact_occupation');
  });

  it('writes nothing on the timeline when the attendance is refused', async () => {
    await enrol();
    await attend();
    const total = async () =>
      Number(
        (
          await h.db
            .selectFrom('events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('type', '=', 'attendance_recorded')
            .executeTakeFirstOrThrow()
        ).n,
      );
    // Other tests' young people keep their events: the refusal adds none to anyone's timeline.
    const totalBefore = await total();
    const count = (await timeline(h.as.youth_coach)).length;
    const refused = await h.as.youth_coach.request('PUT', session('2026-12-14'), [
      { personId, status: 'present' },
      { personId, status: 'late' },
    ]);
    expect(refused.statusCode).toBe(400);
    expect((await timeline(h.as.youth_coach)).length).toBe(count);
    expect(await total()).toBe(totalBefore);
    const own = await h.db
      .selectFrom('events')
      .select('id')
      .where('type', '=', 'attendance_recorded')
      .where('person_id', '=', personId)
      .execute();
    expect(own).toHaveLength(2);
  });
});

describe('who sees the events and the panel', () => {
  it('shows a social worker in the team the events only while a consent names contact and occupation', async () => {
    await enrol();
    await endEnrolment();
    await attend();
    // Without consent the person itself is out of reach, or at least none of these events shows.
    const none = await socialWorker.request('GET', `/api/v1/persons/${personId}/events`);
    if (none.statusCode === 200) expect(await timeline(socialWorker)).toEqual([]);
    else expect(none.statusCode).toBe(404);
    const consent = (categories: string[]) =>
      h.as.coordinator.request('POST', `/api/v1/persons/${personId}/consents`, {
        recipientUnitIds: [socialUnitId],
        categories,
        purpose: 'Försörjningsstöd kräver deltagande',
        givenBy: 'young_person',
      });
    expect((await consent(['health_social'])).statusCode).toBe(201);
    expect(await timeline(socialWorker)).toEqual([]);
    const contact = await consent(['contact_occupation']);
    expect(contact.statusCode).toBe(201);
    expect((await timeline(socialWorker)).map((e) => e.type)).toEqual([
      'attendance_recorded',
      'attendance_recorded',
      'activity_enrolment_ended',
      'activity_enrolled',
    ]);
    // The panel's report: the enrolments, and no right to change them.
    const report = await socialWorker.request(
      'GET',
      `/api/v1/persons/${personId}/attendance?from=2026-12-01&to=2026-12-31`,
    );
    expect(report.json()).toMatchObject({
      entries: [{ status: 'excused' }],
      enrolments: [{ id: enrolmentId, activityTitle: 'Arbetsliv', from: '2026-12-07', to: '2027-01-25' }],
      mayChange: false,
    });
    await h.as.coordinator.request('POST', `/api/v1/consents/${contact.json().id}/withdraw`, {});
    expect(await timeline(socialWorker)).toEqual([]);
  });

  it('gives the contact person the enrolments not ended before the period, and the right to change them', async () => {
    await enrol();
    await endEnrolment();
    const url = (from: string, to: string) => `/api/v1/persons/${personId}/attendance?from=${from}&to=${to}`;
    const res = await h.as.youth_coach.request('GET', url('2026-12-01', '2026-12-31'));
    expect(res.json()).toMatchObject({ enrolments: [{ id: enrolmentId }], mayChange: true });
    const later = await h.as.youth_coach.request('GET', url('2027-02-01', '2027-02-28'));
    expect(later.json()).toMatchObject({ entries: [], enrolments: [], mayChange: true });
  });
});
