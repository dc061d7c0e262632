/**
 * Work queues: saved filters over the register with counts, the persons in one queue with their
 * next step, and assigning a queue's persons to a contact person in bulk.
 */
import { sql, type OrderByItemBuilder, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import { roleCan } from '../../../core/roles.js';
import {
  QUEUE_KEYS,
  type bulkAssignBody,
  type QueueItem,
  type QueueKey,
  type queueItemsQuery,
  type QueueSort,
  type QueueSummary,
} from '../../../core/outreach-schemas.js';
import { personManagedBy, requireCapability, seesOnlyCaseload } from '../../access/access.js';
import { audited, type RequestContext } from '../../http/context.js';
import { findContactPerson } from '../cases/cases.service.js';
import { AppError } from '../../http/app-error.js';
import { loadOutreachSettings } from '../contact/outreach-settings.js';
import { todayInSweden } from '../../../core/dates.js';
import { planFollowUpOn } from '../plans/plan-queues.js';
import {
  contactPersonCondition,
  firstReached,
  inRegister,
  inRegisterWithoutCase,
  measureEndsOn,
  nextChannel,
  nextDue,
  plannedAt,
  queueConditions,
  reachedFromFirst,
} from './queues.queries.js';
import { eventRow } from '../../db/events.js';
import { cappedTotal, countUpTo } from '../../db/capped-count.js';
import { countFollowUpsDue, followUpQueueItems } from '../outcomes/follow-ups.service.js';
import { QUEUE_PERSON_COLUMNS, queueItemOf } from './queue-item.js';

/**
 * Above this many persons a queue's count is a lower bound ("at least"), counted no further: a queue is
 * worked a page at a time, and each person counted is tested against the queue's condition, so the cap is
 * lower than the person list's.
 */
export const QUEUE_COUNT_CAP = 1_000;

/** When the newest contact attempt of the open period was made. */
const lastAttemptAt = sql<Date | null>`(select max(ca.at) from contact_attempts ca where ca.period_id = rp.id)`;

/** Every queue the actor works, with how many persons (or notifications) are in it. Counts only: no personal data. */
export async function listQueues(ctx: RequestContext, contactPerson: string | undefined): Promise<QueueSummary[]> {
  requireCapability(ctx.actor, 'outreach.work');
  const { settings } = await loadOutreachSettings(ctx.db, ctx.actor.municipalityId);
  const today = todayInSweden(ctx.clock.now());
  const conditions = queueConditions(settings, today);
  const keys = Object.keys(conditions) as (keyof typeof conditions)[];
  const inQueues = inRegister(ctx.db, ctx.actor).where(contactPersonCondition(ctx.actor, contactPerson));
  let queues: QueueSummary[];
  if (seesOnlyCaseload(ctx.actor)) {
    // A caseload: one pass over it tests the access condition once per person and counts every queue exactly. Five
    // queues ask whether (and when) contact was made: that is read once per period, as a lateral column. The open
    // case is joined only to filter by contact person; else the plan queues look it up where they need it.
    const openCase = contactPerson ? 'joined' : 'lookedUp';
    const once = queueConditions(settings, today, reachedFromFirst, openCase);
    const pass = openCase === 'joined' ? inQueues : inRegisterWithoutCase(ctx.db, ctx.actor);
    const counts = await pass
      .innerJoinLateral(firstReached(ctx.db), (j) => j.onTrue())
      .select(keys.map((key) => sql<number>`(count(*) filter (where ${once[key]}))::int`.as(key)))
      .executeTakeFirstOrThrow();
    queues = keys.map((key) => ({ key, count: (counts as Record<string, number>)[key] ?? 0, kind: 'persons' }));
  } else {
    // A municipality: one statement, each queue counted on its own up to the cap, so a large queue stops early
    // and a small one is read through its own condition's indexes.
    const counts = await ctx.db
      .selectNoFrom(
        keys.map((key) =>
          countUpTo(ctx.db, inQueues.where(conditions[key]).select(sql`1`.as('one')), QUEUE_COUNT_CAP).as(key),
        ),
      )
      .executeTakeFirstOrThrow();
    queues = keys.map((key) => {
      const { total, totalIsLowerBound } = cappedTotal((counts as Record<string, number>)[key] ?? 0, QUEUE_COUNT_CAP);
      return { key, count: total, ...(totalIsLowerBound && { countIsLowerBound: true }), kind: 'persons' };
    });
  }
  queues.push({ key: 'closure-follow-up', count: await countFollowUpsDue(ctx, contactPerson), kind: 'persons' });
  if (roleCan(ctx.actor.role, 'notifications.inbox')) {
    const inbox = await ctx.db
      .selectFrom('notifications')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('municipality_id', '=', ctx.actor.municipalityId)
      .where('status', '=', 'inbox')
      .executeTakeFirstOrThrow();
    queues.push({ key: 'inbox', count: inbox.n, kind: 'notifications' });
  }
  return queues;
}

/**
 * One page of the persons in one queue, sorted as asked (soonest next step first by default), each listing audited. The
 * inbox lists notifications elsewhere.
 */
export async function queueItems(
  ctx: RequestContext,
  key: QueueKey,
  query: z.infer<typeof queueItemsQuery>,
): Promise<{
  key: QueueKey;
  items: QueueItem[];
  total: number;
  totalIsLowerBound?: boolean;
  page: number;
  pageSize: number;
}> {
  requireCapability(ctx.actor, 'outreach.work');
  if (key === 'inbox' || !QUEUE_KEYS.includes(key)) throw new AppError('not_found');
  if (key === 'closure-follow-up') {
    return { key, page: query.page, pageSize: query.pageSize, ...(await followUpQueueItems(ctx, query)) };
  }
  const { settings } = await loadOutreachSettings(ctx.db, ctx.actor.municipalityId);
  const condition = queueConditions(settings, todayInSweden(ctx.clock.now()))[key];
  return audited(ctx, async ({ trx, audit }) => {
    const filtered = inRegister(trx, ctx.actor)
      .where(contactPersonCondition(ctx.actor, query.contactPerson))
      .where(condition);
    const direction = (ob: OrderByItemBuilder) =>
      query.order === 'desc' ? ob.desc().nullsLast() : ob.asc().nullsLast();
    const sortKeys: Record<QueueSort, RawBuilder<unknown>> = {
      due:
        key === 'home-visits'
          ? plannedAt
          : key === 'measure-ending'
            ? measureEndsOn
            : key === 'follow-up-due'
              ? planFollowUpOn
              : nextDue,
      name: sql`persons.family_name`,
      entered: sql`rp.entered_on`,
      lastAttempt: lastAttemptAt,
      contactPerson: sql`contact.name`,
    };
    // A caseload is read in full to sort it anyway: the same pass counts it, exactly (seesOnlyCaseload).
    const caseload = seesOnlyCaseload(ctx.actor);
    const rows = await filtered
      .leftJoin('staff as contact', 'contact.id', 'cases.contact_person_id')
      .$if(caseload, (qb) => qb.select(sql<number>`(count(*) over ())::int`.as('queue_total')))
      .select([
        ...QUEUE_PERSON_COLUMNS,
        'cases.id as case_id',
        'rp.entered_on',
        'ns.override_reason',
        nextChannel.as('next_channel'),
        sql<string | null>`to_char(${nextDue}, 'YYYY-MM-DD')`.as('next_due'),
        lastAttemptAt.as('last_attempt_at'),
        plannedAt.as('planned_at'),
        sql<string | null>`to_char(${measureEndsOn}, 'YYYY-MM-DD')`.as('measure_ends_on'),
        sql<string | null>`to_char(${planFollowUpOn}, 'YYYY-MM-DD')`.as('plan_follow_up_on'),
      ])
      .orderBy(sortKeys[query.sort], direction)
      .orderBy('persons.family_name')
      .orderBy('persons.given_name')
      .orderBy('persons.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    const offset = (query.page - 1) * query.pageSize;
    const cap = offset + QUEUE_COUNT_CAP;
    const counted = rows[0]?.queue_total;
    // A page that is not full holds the last persons of the queue (a first page that is empty: none), so the
    // total follows without counting again.
    const total =
      counted !== undefined
        ? { total: counted, totalIsLowerBound: false }
        : rows.length < query.pageSize && (rows.length > 0 || offset === 0)
          ? cappedTotal(offset + rows.length, cap)
          : cappedTotal(
              (await countUpTo(trx, filtered.select(sql`1`.as('one')), cap).executeTakeFirstOrThrow()).total,
              cap,
            );
    await audit(
      ...rows.map((r) => ({
        action: 'list' as const,
        entity: 'person' as const,
        entityId: r.id,
        personId: r.id,
        detail: { queue: key },
      })),
    );
    return {
      key,
      ...total,
      page: query.page,
      pageSize: query.pageSize,
      items: rows.map(queueItemOf),
    };
  });
}

/** Makes one staff member the contact person of every listed person's open case (coordinators). */
export async function bulkAssign(
  ctx: RequestContext,
  input: z.infer<typeof bulkAssignBody>,
): Promise<{ assigned: number }> {
  requireCapability(ctx.actor, 'cases.assign');
  const personIds = [...new Set(input.personIds)];
  return audited(ctx, async ({ trx, audit }) => {
    const contact = await findContactPerson(trx, ctx.actor.municipalityId, input.contactPersonId);
    if (!contact)
      throw new AppError('validation_failed', [{ field: 'contactPersonId', code: 'contact_person_without_access' }]);
    const cases = await trx
      .selectFrom('cases')
      .innerJoin('persons', 'persons.id', 'cases.person_id')
      .leftJoin('staff', 'staff.id', 'cases.contact_person_id')
      .select([
        'cases.id',
        'cases.person_id',
        'cases.municipality_id',
        'cases.contact_person_id',
        'staff.name as contact_name',
      ])
      .where('cases.person_id', 'in', personIds)
      .where('cases.closed_at', 'is', null)
      .where(personManagedBy(ctx.actor))
      .forUpdate(['cases'])
      .execute();
    // All or nothing: a person who cannot be seen, or has no open case, fails the whole request.
    if (cases.length !== personIds.length) throw new AppError('not_found');
    const changing = cases.filter((c) => c.contact_person_id !== contact.id);
    if (changing.length === 0) return { assigned: 0 };
    await trx
      .updateTable('cases')
      .set({ contact_person_id: contact.id, version: sql`version + 1` })
      .where(
        'id',
        'in',
        changing.map((c) => c.id),
      )
      .execute();
    await trx
      .insertInto('events')
      .values(
        changing.map((c) =>
          eventRow(
            { municipality_id: c.municipality_id, person_id: c.person_id, case_id: c.id, actor_id: ctx.actor.id },
            'contact_person_changed',
            {
              from: c.contact_person_id ? { id: c.contact_person_id, name: c.contact_name } : null,
              to: contact,
            },
          ),
        ),
      )
      .execute();
    await audit(
      ...changing.map((c) => ({
        action: 'update' as const,
        entity: 'case' as const,
        entityId: c.id,
        personId: c.person_id,
        detail: { contactPerson: true, bulk: true },
      })),
    );
    return { assigned: changing.length };
  });
}
