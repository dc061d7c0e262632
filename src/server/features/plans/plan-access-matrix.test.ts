/**
 * The action plan through the access matrix: role × agency × consent state × emergency access. The
 * plan is in category assessment_plan: read by the KAA's own staff on the case, by another agency in
 * the team only while a valid consent names its unit and that category, and under emergency access;
 * changed and signed only by the KAA's own staff. Everyone else gets 404, as for no case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentCategory } from '../../../core/consent.js';
import type { Role } from '../../../core/roles.js';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, TEST_PASSWORD, type Client, type Harness } from '../../testing/harness.js';
import { insertStaff } from '../staff/staff.service.js';

const STATES = ['none', 'plan', 'plan expired', 'plan withdrawn', 'contact only'] as const;
type State = (typeof STATES)[number];
type Unit = 'school' | 'social' | 'labour' | 'employment';
type Who = { key: string; role: Role; unit: Unit; inTeam?: boolean; contact?: boolean; emergency?: boolean };

const WHO: Who[] = [
  { key: 'coordinator', role: 'coordinator', unit: 'school' },
  { key: 'contact person', role: 'youth_coach', unit: 'school', contact: true },
  { key: 'team coach, same agency', role: 'youth_coach', unit: 'school', inTeam: true },
  { key: 'team member, same agency', role: 'team_member', unit: 'school', inTeam: true },
  { key: 'social worker in the team', role: 'team_member', unit: 'social', inTeam: true },
  { key: 'employment officer in the team (not named)', role: 'team_member', unit: 'employment', inTeam: true },
  { key: 'social worker outside the team', role: 'team_member', unit: 'social' },
  { key: 'social worker outside the team, emergency access', role: 'team_member', unit: 'social', emergency: true },
];
const RECIPIENTS: Unit[] = ['social', 'labour'];
const own = (who: Who) =>
  who.role === 'coordinator' || Boolean(who.contact) || (Boolean(who.inTeam) && who.unit === 'school');

/** May `who` read the plan of a person whose consent is in `state`? */
function reads(who: Who, state: State): boolean {
  if (who.emergency || own(who)) return true;
  return state === 'plan' && RECIPIENTS.includes(who.unit) && Boolean(who.inTeam);
}

let h: Harness;
const clients = new Map<string, Client>();
const cases = new Map<State, string>();

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
    .values({ municipality_id: h.municipalityId, name: 'Planmatrisen', unit_id: unitId.school })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, who] of WHO.entries()) {
    const email = `planmatrix${i}@test.lotsa.local`;
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
      await coordinator.request('POST', '/api/v1/persons', buildPerson({ givenName: `Planmatris-${state}` }))
    ).json();
    const kase = (await coordinator.request('GET', `/api/v1/persons/${id}`)).json().case;
    cases.set(state, kase.id);
    expect(
      (
        await coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, {
          contactPersonId: clients.get('contact person')!.staffId,
          teamId: team.id,
          version: kase.version,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await coordinator.request('PUT', `/api/v1/cases/${kase.id}/plan`, {
          version: 0,
          goals: [{ area: 'studies', title: 'Komvux' }],
        })
      ).statusCode,
    ).toBe(200);
    if (state === 'none') continue;
    const categories: ConsentCategory[] =
      state === 'contact only' ? ['contact_occupation'] : ['contact_occupation', 'assessment_plan'];
    const consent = await coordinator.request('POST', `/api/v1/persons/${id}/consents`, {
      recipientUnitIds: RECIPIENTS.map((u) => unitId[u]),
      categories,
      purpose: 'Samverkan kring planen',
      givenBy: 'young_person',
      givenOn: '2026-01-10',
      validUntil: state === 'plan expired' ? '2026-02-01' : null,
    });
    expect(consent.statusCode).toBe(201);
    if (state === 'plan withdrawn')
      expect((await coordinator.request('POST', `/api/v1/consents/${consent.json().id}/withdraw`, {})).statusCode).toBe(
        204,
      );
  }
  const settings = await h.as.administrator.request('PUT', '/api/v1/settings', {
    emergencyUnitIds: [unitId.school, unitId.social],
    emergencyDailyLimit: STATES.length,
  });
  expect(settings.statusCode).toBe(200);
  for (const who of WHO.filter((w) => w.emergency)) {
    for (const state of STATES) {
      const personId = (
        await h.db.selectFrom('cases').select('person_id').where('id', '=', cases.get(state)!).executeTakeFirstOrThrow()
      ).person_id;
      expect(
        (
          await clients.get(who.key)!.request('POST', `/api/v1/persons/${personId}/emergency-access`, {
            reason: 'Ungdomen hör av sig i kris, kontaktpersonen nås inte',
          })
        ).statusCode,
      ).toBe(201);
    }
  }
}, 120_000);
afterAll(() => h.close());

const matrix = WHO.flatMap((who) => STATES.map((state) => ({ who, state, read: reads(who, state), write: own(who) })));

describe('who reads and changes a plan', () => {
  it.each(matrix)('$who.key, consent $state: reads $read, changes $write', async ({ who, state, read, write }) => {
    const client = clients.get(who.key)!;
    const caseId = cases.get(state)!;
    const plan = await client.request('GET', `/api/v1/cases/${caseId}/plan`);
    expect(plan.statusCode).toBe(read ? 200 : 404);
    expect((await client.request('GET', `/api/v1/cases/${caseId}/plan/versions`)).statusCode).toBe(read ? 200 : 404);
    expect((await client.request('GET', `/api/v1/cases/${caseId}/plan.pdf`)).statusCode).toBe(read ? 200 : 404);
    if (read) expect(plan.json().canEdit).toBe(write);
    // A refused change leaves nothing: the version stays where it was.
    const version = (
      await h.db.selectFrom('action_plans').select('version').where('case_id', '=', caseId).executeTakeFirstOrThrow()
    ).version;
    const goals = [{ area: 'studies', title: `Komvux (${who.key})` }];
    const saved = await client.request('PUT', `/api/v1/cases/${caseId}/plan`, { version, goals });
    expect(saved.statusCode).toBe(write ? 200 : 404);
    expect(
      (await h.db.selectFrom('action_plans').select('version').where('case_id', '=', caseId).executeTakeFirstOrThrow())
        .version,
    ).toBe(write ? version + 1 : version);
  });
});
