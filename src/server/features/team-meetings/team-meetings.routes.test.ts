/**
 * The team meeting through HTTP: who may read and run a meeting, the agenda Lotsa builds and what each
 * member sees of it (never more than the access module lets them see), decisions that do what they
 * say and land on the timeline, bad input that stores nothing, and minutes that name a young person
 * only when every recipient may see them.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../core/dates.js';
import { addDays } from '../../../core/outreach.js';
import { buildPerson } from '../../testing/factories.js';
import { pdfPageTexts } from '../../testing/pdf-text.js';
import { createHarness, type Client, type Harness } from '../../testing/harness.js';
import { signInNewStaff } from '../../testing/staff.js';
import { TEST_DB_KIND } from '../../testing/database.js';

let h: Harness;
let teamId: string;
let otherTeamId: string;
let meetingId: string;
let social: Client;
/** The test's own youth coach (the meeting's lead) and team member: the agenda takes in every case they hold. */
let coach: Client;
let member: Client;
let socialUnit: string;
let outsider: Client;
const today = todayInSweden();
/** A person applying to the team (contact person: the lead); a person whose case is in the team. */
const p = { applicant: '', inTeam: '' };
let applicationId: string;
let otherApplicationId: string;
let offerId: string;

type Agenda = {
  kind: string;
  id: string | null;
  person: { id: string; name: string } | null;
  hidden: boolean;
  date: string | null;
  text: string | null;
}[];
const url = () => `/api/v1/meetings/team/${meetingId}`;

async function person(name: string, teamOfCase: string | null, contact: string | null) {
  const id = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson({ givenName: name }))).json()
    .id as string;
  const kase = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json().case;
  const res = await h.as.coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, {
    contactPersonId: contact,
    teamId: teamOfCase,
    version: kase.version,
  });
  expect(res.statusCode, res.body).toBe(204);
  return { id, caseId: kase.id as string };
}

beforeAll(async () => {
  h = await createHarness();
}, 60_000);
afterAll(() => h.close());

/**
 * Every test's own world: two teams, a social worker, an applicant and a young person in the team with a plan,
 * a register period, a measure ending and a consent, and a meeting today. A test of a later step (decisions,
 * minutes) first takes the earlier ones itself (`takeAttendance`, `recordDecisions`).
 */
