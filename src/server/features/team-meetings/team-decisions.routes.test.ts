/**
 * Team meeting decisions that are carried out: a new measure booked, a referral sent and a case closed with an
 * outcome, through the person page's own use cases inside the decision's transaction, with their capability
 * (403), `personManagedBy` (404) and the case's version (409); any refusal stores nothing at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../core/dates.js';
import { insertStaff } from '../staff/staff.service.js';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, TEST_PASSWORD, type Client, type Harness } from '../../testing/harness.js';

let h: Harness;
let teamId: string;
let offerId: string;
let social: Client;
const today = todayInSweden();

/** A young person whose open case is in the team, with the youth coach as contact person. */
async function personInTeam(name: string) {
  const id = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson({ givenName: name }))).json()
    .id as string;
  const kase = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json().case;
  const res = await h.as.coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, {
    contactPersonId: h.as.youth_coach.staffId,
    teamId,
    version: kase.version,
  });
  expect(res.statusCode, res.body).toBe(204);
  return { id, caseId: kase.id as string };
}
/** A meeting of the team on a day, led by `leadId`. */
async function meetingLedBy(leadId: string, heldOn: string) {
  const read = await h.as.coordinator.request('GET', `/api/v1/teams/${teamId}/meetings`);
  const series = { weekday: 2, time: '09:00', place: 'Ungdomstorget', leadId, version: read.json().series.version };
  expect((await h.as.coordinator.request('PUT', `/api/v1/teams/${teamId}/meeting-series`, series)).statusCode).toBe(
    204,
  );
  const res = await h.as.coordinator.request('POST', `/api/v1/teams/${teamId}/meetings`, { heldOn });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
const decide = (client: Client, meetingId: string, body: Record<string, unknown>) =>
  client.request('POST', `/api/v1/meetings/team/${meetingId}/decisions`, body);
const fields = (res: { json: () => { errors?: { field: string; code: string }[] } }) =>
  (res.json().errors ?? []).map((e) => `${e.field}:${e.code}`);
const count = async (table: 'team_meeting_decisions' | 'measures' | 'referrals', personId: string) =>
  (await h.db.selectFrom(table).select('id').where('person_id', '=', personId).execute()).length;
const eventsOf = (personId: string) =>
  h.db.selectFrom('events').select(['type', 'payload', 'category']).where('person_id', '=', personId).execute();

let meetingId: string;
beforeAll(async () => {
  h = await createHarness();
  const units = new Map(
    (
      await h.db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', h.municipalityId).execute()
    ).map((u) => [u.name, u.id]),
  );
  const team = await h.as.coordinator.request('POST', '/api/v1/teams', {
    name: 'Beslutsteamet',
    unitId: units.get('Utbildningsförvaltningen'),
  });
  expect(team.statusCode, team.body).toBe(201);
  teamId = team.json().id;
  await insertStaff(h.db, {
    municipalityId: h.municipalityId,
    name: 'Socialsekreteraren',
    email: 'decide-social@test.lotsa.local',
    role: 'team_member',
    unitId: units.get('Socialtjänsten')!,
    password: TEST_PASSWORD,
  });
  social = await h.signIn('decide-social@test.lotsa.local');
  for (const staffId of [h.as.youth_coach.staffId, h.as.team_member.staffId, social.staffId])
    expect((await h.as.coordinator.request('POST', `/api/v1/teams/${teamId}/members`, { staffId })).statusCode).toBe(
      204,
    );
  offerId = (
    await h.as.coordinator.request('POST', '/api/v1/offers', {
      name: 'Studiebesök',
      kind: 'guidance',
      providerUnitId: units.get('Utbildningsförvaltningen'),
    })
  ).json().id;
  meetingId = await meetingLedBy(h.as.youth_coach.staffId, today);
}, 120_000);
afterAll(() => h.close());

describe('a decision on a new measure', () => {
  it('asks for the measure, and names a refused field of it; nothing stored', async () => {
    const { id } = await personInTeam('Mått');
    const missing = await decide(h.as.youth_coach, meetingId, { personId: id, kind: 'new_measure', text: 'Praktik' });
    expect(missing.statusCode).toBe(400);
    expect(fields(missing)).toEqual(['measure:required']);
    const bad = await decide(h.as.youth_coach, meetingId, {
      personId: id,
      kind: 'new_measure',
      measure: { offerId: '00000000-0000-4000-8000-000000000000', startsOn: today },
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['measure.offerId:invalid']);
    const elsewhere = await decide(h.as.youth_coach, meetingId, {
      personId: id,
      kind: 'other',
      measure: { offerId, startsOn: today },
    });
    expect(fields(elsewhere)).toEqual(['measure:invalid']);
    expect([await count('team_meeting_decisions', id), await count('measures', id)]).toEqual([0, 0]);
  });

  it('books the measure with the decision, both on the timeline, in one transaction', async () => {
    const { id } = await personInTeam('Bokad');
    const res = await decide(h.as.youth_coach, meetingId, {
      personId: id,
      kind: 'new_measure',
      measure: { offerId, startsOn: today, plannedEndOn: null },
      text: 'Studiebesök på Komvux.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { measureId } = res.json();
    const measure = await h.db
      .selectFrom('measures')
      .select(['person_id', 'offer_id'])
      .where('id', '=', measureId)
      .executeTakeFirst();
    expect(measure).toEqual({ person_id: id, offer_id: offerId });
    const events = await eventsOf(id);
    expect(events.find((e) => e.type === 'measure_started')?.payload).toMatchObject({ measureId });
    expect(events.find((e) => e.type === 'team_meeting_decision')?.payload).toMatchObject({
      kind: 'new_measure',
      measureId,
      referralId: null,
    });
    const audit = await h.db
      .selectFrom('audit_log')
      .select('entity')
      .where('person_id', '=', id)
      .where('action', '=', 'create')
      .where('actor_id', '=', h.as.youth_coach.staffId)
      .execute();
    expect(audit.map((a) => a.entity).sort()).toEqual(['measure', 'team_meeting']);
  });

  it('is a 404 for a lead of another agency who sees the plan by consent but does not manage the person', async () => {
    const { id } = await personInTeam('Samtyckt');
    const consent = await h.as.coordinator.request('POST', `/api/v1/persons/${id}/consents`, {
      recipientUnitIds: [
        (await h.db.selectFrom('staff').select('unit_id').where('id', '=', social.staffId).executeTakeFirstOrThrow())
          .unit_id,
      ],
      categories: ['contact_occupation', 'assessment_plan'],
      purpose: 'Samverkan i teamet',
      givenBy: 'young_person',
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const socialMeeting = await meetingLedBy(social.staffId, addDay(today, 7));
    const res = await decide(social, socialMeeting, {
      personId: id,
      kind: 'new_measure',
      measure: { offerId, startsOn: today },
    });
    expect(res.statusCode, res.body).toBe(404);
    expect([await count('team_meeting_decisions', id), await count('measures', id)]).toEqual([0, 0]);
  });
});

describe('a decision on a referral', () => {
  it('sends the referral with the decision, in its agency’s category', async () => {
    const { id } = await personInTeam('Remiss');
    expect(fields(await decide(h.as.youth_coach, meetingId, { personId: id, kind: 'referral' }))).toEqual([
      'referral:required',
    ]);
    const res = await decide(h.as.youth_coach, meetingId, {
      personId: id,
      kind: 'referral',
      referral: { agency: 'employment_service', sentOn: today, reason: 'Inskrivning' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { referralId } = res.json();
    expect(await count('referrals', id)).toBe(1);
    const events = await eventsOf(id);
    expect(events.find((e) => e.type === 'referral_sent')?.payload).toMatchObject({ referralId });
    expect(events.find((e) => e.type === 'team_meeting_decision')?.payload).toMatchObject({
      kind: 'referral',
      referralId,
    });
  });
});

describe('a decision to close the case', () => {
  it('closes the case with the outcome on the version read; a stale one is a 409, nothing stored', async () => {
    const { id, caseId } = await personInTeam('Avslut');
    const version = async () =>
      await h.db.selectFrom('cases').select(['version', 'status']).where('id', '=', caseId).executeTakeFirstOrThrow();
    const { version: read } = await version();
    expect(fields(await decide(h.as.youth_coach, meetingId, { personId: id, kind: 'closing' }))).toEqual([
      'closing:required',
    ]);
    const closing = { outcome: 'studies', closedOn: today, studyForm: 'komvux', version: read - 1 };
    const stale = await decide(h.as.youth_coach, meetingId, { personId: id, kind: 'closing', closing });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect(await count('team_meeting_decisions', id)).toBe(0);
    const res = await decide(h.as.youth_coach, meetingId, {
      personId: id,
      kind: 'closing',
      closing: { ...closing, version: read },
      text: 'Börjar på Komvux.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await version()).toEqual({ version: read + 1, status: 'closed' });
    const row = await h.db
      .selectFrom('cases')
      .select(['outcome', 'closed_by'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ outcome: 'studies', closed_by: h.as.youth_coach.staffId });
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(
      expect.arrayContaining(['case_closed', 'team_meeting_decision']),
    );
  });

  it('is a 403 for a lead without persons.edit, and the case stays open', async () => {
    const { id, caseId } = await personInTeam('Öppet');
    const teamMeeting = await meetingLedBy(h.as.team_member.staffId, addDay(today, 14));
    const { version } = await h.db
      .selectFrom('cases')
      .select('version')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const res = await decide(h.as.team_member, teamMeeting, {
      personId: id,
      kind: 'closing',
      closing: { outcome: 'work', closedOn: today, version },
    });
    expect(res.statusCode, res.body).toBe(403);
    const row = await h.db.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row.status).not.toBe('closed');
    expect(await count('team_meeting_decisions', id)).toBe(0);
  });
});

function addDay(day: string, days: number) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
