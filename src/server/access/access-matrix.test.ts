/**
 * The whole access matrix through the HTTP API: role × agency × consent state (none, valid,
 * expired, withdrawn) × category × emergency access. One harness; one person per consent state,
 * each with information in every category; one account per kind of staff member.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_CATEGORIES, type ConsentCategory } from '../../core/consent.js';
import type { Role } from '../../core/roles.js';
import { currentManualFor } from '../features/assessments/assessment-manual.service.js';
import { insertStaff } from '../features/staff/staff.service.js';
import { buildPerson } from '../testing/factories.js';
import { createHarness, TEST_PASSWORD, type Client, type Harness } from '../testing/harness.js';
import { storedAsIs } from '../db/events.js';
import { pdfPageTexts } from '../testing/pdf-text.js';
import { codeWorkSettled } from '../features/me/me-sign-in.service.js';

const STATES = ['none', 'valid', 'expired', 'withdrawn'] as const;
type State = (typeof STATES)[number];
type Unit = 'school' | 'social' | 'labour' | 'employment';
/** Who: role, agency, whether in the case's team, whether contact person, whether they broke the glass. */
type Who = { key: string; role: Role; unit: Unit; inTeam?: boolean; contact?: boolean; emergency?: boolean };

const WHO: Who[] = [
  { key: 'coordinator', role: 'coordinator', unit: 'school' },
  { key: 'contact person', role: 'youth_coach', unit: 'school', contact: true },
  { key: 'team coach, same agency', role: 'youth_coach', unit: 'school', inTeam: true },
  { key: 'team member, same agency', role: 'team_member', unit: 'school', inTeam: true },
  { key: 'social worker in the team', role: 'team_member', unit: 'social', inTeam: true },
  { key: 'job coach in the team', role: 'youth_coach', unit: 'labour', inTeam: true },
  {
    key: 'employment officer in the team (not named in the consent)',
    role: 'team_member',
    unit: 'employment',
    inTeam: true,
  },
  { key: 'social worker outside the team', role: 'team_member', unit: 'social' },
  {
    key: 'social worker in the team, emergency access',
    role: 'team_member',
    unit: 'social',
    inTeam: true,
    emergency: true,
  },
  { key: 'social worker outside the team, emergency access', role: 'team_member', unit: 'social', emergency: true },
];

/**
 * The consent of every person names social services and the labour-market unit, for contact/occupation and
 * health/social (not assessment/plan).
 */
const CONSENTED: ConsentCategory[] = ['contact_occupation', 'health_social'];
const RECIPIENTS: Unit[] = ['social', 'labour'];

/** What the rules say `who` sees of a person whose consent is in `state`. */
function expected(who: Who, state: State): ConsentCategory[] {
  if (who.emergency) return [...CONSENT_CATEGORIES];
  const own = who.role === 'coordinator' || who.contact || (who.inTeam && who.unit === 'school');
  const byConsent = state === 'valid' && RECIPIENTS.includes(who.unit) && (own || who.inTeam) ? CONSENTED : [];
  const base: ConsentCategory[] = own ? ['contact_occupation', 'assessment_plan'] : [];
  return CONSENT_CATEGORIES.filter((c) => base.includes(c) || byConsent.includes(c));
}

let h: Harness;
const clients = new Map<string, Client>();
const persons = new Map<State, string>();

