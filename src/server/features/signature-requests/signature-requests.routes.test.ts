import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../clock.js';
import { createHarness, TEST_PASSWORD, type Harness } from '../../testing/harness.js';
import { signInYoung, youngPerson } from '../me/me-testing.js';
import { insertStaff } from '../staff/staff.service.js';

let h: Harness;
let units: Map<string, string>;
let teamId: string;
let social: Awaited<ReturnType<Harness['signIn']>>;
const clock: Clock = { now: () => new Date('2026-12-10T09:00:00Z') };
const consentBody = () => ({
  recipientUnitIds: [units.get('Socialtjänsten')],
  categories: ['contact_occupation'],
  purpose: 'Så att socialtjänsten kan hjälpa dig med boende',
  validUntil: '2027-06-30',
});

beforeAll(async () => {
  h = await createHarness({}, { clock });
  units = new Map(
    (
      await h.db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', h.municipalityId).execute()
    ).map((u) => [u.name, u.id]),
  );
  teamId = (
    await h.as.coordinator.request('POST', '/api/v1/teams', {
      name: 'Ungdomsteamet',
      unitId: units.get('Utbildningsförvaltningen'),
    })
  ).json().id;
  // A social worker in the team: the team alone gives them nothing of another agency's client without consent.
  const staff = await insertStaff(h.db, {
    municipalityId: h.municipalityId,
    name: 'Sara Socialsekreterare',
    email: 'soc-sign@test.lotsa.local',
    role: 'team_member',
    unitId: units.get('Socialtjänsten')!,
    password: TEST_PASSWORD,
  });
  await h.db
    .insertInto('team_members')
    .values({ team_id: teamId, staff_id: (staff as { id: string }).id })
    .execute();
  social = await h.signIn('soc-sign@test.lotsa.local');
}, 120_000);
afterAll(() => h.close());

/** A young person with a live case in the team, their contact person the youth coach. */
async function youngInTeam() {
  const me = await youngPerson(h);
  const kase = (await h.as.coordinator.request('GET', `/api/v1/persons/${me.personId}`)).json().case;
  const moved = await h.as.coordinator.request('PATCH', `/api/v1/cases/${kase.id}`, { teamId, version: kase.version });
  expect(moved.statusCode).toBe(204);
  return me;
}

