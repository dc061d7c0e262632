import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, TEST_PASSWORD, type Harness } from '../../testing/harness.js';
import { pdfPageTexts } from '../../testing/pdf-text.js';
import { insertStaff } from '../staff/staff.service.js';

let h: Harness;
let units: Map<string, string>;

/** A new person in the register and their case (the coordinator sees every person). */
async function newCase(): Promise<{ personId: string; caseId: string; caseVersion: number }> {
  const personId = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json().id;
  const kase = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}`)).json().case;
  return { personId, caseId: kase.id, caseVersion: kase.version };
}

const step = (overrides: Record<string, unknown> = {}) => ({
  title: 'Boka studiebesök på komvux',
  responsibleKind: 'young_person',
  startOn: '2026-12-07',
  dueOn: '2026-12-20',
  followUpOn: '2026-12-21',
  ...overrides,
});
const twoGoals = () => ({
  version: 0,
  followUpOn: '2027-01-15',
  goals: [
    {
      area: 'studies',
      title: 'Läsa klart gymnasiet på komvux',
      ownWords: 'Jag vill bli undersköterska',
      subGoals: [{ title: 'Veta vilka kurser som saknas' }],
      steps: [step()],
    },
    {
      area: 'daily_structure',
      title: 'Komma upp på morgonen',
      subGoals: [],
      steps: [
        step({
          title: 'Gå till studierummet måndagar',
          responsibleKind: 'unit',
          responsibleUnitId: units.get('Utbildningsförvaltningen'),
        }),
      ],
    },
  ],
});

beforeAll(async () => {
  h = await createHarness();
  units = new Map(
    (
      await h.db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', h.municipalityId).execute()
    ).map((u) => [u.name, u.id]),
  );
});
afterAll(() => h.close());

describe('who may see and change a plan', () => {
  it('answers 401 without a session on every plan endpoint', async () => {
    const { caseId } = await newCase();
    for (const [method, url] of [
      ['GET', `/api/v1/cases/${caseId}/plan`],
      ['PUT', `/api/v1/cases/${caseId}/plan`],
      ['GET', `/api/v1/cases/${caseId}/plan/versions`],
      ['POST', `/api/v1/cases/${caseId}/plan/sign`],
      ['GET', `/api/v1/cases/${caseId}/plan.pdf`],
    ] as const) {
      expect((await h.anonymous(method, url, method === 'GET' ? undefined : {})).statusCode, url).toBe(401);
    }
  });

  it('answers 404 to a coach not on the case and another municipality, as for none; audits the read', async () => {
    const { caseId, personId } = await newCase();
    for (const client of [h.as.youth_coach, h.as.otherCoordinator]) {
      expect((await client.request('GET', `/api/v1/cases/${caseId}/plan`)).statusCode).toBe(404);
      expect((await client.request('GET', `/api/v1/cases/${caseId}/plan/versions`)).statusCode).toBe(404);
      expect((await client.request('GET', `/api/v1/cases/${caseId}/plan.pdf`)).statusCode).toBe(404);
      expect((await client.request('PUT', `/api/v1/cases/${caseId}/plan`, twoGoals())).statusCode).toBe(404);
      expect((await client.request('POST', `/api/v1/cases/${caseId}/plan/sign`, { version: 1 })).statusCode).toBe(404);
    }
    expect(
      (await h.as.coordinator.request('GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000/plan')).statusCode,
    ).toBe(404);
    const denied = await h.db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity'])
      .where('person_id', '=', personId)
      .where('action', '=', 'denied')
      .execute();
    expect(denied).toContainEqual({ actor_id: h.as.youth_coach.staffId, entity: 'plan' });
    expect(await h.db.selectFrom('action_plans').select('id').where('case_id', '=', caseId).execute()).toEqual([]);
  });

  it('withholds the plan from an agency consented for contact only; with its category it reads', async () => {
    const team = await h.db
      .insertInto('teams')
      .values({
        municipality_id: h.municipalityId,
        name: 'Planteamet',
        unit_id: units.get('Utbildningsförvaltningen')!,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const staff = await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: 'Test socialsekreterare',
      email: 'soc-plan@test.lotsa.local',
      role: 'team_member',
      unitId: units.get('Socialtjänsten')!,
      password: TEST_PASSWORD,
    });
    await h.db
      .insertInto('team_members')
      .values({ team_id: team.id, staff_id: (staff as { id: string }).id })
      .execute();
    const social = await h.signIn('soc-plan@test.lotsa.local');
    const { personId, caseId, caseVersion } = await newCase();
    expect(
      (await h.as.coordinator.request('PATCH', `/api/v1/cases/${caseId}`, { teamId: team.id, version: caseVersion }))
        .statusCode,
    ).toBe(204);
    expect((await h.as.coordinator.request('PUT', `/api/v1/cases/${caseId}/plan`, twoGoals())).statusCode).toBe(200);
    const consent = { recipientUnitIds: [units.get('Socialtjänsten')], purpose: 'Samverkan', givenBy: 'young_person' };
    await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/consents`, {
      ...consent,
      categories: ['contact_occupation'],
    });

    expect((await social.request('GET', `/api/v1/persons/${personId}`)).statusCode).toBe(200);
    expect((await social.request('GET', `/api/v1/cases/${caseId}/plan`)).statusCode).toBe(404);
    expect((await social.request('GET', `/api/v1/cases/${caseId}/plan.pdf`)).statusCode).toBe(404);
    const timeline = (await social.request('GET', `/api/v1/persons/${personId}/events`)).json();
    expect(timeline.map((e: { type: string }) => e.type)).not.toContain('plan_created');

    await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/consents`, {
      ...consent,
      categories: ['assessment_plan'],
    });
    const read = await social.request('GET', `/api/v1/cases/${caseId}/plan`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ version: 1, canEdit: false });
    expect(
      (await social.request('PUT', `/api/v1/cases/${caseId}/plan`, { ...twoGoals(), version: 1 })).statusCode,
    ).toBe(404);
    expect(
      (await social.request('GET', `/api/v1/persons/${personId}/events`)).json().map((e: { type: string }) => e.type),
    ).toContain('plan_created');
  });
});

describe('PUT /api/v1/cases/:id/plan', () => {
  it('names the field for a step due before its start, an early follow-up, an unknown area, foreign unit', async () => {
    const { caseId } = await newCase();
    const foreignUnit = (
      await h.db
        .selectFrom('units')
        .select('id')
        .where('municipality_id', '=', h.otherMunicipalityId)
        .executeTakeFirstOrThrow()
    ).id;
    const cases: [Record<string, unknown>, string][] = [
      [{ goals: [{ ...twoGoals().goals[0], steps: [step({ dueOn: '2026-12-01' })] }] }, 'goals.0.steps.0.dueOn'],
      [
        { goals: [{ ...twoGoals().goals[0], steps: [step({ followUpOn: '2026-12-06' })] }] },
        'goals.0.steps.0.followUpOn',
      ],
      [{ goals: [{ ...twoGoals().goals[0], area: 'astrology' }] }, 'goals.0.area'],
      [
        {
          goals: [
            twoGoals().goals[0],
            { ...twoGoals().goals[1], steps: [step({ responsibleKind: 'unit', responsibleUnitId: foreignUnit })] },
          ],
        },
        'goals.1.steps.0.responsibleUnitId',
      ],
      [
        { goals: [{ ...twoGoals().goals[0], steps: [step({ responsibleKind: 'other', responsibleOther: '' })] }] },
        'goals.0.steps.0.responsibleOther',
      ],
      [{ goals: [{ ...twoGoals().goals[0], id: '00000000-0000-4000-8000-000000000000' }] }, 'goals.0.id'],
    ];
    for (const [change, field] of cases) {
      const res = await h.as.coordinator.request(
        'PUT',
        `/api/v1/cases/${caseId}/plan`,
        { ...twoGoals(), ...change },
        { 'accept-language': 'en' },
      );
      expect(res.statusCode, field).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(
        res.json().errors.map((e: { field: string }) => e.field),
        field,
      ).toEqual([field]);
    }
    expect(await h.db.selectFrom('action_plans').select('id').where('case_id', '=', caseId).execute()).toEqual([]);
    expect(
      await h.db
        .selectFrom('plan_goals')
        .innerJoin('action_plans', 'action_plans.id', 'plan_goals.plan_id')
        .select('plan_goals.id')
        .where('action_plans.case_id', '=', caseId)
        .execute(),
    ).toEqual([]);
  });

  it('makes the plan, keeps goal ids across versions, marks a removed goal, refuses stale, keeps all', async () => {
    const { caseId, personId } = await newCase();
    const empty = (await h.as.coordinator.request('GET', `/api/v1/cases/${caseId}/plan`)).json();
    expect(empty).toMatchObject({ version: 0, goals: [], canEdit: true });
    expect(empty.goalAreas.map((a: { code: string }) => a.code)).toContain('breaking_isolation');

    const first = await h.as.coordinator.request('PUT', `/api/v1/cases/${caseId}/plan`, twoGoals());
    expect(first.statusCode, first.body).toBe(200);
    const v1 = first.json();
    expect(v1).toMatchObject({
      version: 1,
      followUpOn: '2027-01-15',
      goals: [
        {
          area: 'studies',
          ownWords: 'Jag vill bli undersköterska',
          subGoals: [{ title: 'Veta vilka kurser som saknas', done: false }],
        },
        { area: 'daily_structure' },
      ],
    });
    expect(v1.goals[1].steps[0]).toMatchObject({
      responsibleKind: 'unit',
      responsibleUnitId: units.get('Utbildningsförvaltningen'),
      status: 'planned',
    });

    const [studies, daily] = v1.goals;
    const second = await h.as.coordinator.request('PUT', `/api/v1/cases/${caseId}/plan`, {
      version: 1,
      followUpOn: '2027-01-15',
      goals: [
        { ...studies, steps: [{ ...studies.steps[0], status: 'done', endedOn: '2026-12-18', endReason: 'completed' }] },
        {
          area: 'job_seeking',
          title: 'Skriva ett CV',
          steps: [step({ title: 'CV-verkstad', responsibleKind: 'other', responsibleOther: 'Arbetsförmedlingen' })],
        },
      ],
    });
    expect(second.statusCode, second.body).toBe(200);
    const v2 = second.json();
    expect(v2.version).toBe(2);
    expect(v2.goals[0].id).toBe(studies.id);
    expect(v2.goals[0].steps[0].id).toBe(studies.steps[0].id);
    expect(v2.removedGoals).toEqual([expect.objectContaining({ id: daily.id, area: 'daily_structure' })]);
    expect(
      (await h.db.selectFrom('plan_goals').select('removed_at').where('id', '=', daily.id).executeTakeFirstOrThrow())
        .removed_at,
    ).not.toBeNull();

    const stale = await h.as.secondCoach.request('PUT', `/api/v1/cases/${caseId}/plan`, { ...twoGoals(), version: 1 });
    expect(stale.statusCode).toBe(404);
    const staleCoordinator = await h.as.coordinator.request('PUT', `/api/v1/cases/${caseId}/plan`, {
      ...twoGoals(),
      version: 1,
    });
    expect(staleCoordinator.statusCode).toBe(409);
    expect(staleCoordinator.json().code).toBe('version_conflict');

    const versions = (await h.as.coordinator.request('GET', `/api/v1/cases/${caseId}/plan/versions`)).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({
      changedBy: 'Test coordinator',
      summary: { goalsAdded: ['job_seeking'], goalsRemoved: ['daily_structure'], stepsChanged: 1 },
    });
    expect(versions[1].document.goals).toHaveLength(2);

    const events = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/events`)).json();
    expect(
      events
        .filter((e: { type: string }) => e.type.startsWith('plan_'))
        .map((e: { type: string }) => e.type)
        .sort(),
    ).toEqual(['plan_created', 'plan_updated']);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('person_id', '=', personId)
      .where('entity', 'in', ['plan', 'plan_versions'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => `${a.action} ${a.entity}`)).toEqual([
      'read plan',
      'create plan',
      'update plan',
      'read plan_versions',
    ]);
  });

  it('saves nothing new when nothing changed', async () => {
    const { caseId } = await newCase();
    const v1 = (await h.as.coordinator.request('PUT', `/api/v1/cases/${caseId}/plan`, twoGoals())).json();
    const again = (await h.as.coordinator.request('PUT', `/api/v1/cases/${caseId}/plan`, { ...v1, version: 1 })).json();
    expect(again.version).toBe(1);
    expect((await h.as.coordinator.request('GET', `/api/v1/cases/${caseId}/plan/versions`)).json()).toHaveLength(1);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity', '=', 'plan')
      .where('entity_id', '=', caseId)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'read']);
  });
});