beforeAll(async () => {
  h = await createHarness();
  const units = new Map(
    (
      await h.db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', h.municipalityId).execute()
    ).map((u) => [u.name, u.id]),
  );
  const unitId: Record<Unit, string> = {
    school: units.get('Utbildningsförvaltningen')!,
    social: units.get('Socialtjänsten')!,
    labour: units.get('Arbetsmarknadsenheten')!,
    employment: units.get('Arbetsförmedlingen')!,
  };
  const team = await h.db
    .insertInto('teams')
    .values({ municipality_id: h.municipalityId, name: 'Matristeamet', unit_id: unitId.school })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, who] of WHO.entries()) {
    const email = `matrix${i}@test.lotsa.local`;
    const staff = await insertStaff(h.db, {
      municipalityId: h.municipalityId,
      name: who.key,
      email,
      role: who.role,
      unitId: unitId[who.unit],
      password: TEST_PASSWORD,
    });
    if (who.inTeam)
      await h.db
        .insertInto('team_members')
        .values({ team_id: team.id, staff_id: (staff as { id: string }).id })
        .execute();
    clients.set(who.key, await h.signIn(email));
  }
  const coordinator = clients.get('coordinator')!;
  for (const state of STATES) {
    const { id } = (
      await coordinator.request('POST', '/api/v1/persons', buildPerson({ givenName: `Matris-${state}` }))
    ).json();
    persons.set(state, id);
    const kase = (await coordinator.request('GET', `/api/v1/persons/${id}`)).json().case;
    const assign = await coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, {
      contactPersonId: clients.get('contact person')!.staffId,
      teamId: team.id,
      version: kase.version,
    });
    expect(assign.statusCode).toBe(204);
    expect(
      (
        await coordinator.request('POST', `/api/v1/persons/${id}/notes`, {
          text: 'Plan: studiebesök på folkhögskolan.',
        })
      ).statusCode,
    ).toBe(201);
    // A health note as a social worker with consent would write it (set up directly: the subject here is reading).
    await h.db
      .insertInto('events')
      .values({
        municipality_id: h.municipalityId,
        person_id: id,
        type: 'note',
        category: 'health_social',
        payload: storedAsIs({ text: 'Hälsa: har kontakt med vårdcentralen.' }),
      })
      .execute();
    if (state === 'none') continue;
    const consent = await coordinator.request('POST', `/api/v1/persons/${id}/consents`, {
      recipientUnitIds: RECIPIENTS.map((u) => unitId[u]),
      categories: CONSENTED,
      purpose: 'Samverkan i teamet kring studier och arbete',
      givenBy: 'young_person',
      givenOn: '2026-01-10',
      validUntil: state === 'expired' ? '2026-02-01' : null,
    });
    expect(consent.statusCode).toBe(201);
    if (state === 'withdrawn')
      expect((await coordinator.request('POST', `/api/v1/consents/${consent.json().id}/withdraw`, {})).statusCode).toBe(
        204,
      );
  }
  // The municipality lets the social services use emergency access too, for every consent state.
  const settings = await h.as.administrator.request('PUT', '/api/v1/settings', {
    emergencyUnitIds: [unitId.school, unitId.social],
    emergencyDailyLimit: STATES.length,
  });
  expect(settings.statusCode).toBe(200);
  for (const who of WHO.filter((w) => w.emergency)) {
    for (const state of STATES) {
      const res = await clients
        .get(who.key)!
        .request('POST', `/api/v1/persons/${persons.get(state)}/emergency-access`, {
          reason: 'Ungdomen hör av sig i kris, kontaktpersonen nås inte',
        });
      expect(res.statusCode).toBe(201);
    }
  }
}, 120_000);
afterAll(() => h.close());

const cases = WHO.flatMap((who) => STATES.map((state) => ({ who, state, sees: expected(who, state) })));

