/**
 * The access follow-up for administrators: the five reports, each row markable as reviewed. Reading a report is
 * audited.
 */
import type { z } from 'zod';
import type { AccessReviewRow, accessReviewMarkBody, accessReviewQuery } from '../../../core/consent-schemas.js';
import { todayInSweden } from '../../../core/dates.js';
import { requireCapability } from '../../access/access.js';
import { audited, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import { atNight, denied, emergencies, manyPersons, outsideCaseload } from './access-review.queries.js';

const REPORTS = {
  outside_caseload: outsideCaseload,
  emergency: emergencies,
  many_persons: manyPersons,
  night: atNight,
  denied,
};
/** The day in Sweden `n` days before `now`. */
const daysBefore = (now: Date, n: number) => todayInSweden(new Date(now.getTime() - n * 86_400_000));
const NO_PERSON = 'none';

/**
 * One report for the actor's municipality, by default the last 30 days in Sweden up to today (by the context's clock).
 */
export async function accessReview(
  ctx: RequestContext,
  query: z.infer<typeof accessReviewQuery>,
): Promise<AccessReviewRow[]> {
  requireCapability(ctx.actor, 'access.review');
  const w = {
    municipalityId: ctx.actor.municipalityId,
    from: query.from ?? daysBefore(ctx.clock.now(), 30),
    to: query.to ?? daysBefore(ctx.clock.now(), 0),
  };
  return audited(ctx, async ({ trx, audit }) => {
    const rows = await REPORTS[query.kind](trx, w);
    const personIds = [...new Set(rows.map((r) => r.person_id).filter((id): id is string => id !== null))];
    const [persons, reviews] = await Promise.all([
      personIds.length
        ? trx.selectFrom('persons').select(['id', 'given_name', 'family_name']).where('id', 'in', personIds).execute()
        : [],
      trx
        .selectFrom('access_reviews')
        .innerJoin('staff', 'staff.id', 'access_reviews.reviewed_by')
        .select([
          'access_reviews.actor_id',
          'access_reviews.person_id',
          'access_reviews.day',
          'staff.name',
          'access_reviews.reviewed_at',
          'access_reviews.note',
        ])
        .where('access_reviews.municipality_id', '=', w.municipalityId)
        .where('access_reviews.kind', '=', query.kind)
        .where('access_reviews.day', '>=', w.from)
        .where('access_reviews.day', '<=', w.to)
        .execute(),
    ]);
    // Names of young people appear in the report, so each one shown is itself an audited read.
    await audit(
      { action: 'read', entity: 'access_review', detail: { ...query } },
      ...personIds.map((id) => ({ action: 'read' as const, entity: 'access_review' as const, personId: id })),
    );
    const key = (actor: string, person: string | null, day: string) => `${actor}|${person ?? NO_PERSON}|${day}`;
    const reviewed = new Map(reviews.map((r) => [key(r.actor_id, r.person_id, r.day), r]));
    const names = new Map(persons.map((p) => [p.id, `${p.given_name} ${p.family_name}`]));
    return rows.map((r) => {
      const review = reviewed.get(key(r.actor_id, r.person_id, r.day));
      return {
        kind: query.kind,
        day: r.day,
        actor: { id: r.actor_id, name: r.actor_name },
        person: r.person_id ? { id: r.person_id, name: names.get(r.person_id) ?? '' } : null,
        reads: r.reads,
        detail: r.detail,
        reviewed: review ? { by: review.name, at: review.reviewed_at.toISOString(), note: review.note } : null,
      };
    });
  });
}

/** Marks one row as reviewed; marking it again keeps the first review. */
export async function markReviewed(ctx: RequestContext, input: z.infer<typeof accessReviewMarkBody>): Promise<void> {
  requireCapability(ctx.actor, 'access.review');
  await audited(ctx, async ({ trx, audit }) => {
    const actor = await trx
      .selectFrom('staff')
      .select('id')
      .where('id', '=', input.actorId)
      .where('municipality_id', '=', ctx.actor.municipalityId)
      .executeTakeFirst();
    if (!actor) throw new AppError('not_found');
    if (
      input.personId &&
      !(await trx
        .selectFrom('persons')
        .select('id')
        .where('id', '=', input.personId)
        .where('municipality_id', '=', ctx.actor.municipalityId)
        .executeTakeFirst())
    )
      throw new AppError('not_found');
    await trx
      .insertInto('access_reviews')
      .values({
        municipality_id: ctx.actor.municipalityId,
        kind: input.kind,
        actor_id: input.actorId,
        person_id: input.personId,
        day: input.day,
        reviewed_by: ctx.actor.id,
        note: input.note,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await audit({
      action: 'update',
      entity: 'access_review',
      personId: input.personId,
      detail: { kind: input.kind, actorId: input.actorId, day: input.day },
    });
  });
}
