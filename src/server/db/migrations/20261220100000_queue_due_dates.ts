/**
 * The work queues at scale (issue 13): each open register period stores the due date of its next step in
 * force (`next_due_on`: the stored next step's date, or the day of entry before anything is stored for the
 * period, as queues.queries' nextDue said), so a queue page sorted by it reads its rows in that order from
 * an index of the open periods instead of computing the date for every person of the queue and sorting
 * them all. Triggers keep it in the same transaction as every write that changes it, whoever writes:
 * a period's insert (or a change of its day of entry) and any insert, update or delete of a next step.
 * Two small partial indexes of the contact attempts the queues ask about per period (a school check, a
 * conversation) let a queue test a period by one probe into a few rows instead of reading every attempt.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'alter table register_periods add column next_due_on date',
    `update register_periods rp set next_due_on = coalesce(
       (select ns.due_on from next_steps ns where ns.period_id = rp.id and ns.person_id = rp.person_id),
       case when exists (select 1 from next_steps ns where ns.period_id = rp.id and ns.person_id = rp.person_id)
         then null else rp.entered_on end)`,
    `create function lotsa_period_next_due() returns trigger language plpgsql as $$
     declare found_step next_steps%rowtype;
     begin
       select * into found_step from next_steps ns where ns.period_id = new.id and ns.person_id = new.person_id;
       new.next_due_on := case when found then found_step.due_on else new.entered_on end;
       return new;
     end $$`,
    `create trigger register_periods_next_due before insert or update of entered_on, person_id on register_periods
       for each row execute function lotsa_period_next_due()`,
    `create function lotsa_next_step_due() returns trigger language plpgsql as $$
     begin
       if tg_op in ('UPDATE', 'DELETE') and old.period_id is not null then
         update register_periods rp set next_due_on = rp.entered_on
           where rp.id = old.period_id and rp.person_id = old.person_id;
       end if;
       if tg_op in ('INSERT', 'UPDATE') and new.period_id is not null then
         update register_periods rp set next_due_on = new.due_on
           where rp.id = new.period_id and rp.person_id = new.person_id;
       end if;
       return null;
     end $$`,
    `create trigger next_steps_due after insert or update or delete on next_steps
       for each row execute function lotsa_next_step_due()`,
    `create index register_periods_open_due on register_periods (municipality_id, next_due_on)
       where left_on is null`,
    `create index contact_attempts_school_checked on contact_attempts (period_id) where channel = 'verify_school'`,
    `create index contact_attempts_reached on contact_attempts (period_id)
       where outcome in ('reached', 'reached_guardian', 'met', 'met_guardian', 'declined')`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'drop index contact_attempts_reached',
    'drop index contact_attempts_school_checked',
    'drop index register_periods_open_due',
    'drop trigger next_steps_due on next_steps',
    'drop function lotsa_next_step_due()',
    'drop trigger register_periods_next_due on register_periods',
    'drop function lotsa_period_next_due()',
    'alter table register_periods drop column next_due_on',
  ]);
}
