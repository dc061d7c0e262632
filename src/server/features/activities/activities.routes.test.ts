/**
 * Group activities and attendance through the HTTP API: who may create, read and take attendance,
 * recurrence with Swedish holidays and changed sessions, enrolments, attendance corrections, the
 * person's report, and that another agency's social worker sees attendance only by consent.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Client, type Harness } from '../../testing/harness.js';
import { personInRegister } from '../../testing/outreach.js';
import { pdfPageTexts } from '../../testing/pdf-text.js';
import { signInNewStaff } from '../../testing/staff.js';

let h: Harness;
let units: Map<string, string>;
let enrolledId: string;
let otherId: string;
let socialWorker: Client;
let closedId: string;
let dropInId: string;

const fields = (res: { json: () => { errors?: { field: string }[] } }) =>
  (res.json().errors ?? []).map((e) => e.field).sort();
// Monday working life 9–12 and Thursday study room 13–15, from Monday 7 December 2026.
const weekly = {
  type: 'weekly',
  slots: [
    { weekday: 1, start: '09:00', end: '12:00' },
    { weekday: 4, start: '13:00', end: '15:00' },
  ],
};
const entriesOf = (activityId: string) =>
  h.db.selectFrom('attendance_entries').selectAll().where('activity_id', '=', activityId).execute();

beforeAll(async () => {
  h = await createHarness();
  units = new Map(
    (
      await h.db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', h.municipalityId).execute()
    ).map((u) => [u.name, u.id]),
  );
}, 60_000);
afterAll(() => h.close());

/**
 * Every test's own world: two young people in a team with a social worker of another agency, a weekly activity
 * with one of them enrolled, and a drop-in. A test of a later step first takes the earlier ones
 * (`cancelAndMove`, `attendWithCorrection`).
 */
