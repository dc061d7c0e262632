import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/harness.js';
import { daysAgo, personInRegister } from '../../testing/outreach.js';
import { signInNewStaff } from '../../testing/staff.js';

let h: Harness;
let centreId: string;
beforeAll(async () => {
  h = await createHarness();
  centreId = (await h.as.coordinator.request('POST', '/api/v1/centres', { name: 'Ungdomstorget' })).json().id;
});
afterAll(() => h.close());

/** `hour` o'clock UTC (the same day in Sweden) `daysAhead` days after today in Sweden. */
const at = (daysAhead: number, hour: number) =>
  new Date(`${daysAgo(-daysAhead)}T${String(hour).padStart(2, '0')}:00:00Z`).toISOString();
const day = (daysAhead: number) => at(daysAhead, 12).slice(0, 10);

describe('meetings and the calendar', () => {
  it('answers 401 without a session and 403 for roles without a calendar', async () => {
    expect((await h.anonymous('GET', `/api/v1/calendar?from=${day(0)}&to=${day(7)}`)).statusCode).toBe(401);
    expect((await h.as.manager.request('GET', `/api/v1/calendar?from=${day(0)}&to=${day(7)}`)).statusCode).toBe(403);
    expect((await h.as.youth_coach.request('POST', '/api/v1/centres', { name: 'Eget' })).statusCode).toBe(403);
  });

  it('lists the municipality’s centres by name to those with a calendar, and none of the neighbour’s', async () => {
    expect((await h.anonymous('GET', '/api/v1/centres')).statusCode).toBe(401);
    expect((await h.as.manager.request('GET', '/api/v1/centres')).statusCode).toBe(403);
    expect((await h.as.coordinator.request('POST', '/api/v1/centres', { name: 'Allaktivitetshuset' })).statusCode).toBe(
      201,
    );
    expect((await h.as.otherCoordinator.request('POST', '/api/v1/centres', { name: 'Frilagret' })).statusCode).toBe(
      201,
    );
    const centres = (await h.as.youth_coach.request('GET', '/api/v1/centres')).json() as { id: string; name: string }[];
    expect(centres.map((c) => c.name)).toEqual(['Allaktivitetshuset', 'Ungdomstorget']);
    expect(centres.find((c) => c.name === 'Ungdomstorget')?.id).toBe(centreId);
  });

  it('books a meeting: on the timeline, and in the calendar named only for those who may see the person', async () => {
    // A coach of its own, whose calendar holds only this test's meeting.
    const coach = await signInNewStaff(h, 'youth_coach');
    const { personId } = await personInRegister(h, {
      contactPerson: coach,
      person: { givenName: 'Mira', streetAddress: 'Hemvägen 3' },
    });
    const res = await coach.request('POST', '/api/v1/meetings', {
      kind: 'meeting',
      startsAt: at(2, 9),
      endsAt: at(2, 10),
      centreId,
      personId,
    });
    expect(res.statusCode).toBe(201);
    const mine = (await coach.request('GET', `/api/v1/calendar?from=${day(0)}&to=${day(7)}`)).json();
    expect(mine).toMatchObject([{ kind: 'meeting', person: { givenName: 'Mira' }, centre: { name: 'Ungdomstorget' } }]);
    expect(JSON.stringify(mine)).not.toContain('Hemvägen');
    const centre = (
      await h.as.secondCoach.request('GET', `/api/v1/calendar?from=${day(0)}&to=${day(7)}&centreId=${centreId}`)
    ).json();
    expect(centre.find((m: { id: string }) => m.id === res.json().id)).toMatchObject({
      person: null,
      staff: { id: coach.staffId },
    });
    const events = (await coach.request('GET', `/api/v1/persons/${personId}/events`)).json();
    expect(events[0]).toMatchObject({ type: 'meeting_booked', payload: { kind: 'meeting' } });
  });

  it('refuses a meeting with a person out of reach, and drop-in hours without a centre', async () => {
    const { personId } = await personInRegister(h);
    expect(
      (
        await h.as.youth_coach.request('POST', '/api/v1/meetings', {
          kind: 'meeting',
          startsAt: at(1, 9),
          endsAt: at(1, 10),
          personId,
        })
      ).statusCode,
    ).toBe(404);
    const dropIn = await h.as.youth_coach.request('POST', '/api/v1/meetings', {
      kind: 'drop_in',
      startsAt: at(1, 13),
      endsAt: at(1, 16),
    });
    expect(dropIn.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'centreId' }] });
    const backwards = await h.as.youth_coach.request('POST', '/api/v1/meetings', {
      kind: 'meeting',
      startsAt: at(1, 10),
      endsAt: at(1, 9),
    });
    expect(backwards.json().errors[0].field).toBe('endsAt');
  });

  it('needs two staff and notice days ahead for a home visit, then puts the notice among the letters', async () => {
    const { personId } = await personInRegister(h);
    const visit = {
      kind: 'home_visit',
      startsAt: at(5, 15),
      endsAt: at(5, 16),
      personId,
      staffId: h.as.youth_coach.staffId,
    };
    expect((await h.as.coordinator.request('POST', '/api/v1/meetings', visit)).json().code).toBe('two_staff_required');
    const tooSoon = await h.as.coordinator.request('POST', '/api/v1/meetings', {
      ...visit,
      startsAt: at(2, 15),
      endsAt: at(2, 16),
      secondStaffId: h.as.secondCoach.staffId,
    });
    expect(tooSoon.json().code).toBe('notice_too_late');
    const ok = await h.as.coordinator.request('POST', '/api/v1/meetings', {
      ...visit,
      secondStaffId: h.as.secondCoach.staffId,
    });
    expect(ok.statusCode).toBe(201);
    const due = (await h.as.coordinator.request('GET', '/api/v1/letters/due')).json();
    expect(due).toContainEqual(expect.objectContaining({ personId, kind: 'home_visit_notice' }));
    const queue = (await h.as.coordinator.request('GET', '/api/v1/work-queues/home-visits')).json();
    expect(queue.items.map((i: { personId: string }) => i.personId)).toContain(personId);
    const second = (await h.as.secondCoach.request('GET', `/api/v1/calendar?from=${day(0)}&to=${day(7)}`)).json();
    expect(second).toContainEqual(expect.objectContaining({ id: ok.json().id, kind: 'home_visit', person: null }));
  });

  it('cancels a meeting with optimistic locking', async () => {
    const { id } = (
      await h.as.secondCoach.request('POST', '/api/v1/meetings', {
        kind: 'drop_in',
        startsAt: at(3, 13),
        endsAt: at(3, 16),
        centreId,
      })
    ).json();
    expect((await h.as.youth_coach.request('POST', `/api/v1/meetings/${id}/cancel`, { version: 1 })).statusCode).toBe(
      404,
    );
    expect((await h.as.secondCoach.request('POST', `/api/v1/meetings/${id}/cancel`, { version: 1 })).statusCode).toBe(
      204,
    );
    expect((await h.as.secondCoach.request('POST', `/api/v1/meetings/${id}/cancel`, { version: 1 })).statusCode).toBe(
      404,
    );
  });
});

