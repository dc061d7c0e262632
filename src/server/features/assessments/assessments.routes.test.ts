import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MANUAL } from '../../../core/assessment.js';
import { todayInSweden } from '../../../core/dates.js';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, TEST_PASSWORD, type Client, type Harness } from '../../testing/harness.js';
import { insertStaff } from '../staff/staff.service.js';

let h: Harness;
let units: Map<string, string>;
let social: Client;
let teamId: string;

/** A new person whose case the youth coach holds, in the team; `consent` names units for categories. */
async function personOfCoach(consent?: { units: string[]; categories: string[] }) {
  const { id } = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json();
  const kase = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json().case;
  expect(
    (
      await h.as.coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, {
        contactPersonId: h.as.youth_coach.staffId,
        teamId,
        version: kase.version,
      })
    ).statusCode,
  ).toBe(204);
  if (consent) {
    const body = {
      recipientUnitIds: consent.units.map((u) => units.get(u)),
      categories: consent.categories,
      purpose: 'Kartläggning och stöd',
      givenBy: 'young_person',
      givenOn: '2026-11-01',
    };
    expect((await h.as.coordinator.request('POST', `/api/v1/persons/${id}/consents`, body)).statusCode).toBe(201);
  }
  return id as string;
}

const start = (client: Client, personId: string, body: object = {}) =>
  client.request('POST', `/api/v1/persons/${personId}/assessments`, body);
const read = (client: Client, id: string) => client.request('GET', `/api/v1/assessments/${id}`);
const answerOf = (a: { sections: { questions: { key: string; answer: string | null }[] }[] }, key: string) =>
  a.sections.flatMap((s) => s.questions).find((q) => q.key === key)?.answer;

