/**
 * The contact ladder's use cases: record an attempt (or a check step), read a person's outreach,
 * override the proposed next step. Each is audited in the transaction that does it; an attempt
 * also goes on the person's timeline, and a retry with the same Idempotency-Key records nothing twice.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import {
  attemptProblem,
  isCheckStep,
  isConversation,
  isUnder18,
  OCCUPATION_CODE_LIST,
  type AttemptChannel,
  type AttemptOutcome,
  type Occupation,
} from '../../../core/outreach.js';
import type { contactAttemptBody, nextStepOverrideBody, Outreach } from '../../../core/outreach-schemas.js';
import { requireCapability } from '../../access/access.js';
import { roleCan } from '../../../core/roles.js';
import { readBasis } from '../../audit/basis.js';
import { audited, denied, type AuditedTransaction, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { selectPerson } from '../persons/persons.queries.js';
import { loadOutreachSettings } from './outreach-settings.js';
import { todayInSweden } from '../../../core/dates.js';
import { openPeriod, proposalFor, refreshNextStep, storedNextStep } from './next-step.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { eventRow } from '../../db/events.js';

type AttemptBody = z.infer<typeof contactAttemptBody>;
/** An attempt whose outcome has been chosen. */
export type AttemptInput = Omit<AttemptBody, 'outcome'> & { outcome: AttemptOutcome };
type NextStepOut = Outreach['nextStep'];
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Checks core's rules (`attemptProblem`): an outcome was chosen (400 `outcome_required`), it fits
 * the channel, and occupation and agreement come only with a conversation (400 `invalid_outcome`);
 * and the attempt is not later than `now`.
 */
export function checkAttempt(input: AttemptBody, now: Date): AttemptInput {
  const problem = attemptProblem(input);
  if (problem) throw new AppError(problem.code === 'required' ? 'outcome_required' : 'invalid_outcome', [problem]);
  if (Date.parse(input.at) > now.getTime() + CLOCK_SKEW_MS)
    throw new AppError('future_attempt', [{ field: 'at', code: 'invalid' }]);
  return { ...input, outcome: input.outcome as AttemptOutcome };
}

const stepOut = (channel: string | null, dueOn: string | null, overrideReason: string | null): NextStepOut =>
  channel && dueOn ? { channel: channel as AttemptChannel, dueOn, overrideReason } : null;

/**
 * Records one attempt inside `t` for a person the actor may see (404 otherwise): the timeline event,
 * the attempt, the case moving from new to contacting, and Lotsa's next proposal.
 */