describe('who sees what of a person, by consent', () => {
  it.each(cases)('$who.key, consent $state: sees $sees', async ({ who, state, sees }) => {
    const client = clients.get(who.key)!;
    const personId = persons.get(state)!;
    // The audit entries of this test's reads only: other tests read (and write) as the same staff.
    const since = (
      await h.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.coalesce(eb.fn.max('id'), eb.val('0')).as('id'))
        .executeTakeFirstOrThrow()
    ).id;
    const detail = await client.request('GET', `/api/v1/persons/${personId}`);
    const events = await client.request('GET', `/api/v1/persons/${personId}/events`);
    const list = (await client.request('GET', `/api/v1/persons?q=Matris-${state}&sort=status`)).json();
    const consents = await client.request('GET', `/api/v1/persons/${personId}/consents`);
    // Consents are the KAA's own documentation: read by those who manage the person or see the assessment and plan.
    const readsConsents = sees.includes('assessment_plan');
    if (sees.length === 0) {
      expect(detail.statusCode).toBe(404);
      expect(events.statusCode).toBe(404);
      expect(consents.statusCode).toBe(404);
      expect(list.items).toEqual([]);
      return;
    }
    expect(detail.statusCode).toBe(200);
    const person = detail.json();
    expect(person.access.categories).toEqual(sees);
    expect(person.access.basis).toBe(
      who.emergency
        ? 'emergency'
        : who.contact
          ? 'contact_person'
          : who.role === 'coordinator'
            ? 'register'
            : sees.includes('assessment_plan')
              ? 'team'
              : 'consent',
    );
    const contact = sees.includes('contact_occupation');
    expect(person.streetAddress !== null).toBe(contact);
    expect(person.case !== null).toBe(contact);
    expect(person.guardians.length > 0).toBe(contact);
    const shown = new Set(events.json().map((e: { category: string }) => e.category));
    expect([...shown].sort()).toEqual([...sees].sort());
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([personId]);
    expect(consents.statusCode).toBe(readsConsents ? 200 : 404);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['entity', 'detail'])
      .where('actor_id', '=', client.staffId)
      .where('person_id', '=', personId)
      .where('action', '=', 'read')
      .where('id', '>', since)
      .orderBy('id')
      .execute();
    expect([...new Set(audit.map((a) => a.entity))].sort()).toEqual(
      readsConsents ? ['consents', 'events', 'person'] : ['events', 'person'],
    );
    expect(audit.filter((a) => a.entity === 'person').at(-1)!.detail).toMatchObject({
      basis: person.access.basis,
      categories: sees,
    });
  });

  it('lets a manager, an administrator and a school reporter see no person at all', async () => {
    for (const role of ['manager', 'administrator', 'school_reporter'] as const) {
      expect((await h.as[role].request('GET', `/api/v1/persons/${persons.get('valid')}`)).statusCode, role).toBe(403);
    }
  });

  it('lets a team member write only into categories she may see', async () => {
    const social = clients.get('social worker in the team')!;
    const personId = persons.get('valid')!;
    const health = await social.request('POST', `/api/v1/persons/${personId}/notes`, {
      text: 'Har fått tid hos BUP.',
      category: 'health_social',
    });
    expect(health.statusCode).toBe(201);
    const plan = await social.request('POST', `/api/v1/persons/${personId}/notes`, { text: 'Ny plan.' });
    expect(plan.statusCode).toBe(403);
    expect(plan.json().code).toBe('category_not_allowed');
    const coach = clients.get('contact person')!;
    const events = (await coach.request('GET', `/api/v1/persons/${personId}/events`)).json();
    expect(events.some((e: { id: string }) => e.id === health.json().id)).toBe(false);
  });

  it('never lets consent or emergency access change case or person, or record a consent or application', async () => {
    const personId = persons.get('valid')!;
    const team = await h.db
      .selectFrom('teams')
      .select('id')
      .where('name', '=', 'Matristeamet')
      .executeTakeFirstOrThrow();
    const socialUnit = await h.db
      .selectFrom('units')
      .select('id')
      .where('municipality_id', '=', h.municipalityId)
      .where('name', '=', 'Socialtjänsten')
      .executeTakeFirstOrThrow();
    for (const key of ['job coach in the team', 'social worker outside the team, emergency access']) {
      const other = clients.get(key)!;
      const person = (await other.request('GET', `/api/v1/persons/${personId}`)).json();
      expect(person.id, key).toBe(personId);
      // Refused by role (403) or by access (404), never done.
      expect([403, 404], key).toContain(
        (
          await other.request('PATCH', `/api/v1/cases/${person.case.id}`, {
            status: 'active',
            version: person.case.version,
          })
        ).statusCode,
      );
      expect([403, 404], key).toContain(
        (
          await other.request('PATCH', `/api/v1/persons/${personId}`, {
            givenName: 'X',
            familyName: 'Y',
            version: person.version,
          })
        ).statusCode,
      );
      expect((await other.request('GET', `/api/v1/persons/${personId}/consent-form`)).statusCode, key).toBe(404);
      const consent = {
        recipientUnitIds: [socialUnit.id],
        categories: ['contact_occupation'],
        purpose: 'Samverkan kring studier',
        givenBy: 'young_person',
      };
      expect([403, 404], key).toContain(
        (await other.request('POST', `/api/v1/persons/${personId}/consents`, consent)).statusCode,
      );
      const application = {
        teamId: team.id,
        referrer: 'social_services',
        signedOn: '2026-11-02',
        signedByYoungPerson: true,
      };
      expect([403, 404], key).toContain(
        (await other.request('POST', `/api/v1/persons/${personId}/applications`, application)).statusCode,
      );
    }
    const coordinator = clients.get('coordinator')!;
    const after = (await coordinator.request('GET', `/api/v1/persons/${personId}`)).json();
    expect(after.givenName).toBe('Matris-valid');
    expect(
      await h.db
        .selectFrom('consents')
        .select('id')
        .where('person_id', '=', personId)
        .where('purpose', '=', 'Samverkan kring studier')
        .execute(),
    ).toEqual([]);
    expect(await h.db.selectFrom('applications').select('id').where('person_id', '=', personId).execute()).toEqual([]);
  });
});

