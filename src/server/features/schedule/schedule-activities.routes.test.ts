/**
 * Group activities in a young person's week: sessions of the activities they are enrolled in, on the
 * days of their enrolment, cancelled and moved ones shown as such; and the contact person's list of
 * changed sessions with the young people of theirs each touches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleChange, ScheduleWeek } from '../../../core/schedule-schemas.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { personInRegister } from '../../testing/outreach.js';

let h: Harness;
let mine: string;
let theirs: string;
let activityId: string;
// Week 10 of 2027, Monday 8 to Sunday 14 March: no Swedish holiday in it.
const WEEK = '2027-W10';

beforeAll(async () => {
  h = await createHarness();
  mine = (await personInRegister(h, { contactPerson: h.as.youth_coach, person: { givenName: 'Egen' } })).personId;
  theirs = (await personInRegister(h, { contactPerson: h.as.secondCoach, person: { givenName: 'Annans' } })).personId;
  const slots = [
    { weekday: 1, start: '13:00', end: '15:00' },
    { weekday: 3, start: '10:00', end: '12:00' },
  ];
  const activity = await h.as.coordinator.request('POST', '/api/v1/activities', {
    title: 'Arbetslivstema',
    kind: 'working_life',
    place: 'Ungdomstorget',
    recurrence: { type: 'weekly', slots },
    startsOn: '2027-03-01',
  });
  expect(activity.statusCode).toBe(201);
  activityId = activity.json().id;
  const enrol = (personId: string, from: string) =>
    h.as.coordinator.request('POST', `/api/v1/activities/${activityId}/enrolments`, { personId, from });
  expect((await enrol(mine, '2027-03-01')).statusCode).toBe(201);
  expect((await enrol(theirs, '2027-03-09')).statusCode).toBe(201);
  const change = (day: string, body: unknown) =>
    h.as.coordinator.request('PATCH', `/api/v1/sessions/${activityId}_${day}`, body);
  expect((await change('2027-03-08', { cancelled: true })).statusCode).toBe(200);
  expect(
    (await change('2027-03-10', { movedTo: { date: '2027-03-11', start: '13:00', end: '15:00' } })).statusCode,
  ).toBe(200);
}, 120_000);
afterAll(() => h.close());

describe('activities in the week', () => {
  it('shows sessions of the enrolled days, a cancelled one as such and a moved one on its new day', async () => {
    const w = (
      await h.as.youth_coach.request('GET', `/api/v1/persons/${mine}/schedule?week=${WEEK}`)
    ).json() as ScheduleWeek;
    const activities = w.items.filter((i) => i.kind === 'activity');
    expect(activities.map((i) => [i.day, i.start, i.end, i.title, i.status, i.movedFrom?.day ?? null])).toEqual([
      ['2027-03-08', '13:00', '15:00', 'Arbetslivstema', 'cancelled', null],
      ['2027-03-11', '13:00', '15:00', 'Arbetslivstema', 'moved', '2027-03-10'],
    ]);
    expect(activities[0]).toMatchObject({ place: 'Ungdomstorget', detail: 'working_life', sourceId: activityId });
    const later = (
      await h.as.secondCoach.request('GET', `/api/v1/persons/${theirs}/schedule?week=${WEEK}`)
    ).json() as ScheduleWeek;
    expect(later.items.map((i) => [i.day, i.status])).toEqual([['2027-03-11', 'moved']]);
  });

  it('prints a moved session with where it was', async () => {
    const { pdfPageTexts } = await import('../../testing/pdf-text.js');
    const res = await h.as.youth_coach.request('GET', `/api/v1/persons/${mine}/schedule.pdf?week=${WEEK}`);
    const page = pdfPageTexts(res.rawPayload)[0]!;
    expect(page).toContain('Inställt: Arbetslivstema · Ungdomstorget');
    expect(page).toContain('Arbetslivstema · Ungdomstorget · Flyttat (var onsdag 10 mars');
  });
});

describe("the contact person's changed sessions", () => {
  it('answers 401 without a session and 400 naming `to` for a range that runs backwards', async () => {
    expect((await h.anonymous('GET', '/api/v1/schedule/changes')).statusCode).toBe(401);
    expect((await h.as.manager.request('GET', '/api/v1/schedule/changes')).statusCode).toBe(403);
    const backwards = await h.as.youth_coach.request('GET', '/api/v1/schedule/changes?from=2027-03-31&to=2027-03-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors.map((e: { field: string }) => e.field)).toEqual(['to']);
  });

  it('lists each changed session with only the reader’s own young people it touches', async () => {
    const url = '/api/v1/schedule/changes?from=2027-03-01&to=2027-03-31';
    const own = (await h.as.youth_coach.request('GET', url)).json() as ScheduleChange[];
    expect(
      own.map((c) => [c.occursOn, c.cancelled, c.movedTo?.date ?? null, c.persons.map((p) => p.givenName)]),
    ).toEqual([
      ['2027-03-08', true, null, ['Egen']],
      ['2027-03-10', false, '2027-03-11', ['Egen']],
    ]);
    const other = (await h.as.secondCoach.request('GET', url)).json() as ScheduleChange[];
    expect(other.map((c) => [c.occursOn, c.persons.map((p) => p.givenName)])).toEqual([['2027-03-10', ['Annans']]]);
    expect((await h.as.team_member.request('GET', url)).json()).toEqual([]);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'person_id'])
      .where('entity', '=', 'schedule')
      .where('actor_id', '=', h.as.secondCoach.staffId)
      .execute();
    expect(audit).toContainEqual({ action: 'list', person_id: theirs });
  });
});