describe('preparing a consent for the young person to sign', () => {
  it('answers 401 without a session, 403 to a manager, 404 to staff not working with the person', async () => {
    const me = await youngInTeam();
    const url = `/api/v1/persons/${me.personId}/prepared-consents`;
    expect((await h.anonymous('POST', url, consentBody())).statusCode).toBe(401);
    expect((await h.as.manager.request('POST', url, consentBody())).statusCode).toBe(403);
    expect((await h.as.secondCoach.request('POST', url, consentBody())).statusCode).toBe(404);
    expect((await h.as.secondCoach.request('GET', url)).statusCode).toBe(404);
    expect((await h.as.otherCoordinator.request('GET', url)).statusCode).toBe(404);
    expect((await social.request('GET', url)).statusCode).toBe(404);
  });

  it('names a missing purpose and an end date already past', async () => {
    const me = await youngInTeam();
    const url = `/api/v1/persons/${me.personId}/prepared-consents`;
    const empty = await h.as.youth_coach.request('POST', url, { ...consentBody(), purpose: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('purpose');
    const past = await h.as.youth_coach.request('POST', url, { ...consentBody(), validUntil: '2026-01-01' });
    expect(past.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'validUntil' }] });
  });

  it('gives no access until the young person signs it in /mitt; then the social worker gets in at once', async () => {
    const me = await youngInTeam();
    const url = `/api/v1/persons/${me.personId}/prepared-consents`;
    const prepared = await h.as.youth_coach.request('POST', url, consentBody());
    expect(prepared.statusCode).toBe(201);
    const requestId = prepared.json().id as string;
    // A double submit prepares one.
    expect((await h.as.youth_coach.request('POST', url, consentBody())).json().id).toBe(requestId);
    expect((await h.as.youth_coach.request('GET', url)).json()).toEqual([
      expect.objectContaining({
        id: requestId,
        recipients: [{ id: units.get('Socialtjänsten'), name: 'Socialtjänsten' }],
        categories: ['contact_occupation'],
        validUntil: '2027-06-30',
        preparedBy: 'Test youth_coach',
      }),
    ]);
    expect((await h.as.youth_coach.request('GET', `/api/v1/persons/${me.personId}/consents`)).json()).toEqual([]);
    expect((await social.request('GET', `/api/v1/persons/${me.personId}`)).statusCode).toBe(404);

    const young = await signInYoung(h, me.pin, me.personId);
    expect((await young.request('GET', '/api/v1/me/consents')).json()).toEqual([
      {
        id: requestId,
        recipients: ['Socialtjänsten'],
        categories: ['contact_occupation'],
        purpose: 'Så att socialtjänsten kan hjälpa dig med boende',
        givenOn: null,
        validUntil: '2027-06-30',
        state: 'awaiting_signature',
        withdrawnAt: null,
      },
    ]);
    // Staff endpoints are not the young person's to find.
    expect((await young.request('GET', url)).statusCode).toBe(404);
    expect((await young.request('POST', url, consentBody())).statusCode).toBe(404);
    expect((await young.request('POST', `/api/v1/signature-requests/${requestId}/cancel`)).statusCode).toBe(404);
    // A prepared consent is not a consent to withdraw.
    expect((await young.request('POST', `/api/v1/me/consents/${requestId}/withdraw`)).statusCode).toBe(404);

    const signed = await young.request('POST', `/api/v1/me/consents/${requestId}/sign`);
    expect(signed.statusCode).toBe(200);
    const consentId = signed.json().id as string;
    expect((await young.request('POST', `/api/v1/me/consents/${requestId}/sign`)).json().id).toBe(consentId);
    expect((await young.request('GET', '/api/v1/me/consents')).json()).toEqual([
      expect.objectContaining({ id: consentId, state: 'valid', givenOn: '2026-12-10', validUntil: '2027-06-30' }),
    ]);
    expect((await social.request('GET', `/api/v1/persons/${me.personId}`)).statusCode).toBe(200);
    expect((await h.as.youth_coach.request('GET', url)).json()).toEqual([]);
    expect((await h.as.youth_coach.request('GET', `/api/v1/persons/${me.personId}/consents`)).json()).toEqual([
      expect.objectContaining({
        id: consentId,
        givenBy: 'young_person',
        method: 'in_lotsa',
        givenOn: '2026-12-10',
        recordedBy: 'Test youth_coach',
        state: 'valid',
      }),
    ]);
    const events = await h.db
      .selectFrom('events')
      .select(['type', 'actor_id'])
      .where('person_id', '=', me.personId)
      .where('type', 'in', ['signature_requested', 'signed_by_young_person'])
      .orderBy('recorded_at')
      .execute();
    expect(events).toEqual([
      { type: 'signature_requested', actor_id: h.as.youth_coach.staffId },
      { type: 'signed_by_young_person', actor_id: null },
    ]);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'actor_id'])
      .where('person_id', '=', me.personId)
      .where('entity', 'in', ['signature_request', 'consent'])
      .where('action', '=', 'create')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'create', entity: 'signature_request', actor_id: h.as.youth_coach.staffId },
      // The young person's own entries carry their person id as actor (http/context.ts).
      { action: 'create', entity: 'consent', actor_id: me.personId },
    ]);
  });

  it('lets only the young person it was prepared for sign it; another young person gets 404', async () => {
    const me = await youngInTeam();
    const other = await youngInTeam();
    const requestId = (
      await h.as.youth_coach.request('POST', `/api/v1/persons/${me.personId}/prepared-consents`, consentBody())
    ).json().id;
    const theirs = await signInYoung(h, other.pin, other.personId);
    expect((await theirs.request('POST', `/api/v1/me/consents/${requestId}/sign`)).statusCode).toBe(404);
    expect((await theirs.request('GET', '/api/v1/me/consents')).json()).toEqual([]);
    expect((await social.request('GET', `/api/v1/persons/${me.personId}`)).statusCode).toBe(404);
  });

  it('can be taken back before it is signed, and not after', async () => {
    const me = await youngInTeam();
    const url = `/api/v1/persons/${me.personId}/prepared-consents`;
    const first = (await h.as.youth_coach.request('POST', url, consentBody())).json().id;
    const second = (await h.as.youth_coach.request('POST', url, { ...consentBody(), validUntil: null })).json().id;
    expect(first).not.toBe(second);
    expect((await h.as.secondCoach.request('POST', `/api/v1/signature-requests/${first}/cancel`)).statusCode).toBe(404);
    expect((await h.as.youth_coach.request('POST', `/api/v1/signature-requests/${first}/cancel`)).statusCode).toBe(204);
    expect((await h.as.youth_coach.request('POST', `/api/v1/signature-requests/${first}/cancel`)).statusCode).toBe(204);
    const young = await signInYoung(h, me.pin, me.personId);
    expect((await young.request('GET', '/api/v1/me/consents')).json().map((c: { id: string }) => c.id)).toEqual([
      second,
    ]);
    expect((await young.request('POST', `/api/v1/me/consents/${first}/sign`)).statusCode).toBe(404);
    expect((await young.request('POST', `/api/v1/me/consents/${second}/sign`)).statusCode).toBe(200);
    const late = await h.as.youth_coach.request('POST', `/api/v1/signature-requests/${second}/cancel`);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('already_signed');
  });

  it('cannot be signed once a unit it names is no longer in use', async () => {
    const me = await youngInTeam();
    const unit = await h.db
      .insertInto('units')
      .values({ municipality_id: h.municipalityId, name: 'Fritidsgården', kind: 'municipal' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const requestId = (
      await h.as.youth_coach.request('POST', `/api/v1/persons/${me.personId}/prepared-consents`, {
        ...consentBody(),
        recipientUnitIds: [unit.id],
      })
    ).json().id;
    await h.db.updateTable('units').set({ active: false }).where('id', '=', unit.id).execute();
    const young = await signInYoung(h, me.pin, me.personId);
    const res = await young.request('POST', `/api/v1/me/consents/${requestId}/sign`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('signature_request_outdated');
  });
});

describe('preparing an application to a team for the young person to sign', () => {
  it('reaches the team meeting only once the young person has signed it', async () => {
    const me = await youngInTeam();
    const url = `/api/v1/persons/${me.personId}/prepared-applications`;
    const body = { teamId, referrer: 'self' };
    expect((await h.anonymous('POST', url, body)).statusCode).toBe(401);
    expect((await h.as.team_member.request('POST', url, body)).statusCode).toBe(403);
    expect((await h.as.secondCoach.request('POST', url, body)).statusCode).toBe(404);
    expect((await h.as.youth_coach.request('POST', url, { ...body, teamId: me.personId })).statusCode).toBe(400);
    const prepared = await h.as.youth_coach.request('POST', url, body);
    expect(prepared.statusCode).toBe(201);
    const requestId = prepared.json().id as string;
    expect((await h.as.youth_coach.request('GET', url)).json()).toEqual([
      expect.objectContaining({ id: requestId, team: { id: teamId, name: 'Ungdomsteamet' }, referrer: 'self' }),
    ]);
    const pending = async () =>
      (await h.as.coordinator.request('GET', '/api/v1/applications?pageSize=100')).json().items as {
        person: { id: string };
      }[];
    expect((await pending()).some((a) => a.person.id === me.personId)).toBe(false);

    const young = await signInYoung(h, me.pin, me.personId);
    expect((await young.request('GET', url)).statusCode).toBe(404);
    expect((await young.request('GET', '/api/v1/me')).json().applications).toEqual([
      { id: requestId, team: 'Ungdomsteamet', referrer: 'self', state: 'awaiting_signature', signedOn: null },
    ]);
    const other = await youngInTeam();
    const theirs = await signInYoung(h, other.pin, other.personId);
    expect((await theirs.request('POST', `/api/v1/me/applications/${requestId}/sign`)).statusCode).toBe(404);
    // A consent's sign route does not sign an application.
    expect((await young.request('POST', `/api/v1/me/consents/${requestId}/sign`)).statusCode).toBe(404);

    const signed = await young.request('POST', `/api/v1/me/applications/${requestId}/sign`);
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toEqual([
      expect.objectContaining({ team: 'Ungdomsteamet', state: 'received', signedOn: '2026-12-10' }),
    ]);
    expect((await young.request('POST', `/api/v1/me/applications/${requestId}/sign`)).json()).toHaveLength(1);
    expect((await pending()).filter((a) => a.person.id === me.personId)).toHaveLength(1);
    expect((await h.as.youth_coach.request('GET', `/api/v1/persons/${me.personId}/applications`)).json()).toEqual([
      expect.objectContaining({ referrer: 'self', signedOn: '2026-12-10', status: 'received' }),
    ]);
    expect((await h.as.youth_coach.request('GET', url)).json()).toEqual([]);
  });
});
