/**
 * The SQL of the figures page's own reports (issue 15): outreach by channel, measures per offer and
 * status on a day. Counts are aggregated in the database, never a row per person; every query filters
 * on the municipality, and on the figures page's filters (the case's target group and contact person).
 */
import { sql, type RawBuilder } from 'kysely';
import { CHECK_STEPS, CONVERSATION_OUTCOMES } from '../../../core/outreach.js';
import { COMPLETED_END_REASONS, INTERRUPTED_END_REASONS, type OfferCount } from '../../../core/measure-figures.js';
import type { ChannelCount } from '../../../core/channel-figures.js';
import type { CaseloadCount, StatusGroup } from '../../../core/status-figures.js';
import { CONTACT_PERSON_ROLES } from '../../../core/roles.js';
import type { Db } from '../../db/connection.js';

type Period = { from: string; to: string };
/** The figures page's filters. */
export type FigureFilters = { targetGroup?: 'kaa' | 'young_adult' | 'other'; contactPerson?: string };

/** The start of a day in Swedish time, as a timestamp. */
const dayStart = (day: string) => sql`(${day}::date)::timestamp at time zone 'Europe/Stockholm'`;
const dayEnd = (day: string) => sql`(${day}::date + 1)::timestamp at time zone 'Europe/Stockholm'`;
const conversation = sql.join([...CONVERSATION_OUTCOMES]);