beforeAll(async () => {
  h = await createHarness();
  units = new Map(
    (
      await h.db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', h.municipalityId).execute()
    ).map((u) => [u.name, u.id]),
  );
  const team = await h.db
    .insertInto('teams')
    .values({
      municipality_id: h.municipalityId,
      name: 'Kartläggningsteamet',
      unit_id: units.get('Utbildningsförvaltningen')!,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  teamId = team.id;
  const staff = await insertStaff(h.db, {
    municipalityId: h.municipalityId,
    name: 'Sara Socialsekreterare',
    email: 'social@test.lotsa.local',
    role: 'team_member',
    unitId: units.get('Socialtjänsten')!,
    password: TEST_PASSWORD,
  });
  await h.db
    .insertInto('team_members')
    .values({ team_id: team.id, staff_id: (staff as { id: string }).id })
    .execute();
  social = await h.signIn('social@test.lotsa.local');
}, 60_000);
afterAll(() => h.close());

describe('the assessment API', () => {
  it('is in the OpenAPI document with every path and method the interface names', async () => {
    const doc = (await h.anonymous('GET', '/api/openapi.json')).json();
    const methods = (path: string) => Object.keys(doc.paths[path] ?? {}).sort();
    expect(methods('/api/v1/assessment-manual')).toEqual(['get', 'put']);
    expect(methods('/api/v1/persons/{id}/assessments')).toEqual(['get', 'post']);
    expect(methods('/api/v1/assessments/{id}')).toEqual(['get', 'put']);
    expect(methods('/api/v1/assessments/{id}/complete')).toEqual(['post']);
  });
});

describe('GET/PUT /api/v1/assessment-manual', () => {
  it('answers 401 without a session and 403 to a school reporter; a coach may read but not edit it', async () => {
    expect((await h.anonymous('GET', '/api/v1/assessment-manual')).statusCode).toBe(401);
    expect(
      (await h.anonymous('PUT', '/api/v1/assessment-manual', { version: 0, sections: DEFAULT_MANUAL })).statusCode,
    ).toBe(401);
    expect((await h.as.school_reporter.request('GET', '/api/v1/assessment-manual')).statusCode).toBe(403);
    expect((await h.as.youth_coach.request('GET', '/api/v1/assessment-manual')).statusCode).toBe(200);
    expect(
      (await h.as.youth_coach.request('PUT', '/api/v1/assessment-manual', { version: 0, sections: DEFAULT_MANUAL }))
        .statusCode,
    ).toBe(403);
  });

  it("gives Lotsa's default as version 0 until a coordinator saves one", async () => {
    const other = (await h.as.otherCoordinator.request('GET', '/api/v1/assessment-manual')).json();
    expect(other.version).toBe(0);
    expect(other.sections.map((s: { key: string }) => s.key)).toEqual(DEFAULT_MANUAL.map((s) => s.key));
  });

  it('names invalid fields: a bad category, a question without text, a key used twice', async () => {
    const badCategory = await h.as.otherCoordinator.request('PUT', '/api/v1/assessment-manual', {
      version: 0,
      sections: [{ ...DEFAULT_MANUAL[0], category: 'everything' }],
    });
    expect(badCategory.statusCode).toBe(400);
    expect(badCategory.json().errors[0].field).toBe('sections.0.category');
    const noText = await h.as.otherCoordinator.request('PUT', '/api/v1/assessment-manual', {
      version: 0,
      sections: [{ ...DEFAULT_MANUAL[0], questions: [{ key: 'x', text: { sv: ' ', en: '' } }] }],
    });
    expect(noText.json().errors[0].field).toBe('sections.0.questions.0.text.sv');
    const twice = await h.as.otherCoordinator.request('PUT', '/api/v1/assessment-manual', {
      version: 0,
      sections: [DEFAULT_MANUAL[0], DEFAULT_MANUAL[0]],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors.map((e: { field: string }) => e.field)).toContain('sections.1.key');
  });

  it('saves a new version each time, and refuses a save from an outdated version with 409', async () => {
    // Manuals of its own: the other tests read both municipalities' manuals, and one changes this one's.
    const own = await createHarness();
    try {
      const sections = [
        ...DEFAULT_MANUAL,
        {
          key: 'extra',
          category: 'assessment_plan',
          title: { sv: 'Övrigt', en: 'Other' },
          questions: [{ key: 'more', text: { sv: 'Något mer?', en: 'Anything else?' } }],
        },
      ];
      const first = await own.as.otherCoordinator.request('PUT', '/api/v1/assessment-manual', { version: 0, sections });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ version: 1, updatedBy: 'Test otherCoordinator' });
      expect(
        (await own.as.otherCoordinator.request('PUT', '/api/v1/assessment-manual', { version: 1, sections })).json()
          .version,
      ).toBe(2);
      const stale = await own.as.otherCoordinator.request('PUT', '/api/v1/assessment-manual', { version: 1, sections });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('version_conflict');
      expect((await own.as.coordinator.request('GET', '/api/v1/assessment-manual')).json().version).toBe(0);
      expect(
        await own.db.selectFrom('audit_log').select('id').where('entity', '=', 'assessment_manual').execute(),
      ).toHaveLength(2);
    } finally {
      await own.close();
    }
  });
});

describe('GET/POST /api/v1/persons/:id/assessments', () => {
  it('answers 401 without a session, 403 to a manager, and 404 to those who may not see the person', async () => {
    const personId = await personOfCoach();
    expect((await h.anonymous('GET', `/api/v1/persons/${personId}/assessments`)).statusCode).toBe(401);
    expect((await h.anonymous('POST', `/api/v1/persons/${personId}/assessments`, {})).statusCode).toBe(401);
    expect((await h.as.manager.request('GET', `/api/v1/persons/${personId}/assessments`)).statusCode).toBe(403);
    for (const client of [h.as.secondCoach, h.as.otherCoordinator, social]) {
      expect((await client.request('GET', `/api/v1/persons/${personId}/assessments`)).statusCode).toBe(404);
      expect((await start(client, personId)).statusCode).toBe(404);
    }
    const denied = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_id', '=', h.as.secondCoach.staffId)
      .where('person_id', '=', personId)
      .execute();
    expect(denied.map((d) => d.action)).toEqual(['denied']);
  });

  it('starts draft 1 on the current manual, on the timeline, and lists it; a second draft is 409', async () => {
    const personId = await personOfCoach();
    const res = await start(h.as.youth_coach, personId);
    expect(res.statusCode).toBe(201);
    const list = (await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/assessments`)).json();
    expect(list).toEqual([
      expect.objectContaining({
        id: res.json().id,
        number: 1,
        status: 'draft',
        revises: null,
        completedOn: null,
        startedBy: { id: h.as.youth_coach.staffId, name: 'Test youth_coach', profession: null },
      }),
    ]);
    const again = await start(h.as.youth_coach, personId);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('assessment_draft_exists');
    const events = (await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/events`)).json();
    expect(events.find((e: { type: string }) => e.type === 'assessment_started')).toMatchObject({
      category: 'assessment_plan',
      payload: { assessmentId: res.json().id, number: 1, revises: null },
    });
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('actor_id', '=', h.as.youth_coach.staffId)
      .where('person_id', '=', personId)
      .where('entity', 'like', 'assessment%')
      .execute();
    expect(audit.map((a) => `${a.action} ${a.entity}`).sort()).toEqual(['create assessment', 'read assessments']);
  });

  it('starts one draft when two starts arrive at once (a double click): the other gets 409', async () => {
    const personId = await personOfCoach();
    const both = await Promise.all([start(h.as.youth_coach, personId), start(h.as.youth_coach, personId)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await h.db.selectFrom('assessments').select('id').where('person_id', '=', personId).execute()).toHaveLength(
      1,
    );
  });

  it('refuses to revise an assessment that is a draft, unknown or of another person (400 naming revises)', async () => {
    const personId = await personOfCoach();
    const draft = (await start(h.as.youth_coach, personId)).json().id;
    const other = await personOfCoach();
    const res = await start(h.as.youth_coach, other, { revises: draft });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'revises' })]);
    expect((await start(h.as.youth_coach, other, { revises: 'not-a-uuid' })).json().errors[0].field).toBe('revises');
  });
});

