import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../../core/dates.js';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';

let h: Harness;
const today = todayInSweden();
const url = (q: string) => `/api/v1/reports/outcomes/cases?from=${today}&to=${today}${q}`;
type Listed = { caseId: string; outcome: string; closedOn: string; person: { id: string; name: string } };

/** A person whose case is closed today with `outcome` through the API; `contactPerson` set first when given. */
async function closedToday(
  outcome: string,
  by: 'coordinator' | 'otherCoordinator' = 'coordinator',
  contactPerson?: string,
) {
  const client = h.as[by];
  const { id } = (await client.request('POST', '/api/v1/persons', buildPerson())).json();
  if (contactPerson)
    await h.db.updateTable('cases').set({ contact_person_id: contactPerson }).where('person_id', '=', id).execute();
  const person = (await client.request('GET', `/api/v1/persons/${id}`)).json();
  const closed = await client.request('POST', `/api/v1/cases/${person.case.id}/close`, {
    outcome,
    closedOn: today,
    version: person.case.version,
  });
  expect(closed.statusCode, closed.body).toBe(200);
  return { personId: id as string, caseId: person.case.id as string };
}

let work1: { personId: string; caseId: string };
let work2: { personId: string; caseId: string };
let declined: { personId: string; caseId: string };

beforeAll(async () => {
  h = await createHarness();
  work1 = await closedToday('work');
  work2 = await closedToday('work', 'coordinator', h.as.youth_coach.staffId);
  declined = await closedToday('declined');
  await closedToday('work', 'otherCoordinator');
}, 120_000);
afterAll(() => h.close());

describe('GET /api/v1/reports/outcomes/cases', () => {
  it('answers 401 without a session, 403 to those who see counts only, 400 naming a bad field', async () => {
    expect((await h.anonymous('GET', url(''))).statusCode).toBe(401);
    for (const role of ['manager', 'administrator', 'school_reporter'] as const)
      expect((await h.as[role].request('GET', url(''))).statusCode, role).toBe(403);
    const backwards = await h.as.coordinator.request(
      'GET',
      `/api/v1/reports/outcomes/cases?from=${today}&to=2020-01-01`,
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors.map((e: { field: string }) => e.field)).toEqual(['to']);
    const unknown = await h.as.coordinator.request('GET', url('&outcome=lottery'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((e: { field: string }) => e.field)).toEqual(['outcome']);
  });

  it('lists a coordinator the cases behind the count of one outcome, in their municipality only', async () => {
    const res = await h.as.coordinator.request('GET', url('&outcome=work'));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ from: today, to: today, outcome: 'work', truncated: false });
    expect(body.cases.map((c: Listed) => c.caseId).sort()).toEqual([work1.caseId, work2.caseId].sort());
    expect(body.cases.every((c: Listed) => c.outcome === 'work' && c.closedOn === today)).toBe(true);
    // The count in the outcome report is the length of this list.
    const report = (await h.as.coordinator.request('GET', `/api/v1/reports/outcomes?from=${today}&to=${today}`)).json();
    expect(report.byOutcome.work.total).toBe(body.cases.length);
    const all = (await h.as.coordinator.request('GET', url(''))).json();
    expect(all.cases.map((c: Listed) => c.caseId)).toContain(declined.caseId);
    expect(all.cases).toHaveLength(report.closed);
  });

  it('audits each person read, as a read of the outcome report', async () => {
    const reads = () =>
      h.db
        .selectFrom('audit_log')
        .select(['person_id', 'action', 'entity_id'])
        .where('entity', '=', 'outcome_report')
        .where('actor_id', '=', h.as.coordinator.staffId)
        .where('person_id', 'in', [declined.personId, work1.personId])
        .execute();
    const before = await reads();
    await h.as.coordinator.request('GET', url('&outcome=declined'));
    const after = await reads();
    expect(after).toHaveLength(before.length + 1);
    expect(after).toContainEqual({ person_id: declined.personId, action: 'read', entity_id: declined.caseId });
    expect(after.filter((a) => a.person_id === work1.personId)).toHaveLength(
      before.filter((a) => a.person_id === work1.personId).length,
    );
  });

  it('lists a youth coach only the cases of the persons they may see, and counts none of the others', async () => {
    const res = await h.as.youth_coach.request('GET', url('&outcome=work'));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.cases.map((c: Listed) => c.person.id)).toEqual([work2.personId]);
    expect(JSON.stringify(body)).not.toContain(work1.personId);
    // The list and the filters echoed; nothing that counts the persons left out.
    expect(Object.keys(body).sort()).toEqual([
      'cases',
      'diploma',
      'documentedProblems',
      'from',
      'gender',
      'median',
      'months',
      'onTime',
      'outcome',
      'scbBlock',
      'scbCode',
      'scbRows',
      'to',
      'truncated',
    ]);
    expect((await h.as.secondCoach.request('GET', url(''))).json().cases).toEqual([]);
  });
});
