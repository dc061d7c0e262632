import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertStaff } from '../staff/staff.service.js';
import { buildPerson } from '../../testing/factories.js';
import { pdfPageTexts } from '../../testing/pdf-text.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { storedAsIs } from '../../db/events.js';

let h: Harness;
/** The person the tests that only read share; a test that changes what the extract holds makes its own. */
let personId: string;
let unit: { id: string };
let social: { id: string };
beforeAll(async () => {
  h = await createHarness();
  unit = await h.db
    .selectFrom('units')
    .select('id')
    .where('municipality_id', '=', h.municipalityId)
    .where('name', '=', 'Socialtjänsten')
    .executeTakeFirstOrThrow();
  social = await insertStaff(h.db, {
    municipalityId: h.municipalityId,
    name: 'Test socialsekreterare',
    email: 'social@test.lotsa.local',
    role: 'team_member',
    unitId: unit.id,
  });
  personId = await personWithHistory();
});
afterAll(() => h.close());

/**
 * A person with a note, two health notes by a social worker (under a consent that names Socialtjänsten) and one with
 * no author, a consent for contact and occupation, and an emergency access by the youth coach, who read the person.
 */
async function personWithHistory(): Promise<string> {
  const personId = (
    await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson({ givenName: 'Utdrag' }))
  ).json().id;
  await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/notes`, { text: 'Första mötet.' });
  const health = (text: string, actor_id: string | null) => ({
    municipality_id: h.municipalityId,
    person_id: personId,
    type: 'note',
    category: 'health_social' as const,
    actor_id,
    payload: storedAsIs({ text }),
  });
  await h.db
    .insertInto('events')
    .values([health('Hälsoanteckning', social.id), health('Om familjen', social.id), health('Utan författare', null)])
    .execute();
  await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/consents`, {
    recipientUnitIds: [unit.id],
    categories: ['contact_occupation'],
    purpose: 'Samverkan',
    givenBy: 'young_person',
  });
  await h.as.youth_coach.request('POST', `/api/v1/persons/${personId}/emergency-access`, {
    reason: 'Akut läge, kontaktpersonen nås inte',
  });
  await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}`);
  return personId;
}

describe('GET /api/v1/persons/:id/extract', () => {
  it('answers 401 without a session, 403 to a coach, 404 in another municipality', async () => {
    expect((await h.anonymous('GET', `/api/v1/persons/${personId}/extract`)).statusCode).toBe(401);
    expect((await h.as.youth_coach.request('GET', `/api/v1/persons/${personId}/extract`)).statusCode).toBe(403);
    expect((await h.as.otherCoordinator.request('GET', `/api/v1/persons/${personId}/extract`)).statusCode).toBe(404);
  });

  it('holds what the coordinator may see of the person and who accessed it, audited as an export', async () => {
    const exports = () =>
      h.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'export')
        .where('entity', '=', 'extract')
        .where('person_id', '=', personId)
        .execute();
    const before = (await exports()).length;
    const res = await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/extract`);
    expect(res.statusCode).toBe(200);
    const extract = res.json();
    expect(extract.person).toMatchObject({
      givenName: 'Utdrag',
      streetAddress: 'Gamla Kronvägen 12',
      contactDetailsWithheld: false,
    });
    expect(extract.events.map((e: { payload: { text?: string } }) => e.payload.text).filter(Boolean)).toEqual([
      'Första mötet.',
    ]);
    expect(extract.consents).toEqual([
      expect.objectContaining({
        recipients: ['Socialtjänsten'],
        categories: ['contact_occupation'],
        purpose: 'Samverkan',
      }),
    ]);
    expect(extract.emergencyAccess).toEqual([
      expect.objectContaining({ by: 'Test youth_coach', reason: 'Akut läge, kontaktpersonen nås inte' }),
    ]);
    expect(extract.accessLog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'read', what: 'person', by: 'Test youth_coach', role: 'youth_coach' }),
      ]),
    );
    expect(await exports()).toHaveLength(before + 1);
  });

  it('leaves out health notes the coordinator may not see, saying how many, of what, who holds them', async () => {
    const extract = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/extract`)).json();
    expect(extract.categories).toEqual(['contact_occupation', 'assessment_plan']);
    expect(JSON.stringify(extract.events)).not.toContain('Hälsoanteckning');
    expect(extract.withheld).toEqual([
      {
        category: 'health_social',
        entries: 2,
        heldBy: 'Socialtjänsten',
        statement:
          '2 uppgifter i kategorin Hälsa och social situation ingår inte i utdraget, ' +
          'eftersom den som tog fram det inte har behörighet att se dem. Socialtjänsten har dem och lämnar ut dem om ' +
          'du begär det.',
      },
      {
        category: 'health_social',
        entries: 1,
        heldBy: null,
        statement: expect.stringContaining('Den enhet som registrerade dem har dem'),
      },
    ]);
    const english = (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/extract?lang=en`)).json();
    expect(english.withheld[0].statement).toBe(
      '2 entries in the category Health and social situation are not in this extract, ' +
        'because whoever produced it may not see them. Socialtjänsten holds them and provides them on request.',
    );
    const pdf = pdfPageTexts(
      (await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/extract?format=pdf&lang=sv`)).rawPayload,
    ).join('\n');
    expect(pdf).toContain('Uppgifter som inte ingår');
    expect(pdf).toContain('Socialtjänsten har dem');
    expect(pdf).not.toContain('Hälsoanteckning');
    const exports = await h.db
      .selectFrom('audit_log')
      .select('detail')
      .where('entity', '=', 'extract')
      .where('person_id', '=', personId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(exports.detail).toMatchObject({
      basis: 'register',
      categories: ['contact_occupation', 'assessment_plan'],
      withheld: [
        { category: 'health_social', entries: 2 },
        { category: 'health_social', entries: 1 },
      ],
    });
  });

  it('holds the health notes too for a coordinator of a unit the consent names for that category', async () => {
    const personId = await personWithHistory();
    await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: 'Test samordnare soc',
      email: 'socsam@test.lotsa.local',
      role: 'coordinator',
      unitId: unit.id,
      password: 'correct horse battery staple',
    });
    const coordinator = await h.signIn('socsam@test.lotsa.local');
    await h.as.coordinator.request('POST', `/api/v1/persons/${personId}/consents`, {
      recipientUnitIds: [unit.id],
      categories: ['health_social'],
      purpose: 'Stöd',
      givenBy: 'young_person',
    });
    const extract = (await coordinator.request('GET', `/api/v1/persons/${personId}/extract`)).json();
    expect(extract.withheld).toEqual([]);
    expect(extract.events.map((e: { payload: { text?: string } }) => e.payload.text).filter(Boolean)).toEqual(
      expect.arrayContaining(['Hälsoanteckning', 'Om familjen', 'Utan författare']),
    );
  });

  it('holds assessments, plan versions, measures and referrals only in categories the coordinator sees', async () => {
    const id = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson({ givenName: 'Arbete' }))).json()
      .id;
    const caseId = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json().case.id;
    const social = await h.db
      .selectFrom('units')
      .select('id')
      .where('municipality_id', '=', h.municipalityId)
      .where('name', '=', 'Socialtjänsten')
      .executeTakeFirstOrThrow();
    // An assessment with an answer of the plan's category, and (as social services would record it) one of health.
    const a = (await h.as.coordinator.request('POST', `/api/v1/persons/${id}/assessments`, {})).json().id;
    const draft = { version: 1, answers: { wants: 'Bli elektriker' }, highestEducation: 'compulsory', diploma: 'no' };
    expect((await h.as.coordinator.request('PUT', `/api/v1/assessments/${a}`, draft)).statusCode).toBe(200);
    const health = {
      assessment_id: a,
      municipality_id: h.municipalityId,
      person_id: id,
      question_key: 'wellbeing',
      section_key: 'health',
      category: 'health_social' as const,
    };
    await h.db
      .insertInto('assessment_answers')
      .values({ ...health, answer: 'Sover dåligt' })
      .execute();
    await h.db
      .updateTable('assessments')
      .set({ needs: JSON.stringify(['mental_ill_health']) })
      .where('id', '=', a)
      .execute();
    // Two plan versions, the second signed.
    const goal = {
      area: 'work',
      title: 'Hitta en praktikplats',
      ownWords: 'Jag vill jobba med händerna',
      steps: [{ title: 'Skriva ett CV', responsibleKind: 'young_person' }],
    };
    expect(
      (await h.as.coordinator.request('PUT', `/api/v1/cases/${caseId}/plan`, { version: 0, goals: [goal] })).statusCode,
    ).toBe(200);
    expect(
      (
        await h.as.coordinator.request('PUT', `/api/v1/cases/${caseId}/plan`, {
          version: 1,
          followUpOn: '2027-02-01',
          goals: [goal],
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/cases/${caseId}/plan/sign`, { version: 2 })).statusCode,
    ).toBe(201);
    // A work placement, a referral to Arbetsförmedlingen, and one to social services (health and social category).
    const offer = (
      await h.as.coordinator.request('POST', '/api/v1/offers', {
        name: 'Praktik i bygghandel',
        kind: 'work_placement',
        providerName: 'Partille Bygg AB',
      })
    ).json().id;
    const placement = {
      employerName: 'Partille Bygg AB',
      organisationNumber: '556036-0793',
      supervisorName: 'Kim Handledare',
      hoursPerWeek: 20,
    };
    const booked = await h.as.coordinator.request('POST', `/api/v1/persons/${id}/measures`, {
      offerId: offer,
      startsOn: '2026-12-01',
      plannedEndOn: '2027-01-31',
      placement,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const referral = { agency: 'employment_service', sentOn: '2026-12-02', reason: 'Inskrivning', accompanied: true };
    expect((await h.as.coordinator.request('POST', `/api/v1/persons/${id}/referrals`, referral)).statusCode).toBe(201);
    await h.db
      .insertInto('referrals')
      .values({
        municipality_id: h.municipalityId,
        person_id: id,
        agency: 'social_services',
        sent_on: '2026-12-03',
        reason: 'Ekonomiskt bistånd',
        category: 'health_social',
      })
      .execute();

    const extract = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}/extract`)).json();
    expect(extract.assessments).toHaveLength(1);
    const [assessment] = extract.assessments;
    expect(assessment).toMatchObject({
      number: 1,
      status: 'draft',
      highestEducation: 'compulsory',
      diploma: 'no',
      needs: null,
    });
    expect(assessment.sections.find((x: { category: string }) => x.category === 'health_social')).toMatchObject({
      withheld: true,
      answers: [],
    });
    expect(JSON.stringify(extract)).not.toMatch(/Sover dåligt|mental_ill_health|Ekonomiskt bistånd/);
    expect(assessment.sections[0].answers).toEqual([expect.objectContaining({ answer: 'Bli elektriker' })]);
    expect(extract.planVersions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(extract.planVersions[1]).toMatchObject({
      followUpOn: '2027-02-01',
      signatures: [{ signedBy: 'young_person', method: 'in_lotsa' }],
    });
    expect(extract.planVersions[0].goals[0]).toMatchObject({
      area: { code: 'work', sv: 'Arbete' },
      ownWords: 'Jag vill jobba med händerna',
    });
    expect(extract.measures).toEqual([
      expect.objectContaining({
        offer: 'Praktik i bygghandel',
        placement: expect.objectContaining({ supervisorName: 'Kim Handledare' }),
        startsOn: '2026-12-01',
        plannedEndOn: '2027-01-31',
      }),
    ]);
    expect(extract.referrals).toEqual([
      expect.objectContaining({ agency: 'employment_service', accompanied: true, status: 'sent' }),
    ]);
    const pdf = pdfPageTexts(
      (await h.as.coordinator.request('GET', `/api/v1/persons/${id}/extract?format=pdf&lang=sv`)).rawPayload,
    ).join('\n');
    for (const expected of [
      'Kartläggningar',
      'Bli elektriker',
      'Svaren i kategorin Hälsa och social situation ingår inte',
      'Handlingsplan, alla versioner',
      'Hitta en praktikplats',
      'Skriva ett CV',
      'Praktik i bygghandel',
      'Inskrivning',
    ]) {
      expect(pdf, expected).toContain(expected);
    }
    expect(pdf).not.toMatch(/Sover dåligt|Ekonomiskt bistånd/);

    // A coordinator of social services, whose unit a consent names for health and social situation, gets those too.
    await h.as.coordinator.request('POST', `/api/v1/persons/${id}/consents`, {
      recipientUnitIds: [social.id],
      categories: ['health_social'],
      purpose: 'Stöd',
      givenBy: 'young_person',
    });
    await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: 'Samordnare soc 2',
      email: 'socsam2@test.lotsa.local',
      role: 'coordinator',
      unitId: social.id,
      password: 'correct horse battery staple',
    });
    const bySocial = (
      await (await h.signIn('socsam2@test.lotsa.local')).request('GET', `/api/v1/persons/${id}/extract`)
    ).json();
    expect(bySocial.referrals.map((r: { agency: string }) => r.agency)).toEqual([
      'employment_service',
      'social_services',
    ]);
    expect(bySocial.assessments[0]).toMatchObject({ highestEducation: 'compulsory', needs: ['mental_ill_health'] });
    expect(JSON.stringify(bySocial.assessments)).toContain('Sover dåligt');
  });

  it('comes as a PDF too', async () => {
    const res = await h.as.coordinator.request('GET', `/api/v1/persons/${personId}/extract?format=pdf&lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('withholds the contact details of a protected identity from a coordinator without a grant', async () => {
    const id = (
      await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson({ protectedIdentity: true }))
    ).json().id;
    const extract = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}/extract`)).json();
    expect(extract.person).toMatchObject({ contactDetailsWithheld: true, streetAddress: null, phone: null });
    expect(extract.person.guardians[0].phone).toBeNull();
  });

  it('names no address or contact change of a protected identity, however recorded, as the timeline', async () => {
    const id = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json().id;
    const edit = async (changes: Record<string, unknown>) => {
      const p = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json();
      const body = {
        givenName: p.givenName,
        familyName: p.familyName,
        streetAddress: p.streetAddress,
        postalCode: p.postalCode,
        city: p.city,
        phone: p.phone,
        email: p.email,
        protectedIdentity: p.protectedIdentity,
        guardians: p.guardians,
        version: p.version,
        ...changes,
      };
      expect((await h.as.coordinator.request('PATCH', `/api/v1/persons/${id}`, body)).statusCode).toBe(204);
    };
    // A move before the protection was added, recorded with the fields it changed; then the protection.
    await edit({ streetAddress: 'Flyttvägen 3', city: 'Sävedalen', phone: '070-1740607' });
    await edit({ protectedIdentity: true });
    // A population list's change as reconciliation once recorded it, naming the columns.
    await h.db
      .insertInto('events')
      .values({
        municipality_id: h.municipalityId,
        person_id: id,
        type: 'person_updated',
        actor_id: h.as.coordinator.staffId,
        payload: storedAsIs({ fields: ['street_address', 'postal_code', 'city'], source: 'population_list' }),
      })
      .execute();
    const stored = await h.db
      .selectFrom('events')
      .select('payload')
      .where('person_id', '=', id)
      .where('type', '=', 'person_updated')
      .execute();
    expect(JSON.stringify(stored)).toMatch(/streetAddress.*street_address/);

    const extract = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}/extract`)).json();
    const updates = extract.events
      .filter((e: { type: string }) => e.type === 'person_updated')
      .map((e: { payload: unknown }) => e.payload);
    // The list's change named only address fields: a bare event would still say the address changed, so there is none.
    expect(updates).toEqual([{ fields: [] }, { fields: ['protectedIdentity'] }]);
    expect(JSON.stringify(extract.events)).not.toMatch(/street|postal|city|phone|email/i);
    // The same as the person page's timeline (which is newest first).
    const timeline = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}/events`)).json();
    expect(
      timeline
        .filter((e: { type: string }) => e.type === 'person_updated')
        .map((e: { payload: unknown }) => e.payload)
        .reverse(),
    ).toEqual(updates);
    const pdf = pdfPageTexts(
      (await h.as.coordinator.request('GET', `/api/v1/persons/${id}/extract?format=pdf`)).rawPayload,
    ).join('\n');
    expect(pdf).not.toMatch(/Flyttvägen|Sävedalen|street|postal/i);
  });

  it("shows a protected identity's address only to a coordinator with a grant, as the person page does", async () => {
    const id = (
      await h.as.coordinator.request(
        'POST',
        '/api/v1/persons',
        buildPerson({ protectedIdentity: true, streetAddress: 'Hemliga gatan 1' }),
      )
    ).json().id;
    const both = async () => [
      (await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json(),
      (await h.as.coordinator.request('GET', `/api/v1/persons/${id}/extract`)).json().person,
    ];
    const [page, extract] = await both();
    expect(page).toMatchObject({
      contactDetailsHidden: true,
      streetAddress: null,
      city: null,
      phone: null,
      email: null,
    });
    expect(extract).toMatchObject({
      contactDetailsWithheld: true,
      streetAddress: null,
      postalCode: null,
      city: null,
      phone: null,
      email: null,
    });
    await h.db
      .insertInto('protected_identity_grants')
      .values({
        municipality_id: h.municipalityId,
        person_id: id,
        staff_id: h.as.coordinator.staffId,
        granted_by: h.as.coordinator.staffId,
        reason: 'Registerutdrag på begäran',
      })
      .execute();
    const [grantedPage, granted] = await both();
    expect(grantedPage).toMatchObject({ contactDetailsHidden: false, streetAddress: 'Hemliga gatan 1' });
    expect(granted).toMatchObject({
      contactDetailsWithheld: false,
      streetAddress: 'Hemliga gatan 1',
      city: grantedPage.city,
      phone: grantedPage.phone,
      email: grantedPage.email,
    });
    const audit = await h.db
      .selectFrom('audit_log')
      .select('detail')
      .where('entity', '=', 'extract')
      .where('person_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => (a.detail as { contactDetails: boolean }).contactDetails)).toEqual([false, true]);
  });
});