describe('PUT /api/v1/assessments/:id and POST …/complete', () => {
  it('answers 401 without a session and 404 to those who may not see or may not manage the person', async () => {
    const personId = await personOfCoach({
      units: ['Socialtjänsten'],
      categories: ['contact_occupation', 'health_social'],
    });
    const a = (await start(h.as.youth_coach, personId)).json().id;
    expect((await h.anonymous('GET', `/api/v1/assessments/${a}`)).statusCode).toBe(401);
    expect((await h.anonymous('PUT', `/api/v1/assessments/${a}`, { version: 1 })).statusCode).toBe(401);
    expect((await h.anonymous('POST', `/api/v1/assessments/${a}/complete`, { version: 1 })).statusCode).toBe(401);
    for (const client of [h.as.secondCoach, h.as.otherCoordinator]) {
      expect((await read(client, a)).statusCode).toBe(404);
      expect((await client.request('PUT', `/api/v1/assessments/${a}`, { version: 1 })).statusCode).toBe(404);
      expect((await client.request('POST', `/api/v1/assessments/${a}/complete`, { version: 1 })).statusCode).toBe(404);
    }
    const denied = await h.db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('actor_id', '=', h.as.secondCoach.staffId)
      .where('person_id', '=', personId)
      .execute();
    expect(denied).toEqual([{ action: 'denied', entity: 'assessment' }]);
    // The social worker sees the person by consent, but writing the assessment is the KAA's own work.
    expect((await read(social, a)).statusCode).toBe(200);
    expect(
      (await social.request('PUT', `/api/v1/assessments/${a}`, { version: 1, answers: { wellbeing: 'Mår bra' } }))
        .statusCode,
    ).toBe(404);
  });

  it('withholds the answers of categories the reader may not see, and says so', async () => {
    // The consent names the KAA's own unit for health and social situation, and social services for that alone.
    const personId = await personOfCoach({
      units: ['Utbildningsförvaltningen', 'Socialtjänsten'],
      categories: ['contact_occupation', 'health_social'],
    });
    const a = (await start(h.as.youth_coach, personId)).json().id;
    const saved = await h.as.youth_coach.request('PUT', `/api/v1/assessments/${a}`, {
      version: 1,
      answers: { wants: 'Bli undersköterska', wellbeing: 'Sover dåligt' },
      needs: ['mental_ill_health'],
      highestEducation: 'compulsory',
      diploma: 'no',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, withheldCategories: [], needs: ['mental_ill_health'] });
    const bySocial = (await read(social, a)).json();
    expect(answerOf(bySocial, 'wellbeing')).toBe('Sover dåligt');
    expect(answerOf(bySocial, 'wants')).toBeNull();
    expect(bySocial).toMatchObject({
      withheldCategories: ['assessment_plan'],
      highestEducation: null,
      diploma: null,
      needs: ['mental_ill_health'],
      editable: false,
    });
    expect(JSON.stringify(bySocial)).not.toContain('undersköterska');
    expect(bySocial.sections.find((s: { key: string }) => s.key === 'own_words').withheld).toBe(true);
    // The coach, on a person whose consent does not name her unit for health: assessment and plan only.
    const other = await personOfCoach();
    const b = (await start(h.as.youth_coach, other)).json().id;
    const byCoach = (await read(h.as.youth_coach, b)).json();
    expect(byCoach).toMatchObject({ withheldCategories: ['health_social'], needs: null, editable: true });
    const audit = await h.db
      .selectFrom('audit_log')
      .select('detail')
      .where('actor_id', '=', social.staffId)
      .where('entity', '=', 'assessment')
      .where('entity_id', '=', a)
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ basis: 'consent', withheld: ['assessment_plan'] });
  });

  it('refuses to write a category the writer may not see (403 naming the fields), keeping what is there', async () => {
    const personId = await personOfCoach();
    const a = (await start(h.as.youth_coach, personId)).json().id;
    const res = await h.as.youth_coach.request('PUT', `/api/v1/assessments/${a}`, {
      version: 1,
      answers: { wants: 'Jobba', wellbeing: 'Bra' },
      needs: ['diagnosis'],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'category_not_allowed' });
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['answers.wellbeing', 'needs']);
    expect(answerOf((await read(h.as.youth_coach, a)).json(), 'wants')).toBeNull();
  });

  it('names invalid fields: an unknown question, an unknown code, staff of another municipality', async () => {
    const personId = await personOfCoach();
    const a = (await start(h.as.youth_coach, personId)).json().id;
    const unknown = await h.as.youth_coach.request('PUT', `/api/v1/assessments/${a}`, {
      version: 1,
      answers: { no_such_question: 'x' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('answers.no_such_question');
    const code = await h.as.youth_coach.request('PUT', `/api/v1/assessments/${a}`, {
      version: 1,
      highestEducation: 'phd',
      diploma: 'maybe',
    });
    expect(
      code
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['diploma', 'highestEducation']);
    const staff = await h.as.youth_coach.request('PUT', `/api/v1/assessments/${a}`, {
      version: 1,
      participants: { staff: [h.as.otherCoordinator.staffId], others: [] },
    });
    expect(staff.json().errors[0].field).toBe('participants.staff');
    const role = await h.as.youth_coach.request('PUT', `/api/v1/assessments/${a}`, {
      version: 1,
      participants: { staff: [], others: [{ role: 'uncle' }] },
    });
    expect(role.json().errors[0].field).toBe('participants.others.0.role');
    expect((await read(h.as.youth_coach, a)).json().version).toBe(1);
  });

  it('saves drafts with optimistic locking: the second of two edits from the same version gets 409', async () => {
    const personId = await personOfCoach();
    const a = (await start(h.as.youth_coach, personId)).json().id;
    const first = await h.as.youth_coach.request('PUT', `/api/v1/assessments/${a}`, {
      version: 1,
      answers: { wants: 'Studera' },
    });
    expect(first.statusCode).toBe(200);
    const second = await h.as.coordinator.request('PUT', `/api/v1/assessments/${a}`, {
      version: 1,
      answers: { wants: 'Jobba' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('version_conflict');
    const cleared = await h.as.coordinator.request('PUT', `/api/v1/assessments/${a}`, {
      version: 2,
      answers: { wants: null, interests: 'Musik' },
    });
    expect(answerOf(cleared.json(), 'wants')).toBeNull();
    expect(answerOf(cleared.json(), 'interests')).toBe('Musik');
  });

  it('completes once when two completions of the same version arrive at once', async () => {
    const personId = await personOfCoach();
    const a = (await start(h.as.youth_coach, personId)).json().id;
    await h.as.youth_coach.request('PUT', `/api/v1/assessments/${a}`, {
      version: 1,
      participants: { staff: [], others: [{ role: 'young_person' }] },
      highestEducation: 'unknown',
      diploma: 'unknown',
    });
    const both = await Promise.all(
      [1, 2].map(() => h.as.youth_coach.request('POST', `/api/v1/assessments/${a}/complete`, { version: 2 })),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const events = await h.db
      .selectFrom('events')
      .select('id')
      .where('person_id', '=', personId)
      .where('type', '=', 'assessment_completed')
      .execute();
    expect(events).toHaveLength(1);
  });

  it("fills in the case's diploma and documented problems from the completed assessment", async () => {
    const personId = await personOfCoach();
    const a = (await start(h.as.youth_coach, personId)).json().id;
    const participants = { staff: [], others: [{ role: 'young_person' }] };
    const body = { version: 1, participants, highestEducation: 'unknown', diploma: 'no' };
    expect((await h.as.youth_coach.request('PUT', `/api/v1/assessments/${a}`, body)).statusCode).toBe(200);
    const needs = JSON.stringify(['substance_use']);
    await h.db.updateTable('assessments').set({ needs }).where('id', '=', a).execute();
    const done = await h.as.youth_coach.request('POST', `/api/v1/assessments/${a}/complete`, { version: 2 });
    expect(done.statusCode).toBe(200);
    const kase = await h.db
      .selectFrom('cases')
      .select(['upper_secondary_diploma', 'documented_problems'])
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(kase).toEqual({ upper_secondary_diploma: 'no', documented_problems: ['substance_use'] });
  });

  it('completes only with the young person taking part and the two figures fields (400 naming them)', async () => {
    const personId = await personOfCoach();
    const a = (await start(h.as.youth_coach, personId)).json().id;
    const res = await h.as.youth_coach.request('POST', `/api/v1/assessments/${a}/complete`, { version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'assessment_incomplete' });
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'participants.others',
      'highestEducation',
      'diploma',
    ]);
    expect(
      (await h.as.youth_coach.request('POST', `/api/v1/assessments/${a}/complete`, { version: 7 })).json().code,
    ).toBe('version_conflict');
  });

  it('completes: dated today, read-only (409), on the timeline; revision 2 leaves the first readable', async () => {
    const personId = await personOfCoach();
    const a = (await start(h.as.youth_coach, personId)).json().id;
    await h.db
      .updateTable('staff')
      .set({ profession: 'study_career_counsellor' })
      .where('id', '=', h.as.coordinator.staffId)
      .execute();
    const participants = {
      staff: [h.as.youth_coach.staffId, h.as.coordinator.staffId],
      others: [{ role: 'young_person' }, { role: 'guardian', name: 'Vera Testsson' }],
    };
    const saved = await h.as.youth_coach.request('PUT', `/api/v1/assessments/${a}`, {
      version: 1,
      participants,
      answers: { wants: 'Bli elektriker', grades: 'Saknar matte' },
      highestEducation: 'upper_secondary_started',
      diploma: 'no',
    });
    const coordinator = {
      id: h.as.coordinator.staffId,
      name: 'Test coordinator',
      profession: 'study_career_counsellor',
    };
    expect(saved.json().participants).toEqual({
      staff: [{ id: h.as.youth_coach.staffId, name: 'Test youth_coach', profession: null }, coordinator],
      others: [
        { role: 'young_person', name: null },
        { role: 'guardian', name: 'Vera Testsson' },
      ],
    });
    const done = await h.as.youth_coach.request('POST', `/api/v1/assessments/${a}/complete`, { version: 2 });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'completed',
      completedOn: todayInSweden(),
      completedBy: { id: h.as.youth_coach.staffId },
      editable: false,
      version: 3,
    });
    const edit = await h.as.youth_coach.request('PUT', `/api/v1/assessments/${a}`, {
      version: 3,
      answers: { wants: 'Något annat' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('assessment_completed');
    expect(
      (await h.as.youth_coach.request('POST', `/api/v1/assessments/${a}/complete`, { version: 3 })).json().code,
    ).toBe('assessment_completed');
    const events = (await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/events`)).json();
    expect(events.find((e: { type: string }) => e.type === 'assessment_completed')).toMatchObject({
      category: 'assessment_plan',
      payload: { assessmentId: a, number: 1, completedOn: todayInSweden() },
    });

    const revision = await start(h.as.youth_coach, personId, { revises: a });
    expect(revision.statusCode).toBe(201);
    const b = (await read(h.as.youth_coach, revision.json().id)).json();
    expect(b).toMatchObject({
      number: 2,
      status: 'draft',
      revises: a,
      highestEducation: 'upper_secondary_started',
      diploma: 'no',
    });
    expect(answerOf(b, 'wants')).toBe('Bli elektriker');
    await h.as.youth_coach.request('PUT', `/api/v1/assessments/${b.id}`, {
      version: 1,
      answers: { wants: 'Bli snickare' },
    });
    expect(answerOf((await read(h.as.youth_coach, a)).json(), 'wants')).toBe('Bli elektriker');
    const list = (await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/assessments`)).json();
    expect(list.map((x: { number: number; status: string }) => `${x.number} ${x.status}`)).toEqual([
      '2 draft',
      '1 completed',
    ]);
  });

  it('carries health answers into a revision unshown once the health consent is withdrawn; keeps them', async () => {
    const personId = await personOfCoach({
      units: ['Utbildningsförvaltningen'],
      categories: ['contact_occupation', 'health_social'],
    });
    const a = (await start(h.as.youth_coach, personId)).json().id;
    const participants = { staff: [], others: [{ role: 'young_person' }] };
    await h.as.youth_coach.request('PUT', `/api/v1/assessments/${a}`, {
      version: 1,
      participants,
      answers: { wants: 'Jobba', wellbeing: 'Sover dåligt' },
      needs: ['mental_ill_health'],
      highestEducation: 'compulsory',
      diploma: 'no',
    });
    expect(
      (await h.as.youth_coach.request('POST', `/api/v1/assessments/${a}/complete`, { version: 2 })).statusCode,
    ).toBe(200);
    const consent = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/consents`)).json()[0];
    expect((await h.as.coordinator.request('POST', `/api/v1/consents/${consent.id}/withdraw`, {})).statusCode).toBe(
      204,
    );

    const b = (await start(h.as.youth_coach, personId, { revises: a })).json().id;
    const read1 = (await read(h.as.youth_coach, b)).json();
    expect(read1).toMatchObject({ withheldCategories: ['health_social'], needs: null });
    expect(answerOf(read1, 'wellbeing')).toBeNull();
    expect(JSON.stringify(read1)).not.toContain('Sover dåligt');
    const saved = await h.as.youth_coach.request('PUT', `/api/v1/assessments/${b}`, {
      version: 1,
      answers: { wants: 'Studera' },
    });
    expect(saved.statusCode).toBe(200);
    const stored = await h.db
      .selectFrom('assessment_answers')
      .select(['question_key', 'answer'])
      .where('assessment_id', '=', b)
      .orderBy('question_key')
      .execute();
    expect(stored).toEqual([
      { question_key: 'wants', answer: 'Studera' },
      { question_key: 'wellbeing', answer: 'Sover dåligt' },
    ]);
    expect(
      (await h.db.selectFrom('assessments').select('needs').where('id', '=', b).executeTakeFirstOrThrow()).needs,
    ).toEqual(['mental_ill_health']);
  });

  it('keeps the manual version an assessment was made with when the manual changes', async () => {
    // A municipality of its own: the other tests answer the questions of the manual this test shortens.
    const own = await createHarness();
    try {
      const personOfOwnCoach = async () => {
        const { id } = (await own.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json();
        const kase = (await own.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json().case;
        const assigned = await own.as.coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, {
          contactPersonId: own.as.youth_coach.staffId,
          version: kase.version,
        });
        expect(assigned.statusCode).toBe(204);
        return id as string;
      };
      const coach = own.as.youth_coach;
      const personId = await personOfOwnCoach();
      const a = (await start(coach, personId)).json().id;
      const before = (await read(coach, a)).json();
      const current = (await own.as.coordinator.request('GET', '/api/v1/assessment-manual')).json();
      const changed = await own.as.coordinator.request('PUT', '/api/v1/assessment-manual', {
        version: current.version,
        sections: DEFAULT_MANUAL.slice(0, 2),
      });
      expect(changed.statusCode).toBe(200);
      const after = (await read(coach, a)).json();
      expect(after.manualVersion).toBe(before.manualVersion);
      expect(after.sections).toHaveLength(DEFAULT_MANUAL.length);
      const next = await personOfOwnCoach();
      const c = (await read(coach, (await start(coach, next)).json().id)).json();
      expect(c.manualVersion).toBe(changed.json().version);
      expect(c.sections).toHaveLength(2);
    } finally {
      await own.close();
    }
  });
});