export async function insertAttempt(
  ctx: RequestContext,
  { trx, audit }: AuditedTransaction,
  personId: string,
  input: AttemptInput,
  idempotencyKey: string | null,
): Promise<{ id: string; nextStep: NextStepOut }> {
  const person = await selectPerson(trx, ctx.actor, personId);
  // Outreach is the KAA's own work: consent or emergency access alone does not let anyone record it.
  if (!person || !person.managed) throw denied(personId, 'contact_attempt');
  const [period, openCase, { settings }] = await Promise.all([
    openPeriod(trx, personId),
    trx
      .selectFrom('cases')
      .select(['id', 'status'])
      .where('person_id', '=', personId)
      .where('closed_at', 'is', null)
      .executeTakeFirst(),
    loadOutreachSettings(trx, person.municipality_id),
  ]);
  const occupation = isConversation(input.outcome) ? (input.occupation ?? 'unknown') : null;
  const payload = {
    channel: input.channel,
    outcome: input.outcome,
    occupation,
    agreed: input.agreed,
    note: input.note,
  };
  const event = await trx
    .insertInto('events')
    .values(
      eventRow(
        {
          municipality_id: person.municipality_id,
          person_id: personId,
          case_id: openCase?.id ?? null,
          actor_id: ctx.actor.id,
          occurred_at: input.at,
        },
        'contact_attempt',
        payload,
      ),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  const attempt = await trx
    .insertInto('contact_attempts')
    .values({
      municipality_id: person.municipality_id,
      person_id: personId,
      period_id: period?.id ?? null,
      event_id: event.id,
      channel: input.channel,
      outcome: input.outcome,
      at: input.at,
      staff_id: ctx.actor.id,
      occupation,
      occupation_list_version: occupation ? OCCUPATION_CODE_LIST.version : null,
      agreed: input.agreed,
      note: input.note,
      idempotency_key: idempotencyKey,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (openCase?.status === 'new' && !isCheckStep(input.channel)) {
    await trx
      .updateTable('cases')
      .set({ status: 'contacting', version: sql`version + 1` })
      .where('id', '=', openCase.id)
      .execute();
    await trx
      .insertInto('events')
      .values(
        eventRow(
          {
            municipality_id: person.municipality_id,
            person_id: personId,
            case_id: openCase.id,
            actor_id: ctx.actor.id,
          },
          'case_status_changed',
          { from: 'new', to: 'contacting' },
        ),
      )
      .execute();
  }
  const next = period
    ? await refreshNextStep(trx, person.municipality_id, person, period, settings, todayInSweden(ctx.clock.now()))
    : null;
  await audit({
    action: 'create',
    entity: 'contact_attempt',
    entityId: attempt.id,
    personId,
    detail: { channel: input.channel, outcome: input.outcome },
  });
  return { id: attempt.id, nextStep: next ? { ...next, overrideReason: null } : null };
}

/**
 * The attempt an actor already recorded under `key`, with the person's current next step (audited; 404 once out of
 * reach).
 */
function replayed(ctx: RequestContext, personId: string, key: string) {
  return audited(ctx, async ({ trx, audit }) => {
    const prior = await trx
      .selectFrom('contact_attempts')
      .select(['id', 'person_id', 'period_id'])
      .where('staff_id', '=', ctx.actor.id)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    if (!prior) return undefined;
    if (prior.person_id !== personId)
      throw new AppError('idempotency_key_reused', [{ field: 'Idempotency-Key', code: 'invalid' }]);
    const person = await selectPerson(trx, ctx.actor, personId);
    if (!person?.managed) throw denied(personId, 'contact_attempt');
    const stored = prior.period_id ? await storedNextStep(trx, personId, prior.period_id) : undefined;
    await audit({
      action: 'read',
      entity: 'contact_attempt',
      entityId: prior.id,
      personId,
      detail: { replay: true, ...readBasis(person) },
    });
    return { id: prior.id, nextStep: stored ? stepOut(stored.channel, stored.due_on, stored.override_reason) : null };
  });
}

/** POST /persons/{id}/contact-attempts. */
export async function recordContactAttempt(
  ctx: RequestContext,
  personId: string,
  body: AttemptBody,
  idempotencyKey: string | null,
): Promise<{ id: string; nextStep: NextStepOut }> {
  requireCapability(ctx.actor, 'outreach.work');
  const input = checkAttempt(body, ctx.clock.now());
  if (idempotencyKey) {
    const prior = await replayed(ctx, personId, idempotencyKey);
    if (prior) return prior;
  }
  try {
    return await audited(ctx, (t) => insertAttempt(ctx, t, personId, input, idempotencyKey));
  } catch (err) {
    // Two submits with the same key at once: the second lost the race; answer with the first.
    if (idempotencyKey && isUniqueViolation(err)) {
      const prior = await replayed(ctx, personId, idempotencyKey);
      if (prior) return prior;
    }
    throw err;
  }
}

/**
 * The outreach of one person: attempts (newest first), the next step and Lotsa's proposal, the occupation, the meetings
 * booked ahead.
 */
export async function getOutreach(ctx: RequestContext, personId: string): Promise<Outreach> {
  requireCapability(ctx.actor, 'outreach.work');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await selectPerson(trx, ctx.actor, personId);
    // Attempts and occupation are contact-and-occupation information: the KAA's own staff, or a consent that covers it.
    if (!person || !(person.managed || person.sees_contact_occupation)) throw denied(personId, 'outreach');
    const [period, { settings }, attempts] = await Promise.all([
      openPeriod(trx, personId),
      loadOutreachSettings(trx, person.municipality_id),
      trx
        .selectFrom('contact_attempts')
        .innerJoin('staff', 'staff.id', 'contact_attempts.staff_id')
        .select([
          'contact_attempts.id',
          'channel',
          'outcome',
          'at',
          'period_id',
          'occupation',
          'occupation_list_version',
          'agreed',
          'note',
          'staff.id as staff_id',
          'staff.name as staff_name',
        ])
        .where('contact_attempts.person_id', '=', personId)
        .orderBy('at', 'desc')
        .execute(),
    ]);
    const meetings = await trx
      .selectFrom('meetings')
      .innerJoin('staff as s1', 's1.id', 'meetings.staff_id')
      .leftJoin('staff as s2', 's2.id', 'meetings.second_staff_id')
      .select([
        'meetings.id',
        'meetings.kind',
        'meetings.starts_at',
        'meetings.ends_at',
        's1.id as staff_id',
        's1.name as staff_name',
        's2.id as second_id',
        's2.name as second_name',
      ])
      .where('meetings.person_id', '=', personId)
      .where('meetings.cancelled_at', 'is', null)
      .where('meetings.ends_at', '>', sql<Date>`now()`)
      .orderBy('meetings.starts_at')
      .limit(20)
      .execute();
    let unconfirmed = trx
      .selectFrom('sms_messages')
      .select(['id', 'recipient', 'created_at'])
      .where('person_id', '=', personId)
      .where('provider', '=', 'outbox')
      .where('status', '=', 'stored')
      .where('attempt_recorded_at', 'is', null)
      // A sign-in code is no contact attempt to confirm.
      .where('purpose', '!=', 'sign_in_code');
    if (!roleCan(ctx.actor.role, 'outreach.configure')) unconfirmed = unconfirmed.where('sent_by', '=', ctx.actor.id);
    const awaitingSms = person.managed ? await unconfirmed.orderBy('created_at', 'desc').limit(20).execute() : [];
    const now = ctx.clock.now();
    const proposal = period ? await proposalFor(trx, person, period, settings, todayInSweden(now)) : null;
    const stored = period ? await storedNextStep(trx, personId, period.id) : undefined;
    const nextStep = stored
      ? stepOut(stored.channel, stored.due_on, stored.override_reason)
      : proposal && { ...proposal, overrideReason: null };
    const reached = attempts.filter((a) => isConversation(a.outcome) && (!period || a.period_id === period.id));
    const withOccupation = attempts.find((a) => a.occupation);
    const occupation = withOccupation
      ? {
          code: withOccupation.occupation as Occupation,
          confirmedAt: withOccupation.at.toISOString(),
          valid:
            now.getTime() - withOccupation.at.getTime() <
            settings.occupationValidityDays[withOccupation.occupation as Occupation] * 86_400_000,
        }
      : null;
    await audit({ action: 'read', entity: 'outreach', entityId: personId, personId, detail: readBasis(person) });
    return {
      personId,
      enteredOn: period?.entered_on ?? null,
      under18: isUnder18(person.birth_date, todayInSweden(now)),
      attempts: attempts.map((a) => ({
        id: a.id,
        channel: a.channel as AttemptChannel,
        outcome: a.outcome as Outreach['attempts'][number]['outcome'],
        at: a.at.toISOString(),
        staff: { id: a.staff_id, name: a.staff_name },
        occupation: a.occupation as Occupation | null,
        occupationListVersion: a.occupation_list_version,
        agreed: a.agreed,
        note: a.note,
      })),
      nextStep,
      proposal: proposal && { ...proposal, overrideReason: null },
      nextStepVersion: stored?.version ?? 0,
      firstReachedAt: reached.length ? reached[reached.length - 1]!.at.toISOString() : null,
      occupation,
      awaitingSms: awaitingSms.map((m) => ({
        id: m.id,
        recipient: m.recipient,
        createdAt: m.created_at.toISOString(),
      })),
      meetings: meetings.map((m) => ({
        id: m.id,
        kind: m.kind,
        startsAt: m.starts_at.toISOString(),
        endsAt: m.ends_at.toISOString(),
        staff: { id: m.staff_id, name: m.staff_name },
        secondStaff: m.second_id ? { id: m.second_id, name: m.second_name! } : null,
      })),
    };
  });
}

/** The coach chooses another next step than Lotsa's, with a reason; 409 when someone changed it meanwhile. */
export async function overrideNextStep(
  ctx: RequestContext,
  personId: string,
  input: z.infer<typeof nextStepOverrideBody>,
): Promise<void> {
  requireCapability(ctx.actor, 'outreach.work');
  await audited(ctx, async ({ trx, audit }) => {
    const person = await selectPerson(trx, ctx.actor, personId);
    if (!person || !person.managed) throw denied(personId, 'next_step');
    const period = await openPeriod(trx, personId);
    if (!period) throw new AppError('not_found');
    const values = {
      period_id: period.id,
      channel: input.channel,
      due_on: input.dueOn,
      override_reason: input.reason,
      set_by: ctx.actor.id,
    };
    const saved =
      input.version === 0
        ? await trx
            .insertInto('next_steps')
            .values({ person_id: personId, municipality_id: person.municipality_id, ...values })
            .onConflict((oc) =>
              oc
                .column('person_id')
                .doUpdateSet({ ...values, updated_at: sql`now()`, version: sql`next_steps.version + 1` })
                .where('next_steps.period_id', 'is distinct from', period.id),
            )
            .returning('version')
            .executeTakeFirst()
        : await trx
            .updateTable('next_steps')
            .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
            .where('person_id', '=', personId)
            .where('period_id', '=', period.id)
            .where('version', '=', input.version)
            .returning('version')
            .executeTakeFirst();
    if (!saved) throw new AppError('version_conflict');
    await trx
      .insertInto('events')
      .values(
        eventRow(
          { municipality_id: person.municipality_id, person_id: personId, actor_id: ctx.actor.id },
          'next_step_changed',
          { channel: input.channel, dueOn: input.dueOn, reason: input.reason },
        ),
      )
      .execute();
    await audit({ action: 'update', entity: 'next_step', entityId: personId, personId });
  });
}
