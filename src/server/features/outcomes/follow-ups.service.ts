/**
 * Follow-up after closure: recording what a follow-up found (and, for someone back without
 * occupation, taking them on again in the same step), and the closure-follow-up work queue.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import { todayInSweden } from '../../../core/dates.js';
import type { FollowUp, followUpResultBody } from '../../../core/outcome-schemas.js';
import { takesOnAgain } from '../../../core/outcomes.js';
import type { QueueItem, queueItemsQuery } from '../../../core/outreach-schemas.js';
import { OCCUPATION_CODE_LIST, type Occupation } from '../../../core/outreach.js';
import { requireCapability } from '../../access/access.js';
import { eventRow } from '../../db/events.js';
import { AppError } from '../../http/app-error.js';
import { audited, type RequestContext } from '../../http/context.js';
import { followUpsDue, selectFollowUps, selectManagedFollowUp } from './outcomes.queries.js';
import { takeOnAgain } from './outcomes.service.js';
import { QUEUE_PERSON_COLUMNS, queueItemOf } from '../queues/queue-item.js';

/**
 * Records a follow-up's result (once: a recorded one is 409 `follow_up_recorded`) with the version
 * read; `takeOn` with `back_without_occupation` opens a new case naming the closed one, in the same
 * transaction. `takeOn` with any other result is 400 naming the field.
 */
export async function recordFollowUp(
  ctx: RequestContext,
  followUpId: string,
  input: z.infer<typeof followUpResultBody>,
): Promise<FollowUp> {
  requireCapability(ctx.actor, 'persons.edit');
  if (input.takeOn && !takesOnAgain(input.result))
    throw new AppError('validation_failed', [{ field: 'takeOn', code: 'invalid' }]);
  const today = todayInSweden(ctx.clock.now());
  return audited(ctx, async ({ trx, audit }) => {
    const current = await selectManagedFollowUp(trx, ctx.actor, followUpId);
    if (!current) throw new AppError('not_found');
    if (current.result) throw new AppError('follow_up_recorded');
    if (current.version !== input.version) throw new AppError('version_conflict');
    const occupation: Occupation | null =
      input.occupation ?? (input.result === 'back_without_occupation' ? 'none' : null);
    const opened = input.takeOn
      ? await takeOnAgain(trx, { ...current, id: current.case_id }, followUpId, ctx.actor.id)
      : null;
    const updated = await trx
      .updateTable('case_follow_ups')
      .set({
        result: input.result,
        occupation,
        occupation_list_version: occupation ? OCCUPATION_CODE_LIST.version : null,
        note: input.note,
        recorded_on: today,
        recorded_by: ctx.actor.id,
        new_case_id: opened?.caseId ?? null,
        version: sql`version + 1`,
      })
      .where('id', '=', followUpId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('version_conflict');
    const base = {
      municipality_id: current.municipality_id,
      person_id: current.person_id,
      case_id: current.case_id,
      actor_id: ctx.actor.id,
    };
    await trx
      .insertInto('events')
      .values(
        eventRow(base, 'follow_up_recorded', { followUpId, months: current.months, result: input.result, occupation }),
      )
      .execute();
    await audit({
      action: 'update',
      entity: 'follow_up',
      entityId: followUpId,
      personId: current.person_id,
      detail: { result: input.result, takenOn: Boolean(opened), basis: current.access_basis },
    });
    if (opened)
      await audit({
        action: 'create',
        entity: 'case',
        entityId: opened.caseId,
        personId: current.person_id,
        detail: { reopens: current.case_id },
      });
    const rows = await selectFollowUps(trx, current.case_id);
    const row = rows.find((r) => r.id === followUpId)!;
    return {
      id: row.id,
      caseId: row.case_id,
      months: row.months,
      dueOn: row.due_day,
      result: row.result,
      occupation: row.occupation as Occupation | null,
      note: row.note,
      recordedOn: row.recorded_day,
      recordedBy: row.recorded_by ? { id: row.recorded_by, name: row.recorded_by_name ?? '' } : null,
      newCaseId: row.new_case_id,
      version: row.version,
    };
  });
}

/** How many persons have a follow-up after closure due (a count: no personal data). */
export async function countFollowUpsDue(ctx: RequestContext, contactPerson: string | undefined): Promise<number> {
  const today = todayInSweden(ctx.clock.now());
  const row = await followUpsDue(ctx.db, ctx.actor, today, contactPerson)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** One page of the closure-follow-up queue: a row per person at their earliest due follow-up, each audited. */
export async function followUpQueueItems(
  ctx: RequestContext,
  query: z.infer<typeof queueItemsQuery>,
): Promise<{ items: QueueItem[]; total: number }> {
  requireCapability(ctx.actor, 'outreach.work');
  const today = todayInSweden(ctx.clock.now());
  return audited(ctx, async ({ trx, audit }) => {
    const due = followUpsDue(trx, ctx.actor, today, query.contactPerson);
    const { total } = await due.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
    const desc = query.order === 'desc';
    const sortKey =
      query.sort === 'name'
        ? sql`persons.family_name`
        : query.sort === 'contactPerson'
          ? sql`contact.name`
          : sql`fu.due_on`;
    const rows = await due
      .leftJoin('staff as contact', 'contact.id', 'cases.contact_person_id')
      .select([...QUEUE_PERSON_COLUMNS, 'fu.case_id'])
      .select(
        sql<FollowUpColumn>`json_build_object('id', fu.id, 'months', fu.months,
          'due_day', to_char(fu.due_on, 'YYYY-MM-DD'), 'version', fu.version)`.as('follow_up'),
      )
      .orderBy(sortKey, (ob) => (desc ? ob.desc().nullsLast() : ob.asc().nullsLast()))
      .orderBy('persons.family_name')
      .orderBy('fu.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    await audit(
      ...rows.map((r) => ({
        action: 'list' as const,
        entity: 'person' as const,
        entityId: r.id,
        personId: r.id,
        detail: { queue: 'closure-follow-up' },
      })),
    );
    return { total, items: rows.map(queueItemOf) };
  });
}

type FollowUpColumn = { id: string; months: number; due_day: string; version: number };
