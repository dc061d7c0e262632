import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/harness.js';
import { daysAgo, personInRegister } from '../../testing/outreach.js';
import { pdfPageTexts } from '../../testing/pdf-text.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** A person whose ladder has reached the first letter, due today. */
async function letterDue(options: Parameters<typeof personInRegister>[1] = {}) {
  const p = await personInRegister(h, { enteredOn: daysAgo(10), ...options });
  const res = await h.as.coordinator.request('PUT', `/api/v1/persons/${p.personId}/next-step`, {
    channel: 'letter',
    dueOn: daysAgo(0),
    reason: 'Inget svar i telefon',
    version: 0,
  });
  if (res.statusCode !== 204) throw new Error(res.body);
  return p;
}

describe('POST /api/v1/letters', () => {
  it('answers 401 without a session, 403 for roles without outreach work, 404 for a person out of reach', async () => {
    const { personId } = await letterDue();
    expect((await h.anonymous('POST', '/api/v1/letters', { personIds: [personId] })).statusCode).toBe(401);
    expect((await h.as.manager.request('POST', '/api/v1/letters', { personIds: [personId] })).statusCode).toBe(403);
    expect((await h.as.youth_coach.request('POST', '/api/v1/letters', { personIds: [personId] })).statusCode).toBe(404);
  });

  it('asks for either persons or the day’s batch', async () => {
    const res = await h.as.coordinator.request('POST', '/api/v1/letters', {});
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
  });

  it('prints one person’s letter with name and address in the window and the template filled in', async () => {
    const { personId } = await letterDue({
      contactPerson: h.as.youth_coach,
      person: {
        givenName: 'Åsa',
        familyName: 'Öberg',
        streetAddress: 'Gamla Kronvägen 12',
        postalCode: '433 30',
        city: 'Partille',
      },
    });
    const res = await h.as.youth_coach.request('POST', '/api/v1/letters', { personIds: [personId] });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const [page, ...rest] = pdfPageTexts(res.rawPayload);
    expect(rest).toEqual([]);
    expect(page).toContain('Åsa Öberg\nGamla Kronvägen 12\n433 30  Partille');
    expect(page).toContain('Hej Åsa Öberg!');
    expect(page).toContain('Test youth_coach');
    // The window shows the recipient and nothing above it: no authority's name, no logo text.
    expect(page!.startsWith('Åsa Öberg\n')).toBe(true);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('person_id', '=', personId)
      .where('entity', '=', 'letter')
      .execute();
    expect(audit).toEqual([{ action: 'export', entity: 'letter' }]);
  });

  it("never prints a protected identity's address: the letter is marked for forwarding via Skatteverket", async () => {
    const { personId } = await letterDue({
      person: {
        givenName: 'Skyddad',
        familyName: 'Person',
        protectedIdentity: true,
        streetAddress: 'Hemliga gatan 1',
        postalCode: '433 99',
        city: 'Hemlby',
      },
    });
    const due = (await h.as.coordinator.request('GET', '/api/v1/letters/due')).json();
    expect(due.find((d: { personId: string }) => d.personId === personId)).toMatchObject({
      forwardViaSkatteverket: true,
      noAddress: false,
    });
    const res = await h.as.coordinator.request('POST', '/api/v1/letters', { personIds: [personId] });
    expect(res.headers['lotsa-forwarded']).toBe('1');
    const text = pdfPageTexts(res.rawPayload).join('\n');
    expect(text).toContain('För vidarebefordran via Skatteverket');
    expect(text).not.toMatch(/Hemliga gatan|433 99|Hemlby/);
  });

  it('prints the day’s batch in one PDF, skips those without an address, and records them as sent once', async () => {
    const a = await letterDue();
    const b = await letterDue({ person: { streetAddress: null, postalCode: null, city: null } });
    const due = (await h.as.coordinator.request('GET', '/api/v1/letters/due')).json();
    expect(due.find((d: { personId: string }) => d.personId === b.personId)).toMatchObject({ noAddress: true });
    const headers = { 'idempotency-key': 'batch-2026-11-25-a' };
    const res = await h.as.coordinator.request(
      'POST',
      '/api/v1/letters',
      { dueToday: true, recordAttempts: true },
      headers,
    );
    expect(res.statusCode).toBe(200);
    expect(Number(res.headers['lotsa-printed'])).toBe(due.filter((d: { noAddress: boolean }) => !d.noAddress).length);
    expect(res.headers['lotsa-skipped-no-address']).toBe('1');
    expect(pdfPageTexts(res.rawPayload)).toHaveLength(Number(res.headers['lotsa-printed']));
    const outreach = (await h.as.coordinator.request('GET', `/api/v1/persons/${a.personId}/outreach`)).json();
    expect(outreach.attempts).toMatchObject([{ channel: 'letter', outcome: 'sent' }]);
    expect(outreach.nextStep.channel).not.toBe('letter');
    // Nothing is due any more; the same request again records nothing new.
    const again = await h.as.coordinator.request(
      'POST',
      '/api/v1/letters',
      { personIds: [a.personId], recordAttempts: true },
      { 'idempotency-key': 'batch-2026-11-25-a' },
    );
    expect(again.statusCode).toBe(200);
    const after = (await h.as.coordinator.request('GET', `/api/v1/persons/${a.personId}/outreach`)).json();
    expect(after.attempts).toHaveLength(1);
  });

  it('records with each letter why its printer may reach the person, one by one and in the day’s batch', async () => {
    const own = await letterDue({ contactPerson: h.as.youth_coach });
    const teamCase = await letterDue();
    const kaaUnit = await h.db
      .selectFrom('units')
      .select('id')
      .where('municipality_id', '=', h.municipalityId)
      .where('kaa', '=', true)
      .executeTakeFirstOrThrow();
    const team = (
      await h.as.coordinator.request('POST', '/api/v1/teams', { name: 'Brevteamet', unitId: kaaUnit.id })
    ).json().id;
    expect(
      (await h.as.coordinator.request('POST', `/api/v1/teams/${team}/members`, { staffId: h.as.team_member.staffId }))
        .statusCode,
    ).toBe(204);
    const { case: kase } = (await h.as.coordinator.request('GET', `/api/v1/persons/${teamCase.personId}`)).json();
    expect(
      (await h.as.coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, { teamId: team, version: kase.version }))
        .statusCode,
    ).toBe(204);
    const entries = async (after: string) =>
      (
        await h.db
          .selectFrom('audit_log')
          .select(['id', 'actor_id', 'person_id', 'action', 'detail'])
          .where('entity', '=', 'letter')
          .where('id', '>', after)
          .orderBy('id')
          .execute()
      ).map((e) => ({ ...e, detail: e.detail as { basis?: string; categories?: string[] } }));
    const last = async () =>
      String(
        (
          await h.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.max('id').as('id'))
            .executeTakeFirstOrThrow()
        ).id,
      );
    const categories = ['contact_occupation', 'assessment_plan'];

    // One by one: the contact person and a member of the case's team.
    const start = await last();
    expect((await h.as.youth_coach.request('POST', '/api/v1/letters', { personIds: [own.personId] })).statusCode).toBe(
      200,
    );
    expect(
      (await h.as.team_member.request('POST', '/api/v1/letters', { personIds: [teamCase.personId] })).statusCode,
    ).toBe(200);
    expect((await entries(start)).map((e) => [e.actor_id, e.person_id, e.action, e.detail])).toEqual([
      [
        h.as.youth_coach.staffId,
        own.personId,
        'export',
        { kind: 'letter', forwarded: false, basis: 'contact_person', categories },
      ],
      [
        h.as.team_member.staffId,
        teamCase.personId,
        'export',
        { kind: 'letter', forwarded: false, basis: 'team', categories },
      ],
    ]);

    // The day's list and batch: a coordinator, on the register, for every person in them.
    const beforeBatch = await last();
    const due = (await h.as.coordinator.request('GET', '/api/v1/letters/due')).json();
    const batch = await h.as.coordinator.request('POST', '/api/v1/letters', { dueToday: true });
    expect(batch.statusCode).toBe(200);
    const logged = await entries(beforeBatch);
    expect(logged.filter((e) => e.action === 'list')).toHaveLength(due.length);
    expect(logged.filter((e) => e.action === 'export')).toHaveLength(Number(batch.headers['lotsa-printed']));
    expect(logged.map((e) => e.person_id)).toEqual(expect.arrayContaining([own.personId, teamCase.personId]));
    for (const e of logged)
      expect([e.actor_id, e.detail.basis, e.detail.categories]).toEqual([
        h.as.coordinator.staffId,
        'register',
        categories,
      ]);
  });

  it('answers 409 when there is nothing to print', async () => {
    const { personId } = await letterDue({ person: { streetAddress: null, postalCode: null, city: null } });
    const res = await h.as.coordinator.request('POST', '/api/v1/letters', { personIds: [personId] });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('nothing_to_print');
  });
});