describe('withdrawal', () => {
  it('takes effect at once: the social worker saw what the consent allowed, then nothing; both audited', async () => {
    const coordinator = clients.get('coordinator')!;
    const social = clients.get('social worker in the team')!;
    const { id: personId } = (
      await coordinator.request('POST', '/api/v1/persons', buildPerson({ givenName: 'Återkalla' }))
    ).json();
    const kase = (await coordinator.request('GET', `/api/v1/persons/${personId}`)).json().case;
    const team = await h.db
      .selectFrom('teams')
      .select('id')
      .where('name', '=', 'Matristeamet')
      .executeTakeFirstOrThrow();
    await coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, { teamId: team.id, version: kase.version });
    const unit = await h.db
      .selectFrom('units')
      .select('id')
      .where('municipality_id', '=', h.municipalityId)
      .where('name', '=', 'Socialtjänsten')
      .executeTakeFirstOrThrow();
    expect((await social.request('GET', `/api/v1/persons/${personId}`)).statusCode).toBe(404);
    const consent = (
      await coordinator.request('POST', `/api/v1/persons/${personId}/consents`, {
        recipientUnitIds: [unit.id],
        categories: ['contact_occupation'],
        purpose: 'Stöd till arbete',
        givenBy: 'young_person',
      })
    ).json();
    expect((await social.request('GET', `/api/v1/persons/${personId}`)).json().access.categories).toEqual([
      'contact_occupation',
    ]);
    expect(
      (await coordinator.request('POST', `/api/v1/consents/${consent.id}/withdraw`, { note: 'Sade det i telefon' }))
        .statusCode,
    ).toBe(204);
    expect((await social.request('GET', `/api/v1/persons/${personId}`)).statusCode).toBe(404);
    expect((await social.request('GET', '/api/v1/persons?q=Återkalla')).json().items).toEqual([]);
    const seen = await h.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('actor_id', '=', social.staffId)
      .where('person_id', '=', personId)
      .execute();
    // One read under the consent; the reads before it and after the withdrawal were denied (404), and are recorded so.
    expect(seen.map((e) => e.action).sort()).toEqual(['denied', 'denied', 'read']);
    expect(seen.find((e) => e.action === 'read')).toMatchObject({
      action: 'read',
      detail: { basis: 'consent', categories: ['contact_occupation'] },
    });
    const listed = (await coordinator.request('GET', `/api/v1/persons/${personId}/consents`)).json();
    expect(listed[0]).toMatchObject({ state: 'withdrawn', withdrawalNote: 'Sade det i telefon' });
  });
});

