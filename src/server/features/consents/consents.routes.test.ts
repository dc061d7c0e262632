import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays } from '../../../core/outreach.js';
import { todayInSweden } from '../../../core/dates.js';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, TEST_PASSWORD, type Harness } from '../../testing/harness.js';
import { insertStaff } from '../staff/staff.service.js';

let h: Harness;
let personId: string;
let units: Map<string, string>;
const body = () => ({
  recipientUnitIds: [units.get('Socialtjänsten')],
  categories: ['contact_occupation', 'assessment_plan'],
  purpose: 'Samverkan kring studier',
  givenBy: 'young_person',
});

beforeAll(async () => {
  h = await createHarness();
  // 18 or older (no guardian's consent), still under 20 (the KAA's age) until December 2027.
  personId = (
    await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson({ personalIdentityNumber: '200712012392' }))
  ).json().id;
  units = new Map(
    (
      await h.db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', h.municipalityId).execute()
    ).map((u) => [u.name, u.id]),
  );
});
afterAll(() => h.close());

describe('POST /api/v1/persons/:id/consents', () => {
  it('answers 401 without a session, 403 to a manager and 404 in another municipality', async () => {
    expect((await h.anonymous('POST', `/api/v1/persons/${personId}/consents`, body())).statusCode).toBe(401);
    expect((await h.as.manager.request('POST', `/api/v1/persons/${personId}/consents`, body())).statusCode).toBe(403);
    expect(
      (await h.as.otherCoordinator.request('POST', `/api/v1/persons/${personId}/consents`, body())).statusCode,
    ).toBe(404);
  });

  it('answers 404 to a coach who does not work with the person', async () => {
    expect((await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/consents`, body())).statusCode).toBe(
      404,
    );
  });

  it('names missing fields, an unknown category and a unit of another municipality', async () => {
    const empty = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/consents`, {});
    expect(empty.statusCode).toBe(400);
    expect(
      empty
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['categories', 'givenBy', 'purpose', 'recipientUnitIds']);
    const category = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/consents`, {
      ...body(),
      categories: ['everything'],
    });
    expect(category.json().errors[0].field).toBe('categories.0');
    const foreignUnit = (
      await h.db
        .selectFrom('units')
        .select('id')
        .where('municipality_id', '=', h.otherMunicipalityId)
        .executeTakeFirstOrThrow()
    ).id;
    const foreign = await h.as.coordinator.request(
      'POST',
      `/api/v1/persons/${personId}/consents`,
      { ...body(), recipientUnitIds: [foreignUnit] },
      { 'accept-language': 'en' },
    );
    expect(foreign.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'recipientUnitIds', message: 'The value is not valid.' }],
    });
  });

  it('refuses a guardian’s consent for someone 18 or older, and a validity that ends before it starts', async () => {
    const guardian = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/consents`, {
      ...body(),
      givenBy: 'guardian',
      givenOn: '2026-11-01',
    });
    expect(guardian.statusCode).toBe(400);
    expect(guardian.json().code).toBe('guardian_not_applicable');
    const backwards = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/consents`, {
      ...body(),
      givenOn: '2026-11-01',
      validUntil: '2026-10-01',
    });
    expect(backwards.json().errors[0].field).toBe('validUntil');
  });

  it('refuses a consent given after today', async () => {
    const res = await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/consents`, {
      ...body(),
      givenOn: addDays(todayInSweden(), 1),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'future_consent', errors: [{ field: 'givenOn' }] });
  });

  it('records a double submit once, on the timeline and in the audit log', async () => {
    const [a, b] = await Promise.all(
      [1, 2].map(() =>
        h.as.coordinator.request('POST', `/api/v1/persons/${personId}/consents`, { ...body(), purpose: 'Dubbelklick' }),
      ),
    );
    expect([a!.statusCode, b!.statusCode]).toEqual([201, 201]);
    expect(a!.json().id).toBe(b!.json().id);
    const listed = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/consents`)).json();
    expect(listed.filter((c: { purpose: string }) => c.purpose === 'Dubbelklick')).toEqual([
      expect.objectContaining({
        state: 'valid',
        recipients: [{ id: units.get('Socialtjänsten'), name: 'Socialtjänsten' }],
        categories: ['contact_occupation', 'assessment_plan'],
        givenBy: 'young_person',
        method: 'in_lotsa',
        hasScan: false,
      }),
    ]);
    const events = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/events`)).json();
    // This consent's entry: other tests record consents for the same person.
    const recorded = events.filter(
      (e: { type: string; payload: { consentId?: string } }) =>
        e.type === 'consent_recorded' && e.payload.consentId === a!.json().id,
    );
    expect(recorded).toHaveLength(1);
    expect(
      await h.db
        .selectFrom('audit_log')
        .select('id')
        .where('entity', '=', 'consent')
        .where('entity_id', '=', a!.json().id)
        .execute(),
    ).toHaveLength(1);
  });
});