describe('/api/v1/message-templates', () => {
  it('answers 401 without a session and lets only coordinators edit', async () => {
    expect((await h.anonymous('GET', '/api/v1/message-templates')).statusCode).toBe(401);
    const res = await h.as.youth_coach.request('PUT', '/api/v1/message-templates/letter/sv', {
      heading: 'Hej',
      body: 'Text',
      version: 0,
    });
    expect(res.statusCode).toBe(403);
  });

  it('starts from the Swedish and English defaults and saves a coordinator’s own with optimistic locking', async () => {
    const all = (await h.as.coordinator.request('GET', '/api/v1/message-templates')).json();
    expect(all).toHaveLength(8);
    expect(
      all.find((t: { kind: string; language: string }) => t.kind === 'letter' && t.language === 'en').body,
    ).toContain('{{contactPerson}}');
    const body = {
      heading: 'Hej {{name}}',
      body: 'Välkommen till Ungdomstorget. Ring {{contactPerson}} på {{phone}}.',
      version: 0,
    };
    const saved = await h.as.coordinator.request('PUT', '/api/v1/message-templates/second_letter/sv', body);
    expect(saved.json()).toMatchObject({ version: 1, body: body.body });
    expect((await h.as.coordinator.request('PUT', '/api/v1/message-templates/second_letter/sv', body)).statusCode).toBe(
      409,
    );
  });

  it('refuses unknown placeholders, the young person’s name in a text message, and identity numbers', async () => {
    for (const [kind, text] of [
      ['letter', 'Hej {{personnummer}}'],
      ['sms', 'Hej {{name}}!'],
      ['letter', 'Gäller 20080309-2381'],
    ] as const) {
      const res = await h.as.coordinator.request('PUT', `/api/v1/message-templates/${kind}/sv`, {
        heading: '',
        body: text,
        version: 0,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('template_unsafe');
    }
  });
});
