/**
 * A case's milestones (migration 20261224100000) read the person's register periods by the index by person.
 * Written as `rp.municipality_id = p_m`, the municipality also matched the index by municipality and day
 * (`register_periods_entered`), and in a transaction that had just written many periods that the planner had
 * no statistics for, such as a reconciliation's, it chose that index: every case's look-up then read every new
 * period of the municipality. A first national reconciliation (51,215 persons entering) took 420 s instead of
 * 12 s; 10,000 entering took 7.7 s for the periods' insert and 1.8 s for the cases'. The municipality is now
 * tested as a filter the planner cannot take to an index (`is true`), so only the index by person serves the
 * look-up: the same 10,000 take 0.8 s and 0.7 s, 30,000 take 3.4 s and 2.0 s. The rule is unchanged.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/** The conversation outcomes of core/outreach's CONVERSATION_OUTCOMES when 20261224100000 was written. */
const CONVERSATIONS = `('reached', 'reached_guardian', 'met', 'met_guardian', 'declined')`;

/** 20261224100000's `lotsa_case_milestones`, with the register periods' municipality test as given. */
const milestones = (inMunicipality: string) =>
  `create or replace function lotsa_case_milestones(p_m uuid, p_person uuid, p_opened_at timestamptz,
     p_closed_on date)
   returns table (started_on date, first_contact_on date, assessed_on date, first_measure_on date,
     register_diploma text)
   language sql stable as $$
     select s.started_on,
       (select (min(ca.at) at time zone 'Europe/Stockholm')::date from contact_attempts ca
         where ca.person_id = p_person and ca.outcome in ${CONVERSATIONS}
           and ca.at >= s.started_on::timestamp at time zone 'Europe/Stockholm'),
       (select min(a.completed_on) from assessments a where a.person_id = p_person and a.municipality_id = p_m
         and a.status = 'completed' and a.completed_on >= s.started_on),
       (select min(ms.starts_on) from measures ms where ms.person_id = p_person and ms.starts_on >= s.started_on),
       s.register_diploma
     from (
       select coalesce(r.entered_on, o.opened_on) as started_on,
         case when r.lists_yes then 'yes' when r.in_register then 'no' end as register_diploma
       from (select (p_opened_at at time zone 'Europe/Stockholm')::date as opened_on,
           coalesce(p_closed_on, 'infinity'::date) as until) o
       cross join lateral (
         select max(rp.entered_on) filter (where rp.entered_on <= o.opened_on
             and (rp.left_on is null or rp.left_on >= o.opened_on)) as entered_on,
           bool_or(rp.left_on <= o.until and rp.leave_reason = 'completed') as lists_yes,
           count(*) > 0 as in_register
         from register_periods rp
         where rp.person_id = p_person and ${inMunicipality} and rp.entered_on <= o.until) r
     ) s
   $$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [milestones('(rp.municipality_id = p_m) is true')]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [milestones('rp.municipality_id = p_m')]);
}
