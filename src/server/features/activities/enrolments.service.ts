/**
 * Ending an enrolment: the KAA's own staff on the person (`personManagedBy`) give it a last day. Written on the
 * person's timeline (`activity_enrolment_ended`) and audited in the same transaction.
 */
import type { z } from 'zod';
import { ATTENDANCE_CATEGORY, enrolmentsOverlap } from '../../../core/activities.js';
import type { Enrolment, enrolmentEndBody } from '../../../core/activity-schemas.js';
import { categoriesOf, requireCapability } from '../../access/access.js';
import { audited, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { selectManagedPerson } from '../measures/measures.queries.js';
import { writeEnrolmentEvent } from './activity-events.js';
import { selectActivityRow, selectEnrolments } from './activities.queries.js';

/**
 * Gives an enrolment its last day (`to`, not before its first day, not overlapping another enrolment of the
 * person in the activity: 400 naming `to`). An enrolment of a person the actor does not manage is 404, as one
 * that does not exist. The same last day again changes nothing and writes nothing.
 */
export async function endEnrolment(
  ctx: RequestContext,
  enrolmentId: string,
  input: z.output<typeof enrolmentEndBody>,
): Promise<Enrolment> {
  requireCapability(ctx.actor, 'activities.manage');
  return audited(ctx, async ({ trx, audit }) => {
    const found = await trx
      .selectFrom('activity_enrolments')
      .select(['id', 'activity_id', 'person_id'])
      .where('id', '=', enrolmentId)
      .where('municipality_id', '=', ctx.actor.municipalityId)
      .executeTakeFirst();
    const person = found && (await selectManagedPerson(trx, ctx.actor, found.person_id));
    if (!found || !person || !categoriesOf(person).includes(ATTENDANCE_CATEGORY)) throw new AppError('not_found');
    // The activity is locked, as for enrolling, so two changes of its enrolments do not cross.
    const activity = (await selectActivityRow(trx, ctx.actor.municipalityId, found.activity_id, true))!;
    const mine = await selectEnrolments(trx, ctx.actor.municipalityId, activity.id, found.person_id);
    const current = mine.find((e) => e.id === enrolmentId)!;
    const result = { id: current.id, activityId: activity.id, personId: current.person_id, from: current.from_on };
    if (current.to_on === input.to) return { ...result, to: current.to_on };
    if (input.to < current.from_on)
      throw new AppError('validation_failed', [{ field: 'to', code: 'end_before_start' }]);
    const next = { from: current.from_on, to: input.to };
    if (mine.some((e) => e.id !== enrolmentId && enrolmentsOverlap({ from: e.from_on, to: e.to_on }, next)))
      throw new AppError('validation_failed', [{ field: 'to', code: 'overlapping_enrolment' }]);
    await trx.updateTable('activity_enrolments').set({ to_on: input.to }).where('id', '=', enrolmentId).execute();
    const enrolment = { id: current.id, personId: current.person_id, from: current.from_on, to: input.to };
    await writeEnrolmentEvent(trx, ctx.actor.id, activity, enrolment, true);
    await audit({
      action: 'update',
      entity: 'enrolment',
      entityId: enrolmentId,
      personId: current.person_id,
      detail: { activityId: activity.id, to: input.to, previousTo: current.to_on, basis: person.access_basis },
    });
    return { ...result, to: input.to };
  });
}
