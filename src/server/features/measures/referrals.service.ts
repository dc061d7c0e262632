/**
 * Guiding onward (lotsning): referrals of a young person to another agency, whether staff went along
 * to the first visit, the referral's status and outcome. A referral's consent category follows its
 * agency (core's referralCategory): one to social services, health care, addiction care or the youth
 * health clinic is 'health_social', so only those whose consent names that category see or write it.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import { categoriesOf, requireCapability } from '../../access/access.js';
import { readBasis } from '../../audit/basis.js';
import { audited, denied, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { eventRow } from '../../db/events.js';
import {
  referralCategory,
  referralProblems,
  type ReferralAgency,
  type ReferralStatus,
} from '../../../core/measures.js';
import type { Referral, referralBody, referralUpdateBody } from '../../../core/measure-schemas.js';
import {
  openCaseOf,
  selectManagedPerson,
  selectReferrals,
  selectVisiblePerson,
  type ReferralRow,
} from './measures.queries.js';

/** The referral as the API shows it. */
function presentReferral(r: ReferralRow): Referral {
  return {
    id: r.id,
    personId: r.person_id,
    agency: r.agency as ReferralAgency,
    agencyName: r.agency_name,
    sentOn: r.sent_on,
    reason: r.reason,
    accompanied: r.accompanied,
    firstVisitOn: r.first_visit_on,
    status: r.status as ReferralStatus,
    outcome: r.outcome,
    category: r.category,
    recordedBy: r.recorded_by_name,
    version: r.version,
  };
}

/**
 * The person's referrals the actor may see by category (404 when the actor may not see the person); the others are
 * withheld.
 */
export async function listReferrals(ctx: RequestContext, personId: string): Promise<Referral[]> {
  requireCapability(ctx.actor, 'persons.browse');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await selectVisiblePerson(trx, ctx.actor, personId);
    if (!person) throw denied(personId, 'referrals');
    const sees = categoriesOf(person);
    const rows = await selectReferrals(trx, { personId });
    const shown = rows.filter((r) => sees.includes(r.category));
    await audit({
      action: 'read',
      entity: 'referrals',
      entityId: personId,
      personId,
      detail: { ...readBasis(person), withheld: rows.length - shown.length },
    });
    return shown.map(presentReferral);
  });
}

function throwProblems(problems: { field: string; code: 'required' | 'end_before_start' | 'invalid' }[]) {
  if (problems.length) throw new AppError('validation_failed', problems);
}

/**
 * Records a referral (404 when the actor does not work on the person for the KAA; 403 when its category is not theirs
 * to write).
 */
export async function createReferral(
  ctx: RequestContext,
  personId: string,
  input: z.output<typeof referralBody>,
): Promise<Referral> {
  requireCapability(ctx.actor, 'measures.write');
  return audited(ctx, async ({ trx, audit }) => {
    const person = await selectManagedPerson(trx, ctx.actor, personId);
    if (!person) throw new AppError('not_found');
    const category = referralCategory(input.agency);
    // Staff record only into categories they may see: writing shares with everyone who sees it.
    if (!categoriesOf(person).includes(category))
      throw new AppError('category_not_allowed', [{ field: 'agency', code: 'invalid' }]);
    throwProblems([
      ...(input.agency === 'other' && !input.agencyName ? [{ field: 'agencyName', code: 'required' as const }] : []),
      ...referralProblems(input),
    ]);
    const caseId = await openCaseOf(trx, personId);
    const row = await trx
      .insertInto('referrals')
      .values({
        municipality_id: person.municipality_id,
        person_id: personId,
        case_id: caseId,
        agency: input.agency,
        agency_name: input.agencyName,
        sent_on: input.sentOn,
        reason: input.reason,
        accompanied: input.accompanied,
        first_visit_on: input.firstVisitOn,
        status: input.status,
        outcome: input.outcome,
        category,
        recorded_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('events')
      .values(
        eventRow(
          {
            municipality_id: person.municipality_id,
            person_id: personId,
            case_id: caseId,
            actor_id: ctx.actor.id,
            category,
          },
          'referral_sent',
          {
            referralId: row.id,
            agency: input.agency,
            agencyName: input.agencyName,
            sentOn: input.sentOn,
            accompanied: input.accompanied,
          },
        ),
      )
      .execute();
    await audit({
      action: 'create',
      entity: 'referral',
      entityId: row.id,
      personId,
      detail: { agency: input.agency, category, basis: person.access_basis },
    });
    return presentReferral(
      (await selectReferrals(trx, { referralId: row.id, municipalityId: ctx.actor.municipalityId }))[0]!,
    );
  });
}

/** Changes a referral's status, outcome, first visit or accompaniment; 409 when `version` is not the stored one. */
export async function updateReferral(
  ctx: RequestContext,
  referralId: string,
  input: z.output<typeof referralUpdateBody>,
): Promise<Referral> {
  requireCapability(ctx.actor, 'measures.write');
  return audited(ctx, async ({ trx, audit }) => {
    const current = (await selectReferrals(trx, { referralId, municipalityId: ctx.actor.municipalityId }))[0];
    const person = current && (await selectManagedPerson(trx, ctx.actor, current.person_id));
    if (!current || !person || !categoriesOf(person).includes(current.category)) throw new AppError('not_found');
    if (current.version !== input.version) throw new AppError('version_conflict');
    const next = {
      status: input.status ?? (current.status as ReferralStatus),
      outcome: input.outcome === undefined ? current.outcome : input.outcome,
      firstVisitOn: input.firstVisitOn === undefined ? current.first_visit_on : input.firstVisitOn,
      accompanied: input.accompanied ?? current.accompanied,
    };
    throwProblems(referralProblems({ ...next, sentOn: current.sent_on }));
    const updated = await trx
      .updateTable('referrals')
      .set({
        status: next.status,
        outcome: next.outcome,
        first_visit_on: next.firstVisitOn,
        accompanied: next.accompanied,
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', referralId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('version_conflict');
    const caseId = current.case_id ?? (await openCaseOf(trx, current.person_id));
    await trx
      .insertInto('events')
      .values(
        eventRow(
          {
            municipality_id: current.municipality_id,
            person_id: current.person_id,
            case_id: caseId,
            actor_id: ctx.actor.id,
            category: current.category,
          },
          'referral_updated',
          {
            referralId,
            agency: current.agency as ReferralAgency,
            agencyName: current.agency_name,
            status: next.status,
            previousStatus: current.status as ReferralStatus,
            accompanied: next.accompanied,
          },
        ),
      )
      .execute();
    await audit({
      action: 'update',
      entity: 'referral',
      entityId: referralId,
      personId: current.person_id,
      detail: { fields: Object.keys(input).filter((k) => k !== 'version'), basis: person.access_basis },
    });
    return presentReferral((await selectReferrals(trx, { referralId, municipalityId: ctx.actor.municipalityId }))[0]!);
  });
}
