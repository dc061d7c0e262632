/**
 * The individual schedule through HTTP: a young person's week built from meetings, measures with
 * hours and the contact person's additions; who may read and change it; the printed page; the
 * young person's own iCal feed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../core/dates.js';
import { addWeeks, daysOfWeek, formatIsoWeek, isoWeekOf } from '../../../core/iso-week.js';
import { instantInSweden } from '../../../core/schedule.js';
import type { ScheduleWeek } from '../../../core/schedule-schemas.js';
import { createHarness, type Client, type Harness } from '../../testing/harness.js';
import { personInRegister } from '../../testing/outreach.js';
import { pdfPageTexts } from '../../testing/pdf-text.js';
import { signInNewStaff } from '../../testing/staff.js';

let h: Harness;
let personId: string;
let otherPersonId: string;
let socialWorker: Client;
let centreId: string;
let units: Map<string, string>;
let placementOffer: string;
let guidanceOffer: string;
let teams = 0;
let placementMeasureId: string;
let measureVersion: number;

// Next week, so that every day of it is ahead of today.
const week = addWeeks(isoWeekOf(todayInSweden()), 1);
const weekText = formatIsoWeek(week);
const days = daysOfWeek(week);
const at = (day: string, time: string) => instantInSweden(day, time).toISOString();
const placement = {
  employerName: 'Partille Bygg AB',
  organisationNumber: '556036-0793',
  employerAddress: 'Industrivägen 4',
  supervisorName: 'Kim Handledare',
  hoursPerWeek: 18,
};
const fields = (res: { json: () => { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);
const weekOf = async (client: Client, id = personId, w = weekText) => {
  const res = await client.request('GET', `/api/v1/persons/${id}/schedule?week=${w}`);
  expect(res.statusCode).toBe(200);
  return res.json() as ScheduleWeek;
};

// The catalogue and the centre, which no test changes, are the file's; every test gets its own young people, team,
// social worker, consent, measures and meetings (beforeEach), since tests change measures and add to the week.
beforeAll(async () => {
  h = await createHarness();
  units = new Map(
    (
      await h.db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', h.municipalityId).execute()
    ).map((u) => [u.name, u.id]),
  );
  centreId = (await h.as.coordinator.request('POST', '/api/v1/centres', { name: 'Ungdomstorget' })).json().id;
  const offer = (body: Record<string, unknown>) =>
    h.as.coordinator.request('POST', '/api/v1/offers', {
      providerUnitId: units.get('Utbildningsförvaltningen'),
      ...body,
    });
  placementOffer = (await offer({ name: 'Praktik', kind: 'work_placement' })).json().id;
  guidanceOffer = (await offer({ name: 'Vägledning', kind: 'guidance' })).json().id;
}, 120_000);
beforeEach(async () => {
  const p = await personInRegister(h, { contactPerson: h.as.youth_coach, person: { givenName: 'Mira' } });
  personId = p.personId;
  otherPersonId = (await personInRegister(h, { contactPerson: h.as.youth_coach, person: { givenName: 'Annan' } }))
    .personId;
  // A social worker in the case's team whom the consent names for contact and occupation only.
  const team = await h.db
    .insertInto('teams')
    .values({
      municipality_id: h.municipalityId,
      name: `Veckoteamet ${++teams}`,
      unit_id: units.get('Utbildningsförvaltningen')!,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  socialWorker = await signInNewStaff(h, 'team_member', {
    name: 'Socialsekreterare',
    unitId: units.get('Socialtjänsten')!,
  });
  await h.db.insertInto('team_members').values({ team_id: team.id, staff_id: socialWorker.staffId }).execute();
  await h.db.updateTable('cases').set({ team_id: team.id }).where('id', '=', p.caseId).execute();
  const consent = {
    recipientUnitIds: [units.get('Socialtjänsten')],
    categories: ['contact_occupation'],
    purpose: 'Samverkan',
    givenBy: 'young_person',
  };
  expect((await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/consents`, consent)).statusCode).toBe(
    201,
  );

  const hours = [1, 2, 3].map((weekday) => ({ weekday, start: '09:00', end: '15:00' }));
  const booked = await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/measures`, {
    offerId: placementOffer,
    startsOn: days[0],
    placement,
    weeklyHours: hours,
  });
  expect(booked.statusCode).toBe(201);
  placementMeasureId = booked.json().id;
  measureVersion = booked.json().version;
  expect(
    (
      await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/measures`, {
        offerId: guidanceOffer,
        startsOn: days[0],
      })
    ).statusCode,
  ).toBe(201);
  const meeting = (day: string, start: string, end: string, pid = personId) =>
    h.as.youth_coach.request('POST', '/api/v1/meetings', {
      kind: 'meeting',
      startsAt: at(day, start),
      endsAt: at(day, end),
      centreId,
      personId: pid,
    });
  expect((await meeting(days[3]!, '10:00', '11:00')).statusCode).toBe(201);
  const cancelled = (await meeting(days[4]!, '13:00', '14:00')).json().id;
  expect(
    (await h.as.youth_coach.request('POST', `/api/v1/meetings/${cancelled}/cancel`, { version: 1 })).statusCode,
  ).toBe(204);
  expect((await meeting(days[3]!, '12:00', '13:00', otherPersonId)).statusCode).toBe(201);
}, 60_000);
afterAll(() => h.close());

describe('the week', () => {
  it('answers 401 without a session, 403 to roles without person records, 404 for a person out of reach', async () => {
    expect((await h.anonymous('GET', `/api/v1/persons/${personId}/schedule?week=${weekText}`)).statusCode).toBe(401);
    expect(
      (await h.as.manager.request('GET', `/api/v1/persons/${personId}/schedule?week=${weekText}`)).statusCode,
    ).toBe(403);
    expect((await h.as.school_reporter.request('GET', `/api/v1/persons/${personId}/schedule.pdf`)).statusCode).toBe(
      403,
    );
    expect(
      (await h.as.secondCoach.request('GET', `/api/v1/persons/${personId}/schedule?week=${weekText}`)).statusCode,
    ).toBe(404);
    expect(
      (await h.as.otherCoordinator.request('GET', `/api/v1/persons/${personId}/schedule.pdf?week=${weekText}`))
        .statusCode,
    ).toBe(404);
    const refusal = await h.db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('actor_id', '=', h.as.secondCoach.staffId)
      .where('person_id', '=', personId)
      .execute();
    expect(refusal).toContainEqual({ action: 'denied', entity: 'schedule' });
  });

  it('refuses a week that does not exist with a 400 naming the field, and takes 2026-W53', async () => {
    for (const bad of ['2026-W54', '2027-W53', '2026-W00', '2026-50', 'vecka 50']) {
      const res = await h.as.youth_coach.request(
        'GET',
        `/api/v1/persons/${personId}/schedule?week=${encodeURIComponent(bad)}`,
      );
      expect(res.statusCode, bad).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fields(res)).toEqual(['week']);
    }
    expect(
      fields(await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/schedule.pdf?week=2027-W53`)),
    ).toEqual(['week']);
    const w53 = await weekOf(h.as.youth_coach, personId, '2026-W53');
    expect(w53.days).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
    expect(w53.holidays.map((d) => d.day)).toEqual(['2026-12-31', '2027-01-01']);
    const current = (await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/schedule`)).json();
    expect(current.week).toBe(formatIsoWeek(isoWeekOf(todayInSweden())));
  });

  it('builds the week from meetings and measures with hours, cancelled meetings as such, in order', async () => {
    const w = await weekOf(h.as.youth_coach);
    expect(w).toMatchObject({ week: weekText, days, withheld: false, mayChange: true });
    expect(w.items.map((i) => [i.kind, i.day, i.start, i.end, i.title ?? i.detail, i.status])).toEqual([
      ['measure', days[0], '09:00', '15:00', 'Praktik', 'planned'],
      ['measure', days[1], '09:00', '15:00', 'Praktik', 'planned'],
      ['measure', days[2], '09:00', '15:00', 'Praktik', 'planned'],
      ['meeting', days[3], '10:00', '11:00', 'meeting', 'planned'],
      ['meeting', days[4], '13:00', '14:00', 'meeting', 'cancelled'],
    ]);
    expect(w.items[0]).toMatchObject({ place: 'Partille Bygg AB, Industrivägen 4', sourceId: placementMeasureId });
    expect(w.items[3]).toMatchObject({ place: 'Ungdomstorget', staffName: expect.any(String) });
    expect(w.measuresWithoutHours.map((m) => m.title)).toEqual(['Vägledning']);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity', '=', 'schedule')
      .where('actor_id', '=', h.as.youth_coach.staffId)
      .execute();
    expect(audit).toContainEqual({
      action: 'read',
      detail: expect.objectContaining({ week: weekText, basis: 'contact_person' }),
    });
  });

  it('follows a changed measure at once: new hours, and nothing after it ends', async () => {
    const bad = await h.as.youth_coach.request('PATCH', `/api/v1/measures/${placementMeasureId}`, {
      weeklyHours: [{ weekday: 1, start: '15:00', end: '09:00' }],
      version: measureVersion,
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['weeklyHours.0.end']);
    const changed = await h.as.youth_coach.request('PATCH', `/api/v1/measures/${placementMeasureId}`, {
      weeklyHours: [{ weekday: 2, start: '08:30', end: '12:00' }],
      plannedEndOn: days[6],
      version: measureVersion,
    });
    expect(changed.statusCode).toBe(200);
    measureVersion = changed.json().version;
    const w = await weekOf(h.as.youth_coach);
    expect(w.items.filter((i) => i.kind === 'measure').map((i) => [i.day, i.start, i.end])).toEqual([
      [days[1], '08:30', '12:00'],
    ]);
    const after = await weekOf(h.as.youth_coach, personId, formatIsoWeek(addWeeks(week, 1)));
    expect(after.items.filter((i) => i.kind === 'measure')).toEqual([]);
  });

  it('shows a reader by consent only the categories the consent names, and no way to change the week', async () => {
    const w = await weekOf(socialWorker);
    expect(w).toMatchObject({ withheld: true, mayChange: false, measuresWithoutHours: [] });
    expect(w.items.map((i) => i.kind)).toEqual(['meeting', 'meeting']);
    expect(
      (
        await socialWorker.request('POST', `/api/v1/persons/${personId}/schedule/additions`, {
          date: days[0],
          title: 'X',
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('additions by the contact person', () => {
  it('names each invalid field and stores nothing', async () => {
    const res = await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/schedule/additions`, {
      date: days[0],
      start: '14:00',
      end: '13:00',
      until: days[1],
      title: '',
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res).sort()).toEqual(['end', 'title', 'until']);
    const noStart = await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/schedule/additions`, {
      date: '2026-02-30',
      end: '10:00',
      title: 'X',
    });
    expect(fields(noStart).sort()).toEqual(['date', 'start']);
    expect(
      await h.db.selectFrom('schedule_additions').select('id').where('person_id', '=', personId).execute(),
    ).toEqual([]);
  });

  it('adds a weekly addition that shows every week until its last day, and removes it', async () => {
    const body = {
      date: days[3],
      weekly: true,
      until: daysOfWeek(addWeeks(week, 1))[6],
      start: '09:00',
      end: '10:00',
      title: 'Studiebesök på komvux',
      place: 'Partille gymnasium',
    };
    expect(
      (await h.as.secondCoach.request('POST', `/api/v1/persons/${personId}/schedule/additions`, body)).statusCode,
    ).toBe(404);
    const added = await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/schedule/additions`, body);
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      personId,
      weekly: true,
      start: '09:00',
      title: 'Studiebesök på komvux',
      category: 'contact_occupation',
    });
    const id = added.json().id;
    const w = await weekOf(h.as.youth_coach);
    expect(w.items.find((i) => i.kind === 'addition')).toMatchObject({
      day: days[3],
      start: '09:00',
      place: 'Partille gymnasium',
      removable: true,
    });
    const next = await weekOf(h.as.youth_coach, personId, formatIsoWeek(addWeeks(week, 1)));
    expect(next.items.filter((i) => i.kind === 'addition')).toHaveLength(1);
    const later = await weekOf(h.as.youth_coach, personId, formatIsoWeek(addWeeks(week, 2)));
    expect(later.items.filter((i) => i.kind === 'addition')).toEqual([]);
    expect((await weekOf(socialWorker)).items.find((i) => i.kind === 'addition')).toMatchObject({ removable: false });

    expect(
      (await h.as.youth_coach.request('DELETE', `/api/v1/persons/${otherPersonId}/schedule/additions/${id}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await socialWorker.request('DELETE', `/api/v1/persons/${personId}/schedule/additions/${id}`)).statusCode,
    ).toBe(404);
    expect(
      (await h.as.youth_coach.request('DELETE', `/api/v1/persons/${personId}/schedule/additions/${id}`)).statusCode,
    ).toBe(204);
    expect(
      (await h.as.youth_coach.request('DELETE', `/api/v1/persons/${personId}/schedule/additions/${id}`)).statusCode,
    ).toBe(404);
    expect((await weekOf(h.as.youth_coach)).items.filter((i) => i.kind === 'addition')).toEqual([]);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'schedule_addition')
      .where('entity_id', '=', id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('keeps an addition in the health and social category from readers without that consent', async () => {
    const res = await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/schedule/additions`, {
      date: days[2],
      title: 'Besök',
      category: 'health_social',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('category_not_allowed');
  });
});

describe('the printed week', () => {
  it('is one A4 page in plain Swedish or English, with the young person’s name, and audited as an export', async () => {
    const added = await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/schedule/additions`, {
      date: days[4],
      title: 'Ta med CV',
    });
    expect(added.statusCode).toBe(201);
    const sv = await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/schedule.pdf?week=${weekText}`);
    expect(sv.statusCode).toBe(200);
    expect(sv.headers['content-type']).toBe('application/pdf');
    const pages = pdfPageTexts(sv.rawPayload);
    expect(pages).toHaveLength(1);
    // The page's en dash reads back as WinAnsi's byte 0x96.
    expect(pages[0]).toContain(`Min vecka \x96 vecka ${week.week}`);
    expect(pages[0]).toContain('Hej Mira!');
    expect(pages[0]).toMatch(/09:00\x9615:00 +Praktik · Partille Bygg AB/);
    expect(pages[0]).toContain('Inställt: Möte med');
    expect(pages[0]).toMatch(/Hela dagen +Ta med CV/);
    const en = pdfPageTexts(
      (await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/schedule.pdf?week=${weekText}&lang=en`))
        .rawPayload,
    );
    expect(en[0]).toContain(`My week \x96 week ${week.week}`);
    expect(en[0]).toContain('Nothing planned.');
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'schedule_pdf')
      .where('person_id', '=', personId)
      .execute();
    expect(audit).toEqual([{ action: 'export' }, { action: 'export' }]);
  });
});

describe("the young person's iCal feed", () => {
  it('is managed only by those who work on the person, and answers 404 for a missing or wrong token', async () => {
    expect((await h.anonymous('POST', `/api/v1/persons/${personId}/schedule/feed`, {})).statusCode).toBe(401);
    expect((await h.as.secondCoach.request('POST', `/api/v1/persons/${personId}/schedule/feed`, {})).statusCode).toBe(
      404,
    );
    expect((await socialWorker.request('GET', `/api/v1/persons/${personId}/schedule/feed`)).statusCode).toBe(404);
    expect((await h.as.manager.request('GET', `/api/v1/persons/${personId}/schedule/feed`)).statusCode).toBe(403);
    expect((await h.anonymous('GET', '/api/v1/schedule-feed.ics')).statusCode).toBe(404);
    expect((await h.anonymous('GET', '/api/v1/schedule-feed.ics?token=nope')).statusCode).toBe(404);
  });

  it('carries only the young person’s own events, without staff names, until renewed or revoked', async () => {
    expect((await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/schedule/feed`)).json()).toMatchObject({
      active: false,
    });
    await h.db
      .insertInto('schedule_additions')
      .values({
        municipality_id: h.municipalityId,
        person_id: personId,
        on_date: days[3]!,
        title: 'Besök BUP',
        category: 'health_social',
      })
      .execute();
    const feed = (
      await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/schedule/feed`, { lang: 'sv' })
    ).json();
    expect(feed.url).toMatch(/^http:\/\/localhost:3000\/api\/v1\/schedule-feed\.ics\?token=[\w-]{43}$/);
    const path = feed.url.replace('http://localhost:3000', '');
    const res = await h.anonymous('GET', path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const body = res.body.replace(/\r\n[ \t]/g, '');
    expect(body).toContain('SUMMARY:Möte');
    expect(body).toContain('SUMMARY:Inställt: Möte');
    expect(body).toContain('SUMMARY:Praktik');
    expect(body).toContain('LOCATION:Ungdomstorget');
    expect(body).toContain('STATUS:CANCELLED');
    // Mira's meeting on Thursday is in; the other young person's meeting the same day is not.
    expect(body.match(/SUMMARY:Möte\r?\n/g)).toHaveLength(1);
    // A visit a colleague with consent put in the health and social category stays out of the feed's open address.
    expect(body).not.toContain('Besök BUP');
    const staffNames = (await h.db.selectFrom('staff').select('name').execute()).map((s) => s.name);
    for (const name of staffNames) expect(body).not.toContain(name);
    // No name and nothing like an identity number; an event's UID is made of random ids, whose digits may run long.
    expect(body.replace(/^UID:.*$/gm, '')).not.toMatch(/Mira|Annan|\d{8}-?\d{4}/);
    const numbers = await h.db
      .selectFrom('persons')
      .select('personal_identity_number as pnr')
      .where('id', 'in', [personId, otherPersonId])
      .execute();
    for (const { pnr } of numbers) expect(body).not.toContain(pnr.trim().slice(2));
    expect((await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/schedule/feed`)).json()).toMatchObject({
      active: true,
      url: null,
    });
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'person_id'])
      .where('entity', '=', 'schedule_feed')
      .where('action', '=', 'export')
      .execute();
    expect(audit).toEqual([{ action: 'export', actor_id: null, person_id: personId }]);

    const renewed = (
      await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/schedule/feed`, { lang: 'en' })
    ).json();
    expect((await h.anonymous('GET', path)).statusCode).toBe(404);
    const english = await h.anonymous('GET', renewed.url.replace('http://localhost:3000', ''));
    expect(english.body).toContain('SUMMARY:Cancelled: Meeting');
    expect((await h.as.youth_coach.request('DELETE', `/api/v1/persons/${personId}/schedule/feed`)).statusCode).toBe(
      204,
    );
    expect((await h.anonymous('GET', renewed.url.replace('http://localhost:3000', ''))).statusCode).toBe(404);
  });
});
