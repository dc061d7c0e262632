import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../core/dates.js';
import { planDocument } from '../../core/plan-schemas.js';
import { ensureMunicipality } from '../bootstrap.js';
import type { DatabaseHandle } from '../db/connection.js';
import { createTestDatabase } from '../testing/database.js';
import { fillDemo } from './demo.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  const m = await ensureMunicipality(handle.db, { code: '1402', name: 'Partille kommun' });
  await fillDemo(handle.db, m);
});
afterAll(() => handle.close());

describe('the demo action plans', () => {
  it('has plans unsigned, signed, changed after signing, evaluated at closure; and cases without one', async () => {
    const db = handle.db;
    const plans = await db
      .selectFrom('action_plans')
      .innerJoin('cases', 'cases.id', 'action_plans.case_id')
      .select(['action_plans.id', 'action_plans.version', 'action_plans.evaluation', 'cases.status'])
      .execute();
    expect(plans.length).toBeGreaterThan(20);
    expect(new Set(plans.map((p) => p.version))).toEqual(new Set([1, 2, 3]));
    expect(plans.some((p) => p.status === 'closed' && p.evaluation)).toBe(true);
    const signatures = await db.selectFrom('plan_signatures').select('plan_id').execute();
    expect(signatures.length).toBeGreaterThan(0);
    expect(signatures.length).toBeLessThan(plans.length);
    const withoutPlan = await db
      .selectFrom('cases')
      .leftJoin('action_plans', 'action_plans.case_id', 'cases.id')
      .select('cases.id')
      .where('cases.status', '=', 'active')
      .where('action_plans.id', 'is', null)
      .execute();
    expect(withoutPlan.length).toBeGreaterThan(0);
  });

  it('keeps every version whole, the latest equal to the plan as it stands, and follow-ups due by today', async () => {
    const db = handle.db;
    const versions = await db.selectFrom('plan_versions').select(['plan_id', 'version', 'document']).execute();
    for (const v of versions) expect(planDocument.safeParse(v.document).success).toBe(true);
    const plans = await db.selectFrom('action_plans').select(['id', 'version']).execute();
    for (const p of plans)
      expect(
        versions
          .filter((v) => v.plan_id === p.id)
          .map((v) => v.version)
          .sort(),
      ).toEqual(Array.from({ length: p.version }, (_, i) => i + 1));
    const due = await db.selectFrom('action_plans').select('id').where('follow_up_on', '<=', todayInSweden()).execute();
    expect(due.length).toBeGreaterThan(0);
    const events = await db
      .selectFrom('events')
      .select(['type', 'category'])
      .where('type', 'in', ['plan_created', 'plan_updated', 'plan_signed'])
      .execute();
    expect(events.filter((e) => e.type === 'plan_created')).toHaveLength(plans.length);
    expect(events.every((e) => e.category === 'assessment_plan')).toBe(true);
  });
});
