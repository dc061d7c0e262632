/**
 * GET /api/v1/reports/attendance: the period's attendance per activity (sessions held, statuses, rate, anonymous
 * visits) and young people counted by the band of their rate. Counts only; small cells hidden from all but the
 * coordinator and managers; another municipality's entries never counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/harness.js';
import { personInRegister } from '../../testing/outreach.js';

let h: Harness;
let gymId: string;
let studyId: string;
const persons: string[] = [];
const url = (query = '') => `/api/v1/reports/attendance?from=2026-12-01&to=2026-12-31${query}`;

beforeAll(async () => {
  h = await createHarness();
  for (let i = 0; i < 4; i++) persons.push((await personInRegister(h, { contactPerson: h.as.youth_coach })).personId);
  const create = async (body: Record<string, unknown>) => {
    const res = await h.as.youth_coach.request('POST', '/api/v1/activities', {
      leaderStaffIds: [h.as.youth_coach.staffId],
      ...body,
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  // Mondays in December 2026: the 7th, 14th, 21st and 28th; none a holiday.
  gymId = await create({
    title: 'Gym',
    kind: 'wellness',
    recurrence: { type: 'weekly', slots: [{ weekday: 1, start: '09:00', end: '11:00' }] },
    startsOn: '2026-12-07',
  });
  studyId = await create({
    title: 'Studierum',
    kind: 'study_room',
    recurrence: { type: 'dates', dates: [{ date: '2026-12-09', start: '13:00', end: '15:00' }] },
    startsOn: '2026-12-01',
    dropIn: true,
  });
  for (const personId of persons) {
    const res = await h.as.youth_coach.request('POST', `/api/v1/activities/${gymId}/enrolments`, {
      personId,
      from: '2026-12-07',
    });
    expect(res.statusCode).toBe(201);
  }
  // The last Monday is cancelled: three sessions are held.
  expect(
    (await h.as.youth_coach.request('PATCH', `/api/v1/sessions/${gymId}_2026-12-28`, { cancelled: true })).statusCode,
  ).toBe(200);
  const take = async (session: string, lines: unknown[]) =>
    expect((await h.as.youth_coach.request('PUT', `/api/v1/sessions/${session}/attendance`, lines)).statusCode).toBe(
      200,
    );
  const [a, b, c, d] = persons as [string, string, string, string];
  await take(`${gymId}_2026-12-07`, [
    { personId: a, status: 'present' },
    { personId: b, status: 'present' },
    { personId: c, status: 'absent' },
    { personId: d, status: 'excused' },
    { anonymous: true, status: 'present' },
  ]);
  await take(`${gymId}_2026-12-14`, [
    { personId: a, status: 'late' },
    { personId: b, status: 'absent' },
    { personId: c, status: 'absent' },
  ]);
  // A correction: b came after all (the latest entry wins).
  await take(`${gymId}_2026-12-14`, [{ personId: b, status: 'present' }]);
  await take(`${studyId}_2026-12-09`, [
    { personId: a, status: 'present' },
    { anonymous: true, status: 'present' },
    { anonymous: true, status: 'late' },
    { anonymous: true, status: 'absent' },
  ]);
  // Entries filed under another municipality are never counted.
  await h.db
    .insertInto('attendance_entries')
    .values({
      municipality_id: h.otherMunicipalityId,
      activity_id: gymId,
      occurs_on: '2026-12-21',
      person_id: null,
      anonymous_key: '9',
      status: 'present',
      recorded_at: new Date(),
    })
    .execute();
}, 120_000);
afterAll(() => h.close());

describe('attendance figures over a period', () => {
  it('answers 401 without a session, 403 without figures, and 400 naming `to` for a backwards period', async () => {
    expect((await h.anonymous('GET', url())).statusCode).toBe(401);
    expect((await h.as.school_reporter.request('GET', url())).statusCode).toBe(403);
    const backwards = await h.as.coordinator.request('GET', '/api/v1/reports/attendance?from=2026-12-31&to=2026-12-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors.map((e: { field: string }) => e.field)).toEqual(['to']);
  });

  it('gives the coordinator each activity’s rate, sessions held, anonymous visits, young people by band', async () => {
    const res = await h.as.coordinator.request('GET', url());
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f.smallCellsSuppressed).toBe(false);
    // Gym: a present, late; b present, present; c absent, absent; d excused → 4 attended of 6 expected.
    expect(f.activities).toEqual([
      {
        activityId: gymId,
        title: 'Gym',
        kind: 'wellness',
        sessions: 3,
        present: 3,
        late: 1,
        absent: 2,
        excused: 1,
        rate: 0.667,
        anonymousVisits: 1,
        youngPeople: 4,
      },
      {
        activityId: studyId,
        title: 'Studierum',
        kind: 'study_room',
        sessions: 1,
        present: 1,
        late: 0,
        absent: 0,
        excused: 0,
        rate: 1,
        anonymousVisits: 2,
        youngPeople: 1,
      },
    ]);
    // a 3 of 3, b 2 of 2 (after the correction), c 0 of 2, d only excused.
    expect(f.youngPeople).toEqual({ from90: 2, from75: 0, from50: 0, below50: 1, noRate: 1 });
    expect(f.totals).toEqual({ youngPeople: 4, anonymousVisits: 3, rate: 0.714 });
    for (const id of persons) expect(res.body).not.toContain(id);
  });

  it('shows a manager every count, a coach or team member small cells as "<3" without their rates', async () => {
    const manager = (await h.as.manager.request('GET', url())).json();
    expect(manager.smallCellsSuppressed).toBe(false);
    for (const reader of [h.as.youth_coach, h.as.team_member]) {
      const f = (await reader.request('GET', url())).json();
      expect(f.smallCellsSuppressed).toBe(true);
      expect(f.activities[0]).toMatchObject({ present: 3, late: '<3', absent: '<3', rate: null, sessions: 3 });
      expect(f.activities[1]).toMatchObject({ present: '<3', anonymousVisits: '<3', rate: null });
      expect(f.youngPeople).toMatchObject({ from90: '<3', below50: '<3', from75: 0 });
    }
  });

  it('exports the table as CSV and XLSX', async () => {
    const csv = await h.as.coordinator.request('GET', url('&format=csv'));
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('narvaro-2026-12-01-2026-12-31.csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('group;code;title;sessions;present;late;absent;excused;rate;anonymous_visits;young_people');
    expect(lines).toContain(`activity;${gymId};Gym;3;3;1;2;1;0.667;1;4`);
    expect(lines).toContain('young_people_by_rate;from90;;;;;;;;;2');
    const xlsx = await h.as.coordinator.request('GET', url('&format=xlsx&lang=en'));
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain('attendance-2026-12-01-2026-12-31.xlsx');
  });

  it('counts nothing of another municipality', async () => {
    const other = (await h.as.otherCoordinator.request('GET', url())).json();
    expect(other.activities).toEqual([]);
    expect(other.totals).toEqual({ youngPeople: 0, anonymousVisits: 0, rate: null });
  });
});
