import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../core/dates.js';
import { fixedClock } from '../../clock.js';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { MANY_PERSONS_PER_DAY } from './access-review.queries.js';

let h: Harness;
let personId: string;
// The app's clock stands at 11:00 UTC today in Sweden (midday, summer or winter), so the test's own
// reads are never night reads, whenever the suite runs.
const today = todayInSweden();
const clock = fixedClock(`${today}T11:00:00Z`);
const yesterday = todayInSweden(new Date(clock.now().getTime() - 86_400_000));
/** A night read, 01:30 UTC yesterday (02:30 or 03:30 in Sweden), and how the report shows its time. */
const night = new Date(`${yesterday}T01:30:00Z`);
const nightInSweden = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  hour: '2-digit',
  minute: '2-digit',
}).format(night);

/** Appends a read to the audit chain at a chosen time, as the audit module would have. */
async function readAt(at: Date, actorId: string, personId: string) {
  const fields = {
    at,
    municipality_id: h.municipalityId,
    actor_id: actorId,
    person_id: personId,
    action: 'read',
    entity: 'person',
    entity_id: personId,
    ip: null,
    detail: { basis: 'register' },
  };
  await h.db
    .insertInto('audit_log')
    .values({ ...fields, detail: JSON.stringify(fields.detail) })
    .execute();
}

beforeAll(async () => {
  h = await createHarness({}, { clock });
  personId = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson({ givenName: 'Granskad' }))).json()
    .id;
  await h.as.coordinator.request('GET', `/api/v1/persons/${personId}`);
  await h.as.team_member.request('POST', `/api/v1/persons/${personId}/emergency-access`, {
    reason: 'Akut oro, kontaktpersonen nås inte',
  });
  await h.as.team_member.request('GET', `/api/v1/persons/${personId}`);
  // A night read yesterday and a day of many persons, by the second coach.
  await readAt(night, h.as.secondCoach.staffId, personId);
  const ids = await Promise.all(
    Array.from(
      { length: MANY_PERSONS_PER_DAY + 1 },
      async () => (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson())).json().id as string,
    ),
  );
  for (const id of ids) await readAt(clock.now(), h.as.secondCoach.staffId, id);
});
afterAll(() => h.close());

const report = async (kind: string) =>
  (await h.as.administrator.request('GET', `/api/v1/access-review?kind=${kind}`)).json();

describe('GET /api/v1/access-review', () => {
  it('answers 401 without a session and 403 to anyone but administrators', async () => {
    expect((await h.anonymous('GET', '/api/v1/access-review?kind=night')).statusCode).toBe(401);
    for (const role of ['coordinator', 'manager', 'youth_coach'] as const)
      expect((await h.as[role].request('GET', '/api/v1/access-review?kind=night')).statusCode, role).toBe(403);
    expect((await h.as.administrator.request('GET', '/api/v1/access-review?kind=everything')).statusCode).toBe(400);
  });

  it('lists reads outside the own caseload, emergency access, many persons in a day and reads at night', async () => {
    const outside = await report('outside_caseload');
    expect(outside).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: { id: h.as.coordinator.staffId, name: 'Test coordinator' },
          person: { id: personId, name: expect.stringContaining('Granskad') },
          day: today,
          detail: 'register',
          reviewed: null,
        }),
      ]),
    );
    expect(outside).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actor: expect.objectContaining({ id: h.as.team_member.staffId }),
          detail: 'emergency',
        }),
      ]),
    );
    expect(await report('emergency')).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: h.as.team_member.staffId }),
        person: expect.objectContaining({ id: personId }),
        detail: 'Akut oro, kontaktpersonen nås inte',
        day: today,
      }),
    ]);
    expect(await report('many_persons')).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: h.as.secondCoach.staffId }),
        person: null,
        reads: MANY_PERSONS_PER_DAY + 1,
      }),
    ]);
    expect(await report('night')).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: h.as.secondCoach.staffId }),
        reads: 1,
        detail: nightInSweden,
      }),
    ]);
  });

  it('marks a row as reviewed, once, and audits reading the report', async () => {
    const [row] = await report('emergency');
    const mark = {
      kind: 'emergency',
      actorId: row.actor.id,
      personId: row.person.id,
      day: row.day,
      note: 'Kontrollerat med chefen',
    };
    expect((await h.as.coordinator.request('POST', '/api/v1/access-review/reviewed', mark)).statusCode).toBe(403);
    expect((await h.as.administrator.request('POST', '/api/v1/access-review/reviewed', mark)).statusCode).toBe(204);
    expect(
      (await h.as.administrator.request('POST', '/api/v1/access-review/reviewed', { ...mark, note: 'igen' }))
        .statusCode,
    ).toBe(204);
    expect((await report('emergency'))[0].reviewed).toMatchObject({
      by: 'Test administrator',
      note: 'Kontrollerat med chefen',
    });
    const audited = await h.db
      .selectFrom('audit_log')
      .select('id')
      .where('actor_id', '=', h.as.administrator.staffId)
      .where('entity', '=', 'access_review')
      .where('person_id', '=', personId)
      .execute();
    expect(audited.length).toBeGreaterThan(0);
    const { n } = await sql<{ n: number }>`select count(*)::int as n from access_reviews`
      .execute(h.db)
      .then((r) => r.rows[0]!);
    expect(n).toBe(1);
  });
});
