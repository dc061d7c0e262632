/**
 * Closing a case takes the young person off the activities' rosters: their enrolments still open on the
 * closing day end on it (one booked to start later ends on its own first day, as a measure does).
 */
import { sql } from 'kysely';
import type { AuditedTransaction } from '../../http/context.js';

/** An enrolment the closing ended, with its activity and new last day. */
export type EndedEnrolment = { id: string; activityId: string; from: string; to: string };

/** Ends the person's enrolments open on `closedOn` (YYYY-MM-DD); the ones it ended. */
export async function endOpenEnrolments(
  trx: AuditedTransaction['trx'],
  person: { municipality_id: string; person_id: string },
  closedOn: string,
): Promise<EndedEnrolment[]> {
  const rows = await trx
    .updateTable('activity_enrolments')
    .set({ to_on: sql<string>`greatest(from_on, ${closedOn}::date)` })
    .where('municipality_id', '=', person.municipality_id)
    .where('person_id', '=', person.person_id)
    .where((eb) => eb.or([eb('to_on', 'is', null), eb('to_on', '>', closedOn)]))
    .returning(['id', 'activity_id', sql<string>`from_on::text`.as('from_on'), sql<string>`to_on::text`.as('to_on')])
    .execute();
  return rows.map((r) => ({ id: r.id, activityId: r.activity_id, from: r.from_on, to: r.to_on }));
}
