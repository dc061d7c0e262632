import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../clock.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { signInYoung, youngPerson } from '../me/me-testing.js';

let h: Harness;
const clock: Clock = { now: () => new Date('2026-12-10T09:00:00Z') };

beforeAll(async () => {
  h = await createHarness({}, { clock });
}, 120_000);
afterAll(() => h.close());

const share = (client: Harness['as']['coordinator'], id: string, key: string, body: object) =>
  client.request('PUT', `/api/v1/assessments/${id}/sections/${key}/sharing`, body);

/** A completed assessment of the person by their contact person, with answers; returns its id and version. */
async function completedAssessment(personId: string, answers: Record<string, string>) {
  const coach = h.as.youth_coach;
  const id = (await coach.request('POST', `/api/v1/persons/${personId}/assessments`, {})).json().id as string;
  const saved = await coach.request('PUT', `/api/v1/assessments/${id}`, {
    version: 1,
    participants: { staff: [], others: [{ role: 'young_person' }] },
    highestEducation: 'unknown',
    diploma: 'unknown',
    answers,
  });
  expect(saved.statusCode).toBe(200);
  const done = await coach.request('POST', `/api/v1/assessments/${id}/complete`, { version: 2 });
  expect(done.statusCode).toBe(200);
  return { id, version: done.json().version as number };
}

describe('PUT /api/v1/assessments/:id/sections/:key/sharing', () => {
  it('answers 401 without a session, 403 without the right to write, 404 to staff not managing them', async () => {
    const me = await youngPerson(h);
    const { id, version } = await completedAssessment(me.personId, { wants: 'Bli snickare' });
    const body = { version, shared: true };
    expect((await h.anonymous('PUT', `/api/v1/assessments/${id}/sections/school/sharing`, body)).statusCode).toBe(401);
    expect((await share(h.as.manager, id, 'school', body)).statusCode).toBe(403);
    expect((await share(h.as.school_reporter, id, 'school', body)).statusCode).toBe(403);
    for (const client of [h.as.secondCoach, h.as.otherCoordinator])
      expect((await share(client, id, 'school', body)).statusCode).toBe(404);
    expect((await share(h.as.youth_coach, id, 'no_such_section', body)).statusCode).toBe(404);
    const young = await signInYoung(h, me.pin, me.personId);
    expect((await young.request('PUT', `/api/v1/assessments/${id}/sections/school/sharing`, body)).statusCode).toBe(
      404,
    );
    expect((await h.db.selectFrom('assessment_section_shares').selectAll().execute()).length).toBe(0);
  });

  it('shares a section at the version read, audits it, adds a timeline event, refuses a stale version', async () => {
    const me = await youngPerson(h);
    const { id, version } = await completedAssessment(me.personId, { wants: 'Bli snickare' });
    const res = await share(h.as.youth_coach, id, 'own_words', { version, shared: true });
    expect(res.statusCode).toBe(200);
    const section = res.json().sections.find((s: { key: string }) => s.key === 'own_words');
    expect(section).toMatchObject({ sharedWithYoungPerson: true, mayShare: true });
    expect(res.json().version).toBe(version + 1);
    expect((await share(h.as.youth_coach, id, 'school', { version, shared: true })).json().code).toBe(
      'version_conflict',
    );
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'detail'])
      .where('person_id', '=', me.personId)
      .where('entity', '=', 'assessment')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'update', detail: { sectionKey: 'own_words', sharedWithYoungPerson: true } });
    const event = await h.db
      .selectFrom('events')
      .select('payload')
      .where('person_id', '=', me.personId)
      .where('type', '=', 'assessment_section_shared')
      .executeTakeFirstOrThrow();
    expect(event.payload).toEqual({
      assessmentId: id,
      number: 1,
      sectionKey: 'own_words',
      sectionTitle: { sv: 'Med dina egna ord', en: 'In your own words' },
      shared: true,
    });
  });

  it('never shares a health and social section', async () => {
    const me = await youngPerson(h);
    const { id, version } = await completedAssessment(me.personId, {});
    const res = await share(h.as.youth_coach, id, 'health', { version, shared: true });
    expect([403, 409]).toContain(res.statusCode);
    expect(['section_not_shareable', 'category_not_allowed']).toContain(res.json().code);
    const read = (await h.as.youth_coach.request('GET', `/api/v1/assessments/${id}`)).json();
    expect(read.sections.find((s: { key: string }) => s.key === 'health').mayShare).toBe(false);
  });
});

describe('GET /api/v1/me/shared: assessment sections', () => {
  it('shows the young person only the shared sections of their own completed assessments', async () => {
    const me = await youngPerson(h);
    const other = await youngPerson(h);
    const { id, version } = await completedAssessment(me.personId, {
      wants: 'Bli snickare',
      programmes: 'Bygg och anläggning',
    });
    const ownWords = await share(h.as.youth_coach, id, 'own_words', { version, shared: true });
    const school = await share(h.as.youth_coach, id, 'school', { version: ownWords.json().version, shared: true });
    // Shared, then no longer: not shown.
    expect(
      (await share(h.as.youth_coach, id, 'school', { version: school.json().version, shared: false })).statusCode,
    ).toBe(200);
    // A health answer and a share that reached the database anyway for its section are still never shown.
    await h.db
      .insertInto('assessment_answers')
      .values({
        assessment_id: id,
        municipality_id: h.municipalityId,
        person_id: me.personId,
        question_key: 'wellbeing',
        section_key: 'health',
        category: 'health_social',
        answer: 'Sover dåligt',
      })
      .execute();
    await h.db
      .insertInto('assessment_section_shares')
      .values({ assessment_id: id, section_key: 'health', municipality_id: h.municipalityId, person_id: me.personId })
      .execute();
    const theirs = await completedAssessment(other.personId, { wants: 'Någon annans dröm' });
    await share(h.as.youth_coach, theirs.id, 'own_words', { version: theirs.version, shared: true });
    // A draft's shared section waits until the assessment is completed.
    const draft = (
      await h.as.youth_coach.request('POST', `/api/v1/persons/${me.personId}/assessments`, {
        revises: id,
      })
    ).json().id as string;
    await share(h.as.youth_coach, draft, 'own_words', { version: 1, shared: true });

    const young = await signInYoung(h, me.pin, me.personId);
    const res = await young.request('GET', '/api/v1/me/shared');
    expect(res.statusCode).toBe(200);
    const { assessments } = res.json();
    expect(assessments).toHaveLength(1);
    expect(assessments[0]).toMatchObject({ id, number: 1, completedOn: '2026-12-10' });
    expect(assessments[0].sections.map((s: { key: string }) => s.key)).toEqual(['own_words']);
    const questions = assessments[0].sections[0].questions;
    expect(questions.find((q: { key: string }) => q.key === 'wants')).toMatchObject({
      answer: 'Bli snickare',
      text: { sv: 'Vad vill du? Vad drömmer du om?' },
    });
    expect(JSON.stringify(res.json())).not.toMatch(/Sover dåligt|Bygg och anläggning|Någon annans dröm/);
    // Another person's assessment is not reachable from the young person's session.
    expect((await young.request('GET', `/api/v1/assessments/${theirs.id}`)).statusCode).toBe(404);
  });
});
