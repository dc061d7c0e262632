/**
 * The action plan's work queues, as conditions over the queue query of `queues.queries.ts` (persons in
 * the register the reader manages, open period `rp`, open case `cases`):
 * - plan-missing: first reached at least `planMissingDays` days ago (a conversation in the open
 *   period), and the open case has no plan yet;
 * - follow-up-due: the plan's follow-up date, or that of a step still planned or under way, has come.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { addDays, CONVERSATION_OUTCOMES, type OutreachSettings } from '../../../core/outreach.js';

/** The first day a follow-up of the open case's plan (or one of its open steps) falls due. */
export const planFollowUpOn = sql<
  string | null
>`(select least(ap.follow_up_on, (select min(ps.follow_up_on) from plan_steps ps where ps.plan_id = ap.id
  and ps.status in ('planned', 'ongoing'))) from action_plans ap where ap.case_id = cases.id)`;

/** The condition of each plan queue, given the municipality's settings and today (YYYY-MM-DD). */
export function planQueueConditions(
  settings: OutreachSettings,
  today: string,
): Record<'plan-missing' | 'follow-up-due', RawBuilder<SqlBool>> {
  const reachedBy = addDays(today, -settings.planMissingDays);
  return {
    'plan-missing': sql<SqlBool>`cases.id is not null
      and exists (select 1 from contact_attempts ca where ca.period_id = rp.id
        and ca.outcome in (${sql.join([...CONVERSATION_OUTCOMES])}) and (ca.at at time zone
          'Europe/Stockholm')::date <= ${reachedBy}::date)
      and not exists (select 1 from action_plans ap where ap.case_id = cases.id)`,
    'follow-up-due': sql<SqlBool>`cases.id is not null and ${planFollowUpOn} <= ${today}::date`,
  };
}
