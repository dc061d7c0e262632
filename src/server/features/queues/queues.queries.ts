/**
 * The work queues as SQL: each queue is a condition over the persons in the register whose record
 * the reader manages as the KAA's own staff (the access module's personManagedBy, applied inside the
 * query; consent or emergency access alone gives no outreach work), with open case and next step.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import {
  addDays,
  CHECK_STEPS,
  CONVERSATION_OUTCOMES,
  OCCUPATION_CODE_LIST,
  SCHOOL_ENTRY_REASONS,
  type OutreachSettings,
} from '../../../core/outreach.js';
import type { QueueKey } from '../../../core/outreach-schemas.js';
import { personManagedBy, type Actor } from '../../access/access.js';
import { MEASURE_ENDING_DAYS } from '../../../core/measures.js';
import type { Db } from '../../db/connection.js';
import { planQueueConditions, type OpenCase } from '../plans/plan-queues.js';

/** Outcomes that mean contact was made: a conversation (a person who declines was reached). */
const REACHED = CONVERSATION_OUTCOMES;

/** Persons in the register the actor manages, with open period `rp`, open case and stored next step `ns`. */
export function inRegister(db: Db, actor: Actor) {
  return inRegisterWithoutCase(db, actor).leftJoin('cases', (j) =>
    j.onRef('cases.person_id', '=', 'persons.id').on('cases.closed_at', 'is', null),
  );
}

/**
 * As inRegister, without the open case: for a query that tests the queues but neither shows nor filters by the
 * case (the plan queues then look it up where they need it: `planQueueConditions`' `lookedUp`).
 */
export function inRegisterWithoutCase(db: Db, actor: Actor) {
  return (
    db
      .selectFrom('persons')
      .innerJoin('register_periods as rp', (j) =>
        j.onRef('rp.person_id', '=', 'persons.id').on('rp.left_on', 'is', null),
      )
      .leftJoin('next_steps as ns', (j) =>
        j.onRef('ns.person_id', '=', 'persons.id').onRef('ns.period_id', '=', 'rp.id'),
      )
      .where('persons.municipality_id', '=', actor.municipalityId)
      // The person's own municipality, said of the period too, so its indexes of the open periods serve.
      .where('rp.municipality_id', '=', actor.municipalityId)
      .where(personManagedBy(actor))
  );
}

const fromSchool = sql<SqlBool>`rp.entry_reason in (${sql.join(SCHOOL_ENTRY_REASONS)})`;
const attemptInPeriod = (condition: RawBuilder<unknown>) =>
  sql<SqlBool>`exists (select 1 from contact_attempts ca where ca.period_id = rp.id and ${condition})`;

/** True once contact was made in the open period. */
export const reachedInPeriod = attemptInPeriod(sql`ca.outcome in (${sql.join(REACHED)})`);

/** The day in Sweden of an attempt's time `at`. */
const swedishDay = (at: RawBuilder<unknown>) => sql`(${at} at time zone 'Europe/Stockholm')::date`;

/**
 * What the queues ask of the open period's contact attempts: whether contact was made, and whether it was made
 * by a given day. Several queues ask the same, and the database runs a subquery once for each place it is
 * written, so an overview that tests every queue for each person reads them once per period instead
 * (`reachedFromFirst`); a queue's own page tests them as subqueries (`reachedBySubquery`), which the planner may
 * turn into joins.
 */
export type ReachedTests = {
  /** True once contact was made in the open period. */
  reached: RawBuilder<SqlBool>;
  /** True when contact was made in the open period on or before `day` (YYYY-MM-DD, in Sweden). */
  reachedBy: (day: string) => RawBuilder<SqlBool>;
};

/** The reached tests as subqueries of their own. */
export const reachedBySubquery: ReachedTests = {
  reached: reachedInPeriod,
  reachedBy: (day) =>
    attemptInPeriod(sql`ca.outcome in (${sql.join(REACHED)}) and ${swedishDay(sql.ref('ca.at'))} <= ${day}::date`),
};

/**
 * When contact was first made in the open period (null: not yet), as the one column of a lateral join over the
 * period `rp`: one probe of the reached attempts' index (`contact_attempts_reached`) per period.
 */
export function firstReached(db: Db) {
  return db
    .selectFrom('contact_attempts as ca')
    .select(sql<Date | null>`min(ca.at)`.as('first_reached_at'))
    .where(sql.ref('ca.period_id'), '=', sql.ref('rp.id'))
    .where('ca.outcome', 'in', REACHED)
    .as('reach');
}

const firstReachedAt = sql.ref('reach.first_reached_at');

