import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../testing/factories.js';
import { createHarness, type Harness } from '../../testing/harness.js';
import { auditReconciliationShown, listRegisterAudited } from './register-list.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('the register read from the command line (lotsa register list)', () => {
  it('audits every person it lists, as the web does', async () => {
    const created = await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson());
    const personId = created.json().id as string;
    const source = JSON.stringify({ populationLine: 2, enrolments: [] });
    await h.db
      .insertInto('register_periods')
      .values({
        municipality_id: h.municipalityId,
        person_id: personId,
        entered_on: '2026-08-01',
        entry_reason: 'dropped_out',
        rule: 'noQualification',
        source,
      })
      .execute();
    const rows = await listRegisterAudited(h.db, h.municipalityId, '2026-09-01', 'cli');
    expect(rows).toEqual([
      { personalIdentityNumber: expect.stringMatching(/^\d{12}$/), reason: 'dropped_out', since: '2026-08-01' },
    ]);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'actor_id', 'detail'])
      .where('person_id', '=', personId)
      .where('entity', '=', 'register')
      .execute();
    expect(audit).toEqual([
      { action: 'list', entity: 'register', actor_id: null, detail: { asOf: '2026-09-01', via: 'cli' } },
    ]);
  });

  it('audits a reconciliation result printed as JSON, which names persons; nothing when it names none', async () => {
    await auditReconciliationShown(h.db, h.municipalityId, '2026-09-01', false, 0);
    await auditReconciliationShown(h.db, h.municipalityId, '2026-09-02', false, 3);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity', '=', 'reconciliation')
      .execute();
    expect(audit).toEqual([{ action: 'read', detail: { asOf: '2026-09-02', apply: false, persons: 3, via: 'cli' } }]);
  });
});