describe('days are Swedish days', () => {
  // Half past midnight in Sweden on 1 July, still 30 June in UTC (and in the database's current_date).
  const SWEDISH_MIDNIGHT = new Date('2099-06-30T22:30:00Z');
  afterEach(() => vi.useRealTimers());

  /**
   * The coordinator, signed in again at half past midnight (PGlite's clock follows the faked one, and with it the
   * sessions).
   */
  async function atSwedishMidnight() {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(SWEDISH_MIDNIGHT);
    return h.signIn(h.as.coordinator.email);
  }

  it("dates a consent by Sweden's day, by default and as the latest allowed", async () => {
    const coordinator = await atSwedishMidnight();
    const byDefault = (
      await coordinator.request('POST', `/api/v1/persons/${personId}/consents`, { ...body(), purpose: 'Vid midnatt' })
    ).json().id;
    expect(
      (await h.db.selectFrom('consents').select('given_on').where('id', '=', byDefault).executeTakeFirstOrThrow())
        .given_on,
    ).toBe('2099-07-01');
    expect(
      (
        await coordinator.request('POST', `/api/v1/persons/${personId}/consents`, {
          ...body(),
          purpose: 'Angiven dag',
          givenOn: '2099-07-01',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await coordinator.request('POST', `/api/v1/persons/${personId}/consents`, {
          ...body(),
          purpose: 'I morgon',
          givenOn: '2099-07-02',
        })
      ).json().code,
    ).toBe('future_consent');
  });

  it('shows a consent valid until yesterday in Sweden as expired', async () => {
    const { id } = (
      await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/consents`, {
        ...body(),
        purpose: 'Går ut',
        givenOn: '2026-11-01',
        validUntil: '2099-06-30',
      })
    ).json();
    const coordinator = await atSwedishMidnight();
    const listed = (await coordinator.request('GET', `/api/v1/persons/${personId}/consents`)).json();
    expect(listed.find((c: { id: string }) => c.id === id)).toMatchObject({ state: 'expired' });
  });
});

describe('POST /api/v1/consents/:id/withdraw', () => {
  it('answers 401 without a session and 404 in another municipality; withdrawing twice changes nothing', async () => {
    const { id } = (
      await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/consents`, {
        ...body(),
        purpose: 'Återkallas',
      })
    ).json();
    expect((await h.anonymous('POST', `/api/v1/consents/${id}/withdraw`, {})).statusCode).toBe(401);
    expect((await h.as.otherCoordinator.request('POST', `/api/v1/consents/${id}/withdraw`, {})).statusCode).toBe(404);
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/consents/${id}/withdraw`, { note: 'Vill inte längre' }))
        .statusCode,
    ).toBe(204);
    const again = await h.as.coordinator.request('POST', `/api/v1/consents/${id}/withdraw`);
    expect(again.statusCode, again.body).toBe(204);
    const events = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/events`)).json();
    expect(
      events.filter(
        (e: { type: string; payload: { consentId?: string } }) =>
          e.type === 'consent_withdrawn' && e.payload.consentId === id,
      ),
    ).toHaveLength(1);
  });
});

