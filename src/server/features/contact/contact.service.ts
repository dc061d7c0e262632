/**
 * The contact ladder's use cases: record an attempt (or a check step), read a person's outreach,
 * override the proposed next step. Each is audited in the transaction that does it; an attempt
 * also goes on the person's timeline, and a retry with the same Idempotency-Key records nothing twice.
 */
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
import { proposalFor, refreshNextStep } from './next-step.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { eventRow, insertEvents } from '../../db/events.js';
import {
  attemptByIdempotencyKey,
  attemptsOf,
  insertAttemptEvent,
  insertAttemptRow,
  insertNextStepOverride,
  markCaseContacting,
  openCaseOf,
  openPeriod,
  storedNextStep,
  unconfirmedSmsOf,
  upcomingMeetingsOf,
  updateNextStepOverride,
} from './contact.queries.js';

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
  {
    personId,
    attempt: input,
    idempotencyKey = null,
  }: { personId: string; attempt: AttemptInput; idempotencyKey?: string | null },
): Promise<{ id: string; nextStep: NextStepOut }> {
  const person = await selectPerson(trx, ctx.actor, personId);
  // Outreach is the KAA's own work: consent or emergency access alone does not let anyone record it.
  if (!person || !person.managed) throw denied(personId, 'contact_attempt');
  const [period, openCase, { settings }] = await Promise.all([
    openPeriod(trx, personId),
    openCaseOf(trx, personId),
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
  const eventId = await insertAttemptEvent(
    trx,
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
  );
  const attemptId = await insertAttemptRow(trx, {
    municipality_id: person.municipality_id,
    person_id: personId,
    period_id: period?.id ?? null,
    event_id: eventId,
    channel: input.channel,
    outcome: input.outcome,
    at: input.at,
    staff_id: ctx.actor.id,
    occupation,
    occupation_list_version: occupation ? OCCUPATION_CODE_LIST.version : null,
    agreed: input.agreed,
    note: input.note,
    idempotency_key: idempotencyKey,
  });
  if (openCase?.status === 'new' && !isCheckStep(input.channel)) {
    await markCaseContacting(trx, openCase.id);
    await insertEvents(
      trx,
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
    );
  }
  const next = period
    ? await refreshNextStep(trx, {
        municipalityId: person.municipality_id,
        person,
        period,
        settings,
        today: todayInSweden(ctx.clock.now()),
      })
    : null;
  await audit({
    action: 'create',
    entity: 'contact_attempt',
    entityId: attemptId,
    personId,
    detail: { channel: input.channel, outcome: input.outcome },
  });
  return { id: attemptId, nextStep: next ? { ...next, overrideReason: null } : null };
}

/**
 * The attempt an actor already recorded under `key`, with the person's current next step (audited; 404 once out of
 * reach).
 */
function replayed(ctx: RequestContext, personId: string, key: string) {
  return audited(ctx, async ({ trx, audit }) => {
    const prior = await attemptByIdempotencyKey(trx, ctx.actor.id, key);
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
  { personId, body, idempotencyKey }: { personId: string; body: AttemptBody; idempotencyKey: string | null },
): Promise<{ id: string; nextStep: NextStepOut }> {
  requireCapability(ctx.actor, 'outreach.work');
  const input = checkAttempt(body, ctx.clock.now());
  if (idempotencyKey) {
    const prior = await replayed(ctx, personId, idempotencyKey);
    if (prior) return prior;
  }
  try {
    return await audited(ctx, (t) => insertAttempt(ctx, t, { personId, attempt: input, idempotencyKey }));
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
      attemptsOf(trx, personId),
    ]);
    const meetings = await upcomingMeetingsOf(trx, personId);
    // Those who configure outreach see every unconfirmed message to the person; others only their own.
    const sentBy = roleCan(ctx.actor.role, 'outreach.configure') ? null : ctx.actor.id;
    const awaitingSms = person.managed ? await unconfirmedSmsOf(trx, personId, sentBy) : [];
    const now = ctx.clock.now();
    const proposal = period ? await proposalFor(trx, { person, period, settings, today: todayInSweden(now) }) : null;
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
        ? await insertNextStepOverride(trx, { personId, municipalityId: person.municipality_id }, values)
        : await updateNextStepOverride(trx, personId, input.version, values);
    if (!saved) throw new AppError('version_conflict');
    await insertEvents(
      trx,
      eventRow(
        { municipality_id: person.municipality_id, person_id: personId, actor_id: ctx.actor.id },
        'next_step_changed',
        { channel: input.channel, dueOn: input.dueOn, reason: input.reason },
      ),
    );
    await audit({ action: 'update', entity: 'next_step', entityId: personId, personId });
  });
}