/** The filters as a condition on the case aliased `c` (true when there is none). */
function caseFilter(f: FigureFilters): RawBuilder<boolean> {
  const parts = [sql`true`];
  if (f.targetGroup) parts.push(sql`c.target_group = ${f.targetGroup}`);
  if (f.contactPerson) parts.push(sql`c.contact_person_id = ${f.contactPerson}`);
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/**
 * Contact attempts in the period per channel (check steps left out): attempts, conversations, persons
 * tried and persons reached. The contact person filter is who made the attempt; the target group is
 * that of the person's case open when the attempt was made.
 */
export async function channelCounts(db: Db, municipalityId: string, p: Period, f: FigureFilters): Promise<ChannelCount[]> {
  const byStaff = f.contactPerson ? sql`and ca.staff_id = ${f.contactPerson}` : sql``;
  const byGroup = f.targetGroup
    ? sql`and exists (select 1 from cases c where c.person_id = ca.person_id and c.target_group = ${f.targetGroup}
        and c.opened_at <= ca.at and (c.closed_at is null or c.closed_at >= ca.at))`
    : sql``;
  const { rows } = await sql<{ channel: string; attempts: number; reached: number; persons: number; persons_reached: number }>`
    select ca.channel, count(*)::int as attempts,
      (count(*) filter (where ca.outcome in (${conversation})))::int as reached,
      count(distinct ca.person_id)::int as persons,
      (count(distinct ca.person_id) filter (where ca.outcome in (${conversation})))::int as persons_reached
    from contact_attempts ca
    where ca.municipality_id = ${municipalityId} and ca.at >= ${dayStart(p.from)} and ca.at < ${dayEnd(p.to)}
      and ca.channel not in (${sql.join([...CHECK_STEPS])}) ${byStaff} ${byGroup}
    group by ca.channel`.execute(db);
  return rows.map((r) => ({ channel: r.channel, attempts: r.attempts, reached: r.reached, persons: r.persons, personsReached: r.persons_reached }));
}

type RawOffer = {
  total: boolean;
  offer_id: string | null;
  name: string | null;
  kind: string | null;
  cost_amount: number | null;
  cost_unit: 'week' | 'participant' | null;
  participants: number;
  started: number;
  measure_days: number;
  completed: number;
  interrupted: number;
  outcomes: number;
};

/**
 * Per offer, the measures running at some time in the period (of the filtered cases): persons taking
 * part, measures started, days run inside the period, measures completed and interrupted in it, and
 * participants whose case closed in the period to studies or work. The first row (`total`) counts
 * persons once across offers. Active offers without measures are listed with zeros.
 */
export async function offerCounts(db: Db, municipalityId: string, p: Period, f: FigureFilters) {
  const { rows } = await sql<RawOffer>`
    with ms as (
      select m.id, m.person_id, m.offer_id, m.starts_on, m.ended_on, m.end_reason,
        least(coalesce(m.ended_on, ${p.to}::date), ${p.to}::date) - greatest(m.starts_on, ${p.from}::date) + 1 as days
      from measures m left join cases c on c.id = m.case_id
      where m.municipality_id = ${municipalityId} and m.starts_on <= ${p.to}::date
        and (m.ended_on is null or m.ended_on >= ${p.from}::date) and ${caseFilter(f)}
    ), won as (
      select distinct c.person_id from cases c
      where c.municipality_id = ${municipalityId} and c.closed_on between ${p.from}::date and ${p.to}::date
        and c.outcome in ('work', 'studies')
    )
    select grouping(o.id) = 1 as total, o.id as offer_id, o.name, o.kind, o.cost_amount, o.cost_unit,
      count(distinct ms.person_id)::int as participants,
      (count(ms.id) filter (where ms.starts_on >= ${p.from}::date))::int as started,
      coalesce(sum(ms.days), 0)::int as measure_days,
      (count(ms.id) filter (where ms.ended_on <= ${p.to}::date and ms.end_reason in (${sql.join([...COMPLETED_END_REASONS])})))::int as completed,
      (count(ms.id) filter (where ms.ended_on <= ${p.to}::date and ms.end_reason in (${sql.join([...INTERRUPTED_END_REASONS])})))::int as interrupted,
      (count(distinct ms.person_id) filter (where ms.person_id in (select person_id from won)))::int as outcomes
    from offers o left join ms on ms.offer_id = o.id
    where o.municipality_id = ${municipalityId} and (o.active or ms.id is not null)
    group by grouping sets ((), (o.id, o.name, o.kind, o.cost_amount, o.cost_unit))
    order by total desc, o.name, o.id`.execute(db);
  const total = rows.find((r) => r.total);
  const offers: OfferCount[] = rows
    .filter((r) => !r.total)
    .map((r) => ({
      offerId: r.offer_id!,
      name: r.name!,
      kind: r.kind!,
      costAmount: r.cost_amount,
      costUnit: r.cost_unit,
      participants: r.participants,
      started: r.started,
      measureDays: r.measure_days,
      completed: r.completed,
      interrupted: r.interrupted,
      outcomes: r.outcomes,
    }));
  return { offers, distinctParticipants: total?.participants ?? 0, distinctOutcomes: total?.outcomes ?? 0 };
}

/** The cases open at the end of `on` (of the filtered cases), aliased `c`, with their person `p`. */
const openOn = (municipalityId: string, on: string, f: FigureFilters) => sql`
  select c.id, c.person_id, c.target_group, c.contact_person_id, c.opened_at, p.personal_identity_number as pnr
  from cases c join persons p on p.id = c.person_id
  where c.municipality_id = ${municipalityId} and c.opened_at < ${dayEnd(on)}
    and (c.closed_at is null or coalesce(c.closed_on, (c.closed_at at time zone 'Europe/Stockholm')::date) > ${on}::date)
    and ${caseFilter(f)}`;

/**
 * The cases open at the end of `on`, grouped by the latest status set by then (a case_status_changed
 * event), whether a contact attempt followed it (or the opening), gender and target group.
 */
export async function statusGroups(db: Db, municipalityId: string, on: string, f: FigureFilters): Promise<StatusGroup[]> {
  const { rows } = await sql<{ last_set_to: StatusGroup['lastSetTo']; attempted: boolean; gender: 'female' | 'male'; target_group: StatusGroup['targetGroup']; n: number }>`
    with open as (${openOn(municipalityId, on, f)}),
    facts as (
      select o.*, ls.to_status, coalesce(ls.at, o.opened_at) as since
      from open o left join lateral (
        select e.payload->>'to' as to_status, e.occurred_at as at from events e
        where e.case_id = o.id and e.type = 'case_status_changed' and e.occurred_at < ${dayEnd(on)}
        order by e.occurred_at desc limit 1) ls on true
    )
    select f.to_status as last_set_to,
      exists (select 1 from contact_attempts ca where ca.person_id = f.person_id and ca.at >= f.since
        and ca.at < ${dayEnd(on)} and ca.channel not in (${sql.join([...CHECK_STEPS])})) as attempted,
      case when substr(f.pnr, 11, 1)::int % 2 = 1 then 'male' else 'female' end as gender,
      f.target_group, count(*)::int as n
    from facts f group by 1, 2, 3, 4`.execute(db);
  return rows.map((r) => ({ lastSetTo: r.last_set_to, attemptedSince: r.attempted, gender: r.gender, targetGroup: r.target_group, n: r.n }));
}

/**
 * The open cases at the end of `on` per contact person (the case's contact person now), with the
 * capacity set for them; every active staff member who can hold cases is listed, and a row without
 * a contact person when any case has none.
 */
export async function caseloadCounts(db: Db, municipalityId: string, on: string, f: FigureFilters): Promise<CaseloadCount[]> {
  const { rows } = await sql<{ id: string | null; name: string | null; capacity: number | null; open: number }>`
    with open as (${openOn(municipalityId, on, f)}),
    held as (select contact_person_id, count(*)::int as n from open group by contact_person_id)
    select s.id, s.name, s.caseload_capacity as capacity, coalesce(h.n, 0)::int as open
    from staff s left join held h on h.contact_person_id = s.id
    where s.municipality_id = ${municipalityId} and (h.n is not null or (s.active and s.role in (${sql.join([...CONTACT_PERSON_ROLES])})))
      ${f.contactPerson ? sql`and s.id = ${f.contactPerson}` : sql``}
    union all
    select null, null, null, n from held where contact_person_id is null
    order by 2 nulls last`.execute(db);
  return rows.map((r) => ({ contactPerson: r.id ? { id: r.id, name: r.name! } : null, open: r.open, capacity: r.capacity }));
}