describe("the KAA's own units", () => {
  it('lift no secrecy by moving a case: a social services team gives its social worker none unconsented', async () => {
    const coordinator = clients.get('coordinator')!;
    const social = clients.get('social worker in the team')!;
    const { id: personId } = (
      await coordinator.request('POST', '/api/v1/persons', buildPerson({ givenName: 'Flyttad' }))
    ).json();
    const kase = (await coordinator.request('GET', `/api/v1/persons/${personId}`)).json().case;
    const socialUnit = await h.db
      .selectFrom('units')
      .select('id')
      .where('municipality_id', '=', h.municipalityId)
      .where('name', '=', 'Socialtjänsten')
      .executeTakeFirstOrThrow();
    const team = (
      await h.as.administrator.request('POST', '/api/v1/teams', { name: 'Socialtjänstens team', unitId: socialUnit.id })
    ).json();
    await h.db.insertInto('team_members').values({ team_id: team.id, staff_id: social.staffId }).execute();
    expect(
      (await coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, { teamId: team.id, version: kase.version }))
        .statusCode,
    ).toBe(204);
    expect((await social.request('GET', `/api/v1/persons/${personId}`)).statusCode).toBe(404);
  });

  it('are the only caseworkers who may hold a case as contact person', async () => {
    const coordinator = clients.get('coordinator')!;
    const { id: personId } = (
      await coordinator.request('POST', '/api/v1/persons', buildPerson({ givenName: 'Kontakt' }))
    ).json();
    const kase = (await coordinator.request('GET', `/api/v1/persons/${personId}`)).json().case;
    const refused = await coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, {
      contactPersonId: clients.get('social worker in the team')!.staffId,
      version: kase.version,
    });
    expect(refused.statusCode).toBe(400);
    const eligible = (await coordinator.request('GET', '/api/v1/staff?active=true&contactPerson=true'))
      .json()
      .map((s: { id: string }) => s.id);
    expect(eligible).toContain(clients.get('team coach, same agency')!.staffId);
    expect(eligible).not.toContain(clients.get('social worker in the team')!.staffId);
  });

  it('are set by administrators only, audited, and then decide access', async () => {
    const units = (await h.as.administrator.request('GET', '/api/v1/units')).json() as {
      id: string;
      name: string;
      kaa: boolean;
    }[];
    const ids = (...names: string[]) => units.filter((u) => names.includes(u.name)).map((u) => u.id);
    expect(units.filter((u) => u.kaa).map((u) => u.name)).toEqual(['Utbildningsförvaltningen']);
    expect(
      (
        await clients
          .get('coordinator')!
          .request('PUT', '/api/v1/units/kaa', { unitIds: ids('Utbildningsförvaltningen') })
      ).statusCode,
    ).toBe(403);
    const jobCoach = clients.get('job coach in the team')!;
    // A person of this test's own, whose case the test moves to the matrix's team.
    const person = (
      await clients.get('coordinator')!.request('POST', '/api/v1/persons', buildPerson({ givenName: 'Enhetsbyte' }))
    ).json() as { id: string };
    const kase = await h.db
      .selectFrom('cases')
      .select(['id', 'version'])
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    const matrixTeam = await h.db
      .selectFrom('teams')
      .select('id')
      .where('name', '=', 'Matristeamet')
      .executeTakeFirstOrThrow();
    await h.db.updateTable('cases').set({ team_id: matrixTeam.id }).where('id', '=', kase.id).execute();
    expect((await jobCoach.request('GET', `/api/v1/persons/${person.id}`)).statusCode).toBe(404);
    const set = await h.as.administrator.request('PUT', '/api/v1/units/kaa', {
      unitIds: ids('Utbildningsförvaltningen', 'Arbetsmarknadsenheten'),
    });
    expect(set.statusCode).toBe(200);
    expect((await jobCoach.request('GET', `/api/v1/persons/${person.id}`)).statusCode).toBe(200);
    const logged = await h.db
      .selectFrom('audit_log')
      .select('detail')
      .where('entity', '=', 'settings')
      .where('actor_id', '=', h.as.administrator.staffId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(logged.detail).toEqual({ kaaUnitIds: ids('Utbildningsförvaltningen', 'Arbetsmarknadsenheten') });
    await h.as.administrator.request('PUT', '/api/v1/units/kaa', { unitIds: ids('Utbildningsförvaltningen') });
  });
});

