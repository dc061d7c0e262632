/**
 * Outreach figures for the start page, for the municipality and per contact person: how many in
 * the register have been reached, how many within the municipality's number of days after entry,
 * the median days to first contact, how many are not reached yet and how many are overdue.
 * Counts only, never identities, so managers may read them. Reached means an attempt with an outcome
 * that is a conversation (mapped: a completed assessment); attempts recorded before the day that rule took effect
 * (`conversationRuleSince`) count as they were recorded.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { addDays, CONVERSATION_OUTCOMES, CONVERSATION_RULE } from '../../../core/outreach.js';
import { outreachFiguresSchema, type OutreachFigures } from '../../../core/outreach-schemas.js';
import { problemSchema } from '../../../core/schemas.js';
import { contactPersonHasAccess, requireCapability } from '../../access/access.js';
import { contextOf, type RequestContext } from '../../http/context.js';
import { loadOutreachSettings } from '../contact/outreach-settings.js';
import { todayInSweden } from '../../../core/dates.js';

type Row = {
  contact_person_id: string | null;
  name: string | null;
  total: boolean;
  in_register: number;
  reached: number;
  in_time: number;
  window_over: number;
  median: number | null;
  overdue: number;
  mapped: number;
};

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

function figure(r: Row) {
  return {
    inRegister: r.in_register,
    reached: r.reached,
    reachedShare: share(r.reached, r.in_register),
    reachedInTime: r.in_time,
    // Of those whose days have run out, or who were reached in time: a newcomer does not count against it yet.
    reachedInTimeShare: share(r.in_time, r.window_over),
    medianDaysToFirstContact: r.median === null ? null : Number(r.median),
    notReached: r.in_register - r.reached,
    overdue: r.overdue,
    mapped: r.mapped,
    mappedShare: share(r.mapped, r.in_register),
  };
}

/** The figures for the actor's municipality. */
export async function outreachFigures(ctx: RequestContext): Promise<OutreachFigures> {
  requireCapability(ctx.actor, 'figures.read');
  const { settings } = await loadOutreachSettings(ctx.db, ctx.actor.municipalityId);
  const deadline = addDays(todayInSweden(ctx.clock.now()), -settings.overdueDays);
  const rule = await ctx.db
    .selectFrom('outreach_rule_changes')
    .select('applies_from')
    .where('rule', '=', CONVERSATION_RULE)
    .executeTakeFirst();
  const { rows } = await sql<Row>`
    with base as (
      -- A contact person who may not open the case holds nobody's case: it counts as without one.
      select rp.entered_on,
        case when ${contactPersonHasAccess(sql.ref('c.contact_person_id'))} then c.contact_person_id end
          as contact_person_id,
        (select min(ca.at at time zone 'Europe/Stockholm')::date from contact_attempts ca
          where ca.period_id = rp.id and ca.outcome in (${sql.join([...CONVERSATION_OUTCOMES])})) as first_reached,
        exists (select 1 from assessments a where a.person_id = rp.person_id and a.status = 'completed') as mapped
      from register_periods rp
      left join cases c on c.person_id = rp.person_id and c.closed_at is null
      where rp.municipality_id = ${ctx.actor.municipalityId} and rp.left_on is null
    ), measured as (
      select *, first_reached is not null and first_reached - entered_on <= ${settings.overdueDays}::int as in_time
      from base
    )
    select m.contact_person_id, s.name, grouping(m.contact_person_id) = 1 as total,
      count(*)::int as in_register,
      count(first_reached)::int as reached,
      (count(*) filter (where in_time))::int as in_time,
      (count(*) filter (where in_time or entered_on < ${deadline}::date))::int as window_over,
      percentile_cont(0.5) within group (order by first_reached - entered_on) as median,
      (count(*) filter (where first_reached is null and entered_on < ${deadline}::date))::int as overdue,
      (count(*) filter (where mapped))::int as mapped
    from measured m left join staff s on s.id = m.contact_person_id
    group by grouping sets ((), (m.contact_person_id, s.name))
    order by total desc, s.name nulls last`.execute(ctx.db);
  const total = rows.find((r) => r.total);
  const empty: Row = {
    contact_person_id: null,
    name: null,
    total: true,
    in_register: 0,
    reached: 0,
    in_time: 0,
    window_over: 0,
    median: null,
    overdue: 0,
    mapped: 0,
  };
  return {
    overdueDays: settings.overdueDays,
    conversationRuleSince: rule?.applies_from ?? null,
    municipality: figure(total ?? empty),
    byContactPerson: rows
      .filter((r) => !r.total)
      .map((r) => ({
        ...figure(r),
        contactPerson: r.contact_person_id ? { id: r.contact_person_id, name: r.name! } : null,
      })),
  };
}

/** Registers GET /api/v1/figures/outreach. */
export async function outreachFiguresRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/figures/outreach', {
    schema: {
      tags: ['figures'],
      summary:
        'Reached, reached in time, median days to first contact, not reached and overdue, for the municipality ' +
        'and per contact person',
      response: { 200: outreachFiguresSchema, 401: problemSchema, 403: problemSchema },
    },
    handler: (request) => outreachFigures(contextOf(request)),
  });
}