describe('the consent form and the signed scan', () => {
  it('prints the form as a PDF in Swedish and English, audited as an export', async () => {
    expect((await h.anonymous('GET', `/api/v1/persons/${personId}/consent-form`)).statusCode).toBe(401);
    for (const lang of ['sv', 'en']) {
      const res = await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/consent-form?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(
      await h.db
        .selectFrom('audit_log')
        .select('id')
        .where('entity', '=', 'consent_form')
        .where('person_id', '=', personId)
        .execute(),
    ).toHaveLength(2);
  });

  it('keeps the scan of the signed form and refuses other file types', async () => {
    const { id } = (
      await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/consents`, {
        ...body(),
        purpose: 'Papper',
        method: 'paper',
      })
    ).json();
    const scan = Buffer.from('%PDF-1.4 signed form');
    const wrong = await h.app.inject({
      method: 'PUT',
      url: `/api/v1/consents/${id}/scan`,
      payload: 'text',
      headers: { ...(await headersOf()), 'content-type': 'text/plain' },
    });
    expect(wrong.statusCode).toBe(415);
    const put = await h.app.inject({
      method: 'PUT',
      url: `/api/v1/consents/${id}/scan?fileName=samtycke.pdf`,
      payload: scan,
      headers: { ...(await headersOf()), 'content-type': 'application/pdf' },
    });
    expect(put.statusCode).toBe(204);
    const got = await h.as.coordinator.request('GET', `/api/v1/consents/${id}/scan`);
    expect(got.rawPayload.equals(scan)).toBe(true);
    expect((await h.as.youth_coach.request('GET', `/api/v1/consents/${id}/scan`)).statusCode).toBe(404);
  });
});

describe('reading consents and scans', () => {
  it('records the access basis of each read: register for a coordinator, emergency in emergency', async () => {
    const id = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json().id;
    const consent = (
      await h.as.coordinator.request('POST', `/api/v1/persons/${id}/consents`, {
        ...body(),
        purpose: 'Grund',
        method: 'paper',
      })
    ).json().id;
    await h.app.inject({
      method: 'PUT',
      url: `/api/v1/consents/${consent}/scan`,
      payload: Buffer.from('%PDF-1.4'),
      headers: { ...(await headersOf()), 'content-type': 'application/pdf' },
    });
    await h.as.coordinator.request('GET', `/api/v1/persons/${id}/consents`);
    await h.as.coordinator.request('GET', `/api/v1/consents/${consent}/scan`);
    await h.as.team_member.request('POST', `/api/v1/persons/${id}/emergency-access`, {
      reason: 'Akut läge i helgen, kontaktpersonen nås inte',
    });
    expect((await h.as.team_member.request('GET', `/api/v1/persons/${id}/consents`)).statusCode).toBe(200);
    expect((await h.as.team_member.request('GET', `/api/v1/consents/${consent}/scan`)).statusCode).toBe(200);
    const reads = await h.db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity', 'detail'])
      .where('person_id', '=', id)
      .where('action', '=', 'read')
      .orderBy('id')
      .execute();
    expect(reads.map((r) => [r.actor_id, r.entity, (r.detail as { basis?: string }).basis])).toEqual([
      [h.as.coordinator.staffId, 'consents', 'register'],
      [h.as.coordinator.staffId, 'consent_scan', 'register'],
      [h.as.team_member.staffId, 'consents', 'emergency'],
      [h.as.team_member.staffId, 'consent_scan', 'emergency'],
    ]);
  });
});

describe('who reads the consents', () => {
  it('lets another agency read consents and scan only with consent to assessment and plan, not contact', async () => {
    const team = await h.db
      .insertInto('teams')
      .values({
        municipality_id: h.municipalityId,
        name: 'Samtyckesteamet',
        unit_id: units.get('Utbildningsförvaltningen')!,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const staff = await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: 'Test socialsekreterare',
      email: 'soc-consents@test.lotsa.local',
      role: 'team_member',
      unitId: units.get('Socialtjänsten')!,
      password: TEST_PASSWORD,
    });
    await h.db
      .insertInto('team_members')
      .values({ team_id: team.id, staff_id: (staff as { id: string }).id })
      .execute();
    const social = await h.signIn('soc-consents@test.lotsa.local');
    const id = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json().id;
    const kase = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json().case;
    expect(
      (await h.as.coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, { teamId: team.id, version: kase.version }))
        .statusCode,
    ).toBe(204);
    const contactOnly = (
      await h.as.coordinator.request('POST', `/api/v1/persons/${id}/consents`, {
        ...body(),
        categories: ['contact_occupation'],
        purpose: 'Bara kontaktuppgifter',
        method: 'paper',
      })
    ).json().id;
    await h.app.inject({
      method: 'PUT',
      url: `/api/v1/consents/${contactOnly}/scan`,
      payload: Buffer.from('%PDF-1.4'),
      headers: { ...(await headersOf()), 'content-type': 'application/pdf' },
    });

    expect((await social.request('GET', `/api/v1/persons/${id}`)).statusCode).toBe(200);
    expect((await social.request('GET', `/api/v1/persons/${id}/consents`)).statusCode).toBe(404);
    expect((await social.request('GET', `/api/v1/consents/${contactOnly}/scan`)).statusCode).toBe(404);

    await h.as.coordinator.request('POST', `/api/v1/persons/${id}/consents`, {
      ...body(),
      categories: ['assessment_plan'],
      purpose: 'Planen',
    });
    const listed = await social.request('GET', `/api/v1/persons/${id}/consents`);
    expect(listed.statusCode).toBe(200);
    expect(
      listed
        .json()
        .map((c: { purpose: string }) => c.purpose)
        .sort(),
    ).toEqual(['Bara kontaktuppgifter', 'Planen']);
    expect((await social.request('GET', `/api/v1/consents/${contactOnly}/scan`)).statusCode).toBe(200);
  });
});

/** The coordinator's cookie and CSRF token, for a raw upload. */
async function headersOf(): Promise<Record<string, string>> {
  const res = await h.anonymous('POST', '/api/v1/auth/login', {
    email: h.as.coordinator.email,
    password: 'correct horse battery staple',
  });
  return {
    cookie: `lotsa_session=${res.cookies.find((c) => c.name === 'lotsa_session')!.value}`,
    'x-csrf-token': res.json().csrfToken,
  };
}