describe('the iCal feed', () => {
  it('answers 401 without a session when managing it, and 404 for a missing or wrong token', async () => {
    expect((await h.anonymous('POST', '/api/v1/calendar/feed')).statusCode).toBe(401);
    expect((await h.anonymous('GET', '/api/v1/calendar-feed.ics')).statusCode).toBe(404);
    expect((await h.anonymous('GET', '/api/v1/calendar-feed.ics?token=nope')).statusCode).toBe(404);
  });

  it('serves the staff member’s meetings with minimal titles, no personal data, until revoked or renewed', async () => {
    const { personId } = await personInRegister(h, {
      contactPerson: h.as.team_member,
      person: { givenName: 'Hemlig', familyName: 'Ungdom' },
    });
    await h.as.team_member.request('POST', '/api/v1/meetings', {
      kind: 'meeting',
      startsAt: at(1, 8),
      endsAt: at(1, 9),
      centreId,
      personId,
    });
    const feed = (await h.as.team_member.request('POST', '/api/v1/calendar/feed')).json();
    expect(feed.url).toMatch(/^http:\/\/localhost:3000\/api\/v1\/calendar-feed\.ics\?token=[\w-]{43}$/);
    const path = feed.url.replace('http://localhost:3000', '');
    const res = await h.anonymous('GET', path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.body).toContain('BEGIN:VCALENDAR');
    expect(res.body).toContain('SUMMARY:Möte');
    expect(res.body).toContain('LOCATION:Ungdomstorget');
    expect(res.body).not.toMatch(/Hemlig|Ungdom\b|Gamla Kronvägen|\d{8}-?\d{4}/);
    expect((await h.as.team_member.request('GET', '/api/v1/calendar/feed')).json()).toMatchObject({
      active: true,
      url: null,
    });
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity', '=', 'calendar_feed')
      .execute();
    expect(audit).toEqual([{ action: 'export', actor_id: h.as.team_member.staffId }]);

    const renewed = (await h.as.team_member.request('POST', '/api/v1/calendar/feed')).json();
    expect((await h.anonymous('GET', path)).statusCode).toBe(404);
    expect((await h.anonymous('GET', renewed.url.replace('http://localhost:3000', ''))).statusCode).toBe(200);
    expect((await h.as.team_member.request('DELETE', '/api/v1/calendar/feed')).statusCode).toBe(204);
    expect((await h.anonymous('GET', renewed.url.replace('http://localhost:3000', ''))).statusCode).toBe(404);
  });
});
