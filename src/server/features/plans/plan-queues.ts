/**
 * The action plan's work queues, as conditions over the queue query of `queues.queries.ts` (persons in
 * the register the reader manages, open period `rp`, open case `cases`):
 * - plan-missing: first reached at least `planMissingDays` days ago (a conversation in the open
 *   period), and the open case has no plan yet;
 * - follow-up-due: the plan's follow-up date, or that of a step still planned or under way, has come.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { addDays, type OutreachSettings } from '../../../core/outreach.js';

/** The first day a follow-up of plan `ap` (or one of its steps still planned or under way) falls due. */
const followUpOf = sql`least(ap.follow_up_on, (select min(ps.follow_up_on) from plan_steps ps where ps.plan_id = ap.id
  and ps.status in ('planned', 'ongoing')))`;

/** The first day a follow-up of the open case's plan (or one of its open steps) falls due. */
export const planFollowUpOn = sql<
  string | null
>`(select ${followUpOf} from action_plans ap where ap.case_id = cases.id)`;

/**
 * Where the plan queues find the person's open case: `joined`, the queue query's own `cases` (a queue's page,
 * which shows the case anyway), or `lookedUp` by index where it is needed, for a query that does not join it (a
 * caseload's overview): for a person reached long enough ago, and for one whose plan's follow-up has come, found
 * from their plans (a plan is its case's person's: plans.service writes both from the same case).
 */
export type OpenCase = 'joined' | 'lookedUp';

/**
 * The condition of each plan queue, given the municipality's settings and today (YYYY-MM-DD); `reachedBy` tests
 * that contact was made in the open period by a day (the queues' ReachedTests).
 */
export function planQueueConditions(
  settings: OutreachSettings,
  today: string,
  reachedBy: (day: string) => RawBuilder<SqlBool>,
  openCase: OpenCase = 'joined',
): Record<'plan-missing' | 'follow-up-due', RawBuilder<SqlBool>> {
  const reached = reachedBy(addDays(today, -settings.planMissingDays));
  if (openCase === 'lookedUp') {
    return {
      'plan-missing': sql<SqlBool>`${reached} and exists (select 1 from cases c where c.person_id = persons.id
        and c.closed_at is null and not exists (select 1 from action_plans ap where ap.case_id = c.id))`,
      'follow-up-due': sql<SqlBool>`exists (select 1 from action_plans ap join cases c on c.id = ap.case_id
        where ap.person_id = persons.id and c.person_id = persons.id and c.closed_at is null
          and ${followUpOf} <= ${today}::date)`,
    };
  }
  return {
    'plan-missing': sql<SqlBool>`cases.id is not null and ${reached}
      and not exists (select 1 from action_plans ap where ap.case_id = cases.id)`,
    'follow-up-due': sql<SqlBool>`cases.id is not null and ${planFollowUpOn} <= ${today}::date`,
  };
}