describe('assessments, by category', () => {
  const assessmentOf = new Map<State, string>();
  beforeAll(async () => {
    // One completed assessment per person, with answers in both of its categories (set up directly: the subject is
    // reading).
    const manual = await currentManualFor(h.db, h.municipalityId);
    for (const state of STATES) {
      const personId = persons.get(state)!;
      const row = await h.db
        .insertInto('assessments')
        .values({
          municipality_id: h.municipalityId,
          person_id: personId,
          manual_id: manual.id,
          number: 1,
          status: 'completed',
          completed_on: '2026-11-20',
          highest_education: 'compulsory',
          diploma: 'no',
          needs: JSON.stringify(['diagnosis']),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      assessmentOf.set(state, row.id);
      const answer = (question_key: string, section_key: string, category: ConsentCategory, text: string) => ({
        assessment_id: row.id,
        municipality_id: h.municipalityId,
        person_id: personId,
        question_key,
        section_key,
        category,
        answer: text,
      });
      await h.db
        .insertInto('assessment_answers')
        .values([
          answer('wants', 'own_words', 'assessment_plan', 'Plan: bli elektriker'),
          answer('wellbeing', 'health', 'health_social', 'Hälsa: sover dåligt'),
        ])
        .execute();
    }
  });

  it.each(cases)('$who.key, consent $state: reads the answers of $sees', async ({ who, state, sees }) => {
    const client = clients.get(who.key)!;
    const personId = persons.get(state)!;
    const list = await client.request('GET', `/api/v1/persons/${personId}/assessments`);
    const one = await client.request('GET', `/api/v1/assessments/${assessmentOf.get(state)}`);
    const reads = sees.includes('assessment_plan') || sees.includes('health_social');
    expect(list.statusCode).toBe(reads ? 200 : 404);
    expect(one.statusCode).toBe(reads ? 200 : 404);
    if (!reads) return;
    const body = one.json();
    const text = JSON.stringify(body);
    expect(text.includes('Plan: bli elektriker')).toBe(sees.includes('assessment_plan'));
    expect(text.includes('Hälsa: sover dåligt')).toBe(sees.includes('health_social'));
    expect(body.needs !== null).toBe(sees.includes('health_social'));
    expect(body.highestEducation !== null).toBe(sees.includes('assessment_plan'));
    expect(body.withheldCategories).toEqual(
      (['assessment_plan', 'health_social'] as const).filter((c) => !sees.includes(c)),
    );
  });
});

describe('the young person as an actor', () => {
  /** The young person of the person with a valid consent, signed in with a code from their contact person's outbox. */
  async function signInAsYoungPerson() {
    const personId = persons.get('valid')!;
    const person = await h.db
      .selectFrom('persons')
      .select('personal_identity_number')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    const pin = person.personal_identity_number.trim();
    const remoteAddress = '10.9.9.9';
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: '/api/v1/me/code',
          payload: { personalIdentityNumber: pin },
          remoteAddress,
        })
      ).statusCode,
    ).toBe(202);
    // The code is made after the answer: wait for that work before reading the outbox.
    await codeWorkSettled();
    const outbox = (await clients.get('contact person')!.request('GET', '/api/v1/sms')).json() as {
      personId: string;
      body: string;
    }[];
    const code = /(\d{6})/.exec(outbox.find((m) => m.personId === personId)!.body)![1]!;
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/login',
      payload: { personalIdentityNumber: pin, code },
      remoteAddress,
    });
    expect(login.statusCode).toBe(200);
    const cookie = `lotsa_session=${login.cookies.find((c) => c.name === 'lotsa_session')!.value}`;
    const csrf = login.json().csrfToken as string;
    return {
      personId,
      request: (method: 'GET' | 'POST', url: string, body?: object) =>
        h.app.inject({ method, url, payload: body, headers: { cookie, 'x-csrf-token': csrf } }),
    };
  }

  it('gets 404 on every staff endpoint, for their own record and for every other person', async () => {
    const young = await signInAsYoungPerson();
    for (const state of STATES) {
      const personId = persons.get(state)!;
      for (const url of [
        `/api/v1/persons/${personId}`,
        `/api/v1/persons/${personId}/events`,
        `/api/v1/persons/${personId}/consents`,
        `/api/v1/persons/${personId}/assessments`,
        `/api/v1/persons?q=Matris-${state}`,
      ]) {
        expect((await young.request('GET', url)).statusCode, url).toBe(404);
      }
      expect((await young.request('POST', `/api/v1/persons/${personId}/notes`, { text: 'Försök' })).statusCode).toBe(
        404,
      );
    }
    expect((await young.request('GET', '/api/v1/settings')).statusCode).toBe(404);
    const own = (await young.request('GET', '/api/v1/me/consents')).json() as { id: string }[];
    const ids = (await h.db.selectFrom('consents').select('id').where('person_id', '=', young.personId).execute()).map(
      (c) => c.id,
    );
    expect(own.map((c) => c.id).sort()).toEqual(ids.sort());
    const others = await h.db
      .selectFrom('consents')
      .select('id')
      .where('person_id', '=', persons.get('expired')!)
      .executeTakeFirstOrThrow();
    expect((await young.request('POST', `/api/v1/consents/${others.id}/withdraw`, {})).statusCode).toBe(404);
    expect((await young.request('POST', `/api/v1/me/consents/${others.id}/withdraw`)).statusCode).toBe(404);
  });

  it('sees in their extract the notes shared with them, not unshared or other agencies’ health notes', async () => {
    const coordinator = clients.get('coordinator')!;
    const personId = persons.get('valid')!;
    expect(
      (
        await coordinator.request('POST', `/api/v1/persons/${personId}/notes`, {
          text: 'Delad: vi ses på torsdag.',
          sharedWithYoungPerson: true,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await coordinator.request('POST', `/api/v1/persons/${personId}/notes`, { text: 'Intern: ringer skolan först.' }))
        .statusCode,
    ).toBe(201);
    const young = await signInAsYoungPerson();
    const res = await young.request('GET', '/api/v1/me/extract.pdf?lang=sv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfPageTexts(res.rawPayload).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Delad: vi ses på torsdag.');
    expect(text).not.toContain('Intern: ringer skolan först.');
    expect(text).not.toContain('Plan: studiebesök på folkhögskolan.');
    expect(text).not.toContain('Hälsa: har kontakt med vårdcentralen.');
    expect(text).not.toContain('Hälsa: sover dåligt');
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('person_id', '=', personId)
      .where('action', '=', 'export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: personId, detail: { own: true, actor: 'young_person' } });
  });
});