let worlds = 0;
beforeEach(async () => {
  const units = new Map(
    (
      await h.db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', h.municipalityId).execute()
    ).map((u) => [u.name, u.id]),
  );
  const school = units.get('Utbildningsförvaltningen')!;
  socialUnit = units.get('Socialtjänsten')!;
  // A team's name is the municipality's once: each test's teams have a number of their own.
  worlds += 1;
  const newTeam = async (name: string) => {
    const res = await h.as.coordinator.request('POST', '/api/v1/teams', { name: `${name} ${worlds}`, unitId: school });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  teamId = await newTeam('Mötesteamet');
  otherTeamId = await newTeam('Andra teamet');
  social = await signInNewStaff(h, 'team_member', { unitId: socialUnit, name: 'Socialsekreteraren' });
  coach = await signInNewStaff(h, 'youth_coach');
  member = await signInNewStaff(h, 'team_member', { name: 'Test team_member' });
  outsider = h.as.secondCoach;
  for (const staffId of [coach.staffId, member.staffId, social.staffId]) {
    expect((await h.as.coordinator.request('POST', `/api/v1/teams/${teamId}/members`, { staffId })).statusCode).toBe(
      204,
    );
  }

  const applicant = await person('Ansökande', null, coach.staffId);
  p.applicant = applicant.id;
  const app = await coach.request('POST', `/api/v1/persons/${p.applicant}/applications`, {
    teamId,
    referrer: 'school',
    signedOn: addDays(today, -3),
    signedByYoungPerson: true,
  });
  applicationId = app.json().id;
  otherApplicationId = (
    await coach.request('POST', `/api/v1/persons/${p.applicant}/applications`, {
      teamId: otherTeamId,
      referrer: 'self',
      signedOn: addDays(today, -2),
      signedByYoungPerson: true,
    })
  ).json().id;

  const inTeam = await person('Teamungdom', teamId, coach.staffId);
  p.inTeam = inTeam.id;
  await h.db
    .insertInto('action_plans')
    .values({
      municipality_id: h.municipalityId,
      person_id: p.inTeam,
      case_id: inTeam.caseId,
      follow_up_on: addDays(today, -1),
    })
    .execute();
  await h.db
    .insertInto('register_periods')
    .values({
      municipality_id: h.municipalityId,
      person_id: p.inTeam,
      entered_on: addDays(today, -40),
      entry_reason: 'moved_in',
    })
    .execute();
  offerId = (
    await h.as.coordinator.request('POST', '/api/v1/offers', {
      name: 'Arbetsträning',
      kind: 'guidance',
      providerUnitId: school,
    })
  ).json().id;
  const measure = await h.as.coordinator.request('POST', `/api/v1/persons/${p.inTeam}/measures`, {
    offerId,
    startsOn: addDays(today, -30),
    plannedEndOn: addDays(today, 5),
  });
  expect(measure.statusCode, measure.body).toBe(201);
  // The young person in the team lets the social services see contact and occupation, not the plan.
  const consent = await h.as.coordinator.request('POST', `/api/v1/persons/${p.inTeam}/consents`, {
    recipientUnitIds: [socialUnit],
    categories: ['contact_occupation'],
    purpose: 'Samverkan i teamet',
    givenBy: 'young_person',
    givenOn: addDays(today, -10),
  });
  expect(consent.statusCode, consent.body).toBe(201);

  const series = await h.as.coordinator.request('PUT', `/api/v1/teams/${teamId}/meeting-series`, {
    weekday: 2,
    time: '09:00',
    place: 'Ungdomstorget',
    leadId: coach.staffId,
    version: 0,
  });
  expect(series.statusCode, series.body).toBe(204);
  const created = await coach.request('POST', `/api/v1/teams/${teamId}/meetings`, { heldOn: today });
  expect(created.statusCode, created.body).toBe(201);
  meetingId = created.json().id;
}, 120_000);

/** The lead records the social worker and the team member present, and a guest from the pupil health. */
async function takeAttendance() {
  const ok = await coach.request('PUT', `/api/v1/meetings/team/${meetingId}/attendance`, {
    members: [coach.staffId, member.staffId, social.staffId],
    guests: [{ name: 'Elevhälsan, Ekhagens skola', role: 'Skolkurator' }],
  });
  expect(ok.statusCode, ok.body).toBe(204);
}

/**
 * The meeting's three decisions, in this order: the applicant accepted, the young person in the team given the
 * team member as contact person, and a new measure for them.
 */
async function recordDecisions() {
  const decide = (client: Client, body: Record<string, unknown>) =>
    client.request('POST', `/api/v1/meetings/team/${meetingId}/decisions`, body);
  for (const [client, body] of [
    [coach, { personId: p.applicant, kind: 'accepted', applicationId, text: 'Börjar i gruppen på måndag.' }],
    [
      h.as.coordinator,
      {
        personId: p.inTeam,
        kind: 'contact_person_change',
        contactPersonId: member.staffId,
        text: 'Byter till teammedlemmen.',
      },
    ],
    [
      h.as.coordinator,
      {
        personId: p.inTeam,
        kind: 'new_measure',
        measure: { offerId, startsOn: today },
        text: 'Studiebesök på Komvux.',
      },
    ],
  ] as const) {
    const res = await decide(client, body);
    expect(res.statusCode, res.body).toBe(201);
  }
}

describe('who may read and run a team meeting', () => {
  it('refuses the signed-out and roles without persons; staff outside the team see no meeting (404)', async () => {
    expect((await h.anonymous('GET', url())).statusCode).toBe(401);
    expect((await h.anonymous('GET', `/api/v1/teams/${teamId}/meetings`)).statusCode).toBe(401);
    expect((await h.as.administrator.request('GET', url())).statusCode).toBe(403);
    expect((await h.as.school_reporter.request('GET', `/api/v1/teams/${teamId}/meetings`)).statusCode).toBe(403);
    // Staff of the municipality who are not in the team: as if there were no such team or meeting.
    expect((await outsider.request('GET', url())).statusCode).toBe(404);
    expect((await outsider.request('GET', `/api/v1/meetings/team/${meetingId}/minutes.pdf`)).statusCode).toBe(404);
    expect((await outsider.request('GET', `/api/v1/teams/${teamId}/meetings`)).statusCode).toBe(404);
    const item = { personId: null, kind: 'other', text: 'Utifrån' };
    expect((await outsider.request('POST', `/api/v1/meetings/team/${meetingId}/items`, item)).statusCode).toBe(404);
    expect((await h.as.otherCoordinator.request('GET', url())).statusCode).toBe(404);
    expect((await h.as.otherCoordinator.request('GET', `/api/v1/teams/${teamId}/meetings`)).statusCode).toBe(404);
  });

  it('lets only a coordinator or the lead set the series, create meetings, take attendance and decide', async () => {
    expect(
      (await member.request('POST', `/api/v1/teams/${teamId}/meetings`, { heldOn: addDays(today, 7) })).statusCode,
    ).toBe(403);
    expect(
      (
        await member.request('PUT', `/api/v1/teams/${teamId}/meeting-series`, {
          weekday: 3,
          time: '10:00',
          place: 'Rum 2',
          leadId: member.staffId,
          version: 1,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await member.request('PUT', `/api/v1/meetings/team/${meetingId}/attendance`, {
          members: [],
          guests: [],
        })
      ).statusCode,
    ).toBe(403);
    const res = await member.request('POST', `/api/v1/meetings/team/${meetingId}/decisions`, {
      personId: p.inTeam,
      kind: 'other',
      text: 'Försök',
    });
    expect(res.statusCode).toBe(403);
  });

  it('lists meetings with their series; a second meeting on a day is a 400 naming heldOn', async () => {
    const list = await member.request('GET', `/api/v1/teams/${teamId}/meetings`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({
      series: { weekday: 2, time: '09:00', place: 'Ungdomstorget', lead: { id: coach.staffId } },
      mayManage: false,
    });
    expect(list.json().meetings).toEqual([
      expect.objectContaining({ id: meetingId, heldOn: today, time: '09:00', place: 'Ungdomstorget' }),
    ]);
    const again = await coach.request('POST', `/api/v1/teams/${teamId}/meetings`, { heldOn: today });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors).toEqual([expect.objectContaining({ field: 'heldOn', code: 'meeting_on_day' })]);
    const badLead = await h.as.coordinator.request('PUT', `/api/v1/teams/${teamId}/meeting-series`, {
      weekday: 2,
      time: '09:00',
      place: 'Ungdomstorget',
      leadId: outsider.staffId,
      version: 1,
    });
    expect(badLead.json().errors).toEqual([expect.objectContaining({ field: 'leadId' })]);
  });

  it('changes the series on the version read: a stale one is a 409 and changes nothing', async () => {
    const read = async () => (await h.as.coordinator.request('GET', `/api/v1/teams/${teamId}/meetings`)).json();
    const { series } = await read();
    expect(series.version).toBe(1);
    const body = { weekday: 2, time: '09:00', place: 'Ungdomstorget', leadId: coach.staffId };
    // The lead moves the meeting to 09:30; a coordinator who read the series before saves 10:00 on the old version.
    const first = await coach.request('PUT', `/api/v1/teams/${teamId}/meeting-series`, {
      ...body,
      time: '09:30',
      version: 1,
    });
    expect(first.statusCode, first.body).toBe(204);
    const stale = await h.as.coordinator.request('PUT', `/api/v1/teams/${teamId}/meeting-series`, {
      ...body,
      time: '10:00',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await read()).series).toMatchObject({ time: '09:30', version: 2 });
    const back = await h.as.coordinator.request('PUT', `/api/v1/teams/${teamId}/meeting-series`, {
      ...body,
      version: 2,
    });
    expect(back.statusCode).toBe(204);
    expect((await read()).series).toMatchObject({ time: '09:00', version: 3 });
  });
});

describe('the agenda Lotsa builds, as each member may see it', () => {
  const agendaOf = async (client: Client) => {
    const res = await client.request('GET', url());
    expect(res.statusCode, res.body).toBe(200);
    return { agenda: res.json().agenda as Agenda, body: res.body };
  };
  const item = (agenda: Agenda, kind: string) => agenda.filter((a) => a.kind === kind);

  it('gives the lead every item: application, follow-up due, not reached, measure ending', async () => {
    const { agenda } = await agendaOf(coach);
    expect(item(agenda, 'application')).toEqual([
      expect.objectContaining({
        id: applicationId,
        person: { id: p.applicant, name: 'Ansökande Testsson' },
        hidden: false,
        date: addDays(today, -3),
      }),
    ]);
    expect(item(agenda, 'follow_up_due')).toEqual([
      expect.objectContaining({ person: expect.objectContaining({ id: p.inTeam }), date: addDays(today, -1) }),
    ]);
    expect(item(agenda, 'not_reached')).toEqual([
      expect.objectContaining({ person: expect.objectContaining({ id: p.inTeam }), date: addDays(today, -40) }),
    ]);
    expect(item(agenda, 'measure_ending')).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ id: p.inTeam }),
        text: 'Arbetsträning',
        date: addDays(today, 5),
      }),
    ]);
    // The application to the other team is that team's business.
    expect(agenda.some((a) => a.id === otherApplicationId)).toBe(false);
  });

  it('shows a same-agency member the team case, and an applicant beyond reach as no access', async () => {
    const { agenda, body } = await agendaOf(member);
    expect(item(agenda, 'application')).toEqual([
      { kind: 'application', id: null, person: null, hidden: true, date: null, text: null, addedBy: null },
    ]);
    expect(body).not.toContain('Ansökande');
    expect(body).not.toContain(p.applicant);
    expect(item(agenda, 'follow_up_due')[0]).toMatchObject({ hidden: false, person: { id: p.inTeam } });
  });

  it('shows a social worker what the consent covers: not reached yes, plan and measure no', async () => {
    const { agenda, body } = await agendaOf(social);
    expect(item(agenda, 'not_reached')[0]).toMatchObject({
      hidden: false,
      person: { id: p.inTeam, name: 'Teamungdom Testsson' },
    });
    for (const kind of ['application', 'follow_up_due', 'measure_ending'])
      expect(item(agenda, kind), kind).toEqual([
        expect.objectContaining({ hidden: true, person: null, date: null, text: null }),
      ]);
    expect(body).not.toContain('Arbetsträning');
    expect(body).not.toContain('Ansökande');
  });

  it('takes items members add (closing proposed too), each shown as far as the reader may see', async () => {
    const closing = await member.request('POST', `/api/v1/meetings/team/${meetingId}/items`, {
      personId: p.inTeam,
      kind: 'closing_proposed',
      text: 'Har börjat arbeta heltid.',
    });
    expect(closing.statusCode, closing.body).toBe(201);
    expect(
      (
        await social.request('POST', `/api/v1/meetings/team/${meetingId}/items`, {
          personId: null,
          kind: 'other',
          text: 'Elevhälsan vill presentera sig.',
        })
      ).statusCode,
    ).toBe(201);
    // A member may not raise a young person they may not see, nor propose closing without one.
    const unseen = await social.request('POST', `/api/v1/meetings/team/${meetingId}/items`, {
      personId: p.applicant,
      kind: 'other',
      text: 'Vem är det?',
    });
    expect(unseen.statusCode).toBe(400);
    expect(unseen.json().errors).toEqual([expect.objectContaining({ field: 'personId' })]);
    expect(
      (
        await social.request('POST', `/api/v1/meetings/team/${meetingId}/items`, {
          kind: 'closing_proposed',
          text: 'Avsluta',
        })
      ).json().errors,
    ).toEqual([expect.objectContaining({ field: 'personId', code: 'required' })]);

    const lead = (await agendaOf(coach)).agenda;
    expect(item(lead, 'closing_proposed')).toEqual([
      expect.objectContaining({
        id: closing.json().id,
        person: expect.objectContaining({ id: p.inTeam }),
        text: 'Har börjat arbeta heltid.',
        addedBy: 'Test team_member',
      }),
    ]);
    expect(item(lead, 'other')).toEqual([
      expect.objectContaining({ person: null, hidden: false, text: 'Elevhälsan vill presentera sig.' }),
    ]);
    const { agenda: theirs, body } = await agendaOf(social);
    expect(item(theirs, 'closing_proposed')).toEqual([
      expect.objectContaining({ hidden: true, person: null, text: null }),
    ]);
    expect(body).not.toContain('heltid');
  });
});

