/**
 * The stored due date the work queues sort by (`register_periods.next_due_on`, migration
 * 20261220100000): the database keeps it equal to the next step in force of the period, whoever writes
 * the period or its next step, in the same transaction.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function newPeriod(enteredOn: string) {
  const person = await h.db
    .insertInto('persons')
    .values({
      municipality_id: h.municipalityId,
      personal_identity_number: `2009${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      birth_date: '2009-01-01',
      given_name: 'Due',
      family_name: 'Date',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const period = await h.db
    .insertInto('register_periods')
    .values({
      municipality_id: h.municipalityId,
      person_id: person.id,
      entered_on: enteredOn,
      entry_reason: 'dropped_out',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { personId: person.id, periodId: period.id };
}

const dueOf = async (periodId: string) =>
  (
    await h.db
      .selectFrom('register_periods')
      .select(sql<string | null>`to_char(next_due_on, 'YYYY-MM-DD')`.as('due'))
      .where('id', '=', periodId)
      .executeTakeFirstOrThrow()
  ).due;

describe("a register period's stored next-step date", () => {
  it('is the day of entry until a next step is stored, then follows the step, and comes back without it', async () => {
    const { personId, periodId } = await newPeriod('2026-09-01');
    expect(await dueOf(periodId)).toBe('2026-09-01');
    const step = { person_id: personId, municipality_id: h.municipalityId, period_id: periodId, channel: 'phone' };
    await h.db
      .insertInto('next_steps')
      .values({ ...step, due_on: '2026-09-05' })
      .execute();
    expect(await dueOf(periodId)).toBe('2026-09-05');
    await h.db
      .insertInto('next_steps')
      .values({ ...step, due_on: '2026-09-12' })
      .onConflict((oc) => oc.column('person_id').doUpdateSet({ due_on: '2026-09-12' }))
      .execute();
    expect(await dueOf(periodId)).toBe('2026-09-12');
    await h.db
      .updateTable('next_steps')
      .set({ due_on: null, channel: null })
      .where('person_id', '=', personId)
      .execute();
    expect(await dueOf(periodId)).toBeNull();
    await h.db.deleteFrom('next_steps').where('person_id', '=', personId).execute();
    expect(await dueOf(periodId)).toBe('2026-09-01');
  });

  it("moves with the step to the person's new period and gives the old one its day of entry back", async () => {
    const { personId, periodId: first } = await newPeriod('2026-08-01');
    await h.db
      .insertInto('next_steps')
      .values({
        person_id: personId,
        municipality_id: h.municipalityId,
        period_id: first,
        channel: 'letter',
        due_on: '2026-08-20',
      })
      .execute();
    await h.db.updateTable('register_periods').set({ left_on: '2026-08-30' }).where('id', '=', first).execute();
    const second = (
      await h.db
        .insertInto('register_periods')
        .values({
          municipality_id: h.municipalityId,
          person_id: personId,
          entered_on: '2026-10-01',
          entry_reason: 'dropped_out',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    expect(await dueOf(second)).toBe('2026-10-01');
    await h.db
      .updateTable('next_steps')
      .set({ period_id: second, due_on: '2026-10-03' })
      .where('person_id', '=', personId)
      .execute();
    expect([await dueOf(first), await dueOf(second)]).toEqual(['2026-08-01', '2026-10-03']);
    await h.db.updateTable('register_periods').set({ entered_on: '2026-09-28' }).where('id', '=', second).execute();
    expect(await dueOf(second)).toBe('2026-10-03');
  });
});