/** The reached tests over the column of {@link firstReached}, joined as `reach`. */
export const reachedFromFirst: ReachedTests = {
  reached: sql<SqlBool>`${firstReachedAt} is not null`,
  // False, not null, when never reached: a condition after it in an `and` is then not evaluated.
  reachedBy: (day) => sql<SqlBool>`(${firstReachedAt} is not null and ${swedishDay(firstReachedAt)} <= ${day}::date)`,
};

const contactTried = attemptInPeriod(sql`ca.channel not in (${sql.join([...CHECK_STEPS])})`);
const schoolVerified = attemptInPeriod(sql`ca.channel = 'verify_school'`);

/**
 * The next step in force: the stored one, or, before anything is stored for the period, the first
 * check step on the day of entry (the same start as core's proposeNextStep). Its due date is stored on
 * the period (`next_due_on`, kept by triggers: migration 20261220100000) and indexed with the open periods.
 */
export const nextChannel = sql<
  string | null
>`case when ns.person_id is null then (case when ${fromSchool} then 'verify_school' else 'known_elsewhere' end)
  else ns.channel end`;
export const nextDue = sql<string | null>`rp.next_due_on`;

/** True while the newest occupation at contact is still valid for its type. */
function occupationValid(settings: OutreachSettings) {
  const days = sql.join(
    OCCUPATION_CODE_LIST.codes.map((code) => sql`when ${code} then ${settings.occupationValidityDays[code]}::int`),
    sql` `,
  );
  return sql<SqlBool>`exists (
    select 1 from (select ca.occupation, ca.at from contact_attempts ca where ca.person_id = persons.id
      and ca.occupation is not null order by ca.at desc limit 1) latest
    where latest.at + make_interval(days => case latest.occupation ${days} else 0 end) > now())`;
}

/** An upcoming (or today's) home visit that is not cancelled. */
const homeVisitPlanned = sql<SqlBool>`exists (select 1 from meetings m where m.person_id = persons.id
  and m.kind = 'home_visit' and m.cancelled_at is null and m.ends_at > now())`;
/** When the first upcoming home visit starts. */
export const plannedAt = sql<Date | null>`(select min(m.starts_at) from meetings m where m.person_id = persons.id
  and m.kind = 'home_visit' and m.cancelled_at is null and m.ends_at > now())`;

/** The soonest planned end of the person's running measures (the measure-ending queue sorts by it). */
export const measureEndsOn = sql<
  string | null
>`(select min(m.planned_end_on) from measures m where m.person_id = persons.id and m.ended_on is null)`;

/** Queues that are not a condition over the register: the inbox, and follow-ups after closure (`features/outcomes`). */
export type OwnQueryQueue = 'inbox' | 'closure-follow-up';

/**
 * The condition of each person queue over the register, in QUEUE_KEYS order, given settings and today (YYYY-MM-DD),
 * with the reached tests written as `reached` says (subqueries unless told otherwise) and the open case found as
 * `openCase` says (the query's own `cases` unless told otherwise).
 */
export function queueConditions(
  settings: OutreachSettings,
  today: string,
  reached: ReachedTests = reachedBySubquery,
  openCase: OpenCase = 'joined',
): Record<Exclude<QueueKey, OwnQueryQueue>, RawBuilder<SqlBool>> {
  const notReached = sql<SqlBool>`not ${reached.reached}`;
  return {
    'verify-school': sql<SqlBool>`${fromSchool} and not ${schoolVerified} and ${notReached}`,
    'not-contacted': sql<SqlBool>`not ${contactTried} and ${notReached}`,
    'contact-overdue': sql<SqlBool>`${notReached} and rp.entered_on < ${addDays(today, -settings.overdueDays)}::date`,
    'next-step-due': sql<SqlBool>`${nextChannel} is not null and ${nextDue} <= ${today}::date`,
    'occupation-unknown': sql<SqlBool>`${reached.reached} and not ${occupationValid(settings)}`,
    'home-visits': homeVisitPlanned,
    // A running measure whose planned end falls within the coming days (core's isMeasureEnding).
    ...planQueueConditions(settings, today, reached.reachedBy, openCase),
    'measure-ending': sql<SqlBool>`exists (select 1 from measures m where m.person_id = persons.id
      and m.ended_on is null and m.planned_end_on between ${today}::date
        and ${addDays(today, MEASURE_ENDING_DAYS)}::date)`,
  };
}

/** Narrows to a contact person: `me`, `none` or a staff id. */
export function contactPersonCondition(actor: Actor, filter: string | undefined): RawBuilder<SqlBool> {
  if (!filter) return sql<SqlBool>`true`;
  if (filter === 'none') return sql<SqlBool>`cases.contact_person_id is null`;
  return sql<SqlBool>`cases.contact_person_id = ${filter === 'me' ? actor.id : filter}`;
}
