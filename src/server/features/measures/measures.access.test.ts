/**
 * The access matrix for measures and referrals, through the HTTP API: who reads and who writes them,
 * by role, agency, team, contact person and consent state, category by category. Measures are in the
 * assessment-and-plan category; a referral to social services in the health-and-social one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_CATEGORIES, type ConsentCategory } from '../../../core/consent.js';
import type { Role } from '../../../core/roles.js';
import { todayInSweden } from '../../../core/dates.js';
import { insertStaff } from '../staff/staff.service.js';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, TEST_PASSWORD, type Client, type Harness } from '../../testing/harness.js';

const STATES = ['none', 'valid', 'withdrawn'] as const;
type State = (typeof STATES)[number];
type Unit = 'school' | 'social' | 'labour';
type Who = { key: string; role: Role; unit: Unit; inTeam?: boolean; contact?: boolean };

const WHO: Who[] = [
  { key: 'coordinator', role: 'coordinator', unit: 'school' },
  { key: 'contact person', role: 'youth_coach', unit: 'school', contact: true },
  { key: 'team member, same agency', role: 'team_member', unit: 'school', inTeam: true },
  { key: 'social worker in the team', role: 'team_member', unit: 'social', inTeam: true },
  { key: 'job coach in the team', role: 'youth_coach', unit: 'labour', inTeam: true },
  { key: 'social worker outside the team', role: 'team_member', unit: 'social' },
];
/**
 * Each person's consent names the social services and the labour-market unit, for contact and health (not the plan).
 */
const CONSENTED: ConsentCategory[] = ['contact_occupation', 'health_social'];
const RECIPIENTS: Unit[] = ['social', 'labour'];

/** The KAA's own staff on the case, who manage the person. */
const own = (who: Who) =>
  who.role === 'coordinator' || Boolean(who.contact) || (Boolean(who.inTeam) && who.unit === 'school');
function sees(who: Who, state: State): ConsentCategory[] {
  const byConsent = state === 'valid' && RECIPIENTS.includes(who.unit) && (own(who) || who.inTeam) ? CONSENTED : [];
  const base: ConsentCategory[] = own(who) ? ['contact_occupation', 'assessment_plan'] : [];
  return CONSENT_CATEGORIES.filter((c) => base.includes(c) || byConsent.includes(c));
}

let h: Harness;
let offerId: string;
let teamId: string;
let unitId: Record<Unit, string>;
const clients = new Map<string, Client>();

beforeAll(async () => {
  h = await createHarness();
  const units = new Map(
    (
      await h.db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', h.municipalityId).execute()
    ).map((u) => [u.name, u.id]),
  );
  unitId = {
    school: units.get('Utbildningsförvaltningen')!,
    social: units.get('Socialtjänsten')!,
    labour: units.get('Arbetsmarknadsenheten')!,
  };
  const team = await h.db
    .insertInto('teams')
    .values({ municipality_id: h.municipalityId, name: 'Insatsmatrisen', unit_id: unitId.school })
    .returning('id')
    .executeTakeFirstOrThrow();
  teamId = team.id;
  for (const [i, who] of WHO.entries()) {
    const email = `measures-matrix${i}@test.lotsa.local`;
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
  offerId = (
    await coordinator.request('POST', '/api/v1/offers', {
      name: 'Vägledning',
      kind: 'guidance',
      providerUnitId: unitId.school,
    })
  ).json().id;
}, 120_000);
afterAll(() => h.close());

/**
 * A young person of one test, whose consent is in `state`: in the team with the contact person, with a measure, a
 * referral to the employment service and one to the social services. A test that books adds to its own person only.
 */
async function personIn(state: State): Promise<string> {
  const coordinator = clients.get('coordinator')!;
  const { id } = (
    await coordinator.request('POST', '/api/v1/persons', buildPerson({ givenName: `Insats-${state}` }))
  ).json();
  const kase = (await coordinator.request('GET', `/api/v1/persons/${id}`)).json().case;
  expect(
    (
      await coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, {
        contactPersonId: clients.get('contact person')!.staffId,
        teamId,
        version: kase.version,
      })
    ).statusCode,
  ).toBe(204);
  expect(
    (await coordinator.request('POST', `/api/v1/persons/${id}/measures`, { offerId, startsOn: todayInSweden() }))
      .statusCode,
  ).toBe(201);
  expect(
    (
      await coordinator.request('POST', `/api/v1/persons/${id}/referrals`, {
        agency: 'employment_service',
        sentOn: todayInSweden(),
      })
    ).statusCode,
  ).toBe(201);
  // A referral to the social services as a social worker with consent would record it (set up directly: the subject
  // here is reading).
  await h.db
    .insertInto('referrals')
    .values({
      municipality_id: h.municipalityId,
      person_id: id,
      agency: 'social_services',
      sent_on: todayInSweden(),
      category: 'health_social',
    })
    .execute();
  if (state === 'none') return id;
  const consent = await coordinator.request('POST', `/api/v1/persons/${id}/consents`, {
    recipientUnitIds: RECIPIENTS.map((u) => unitId[u]),
    categories: CONSENTED,
    purpose: 'Samverkan kring insatser',
    givenBy: 'young_person',
    givenOn: '2026-01-10',
  });
  expect(consent.statusCode).toBe(201);
  if (state === 'withdrawn')
    expect((await coordinator.request('POST', `/api/v1/consents/${consent.json().id}/withdraw`, {})).statusCode).toBe(
      204,
    );
  return id;
}

const cases = WHO.flatMap((who) => STATES.map((state) => ({ who, state, sees: sees(who, state) })));

describe('measures and referrals by category', () => {
  it.each(cases)(
    '$who.key, consent $state: reads measures and referrals only in the categories $sees',
    async ({ who, state, sees }) => {
      const client = clients.get(who.key)!;
      const personId = await personIn(state);
      const measures = await client.request('GET', `/api/v1/persons/${personId}/measures`);
      const referrals = await client.request('GET', `/api/v1/persons/${personId}/referrals`);
      if (sees.length === 0) {
        expect(measures.statusCode).toBe(404);
        expect(referrals.statusCode).toBe(404);
        return;
      }
      expect(measures.json()).toHaveLength(sees.includes('assessment_plan') ? 1 : 0);
      const shown = referrals
        .json()
        .map((r: { category: ConsentCategory }) => r.category)
        .sort();
      expect(shown).toEqual(
        ['assessment_plan', 'health_social'].filter((c) => sees.includes(c as ConsentCategory)).sort(),
      );
    },
  );

  it.each(cases)(
    '$who.key, consent $state: books a measure and refers to the social services only as the KAA’s own staff ' +
      'and within the categories seen',
    async ({ who, state, sees }) => {
      const client = clients.get(who.key)!;
      const personId = await personIn(state);
      const measure = await client.request('POST', `/api/v1/persons/${personId}/measures`, {
        offerId,
        startsOn: todayInSweden(),
      });
      const social = await client.request('POST', `/api/v1/persons/${personId}/referrals`, {
        agency: 'social_services',
        sentOn: todayInSweden(),
      });
      if (!own(who)) {
        // Never done, and not even told the case is there to manage: those who read by consent only may not write.
        expect([measure.statusCode, social.statusCode]).toEqual([404, 404]);
        return;
      }
      expect(measure.statusCode).toBe(201);
      expect(social.statusCode).toBe(sees.includes('health_social') ? 201 : 403);
    },
  );
});