let worlds = 0;
beforeEach(async () => {
  worlds += 1;
  enrolledId = (await personInRegister(h, { contactPerson: h.as.youth_coach })).personId;
  const p = await personInRegister(h, { contactPerson: h.as.youth_coach });
  otherId = p.personId;
  // A social worker in the case's team, of another agency: sees the person only by consent.
  const team = await h.db
    .insertInto('teams')
    .values({
      municipality_id: h.municipalityId,
      name: `Aktivitetsteamet ${worlds}`,
      unit_id: units.get('Utbildningsförvaltningen')!,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  socialWorker = await signInNewStaff(h, 'team_member', {
    unitId: units.get('Socialtjänsten')!,
    name: 'Socialsekreterare',
  });
  await h.db.insertInto('team_members').values({ team_id: team.id, staff_id: socialWorker.staffId }).execute();
  await h.db.updateTable('cases').set({ team_id: team.id }).where('person_id', 'in', [enrolledId, otherId]).execute();
  const create = (body: Record<string, unknown>) => h.as.youth_coach.request('POST', '/api/v1/activities', body);
  const closed = await create({
    title: 'Arbetsliv',
    kind: 'working_life',
    leaderStaffIds: [h.as.youth_coach.staffId],
    guestLeaders: ['Kim från Byggföretaget'],
    place: 'Centrum, sal 2',
    capacity: 8,
    recurrence: weekly,
    startsOn: '2026-12-07',
  });
  expect(closed.statusCode).toBe(201);
  closedId = closed.json().id;
  const dropIn = await create({
    title: 'Öppet studierum',
    kind: 'study_room',
    leaderStaffIds: [h.as.youth_coach.staffId],
    recurrence: { type: 'dates', dates: [{ date: '2026-12-16', start: '14:00', end: '17:00' }] },
    startsOn: '2026-12-01',
    dropIn: true,
  });
  dropInId = dropIn.json().id;
  expect(
    (
      await h.as.youth_coach.request('POST', `/api/v1/activities/${closedId}/enrolments`, {
        personId: enrolledId,
        from: '2026-12-07',
        to: '2027-01-31',
      })
    ).statusCode,
  ).toBe(201);
}, 120_000);

/** The leader cancels Monday 14 December and moves Thursday 17 December to Friday 18. */
async function cancelAndMove() {
  const cancel = await h.as.youth_coach.request('PATCH', `/api/v1/sessions/${closedId}_2026-12-14`, {
    cancelled: true,
    note: 'Ledaren är sjuk',
  });
  expect(cancel.statusCode, cancel.body).toBe(200);
  const move = await h.as.youth_coach.request('PATCH', `/api/v1/sessions/${closedId}_2026-12-17`, {
    movedTo: { date: '2026-12-18', start: '10:00', end: '12:00' },
  });
  expect(move.statusCode, move.body).toBe(200);
}
/**
 * Attendance on Monday 7 December: the enrolled person absent and a visitor present, then corrected to late
 * (three entries: absent, late, present).
 */
async function attendWithCorrection() {
  for (const status of ['absent', 'late']) {
    const res = await h.as.youth_coach.request('PUT', `/api/v1/sessions/${closedId}_2026-12-07/attendance`, [
      { personId: enrolledId, status },
      { anonymous: status === 'absent' ? true : '1', status: 'present' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
  }
}

describe('activities', () => {
  it('answers 401 without a session, 403 to roles that neither work with young people nor run activities', async () => {
    expect((await h.anonymous('GET', '/api/v1/activities')).statusCode).toBe(401);
    expect((await h.as.school_reporter.request('GET', '/api/v1/activities')).statusCode).toBe(403);
    expect(
      (
        await h.as.manager.request('POST', '/api/v1/activities', {
          title: 'X',
          kind: 'other',
          recurrence: weekly,
          startsOn: '2026-12-07',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await h.as.team_member.request('PATCH', `/api/v1/activities/${closedId}`, { title: 'X', version: 1 }))
        .statusCode,
    ).toBe(403);
  });

  it('lists activities with leaders, guests, capacity and attendance takers; other municipalities none', async () => {
    const list = (await h.as.youth_coach.request('GET', '/api/v1/activities')).json();
    const a = list.find((x: { id: string }) => x.id === closedId);
    expect(a).toMatchObject({
      title: 'Arbetsliv',
      kind: 'working_life',
      leaders: [{ staffId: h.as.youth_coach.staffId, name: 'Test youth_coach' }],
      guestLeaders: ['Kim från Byggföretaget'],
      capacity: 8,
      dropIn: false,
      takesAttendance: true,
      version: 1,
    });
    expect((await h.as.team_member.request('GET', `/api/v1/activities/${closedId}`)).json().takesAttendance).toBe(
      false,
    );
    expect((await h.as.otherCoordinator.request('GET', '/api/v1/activities')).json()).toEqual([]);
    expect((await h.as.otherCoordinator.request('GET', `/api/v1/activities/${closedId}`)).statusCode).toBe(404);
  });

  it('names each invalid field and stores nothing', async () => {
    const before = (await h.db.selectFrom('activities').select('id').execute()).length;
    const res = await h.as.coordinator.request('POST', '/api/v1/activities', {
      title: 'Fel',
      kind: 'lecture',
      leaderStaffIds: [h.as.otherCoordinator.staffId],
      recurrence: { type: 'weekly', slots: [{ weekday: 2, start: '10:00', end: '09:00' }] },
      startsOn: '2026-12-07',
      endsOn: '2026-12-01',
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['endsOn', 'leaderStaffIds', 'recurrence.slots.0.end']);
    expect(
      fields(
        await h.as.coordinator.request('POST', '/api/v1/activities', {
          title: 'X',
          kind: 'party',
          recurrence: weekly,
          startsOn: '2026-12-07',
        }),
      ),
    ).toEqual(['kind']);
    expect((await h.db.selectFrom('activities').select('id').execute()).length).toBe(before);
  });

  it('changes an activity on its version and refuses a stale one', async () => {
    const res = await h.as.coordinator.request('PATCH', `/api/v1/activities/${closedId}`, {
      place: 'Centrum, sal 3',
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ place: 'Centrum, sal 3', version: 2, title: 'Arbetsliv' });
    expect(
      (await h.as.coordinator.request('PATCH', `/api/v1/activities/${closedId}`, { place: 'Annan', version: 1 }))
        .statusCode,
    ).toBe(409);
  });
});

describe('sessions', () => {
  it('expands the recurrence over a range, skipping Christmas Eve and New Year’s Eve (Thursdays in 2026)', async () => {
    const res = await h.as.team_member.request(
      'GET',
      `/api/v1/activities/${closedId}/sessions?from=2026-12-21&to=2027-01-04`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().map((s: { date: string }) => s.date)).toEqual(['2026-12-21', '2026-12-28', '2027-01-04']);
    expect(res.json()[0]).toMatchObject({
      id: `${closedId}_2026-12-21`,
      start: '09:00',
      end: '12:00',
      cancelled: false,
    });
  });

  it('refuses a backwards or too long range naming `to`', async () => {
    expect(
      fields(
        await h.as.team_member.request('GET', `/api/v1/activities/${closedId}/sessions?from=2026-12-21&to=2026-12-01`),
      ),
    ).toEqual(['to']);
    expect(
      fields(
        await h.as.team_member.request('GET', `/api/v1/activities/${closedId}/sessions?from=2026-01-01&to=2028-01-01`),
      ),
    ).toEqual(['to']);
  });

  it('cancels and moves a session, which keeps its id; a day off the recurrence is a 400 naming the id', async () => {
    const cancel = await h.as.youth_coach.request('PATCH', `/api/v1/sessions/${closedId}_2026-12-14`, {
      cancelled: true,
      note: 'Ledaren är sjuk',
    });
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json()).toMatchObject({ cancelled: true, note: 'Ledaren är sjuk' });
    const move = await h.as.youth_coach.request('PATCH', `/api/v1/sessions/${closedId}_2026-12-17`, {
      movedTo: { date: '2026-12-18', start: '10:00', end: '12:00' },
    });
    expect(move.json()).toMatchObject({ id: `${closedId}_2026-12-17`, date: '2026-12-18', moved: true });
    const week = (
      await h.as.youth_coach.request('GET', `/api/v1/activities/${closedId}/sessions?from=2026-12-14&to=2026-12-20`)
    ).json();
    expect(
      week.map((s: { id: string; date: string; cancelled: boolean }) => [s.id.slice(-10), s.date, s.cancelled]),
    ).toEqual([
      ['2026-12-14', '2026-12-14', true],
      ['2026-12-17', '2026-12-18', false],
    ]);
    const outside = await h.as.youth_coach.request('PATCH', `/api/v1/sessions/${closedId}_2026-12-15`, {
      cancelled: true,
    });
    expect(outside.statusCode).toBe(400);
    expect(fields(outside)).toEqual(['id']);
    expect(
      (await h.as.team_member.request('PATCH', `/api/v1/sessions/${closedId}_2026-12-21`, { cancelled: true }))
        .statusCode,
    ).toBe(404);
  });

  it('plans no session in a closed period: none listed, none to take attendance at or move into', async () => {
    const created = await h.as.youth_coach.request('POST', '/api/v1/activities', {
      title: 'Hälsa med stängt sommar',
      kind: 'wellness',
      leaderStaffIds: [h.as.youth_coach.staffId],
      recurrence: weekly,
      startsOn: '2027-06-07',
      dropIn: true,
    });
    const { id, version } = created.json();
    const wrong = await h.as.youth_coach.request('PATCH', `/api/v1/activities/${id}`, {
      closedPeriods: [{ from: '2027-07-31', to: '2027-07-01' }],
      version,
    });
    expect(wrong.statusCode).toBe(400);
    expect(fields(wrong)).toEqual(['closedPeriods.0.to']);
    const closed = await h.as.youth_coach.request('PATCH', `/api/v1/activities/${id}`, {
      closedPeriods: [{ from: '2027-06-28', to: '2027-08-08', reason: 'Sommarstängt' }],
      version,
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().closedPeriods).toEqual([{ from: '2027-06-28', to: '2027-08-08', reason: 'Sommarstängt' }]);
    const sessions = (
      await h.as.youth_coach.request('GET', `/api/v1/activities/${id}/sessions?from=2027-06-21&to=2027-08-12`)
    ).json();
    expect(sessions.map((s: { date: string }) => s.date)).toEqual([
      '2027-06-21',
      '2027-06-24',
      '2027-08-09',
      '2027-08-12',
    ]);
    const inside = await h.as.youth_coach.request('PUT', `/api/v1/sessions/${id}_2027-07-05/attendance`, [
      { anonymous: true, status: 'present' },
    ]);
    expect(inside.statusCode).toBe(400);
    expect(fields(inside)).toEqual(['id']);
    const moved = await h.as.youth_coach.request('PATCH', `/api/v1/sessions/${id}_2027-06-24`, {
      movedTo: { date: '2027-06-29', start: '10:00', end: '12:00' },
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors).toMatchObject([{ field: 'movedTo.date', code: 'activity_closed' }]);
    expect(
      await h.db.selectFrom('activity_session_changes').select('occurs_on').where('activity_id', '=', id).execute(),
    ).toEqual([]);
  });
});

describe('closing a whole centre', () => {
  it('gives every active activity of the unit, or of the municipality, the closed period', async () => {
    const create = async (title: string, unit: string) =>
      (
        await h.as.coordinator.request('POST', '/api/v1/activities', {
          title,
          kind: 'other',
          recurrence: weekly,
          startsOn: '2027-02-01',
          unitId: units.get(unit)!,
        })
      ).json().id as string;
    const school = await create('Skolans studierum', 'Utbildningsförvaltningen');
    const social = await create('Socialtjänstens grupp', 'Socialtjänsten');
    const close = (body: Record<string, unknown>, as = h.as.coordinator) =>
      as.request('POST', '/api/v1/activities/closed-periods', body);
    expect((await close({ from: '2027-03-01', to: '2027-03-07' }, h.as.team_member)).statusCode).toBe(403);
    const wrong = await close({ from: '2027-03-07', to: '2027-03-01', unitId: '0193f0a0-0000-7000-8000-00000000dead' });
    expect(wrong.statusCode).toBe(400);
    expect(fields(wrong)).toEqual(['to', 'unitId']);
    const unit = await close({ from: '2027-03-01', to: '2027-03-07', unitId: units.get('Utbildningsförvaltningen') });
    expect(unit.json()).toEqual({ activities: 1 });
    const days = async (id: string) =>
      (await h.as.coordinator.request('GET', `/api/v1/activities/${id}/sessions?from=2027-03-01&to=2027-03-08`))
        .json()
        .map((s: { date: string }) => s.date);
    expect(await days(school)).toEqual(['2027-03-08']);
    expect(await days(social)).toEqual(['2027-03-01', '2027-03-04', '2027-03-08']);
    const all = await close({ from: '2027-03-08', to: '2027-03-08', reason: 'Studiedag' });
    expect(all.json().activities).toBeGreaterThanOrEqual(2);
    expect(await days(social)).toEqual(['2027-03-01', '2027-03-04']);
    // The same period again changes nothing.
    expect((await close({ from: '2027-03-08', to: '2027-03-08' })).json()).toEqual({ activities: 0 });
    const activity = (await h.as.coordinator.request('GET', `/api/v1/activities/${school}`)).json();
    expect(activity.closedPeriods).toEqual([
      { from: '2027-03-01', to: '2027-03-07', reason: null },
      { from: '2027-03-08', to: '2027-03-08', reason: 'Studiedag' },
    ]);
  });
});

describe('enrolments', () => {
  it('refuses an overlapping enrolment (`from`) and a person not managed (`personId`); nothing stored', async () => {
    const before = (await h.db.selectFrom('activity_enrolments').select('id').execute()).length;
    const overlap = await h.as.youth_coach.request('POST', `/api/v1/activities/${closedId}/enrolments`, {
      personId: enrolledId,
      from: '2027-01-31',
      to: null,
    });
    expect(overlap.statusCode).toBe(400);
    expect(fields(overlap)).toEqual(['from']);
    const foreign = await h.as.youth_coach.request('POST', `/api/v1/activities/${closedId}/enrolments`, {
      personId: (await personInRegister(h)).personId,
      from: '2026-12-07',
    });
    expect(fields(foreign)).toEqual(['personId']);
    expect((await h.db.selectFrom('activity_enrolments').select('id').execute()).length).toBe(before);
  });

  it('enrols again after an enrolment ended', async () => {
    expect(
      (
        await h.as.youth_coach.request('POST', `/api/v1/activities/${closedId}/enrolments`, {
          personId: enrolledId,
          from: '2027-02-01',
          to: null,
        })
      ).statusCode,
    ).toBe(201);
  });
});

describe('attendance', () => {
  const session = () => `${closedId}_2026-12-07`;

  it('is taken by the activity’s leader; a colleague who does not staff it gets 404', async () => {
    expect((await h.as.team_member.request('GET', `/api/v1/sessions/${session()}/attendance`)).statusCode).toBe(404);
    expect(
      (
        await h.as.team_member.request('PUT', `/api/v1/sessions/${session()}/attendance`, [
          { personId: enrolledId, status: 'present' },
        ])
      ).statusCode,
    ).toBe(404);
    const roster = await h.as.youth_coach.request('GET', `/api/v1/sessions/${session()}/attendance`);
    expect(roster.statusCode).toBe(200);
    expect(roster.json().persons).toEqual([
      expect.objectContaining({ personId: enrolledId, enrolled: true, status: null }),
    ]);
  });

  it('refuses the unenrolled in a closed activity, a cancelled session, a day off the recurrence', async () => {
    await cancelAndMove();
    const notEnrolled = await h.as.youth_coach.request('PUT', `/api/v1/sessions/${session()}/attendance`, [
      { personId: enrolledId, status: 'present' },
      { personId: otherId, status: 'present' },
    ]);
    expect(notEnrolled.statusCode).toBe(400);
    expect(fields(notEnrolled)).toEqual(['1.personId']);
    expect(
      fields(
        await h.as.youth_coach.request('PUT', `/api/v1/sessions/${closedId}_2026-12-14/attendance`, [
          { personId: enrolledId, status: 'present' },
        ]),
      ),
    ).toEqual(['id']);
    expect(
      fields(
        await h.as.youth_coach.request('PUT', `/api/v1/sessions/${closedId}_2026-12-08/attendance`, [
          { personId: enrolledId, status: 'present' },
        ]),
      ),
    ).toEqual(['id']);
    expect(await entriesOf(closedId)).toEqual([]);
  });

  it('keeps a correction as a new entry: the latest wins, history stays; no change adds nothing', async () => {
    expect(
      (
        await h.as.youth_coach.request('PUT', `/api/v1/sessions/${session()}/attendance`, [
          { personId: enrolledId, status: 'absent' },
          { anonymous: true, status: 'present' },
        ])
      ).statusCode,
    ).toBe(200);
    const res = await h.as.youth_coach.request('PUT', `/api/v1/sessions/${session()}/attendance`, [
      { personId: enrolledId, status: 'late' },
      { anonymous: '1', status: 'present' },
    ]);
    expect(res.json().persons[0].status).toBe('late');
    expect(res.json().anonymous).toEqual([{ key: '1', status: 'present' }]);
    expect((await entriesOf(closedId)).map((e) => e.status).sort()).toEqual(['absent', 'late', 'present']);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('person_id', '=', enrolledId)
      .where('entity', '=', 'attendance')
      .execute();
    expect(audit.filter((a) => a.action === 'update')).toHaveLength(2);
  });

  it('takes whoever comes to a drop-in activity, known persons and anonymous visitors', async () => {
    const res = await h.as.youth_coach.request('PUT', `/api/v1/sessions/${dropInId}_2026-12-16/attendance`, [
      { personId: otherId, status: 'present' },
      { anonymous: true, status: 'present' },
      { anonymous: true, status: 'present' },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json().persons).toEqual([
      expect.objectContaining({ personId: otherId, enrolled: false, status: 'present' }),
    ]);
    expect(res.json().anonymous.map((a: { key: string }) => a.key)).toEqual(['1', '2']);
    const figures = await h.as.manager.request(
      'GET',
      `/api/v1/activities/${dropInId}/figures?from=2026-12-01&to=2026-12-31`,
    );
    // A manager does not see small cells: one person present and two visitors are "<3", and no rate.
    expect(figures.json()).toMatchObject({
      sessions: 1,
      anonymousVisits: '<3',
      figures: { present: '<3', absent: 0, rate: null },
      smallCellsSuppressed: true,
    });
    const coordinator = await h.as.coordinator.request(
      'GET',
      `/api/v1/activities/${dropInId}/figures?from=2026-12-01&to=2026-12-31`,
    );
    expect(coordinator.json()).toMatchObject({ anonymousVisits: 2, figures: { present: 1, rate: 1 } });
  });

  it('shows a leader of another agency only the persons they may see with contact and occupation', async () => {
    const created = await h.as.youth_coach.request('POST', '/api/v1/activities', {
      title: 'Samtalsgrupp',
      kind: 'other',
      leaderStaffIds: [socialWorker.staffId],
      recurrence: { type: 'dates', dates: [{ date: '2026-12-09', start: '10:00', end: '11:00' }] },
      startsOn: '2026-12-01',
    });
    expect(created.statusCode).toBe(201);
    const activityId = created.json().id;
    for (const personId of [enrolledId, otherId])
      expect(
        (
          await h.as.youth_coach.request('POST', `/api/v1/activities/${activityId}/enrolments`, {
            personId,
            from: '2026-12-01',
          })
        ).statusCode,
      ).toBe(201);
    const url = `/api/v1/sessions/${activityId}_2026-12-09/attendance`;
    const names = async (c: Client) =>
      (await c.request('GET', url)).json().persons.map((p: { personId: string }) => p.personId);
    expect(await names(socialWorker)).toEqual([]);
    expect((await names(h.as.coordinator)).sort()).toEqual([enrolledId, otherId].sort());
    const refused = await socialWorker.request('PUT', url, [{ personId: otherId, status: 'present' }]);
    expect(refused.statusCode).toBe(400);
    expect(fields(refused)).toEqual(['0.personId']);
    expect(await entriesOf(activityId)).toEqual([]);
    const consent = await h.as.coordinator.request('POST', `/api/v1/persons/${otherId}/consents`, {
      recipientUnitIds: [units.get('Socialtjänsten')],
      categories: ['contact_occupation'],
      purpose: 'Samtalsgrupp',
      givenBy: 'young_person',
    });
    expect(consent.statusCode).toBe(201);
    expect(await names(socialWorker)).toEqual([otherId]);
    expect((await socialWorker.request('PUT', url, [{ personId: otherId, status: 'present' }])).statusCode).toBe(200);
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/consents/${consent.json().id}/withdraw`, {})).statusCode,
    ).toBe(204);
    expect(await names(socialWorker)).toEqual([]);
  });

  it('reports the activity’s rate over a period', async () => {
    await cancelAndMove();
    await attendWithCorrection();
    const figures = (
      await h.as.coordinator.request('GET', `/api/v1/activities/${closedId}/figures?from=2026-12-01&to=2026-12-31`)
    ).json();
    expect(figures).toMatchObject({ anonymousVisits: 1, figures: { late: 1, absent: 0, rate: 1 } });
    expect(figures.smallCellsSuppressed).toBe(false);
    // One session, one enrolled person: a coach or team member must not learn that person's attendance.
    for (const reader of [h.as.youth_coach, h.as.team_member]) {
      const shown = (
        await reader.request('GET', `/api/v1/activities/${closedId}/figures?from=2026-12-01&to=2026-12-31`)
      ).json();
      expect(shown).toMatchObject({
        anonymousVisits: '<3',
        figures: { late: '<3', absent: 0, rate: null },
        smallCellsSuppressed: true,
      });
    }
  });
});

describe('attendance taken by two at once', () => {
  it('keeps both takers’ taps: each line is its own entry, written one taker at a time', async () => {
    const created = await h.as.youth_coach.request('POST', '/api/v1/activities', {
      title: 'Jobbspår',
      kind: 'other',
      leaderStaffIds: [h.as.youth_coach.staffId],
      recurrence: { type: 'dates', dates: [{ date: '2027-01-13', start: '10:00', end: '11:00' }] },
      startsOn: '2027-01-01',
      dropIn: true,
    });
    expect(created.statusCode).toBe(201);
    const url = `/api/v1/sessions/${created.json().id}_2027-01-13/attendance`;
    const [a, b] = await Promise.all([
      h.as.youth_coach.request('PUT', url, [
        { personId: enrolledId, status: 'present' },
        { anonymous: true, status: 'present' },
      ]),
      h.as.coordinator.request('PUT', url, [
        { personId: otherId, status: 'late' },
        { anonymous: true, status: 'present' },
      ]),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const after = (await h.as.coordinator.request('GET', url)).json();
    expect(after.persons.map((p: { personId: string; status: string }) => [p.personId, p.status]).sort()).toEqual(
      [
        [enrolledId, 'present'],
        [otherId, 'late'],
      ].sort(),
    );
    expect(after.anonymous.map((x: { key: string }) => x.key).sort()).toEqual(['1', '2']);
  });
});

describe('municipality scope', () => {
  it('reads rosters and figures only from entries of the actor’s municipality', async () => {
    const created = await h.as.youth_coach.request('POST', '/api/v1/activities', {
      title: 'Kodklubb',
      kind: 'other',
      leaderStaffIds: [h.as.youth_coach.staffId],
      recurrence: { type: 'dates', dates: [{ date: '2027-02-10', start: '10:00', end: '11:00' }] },
      startsOn: '2027-02-01',
      dropIn: true,
    });
    const activityId = created.json().id;
    // Entries filed under another municipality (a fault the query must not trust).
    await h.db
      .insertInto('attendance_entries')
      .values(
        [{ person_id: otherId }, { anonymous_key: '1' }].map((who) => ({
          person_id: null,
          anonymous_key: null,
          ...who,
          municipality_id: h.otherMunicipalityId,
          activity_id: activityId,
          occurs_on: '2027-02-10',
          status: 'present' as const,
          recorded_at: new Date(),
        })),
      )
      .execute();
    const url = `/api/v1/sessions/${activityId}_2027-02-10/attendance`;
    const roster = (await h.as.coordinator.request('GET', url)).json();
    expect(roster).toMatchObject({ persons: [], anonymous: [] });
    const figures = await h.as.coordinator.request(
      'GET',
      `/api/v1/activities/${activityId}/figures?from=2027-02-01&to=2027-02-28`,
    );
    expect(figures.json()).toMatchObject({ anonymousVisits: 0, figures: { present: 0 } });
  });
});

describe("a person's attendance", () => {
  const url = () => `/api/v1/persons/${enrolledId}/attendance?from=2026-12-01&to=2026-12-31`;

  it('shows the contact person each session with figures, as JSON and as a PDF', async () => {
    await cancelAndMove();
    await attendWithCorrection();
    const res = await h.as.youth_coach.request('GET', url());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      entries: [
        { sessionId: `${closedId}_2026-12-07`, activityTitle: 'Arbetsliv', date: '2026-12-07', status: 'late' },
      ],
      figures: { late: 1, rate: 1 },
    });
    const pdf = await h.as.youth_coach.request('GET', `${url()}&format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfPageTexts(pdf.rawPayload).join(' ');
    expect(text).toContain('Närvarorapport');
    // The enrolment beside the sessions: activity, from, to.
    expect(text).toContain('Anmälningar');
    expect(text).toMatch(/Arbetsliv: 2026-12-07 \S 2027-01-31/);
    const read = await h.db
      .selectFrom('audit_log')
      .select('detail')
      .where('person_id', '=', enrolledId)
      .where('entity', '=', 'attendance')
      .where('action', '=', 'read')
      .where('actor_id', '=', h.as.youth_coach.staffId)
      .execute();
    expect(read.length).toBeGreaterThanOrEqual(1);
    const exported = await h.db
      .selectFrom('audit_log')
      .select('detail')
      .where('person_id', '=', enrolledId)
      .where('entity', '=', 'attendance')
      .where('action', '=', 'export')
      .where('actor_id', '=', h.as.youth_coach.staffId)
      .execute();
    expect(exported).toHaveLength(1);
  });

  it('shows a team social worker nothing unconsented, then only while a consent names unit and category', async () => {
    await cancelAndMove();
    await attendWithCorrection();
    expect((await socialWorker.request('GET', url())).statusCode).toBe(404);
    const consent = (categories: string[]) =>
      h.as.coordinator.request('POST', `/api/v1/persons/${enrolledId}/consents`, {
        recipientUnitIds: [units.get('Socialtjänsten')],
        categories,
        purpose: 'Försörjningsstöd kräver deltagande',
        givenBy: 'young_person',
      });
    const health = await consent(['health_social']);
    expect(health.statusCode).toBe(201);
    expect((await socialWorker.request('GET', url())).statusCode).toBe(404);
    const contact = await consent(['contact_occupation']);
    const ok = await socialWorker.request('GET', url());
    expect(ok.statusCode).toBe(200);
    expect(ok.json().entries).toHaveLength(1);
    expect((await socialWorker.request('GET', `${url()}&format=pdf&lang=en`)).statusCode).toBe(200);
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/consents/${contact.json().id}/withdraw`, {})).statusCode,
    ).toBe(204);
    expect((await socialWorker.request('GET', url())).statusCode).toBe(404);
    const denied = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('person_id', '=', enrolledId)
      .where('entity', '=', 'attendance')
      .where('actor_id', '=', socialWorker.staffId)
      .execute();
    expect(denied.map((d) => d.action).sort()).toEqual(['denied', 'denied', 'denied', 'export', 'read']);
  });

  it('is a 404 for a person of another municipality', async () => {
    expect((await h.as.otherCoordinator.request('GET', url())).statusCode).toBe(404);
  });
});
