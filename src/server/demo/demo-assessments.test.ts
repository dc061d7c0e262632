import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvent } from '../../core/events/index.js';
import { ensureMunicipality } from '../bootstrap.js';
import type { DatabaseHandle } from '../db/connection.js';
import { createTestDatabase } from '../testing/database.js';
import { fillDemo } from './demo.js';

let handle: DatabaseHandle;
let m: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  m = await ensureMunicipality(handle.db, { code: '1402', name: 'Partille kommun' });
  await fillDemo(handle.db, m);
}, 120_000);
afterAll(() => handle.close());

describe('demo assessments', () => {
  it('are at every stage: drafts, completed, and completed ones with a newer version', async () => {
    const rows = await handle.db
      .selectFrom('assessments')
      .select(['person_id', 'number', 'status', 'revises_id', 'completed_on', 'created_at'])
      .execute();
    expect(rows.filter((r) => r.status === 'draft').length).toBeGreaterThan(5);
    expect(rows.filter((r) => r.status === 'completed').length).toBeGreaterThan(20);
    expect(rows.filter((r) => r.number === 2 && r.revises_id).length).toBeGreaterThan(5);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      rows.every(
        (r) =>
          (r.status === 'completed') === (r.completed_on !== null) &&
          (r.completed_on ?? '') <= today &&
          r.created_at <= new Date(),
      ),
    ).toBe(true);
    const answers = await handle.db.selectFrom('assessment_answers').select(['category']).distinct().execute();
    expect(answers.map((a) => a.category).sort()).toEqual(['assessment_plan', 'health_social']);
  });

  it('are on the timeline as typed events in the assessment and plan category', async () => {
    const events = await handle.db
      .selectFrom('events')
      .select(['type', 'payload', 'category'])
      .where('type', 'in', ['assessment_started', 'assessment_completed'])
      .execute();
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.category === 'assessment_plan' && readEvent(e.type, e.payload) !== null)).toBe(true);
  });

  it('are not added again when the demo runs again', async () => {
    const before = await handle.db.selectFrom('assessments').select('id').execute();
    await fillDemo(handle.db, m);
    expect(await handle.db.selectFrom('assessments').select('id').execute()).toHaveLength(before.length);
  });
});
