/**
 * The action plan's work queues, as conditions over the queue query of `queues.queries.ts` (persons in
 * the register the reader manages, open period `rp`, open case `cases`):
 * - plan-missing: first reached at least `planMissingDays` days ago (a conversation in the open
 *   period), and the open case has no plan yet;
 * - follow-up-due: the plan's follow-up date, or that of a step still planned or under way, has come.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { addDays, type OutreachSettings } from '../../../core/outreach.js';

/** The first day a follow-up of the open case's plan (or one of its open steps) falls due. */
export const planFollowUpOn = sql<
  string | null
>`(select least(ap.follow_up_on, (select min(ps.follow_up_on) from plan_steps ps where ps.plan_id = ap.id
  and ps.status in ('planned', 'ongoing'))) from action_plans ap where ap.case_id = cases.id)`;

/**
 * The condition of each plan queue, given the municipality's settings and today (YYYY-MM-DD); `reachedBy` tests
 * that contact was made in the open period by a day (the queues' ReachedTests).
 */
export function planQueueConditions(
  settings: OutreachSettings,
  today: string,
  reachedBy: (day: string) => RawBuilder<SqlBool>,
): Record<'plan-missing' | 'follow-up-due', RawBuilder<SqlBool>> {
  return {
    'plan-missing': sql<SqlBool>`cases.id is not null
      and ${reachedBy(addDays(today, -settings.planMissingDays))}
      and not exists (select 1 from action_plans ap where ap.case_id = cases.id)`,
    'follow-up-due': sql<SqlBool>`cases.id is not null and ${planFollowUpOn} <= ${today}::date`,
  };
}
