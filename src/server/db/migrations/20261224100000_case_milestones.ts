/**
 * The outcome report at scale (issue 15): each case keeps the milestones the report measures from and to
 * (`started_on`: the register entry of the period open on the opening day, else the opening day;
 * `first_contact_on`: the first conversation from the start; `assessed_on`: the first completed assessment
 * from the start; `first_measure_on`: the first measure starting from the start) and what the register
 * says of the diploma by the closing day (`register_diploma`, core's `diplomaFromRegister`), so the report
 * reads the closed cases by their index on the closing day instead of joining them with whole tables.
 * The rule is reports.queries' `outcomeCaseStepsDirect`, case by case; a case still open is computed as
 * if it closed at infinity (the report reads closed cases only). Triggers keep the columns in the same
 * transaction as every write that changes them, whoever writes: a case's insert or a change of its
 * opening, closing day, person or municipality, and any insert, update or delete of the person's register
 * periods, contact attempts, assessments or measures (statement triggers, one recomputation per person).
 *
 * The case also keeps its person's birth date and gender for figures (the identity number's gender digit,
 * reports.queries' `genderOfPnr`), kept by a trigger on the person's identity number and birth date, so the
 * report reads the cases alone, by their index on the closing day (cases_closed_on). An index holding
 * every column the report reads (for an index-only scan) was not chosen by the planner on the bench's
 * 500,000 cases and saved under 10 % of the report's CPU when forced, so there is none.
 *
 * Data converted: every existing case gets its milestones and person's figures (backfill); down drops them.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/** The conversation outcomes of core/outreach's CONVERSATION_OUTCOMES when this was written. */
const CONVERSATIONS = `('reached', 'reached_guardian', 'met', 'met_guardian', 'declined')`;
const MILESTONES = ['started_on', 'first_contact_on', 'assessed_on', 'first_measure_on', 'register_diploma'];
const PERSON = ['person_birth_date', 'person_gender'];
/** reports.queries' genderOfPnr: the identity number's gender digit, the 11th of 12. */
const GENDER = (pnr: string) => `(case when substr(${pnr}, 11, 1)::int % 2 = 1 then 'male' else 'female' end)`;
const TABLES = ['register_periods', 'contact_attempts', 'assessments', 'measures'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table cases
       add column started_on date,
       add column first_contact_on date,
       add column assessed_on date,
       add column first_measure_on date,
       add column register_diploma text check (register_diploma in ('yes', 'no')),
       add column person_birth_date date,
       add column person_gender text check (person_gender in ('female', 'male'))`,
    // One case's milestones from its municipality, person, opening and closing day (null while open).
    `create function lotsa_case_milestones(p_m uuid, p_person uuid, p_opened_at timestamptz, p_closed_on date)
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
           where rp.person_id = p_person and rp.municipality_id = p_m and rp.entered_on <= o.until) r
       ) s
     $$`,
    `create function lotsa_case_milestones_of_row() returns trigger language plpgsql as $$
     declare x record;
     begin
       select * into x from lotsa_case_milestones(new.municipality_id, new.person_id, new.opened_at, new.closed_on);
       new.started_on := x.started_on;
       new.first_contact_on := x.first_contact_on;
       new.assessed_on := x.assessed_on;
       new.first_measure_on := x.first_measure_on;
       new.register_diploma := x.register_diploma;
       select p.birth_date, ${GENDER('p.personal_identity_number')} into new.person_birth_date, new.person_gender
         from persons p where p.id = new.person_id;
       return new;
     end $$`,
    `create trigger cases_milestones before insert or update of opened_at, closed_on, person_id, municipality_id
       on cases for each row execute function lotsa_case_milestones_of_row()`,
    // Recomputes the cases of some persons, writing only those whose milestones changed.
    `create function lotsa_refresh_case_milestones(p_persons uuid[]) returns void language sql as $$
       update cases c set started_on = x.started_on, first_contact_on = x.first_contact_on,
         assessed_on = x.assessed_on, first_measure_on = x.first_measure_on, register_diploma = x.register_diploma
       from cases c2
         cross join lateral lotsa_case_milestones(c2.municipality_id, c2.person_id, c2.opened_at, c2.closed_on) x
       where c2.person_id in (select unnest(p_persons)) and c.id = c2.id
         and (c.started_on, c.first_contact_on, c.assessed_on, c.first_measure_on, c.register_diploma)
           is distinct from (x.started_on, x.first_contact_on, x.assessed_on, x.first_measure_on, x.register_diploma)
     $$`,
    `create function lotsa_case_milestones_inserted() returns trigger language plpgsql as $$
     begin
       perform lotsa_refresh_case_milestones(array(select distinct person_id from new_rows));
       return null;
     end $$`,
    `create function lotsa_case_milestones_updated() returns trigger language plpgsql as $$
     begin
       perform lotsa_refresh_case_milestones(
         array(select person_id from old_rows union select person_id from new_rows));
       return null;
     end $$`,
    `create function lotsa_case_milestones_deleted() returns trigger language plpgsql as $$
     begin
       perform lotsa_refresh_case_milestones(array(select distinct person_id from old_rows));
       return null;
     end $$`,
    ...TABLES.flatMap((t) => [
      `create trigger ${t}_milestones_inserted after insert on ${t} referencing new table as new_rows
         for each statement execute function lotsa_case_milestones_inserted()`,
      `create trigger ${t}_milestones_updated after update on ${t} referencing old table as old_rows
         new table as new_rows for each statement execute function lotsa_case_milestones_updated()`,
      `create trigger ${t}_milestones_deleted after delete on ${t} referencing old table as old_rows
         for each statement execute function lotsa_case_milestones_deleted()`,
    ]),
    `create function lotsa_case_person() returns trigger language plpgsql as $$
     begin
       update cases c set person_birth_date = new.birth_date, person_gender = ${GENDER('new.personal_identity_number')}
         where c.person_id = new.id and (c.person_birth_date, c.person_gender)
           is distinct from (new.birth_date, ${GENDER('new.personal_identity_number')});
       return null;
     end $$`,
    `create trigger persons_case_person after update of personal_identity_number, birth_date on persons
       for each row execute function lotsa_case_person()`,
    // Backfill, set-based through the same functions.
    `update cases c set (person_birth_date, person_gender) = (select p.birth_date,
       ${GENDER('p.personal_identity_number')} from persons p where p.id = c.person_id)`,
    `update cases c set (${MILESTONES.join(', ')}) = (select * from
       lotsa_case_milestones(c.municipality_id, c.person_id, c.opened_at, c.closed_on))`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'drop trigger persons_case_person on persons',
    'drop function lotsa_case_person()',
    ...TABLES.flatMap((t) => [
      `drop trigger ${t}_milestones_inserted on ${t}`,
      `drop trigger ${t}_milestones_updated on ${t}`,
      `drop trigger ${t}_milestones_deleted on ${t}`,
    ]),
    'drop function lotsa_case_milestones_inserted()',
    'drop function lotsa_case_milestones_updated()',
    'drop function lotsa_case_milestones_deleted()',
    'drop function lotsa_refresh_case_milestones(uuid[])',
    'drop trigger cases_milestones on cases',
    'drop function lotsa_case_milestones_of_row()',
    'drop function lotsa_case_milestones(uuid, uuid, timestamptz, date)',
    `alter table cases ${[...MILESTONES, ...PERSON].map((c) => `drop column ${c}`).join(', ')}`,
  ]);
}