describe('attendance and decisions', () => {
  it('records members present and guests; a non-member is a 400 naming members', async () => {
    const bad = await coach.request('PUT', `/api/v1/meetings/team/${meetingId}/attendance`, {
      members: [outsider.staffId],
      guests: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'members' })]);
    const ok = await coach.request('PUT', `/api/v1/meetings/team/${meetingId}/attendance`, {
      members: [coach.staffId, member.staffId, social.staffId],
      guests: [{ name: 'Elevhälsan, Ekhagens skola', role: 'Skolkurator' }],
    });
    expect(ok.statusCode, ok.body).toBe(204);
    const meeting = (await member.request('GET', url())).json();
    expect(meeting.members.filter((m: { present: boolean }) => m.present)).toHaveLength(3);
    expect(meeting.guests).toEqual([{ name: 'Elevhälsan, Ekhagens skola', role: 'Skolkurator' }]);
  });

  it('refuses a decision on an application of another team, naming the field, and stores nothing', async () => {
    const before = await h.db.selectFrom('events').select('id').where('person_id', '=', p.applicant).execute();
    // Other tests' meetings keep their decisions; this test's requests add none anywhere.
    const decisionsBefore = await h.db.selectFrom('team_meeting_decisions').select('id').execute();
    const res = await coach.request('POST', `/api/v1/meetings/team/${meetingId}/decisions`, {
      personId: p.applicant,
      kind: 'accepted',
      applicationId: otherApplicationId,
      text: 'Fel team',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'applicationId' })]);
    expect(await h.db.selectFrom('team_meeting_decisions').select('id').execute()).toEqual(decisionsBefore);
    expect(
      (
        await h.db
          .selectFrom('applications')
          .select('status')
          .where('id', '=', otherApplicationId)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('received');
    expect(await h.db.selectFrom('events').select('id').where('person_id', '=', p.applicant).execute()).toHaveLength(
      before.length,
    );
    const missing = await coach.request('POST', `/api/v1/meetings/team/${meetingId}/decisions`, {
      personId: p.applicant,
      kind: 'declined',
    });
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'applicationId', code: 'required' })]);
  });

  it('accepts an application as the applications page does, and puts it on the timeline', async () => {
    const res = await coach.request('POST', `/api/v1/meetings/team/${meetingId}/decisions`, {
      personId: p.applicant,
      kind: 'accepted',
      applicationId,
      text: 'Börjar i gruppen på måndag.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(
      (await h.db.selectFrom('applications').select('status').where('id', '=', applicationId).executeTakeFirstOrThrow())
        .status,
    ).toBe('accepted');
    expect(
      (await h.db.selectFrom('cases').select('team_id').where('person_id', '=', p.applicant).executeTakeFirstOrThrow())
        .team_id,
    ).toBe(teamId);
    const events = (await coach.request('GET', `/api/v1/persons/${p.applicant}/events`)).json() as {
      type: string;
      category: string | null;
      payload: Record<string, unknown>;
    }[];
    expect(events.find((e) => e.type === 'team_meeting_decision')).toMatchObject({
      category: 'assessment_plan',
      payload: { kind: 'accepted', text: 'Börjar i gruppen på måndag.', applicationId },
    });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['application_decided', 'team_changed']));
    // Decided once: a second decision on it is refused.
    expect(
      (
        await coach.request('POST', `/api/v1/meetings/team/${meetingId}/decisions`, {
          personId: p.applicant,
          kind: 'declined',
          applicationId,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('changes the contact person when it decides so, and records other decisions with their text', async () => {
    const res = await h.as.coordinator.request('POST', `/api/v1/meetings/team/${meetingId}/decisions`, {
      personId: p.inTeam,
      kind: 'contact_person_change',
      contactPersonId: member.staffId,
      text: 'Byter till teammedlemmen.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(
      (
        await h.db
          .selectFrom('cases')
          .select('contact_person_id')
          .where('person_id', '=', p.inTeam)
          .where('closed_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).contact_person_id,
    ).toBe(member.staffId);
    expect(
      (
        await h.as.coordinator.request('POST', `/api/v1/meetings/team/${meetingId}/decisions`, {
          personId: p.inTeam,
          kind: 'new_measure',
          measure: { offerId, startsOn: today },
          text: 'Studiebesök på Komvux.',
        })
      ).statusCode,
    ).toBe(201);
    const unseen = await coach.request('POST', `/api/v1/meetings/team/${meetingId}/decisions`, {
      personId: '00000000-0000-4000-8000-000000000000',
      kind: 'other',
    });
    expect(unseen.json().errors).toEqual([expect.objectContaining({ field: 'personId' })]);
  });

  it('shows each member the decisions only as far as they may see them', async () => {
    await recordDecisions();
    const lead = (await coach.request('GET', url())).json().decisions as {
      kind: string;
      hidden: boolean;
      text: string | null;
    }[];
    expect(lead.map((d) => [d.kind, d.hidden])).toEqual([
      ['accepted', false],
      ['contact_person_change', false],
      ['new_measure', false],
    ]);
    const theirs = (await social.request('GET', url())).json().decisions as {
      kind: string;
      hidden: boolean;
      text: string | null;
      person: unknown;
    }[];
    // The change of contact person is contact information, which the consent covers; the rest is the plan's.
    expect(theirs.map((d) => [d.kind, d.hidden])).toEqual([
      ['accepted', true],
      ['contact_person_change', false],
      ['new_measure', true],
    ]);
    expect(theirs.filter((d) => d.hidden).every((d) => d.person === null && d.text === null)).toBe(true);
  });
});

describe('the minutes', () => {
  it('name a young person only when every recipient may see the decision; audited', async () => {
    await takeAttendance();
    await recordDecisions();
    const res = await coach.request('GET', `/api/v1/meetings/team/${meetingId}/minutes.pdf?lang=sv`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const entry = await h.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('entity', '=', 'team_meeting_minutes')
      .where('entity_id', '=', meetingId)
      .where('person_id', 'is', null)
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    // Recipients: the lead, the same-agency member and the social worker. Only the change of contact person is named.
    expect(entry.detail).toMatchObject({ decisions: 3, named: 1 });
    const named = await h.db
      .selectFrom('audit_log')
      .select('person_id')
      .where('entity', '=', 'team_meeting_minutes')
      .where('entity_id', '=', meetingId)
      .where('person_id', 'is not', null)
      .execute();
    expect(named.map((n) => n.person_id)).toEqual([p.inTeam]);
    const text = pdfPageTexts(res.rawPayload).join('\n');
    expect(text).toContain('Teamungdom Testsson: Byte av kontaktperson.');
    expect(text).toContain('Elevhälsan, Ekhagens skola, Skolkurator');
    expect(text).toContain('Socialsekreteraren');
    for (const secret of ['Ansökande', 'Börjar i gruppen', 'Studiebesök']) expect(text).not.toContain(secret);
  });

  it('name everyone once the recipients may all see them: without the social worker present', async () => {
    await recordDecisions();
    const members = { members: [coach.staffId, member.staffId], guests: [] };
    expect((await coach.request('PUT', `/api/v1/meetings/team/${meetingId}/attendance`, members)).statusCode).toBe(204);
    const res = await coach.request('GET', `/api/v1/meetings/team/${meetingId}/minutes.pdf?lang=en`);
    expect(res.statusCode).toBe(200);
    const text = pdfPageTexts(res.rawPayload).join('\n');
    expect(text).toContain('Ansökande Testsson: Accepted to the team.');
    expect(text).toContain('Teamungdom Testsson: New measure.');
    expect(text).not.toContain('Socialsekreteraren');
  });

  it('audits reading the agenda: the meeting, and each young person shown', async () => {
    // The agenda as the social worker reads it with an item and decisions they may not see all of.
    const closing = await member.request('POST', `/api/v1/meetings/team/${meetingId}/items`, {
      personId: p.inTeam,
      kind: 'closing_proposed',
      text: 'Har börjat arbeta heltid.',
    });
    expect(closing.statusCode, closing.body).toBe(201);
    await recordDecisions();
    const read = await social.request('GET', url());
    expect(read.statusCode, read.body).toBe(200);
    const rows = await h.db
      .selectFrom('audit_log')
      .select(['person_id', 'action'])
      .where('entity', '=', 'team_meeting')
      .where('actor_id', '=', social.staffId)
      .where('action', '=', 'list')
      .execute();
    expect(new Set(rows.map((r) => r.person_id))).toEqual(new Set([p.inTeam]));
  });
});

describe('decisions that change an application or a case take what the normal pages take', () => {
  let socialCoach: Client;
  let socialLedMeeting: string;
  let coachLedMeeting: string;
  const applicants: { id: string; application: string }[] = [];
  const decide = (client: Client, meeting: string, body: Record<string, unknown>) =>
    client.request('POST', `/api/v1/meetings/team/${meeting}/decisions`, body);
  const statusOf = async (id: string) =>
    (await h.db.selectFrom('applications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const contactOf = async (personId: string) =>
    (
      await h.db
        .selectFrom('cases')
        .select('contact_person_id')
        .where('person_id', '=', personId)
        .where('closed_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).contact_person_id;
  const decisions = async () => (await h.db.selectFrom('team_meeting_decisions').select('id').execute()).length;

  // After the file's world for the test: a social services' coach in the team, and meetings they lead.
  beforeEach(async () => {
    applicants.length = 0;
    socialCoach = await signInNewStaff(h, 'youth_coach', { unitId: socialUnit, name: 'Socialcoachen' });
    const membership = { staffId: socialCoach.staffId };
    expect((await h.as.coordinator.request('POST', `/api/v1/teams/${teamId}/members`, membership)).statusCode).toBe(
      204,
    );
    const meetingLedBy = async (leadId: string, heldOn: string) => {
      const read = await h.as.coordinator.request('GET', `/api/v1/teams/${teamId}/meetings`);
      const series = { weekday: 2, time: '09:00', place: 'Ungdomstorget', leadId, version: read.json().series.version };
      const set = await h.as.coordinator.request('PUT', `/api/v1/teams/${teamId}/meeting-series`, series);
      expect(set.statusCode, set.body).toBe(204);
      const res = await h.as.coordinator.request('POST', `/api/v1/teams/${teamId}/meetings`, { heldOn });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    socialLedMeeting = await meetingLedBy(social.staffId, addDays(today, 7));
    coachLedMeeting = await meetingLedBy(socialCoach.staffId, addDays(today, 14));
    // Two applicants the social services' staff see by emergency access: enough to see, not to decide.
    for (const name of ['Sökande', 'Väntande']) {
      const id = (await person(name, null, coach.staffId)).id;
      const app = await coach.request('POST', `/api/v1/persons/${id}/applications`, {
        teamId,
        referrer: 'school',
        signedOn: addDays(today, -1),
        signedByYoungPerson: true,
      });
      expect(app.statusCode, app.body).toBe(201);
      applicants.push({ id, application: app.json().id });
      for (const staff of [social, socialCoach]) {
        await h.db
          .insertInto('emergency_access')
          .values({
            municipality_id: h.municipalityId,
            person_id: id,
            staff_id: staff.staffId,
            reason: 'Akut läge inför teammötet.',
            ends_at: new Date(Date.now() + 3_600_000),
          })
          .execute();
      }
    }
  }, 60_000);

  it('refuses a lead without applications.manage a decision on an application (403); nothing changes', async () => {
    const before = await decisions();
    const { id, application } = applicants[0]!;
    const res = await decide(social, socialLedMeeting, { personId: id, kind: 'accepted', applicationId: application });
    expect(res.statusCode, res.body).toBe(403);
    expect(await statusOf(application)).toBe('received');
    expect(await decisions()).toBe(before);
  });

  it('refuses a lead who sees the applicant by emergency access only a decision on it (404)', async () => {
    const before = await decisions();
    const { id, application } = applicants[1]!;
    const res = await decide(socialCoach, coachLedMeeting, {
      personId: id,
      kind: 'declined',
      applicationId: application,
    });
    expect(res.statusCode, res.body).toBe(404);
    expect(await statusOf(application)).toBe('received');
    expect(await decisions()).toBe(before);
  });

  it('refuses a change of contact person to a lead without cases.assign (403), even of their own agency', async () => {
    const before = await contactOf(p.inTeam);
    const other = before === coach.staffId ? member.staffId : coach.staffId;
    // The social worker sees the contact person by the consent; the youth coach manages the case.
    const body = { personId: p.inTeam, kind: 'contact_person_change', contactPersonId: other };
    const bySocial = await decide(social, socialLedMeeting, body);
    expect(bySocial.statusCode, bySocial.body).toBe(403);
    const byCoach = await decide(coach, meetingId, body);
    expect(byCoach.statusCode, byCoach.body).toBe(403);
    expect(await contactOf(p.inTeam)).toBe(before);
  });
});

describe('a change of contact person decided while someone else changes the case', () => {
  // Needs a second connection: PGlite has one, so a concurrent change cannot happen there.
  it.skipIf(TEST_DB_KIND === 'pglite')('is refused as 409 version_conflict, and nothing is changed', async () => {
    const { id, caseId } = await person('Samtidig', teamId, coach.staffId);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    // Someone else's change of the case, committed while the decision is being recorded.
    const other = h.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('cases')
        .set({ version: sql`version + 1` })
        .where('id', '=', caseId)
        .execute();
      locked();
      await held;
    });
    await isLocked;
    const pending = h.as.coordinator.request('POST', `/api/v1/meetings/team/${meetingId}/decisions`, {
      personId: id,
      kind: 'contact_person_change',
      contactPersonId: member.staffId,
    });
    await new Promise((r) => setTimeout(r, 1000));
    release();
    await other;
    const res = await pending;
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('version_conflict');
    const kase = await h.db
      .selectFrom('cases')
      .select('contact_person_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(kase.contact_person_id).toBe(coach.staffId);
  });
});

describe('a decision stays within the municipality', () => {
  it("never ties a decision to another municipality's case, even where the data would allow it", async () => {
    const { id, caseId } = await person('Gränsfall', null, coach.staffId);
    // A case recorded under another municipality: nothing in the database ties it to the person's own.
    await h.db.updateTable('cases').set({ municipality_id: h.otherMunicipalityId }).where('id', '=', caseId).execute();
    const res = await h.as.coordinator.request('POST', `/api/v1/meetings/team/${meetingId}/decisions`, {
      personId: id,
      kind: 'other',
      text: 'Inom kommunen.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const event = await h.db
      .selectFrom('events')
      .select('case_id')
      .where('person_id', '=', id)
      .where('type', '=', 'team_meeting_decision')
      .executeTakeFirstOrThrow();
    expect(event.case_id).toBeNull();
  });
});
