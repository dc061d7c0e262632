/**
 * A young person's week as staff read it, and the contact person's additions to it. The week is
 * built by `personWeek` from what is recorded; staff see only the sources in the categories they
 * may see (meetings and activities: contact and occupation; measures: assessment and plan; each
 * addition: its own category). Those who work on the person for the KAA may add to the week and
 * remove additions. Every read and write is audited; a person out of reach is a 404.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import { categoriesOf, requireCapability } from '../../access/access.js';
import { readBasis } from '../../audit/basis.js';
import { audited, denied, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { formatIsoWeek, isoWeekOf, parseIsoWeek, type IsoWeek } from '../../../core/iso-week.js';
import { todayInSweden } from '../../../core/dates.js';
import { roleCan } from '../../../core/roles.js';
import type { Addition, additionBody, ScheduleWeek } from '../../../core/schedule-schemas.js';
import { personWeek } from './person-week.js';
import { selectAddition, selectManagedPerson, selectVisiblePerson, type AdditionRow } from './schedule.queries.js';

export { personWeek, type PersonWeek } from './person-week.js';

/** The week asked for, or the current week in Sweden; a week that does not exist names the field. */
export function weekOrCurrent(ctx: Pick<RequestContext, 'clock'>, week: string | undefined): IsoWeek {
  if (week === undefined) return isoWeekOf(todayInSweden(ctx.clock.now()));
  const parsed = parseIsoWeek(week);
  if (!parsed) throw new AppError('validation_failed', [{ field: 'week', code: 'invalid' }]);
  return parsed;
}

/** The person's week for a staff reader, with what the reader may change. */
export async function personSchedule(ctx: RequestContext, personId: string, week: string | undefined): Promise<ScheduleWeek> {
  requireCapability(ctx.actor, 'persons.browse');
  const isoWeek = weekOrCurrent(ctx, week);
  return audited(ctx, async ({ trx, audit }) => {
    const person = await selectVisiblePerson(trx, ctx.actor, personId);
    if (!person) throw denied(personId, 'schedule');
    const categories = categoriesOf(person);
    const built = await personWeek(trx, { personId, week: isoWeek, categories });
    const mayChange = person.managed && roleCan(ctx.actor.role, 'measures.write');
    await audit({ action: 'read', entity: 'schedule', entityId: personId, personId, detail: { ...readBasis(person), week: built.week } });
    return {
      ...built,
      items: built.items.map((i) => ({ ...i, removable: mayChange && i.kind === 'addition' })),
      withheld: !categories.includes('contact_occupation') || !categories.includes('assessment_plan'),
      mayChange,
    };
  });
}

/** The week to print for the young person: their given name and the week as the reader may see it; audited as an export. */
export async function scheduleForPrint(ctx: RequestContext, personId: string, week: string | undefined) {
  requireCapability(ctx.actor, 'persons.browse');
  const isoWeek = weekOrCurrent(ctx, week);
  return audited(ctx, async ({ trx, audit }) => {
    const person = await selectVisiblePerson(trx, ctx.actor, personId);
    if (!person) throw denied(personId, 'schedule_pdf');
    const built = await personWeek(trx, { personId, week: isoWeek, categories: categoriesOf(person) });
    await audit({ action: 'export', entity: 'schedule_pdf', entityId: personId, personId, detail: { ...readBasis(person), week: built.week } });
    return { givenName: person.given_name, week: built, printedOn: todayInSweden(ctx.clock.now()) };
  });
}

const presentAddition = (r: AdditionRow): Addition => ({
  id: r.id,
  personId: r.person_id,
  date: r.on_date,
  weekly: r.weekly,
  until: r.until_date,
  start: r.start_time,
  end: r.end_time,
  title: r.title,
  place: r.place,
  category: r.category,
});

/** The contact person adds something to the young person's week (404 when they do not work on the person). */
export async function addAddition(ctx: RequestContext, personId: string, input: z.output<typeof additionBody>): Promise<Addition> {
  requireCapability(ctx.actor, 'measures.write');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await selectManagedPerson(trx, ctx.actor, personId);
    if (!person) throw new AppError('not_found');
    if (!categoriesOf(person).includes(input.category)) throw new AppError('category_not_allowed');
    const row = await trx
      .insertInto('schedule_additions')
      .values({
        municipality_id: person.municipality_id,
        person_id: personId,
        on_date: input.date,
        weekly: input.weekly,
        until_date: input.until,
        start_time: input.start,
        end_time: input.end,
        title: input.title,
        place: input.place,
        category: input.category,
        created_by: ctx.actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const week = formatIsoWeek(isoWeekOf(input.date));
    await audit({ action: 'create', entity: 'schedule_addition', entityId: row.id, personId, detail: { week, weekly: input.weekly, basis: person.access_basis } });
    return presentAddition(row);
  });
}

/** Removes an addition from the young person's week (its row stays, marked removed). */
export async function removeAddition(ctx: RequestContext, personId: string, additionId: string): Promise<void> {
  requireCapability(ctx.actor, 'measures.write');
  await audited(ctx, async ({ trx, audit }) => {
    const person = await selectManagedPerson(trx, ctx.actor, personId);
    const addition = person && (await selectAddition(trx, personId, additionId));
    if (!person || !addition || !categoriesOf(person).includes(addition.category)) throw new AppError('not_found');
    await trx
      .updateTable('schedule_additions')
      .set({ removed_at: sql`now()`, removed_by: ctx.actor.id })
      .where('id', '=', additionId)
      .where('removed_at', 'is', null)
      .execute();
    await audit({ action: 'update', entity: 'schedule_addition', entityId: additionId, personId, detail: { removed: true, basis: person.access_basis } });
  });
}