describe('POST /api/v1/cases/:id/plan/sign and the signed scan', () => {
  it('signs the current version, refuses a stale one and a future day, and keeps the scan of the paper', async () => {
    const { caseId, personId } = await newCase();
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/cases/${caseId}/plan/sign`, { version: 1 })).statusCode,
    ).toBe(409);
    await h.as.coordinator.request('PUT', `/api/v1/cases/${caseId}/plan`, twoGoals());
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/cases/${caseId}/plan/sign`, { version: 2 })).statusCode,
    ).toBe(409);
    const future = await h.as.coordinator.request('POST', `/api/v1/cases/${caseId}/plan/sign`, {
      version: 1,
      signedOn: '2099-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('signedOn');
    const signed = await h.as.coordinator.request('POST', `/api/v1/cases/${caseId}/plan/sign`, {
      version: 1,
      method: 'paper',
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const id = signed.json().id;

    const scan = Buffer.from('%PDF-1.4 signed plan');
    const headers = { cookie: '', 'x-csrf-token': '' };
    const login = await h.anonymous('POST', '/api/v1/auth/login', {
      email: h.as.coordinator.email,
      password: TEST_PASSWORD,
    });
    headers.cookie = `lotsa_session=${login.cookies.find((c) => c.name === 'lotsa_session')!.value}`;
    headers['x-csrf-token'] = login.json().csrfToken;
    expect(
      (
        await h.app.inject({
          method: 'PUT',
          url: `/api/v1/plan-signatures/${id}/scan`,
          payload: 'x',
          headers: { ...headers, 'content-type': 'text/plain' },
        })
      ).statusCode,
    ).toBe(415);
    expect(
      (
        await h.app.inject({
          method: 'PUT',
          url: `/api/v1/plan-signatures/${id}/scan?fileName=plan.pdf`,
          payload: scan,
          headers: { ...headers, 'content-type': 'application/pdf' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await h.as.coordinator.request('GET', `/api/v1/plan-signatures/${id}/scan`)).rawPayload.equals(scan)).toBe(
      true,
    );
    expect((await h.as.youth_coach.request('GET', `/api/v1/plan-signatures/${id}/scan`)).statusCode).toBe(404);

    const plan = (await h.as.coordinator.request('GET', `/api/v1/cases/${caseId}/plan`)).json();
    expect(plan.signatures).toEqual([
      expect.objectContaining({ id, version: 1, signedBy: 'young_person', method: 'paper', hasScan: true }),
    ]);
    const events = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/events`)).json();
    expect(events.find((e: { type: string }) => e.type === 'plan_signed')).toMatchObject({
      payload: { version: 1, method: 'paper' },
    });
  });
});

describe('GET /api/v1/cases/:id/plan.pdf', () => {
  it('prints the plan in plain Swedish and English: goals, own words, steps and who; audited as export', async () => {
    const { caseId, personId, caseVersion } = await newCase();
    const coach = await h.db
      .updateTable('staff')
      .set({ profession: 'youth_coach' })
      .where('id', '=', h.as.youth_coach.staffId)
      .returning('name')
      .executeTakeFirstOrThrow();
    const assign = { contactPersonId: h.as.youth_coach.staffId, version: caseVersion };
    expect((await h.as.coordinator.request('PATCH', `/api/v1/cases/${caseId}`, assign)).statusCode).toBe(204);
    await h.as.coordinator.request('PUT', `/api/v1/cases/${caseId}/plan`, twoGoals());
    const plan = (await h.as.coordinator.request('GET', `/api/v1/cases/${caseId}/plan`)).json();
    expect(plan.contactPerson).toEqual({ name: coach.name, profession: 'youth_coach' });
    const sv = await h.as.coordinator.request('GET', `/api/v1/cases/${caseId}/plan.pdf?lang=sv`);
    expect(sv.statusCode).toBe(200);
    expect(sv.headers['content-type']).toBe('application/pdf');
    const svText = pdfPageTexts(sv.rawPayload).join('\n');
    for (const expected of [
      'Min handlingsplan',
      'Mål 1: Studier',
      'Läsa klart gymnasiet på komvux',
      'Jag vill bli undersköterska',
      'Boka studiebesök på komvux',
      'Du själv',
      'Utbildningsförvaltningen',
      'Mål 2: Struktur i vardagen',
      '2027-01-15',
      `${coach.name}, ungdomscoach`,
    ]) {
      expect(svText, expected).toContain(expected);
    }
    const enText = pdfPageTexts(
      (await h.as.coordinator.request('GET', `/api/v1/cases/${caseId}/plan.pdf?lang=en`)).rawPayload,
    ).join('\n');
    for (const expected of [
      'My action plan',
      'Goal 1: Studies',
      'Goal 2: A daily structure',
      'Who does it: You',
      'youth coach',
    ])
      expect(enText, expected).toContain(expected);
    expect(
      await h.db
        .selectFrom('audit_log')
        .select('id')
        .where('entity', '=', 'plan_pdf')
        .where('person_id', '=', personId)
        .execute(),
    ).toHaveLength(2);
  });
});
