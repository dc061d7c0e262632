/**
 * Queries of the measures area: offers of the actor's municipality, and measures and referrals always
 * through a person the actor may see (`personVisibleTo`) or manage (`personManagedBy`).
 */
import { sql, type Kysely } from 'kysely';
import { accessOf, personManagedBy, personVisibleTo, type Actor } from '../../access/access.js';
import type { Database } from '../../db/types.js';

type Q = Kysely<Database>;

/** The person with the actor's access (basis, categories, managed), if the actor may see them at all. */
export function selectVisiblePerson(db: Q, actor: Actor, personId: string) {
  return db
    .selectFrom('persons')
    .select(['persons.id', 'persons.municipality_id'])
    .select((eb) => accessOf(actor)(eb))
    .where('persons.id', '=', personId)
    .where(personVisibleTo(actor))
    .executeTakeFirst();
}

/** The person with the actor's access, if the actor works on them for the KAA (may book measures and refer). */
export function selectManagedPerson(db: Q, actor: Actor, personId: string) {
  return db
    .selectFrom('persons')
    .select(['persons.id', 'persons.municipality_id'])
    .select((eb) => accessOf(actor)(eb))
    .where('persons.id', '=', personId)
    .where(personManagedBy(actor))
    .executeTakeFirst();
}

/** The person's open case, which new events belong to (none: the event belongs to the person only). */
export async function openCaseOf(db: Q, personId: string): Promise<string | null> {
  const row = await db
    .selectFrom('cases')
    .select('id')
    .where('person_id', '=', personId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** How many running measures use each offer (for its capacity). */
const inUse = sql<number>`(select count(*)::int from measures m where m.offer_id = offers.id and m.ended_on is null)`;

/** The offers of a municipality, active ones (or all), by name, with the provider's name. */
export function selectOffers(db: Q, municipalityId: string, includeInactive: boolean) {
  let q = db
    .selectFrom('offers')
    .leftJoin('units', 'units.id', 'offers.provider_unit_id')
    .selectAll('offers')
    .select(['units.name as unit_name', inUse.as('in_use')])
    .where('offers.municipality_id', '=', municipalityId);
  if (!includeInactive) q = q.where('offers.active', '=', true);
  return q.orderBy('offers.name').orderBy('offers.id').execute();
}

/** One offer of the municipality, or undefined. */
export function selectOffer(db: Q, municipalityId: string, offerId: string) {
  return db
    .selectFrom('offers')
    .leftJoin('units', 'units.id', 'offers.provider_unit_id')
    .selectAll('offers')
    .select(['units.name as unit_name', inUse.as('in_use')])
    .where('offers.municipality_id', '=', municipalityId)
    .where('offers.id', '=', offerId)
    .executeTakeFirst();
}
export type OfferRow = NonNullable<Awaited<ReturnType<typeof selectOffer>>>;

/** A unit of the municipality, active or not, or undefined. */
export function selectUnit(db: Q, municipalityId: string, unitId: string) {
  return db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', unitId)
    .executeTakeFirst();
}

/** A plan goal of the person that is still on the plan, or undefined. */
export function selectGoalOfPerson(db: Q, personId: string, goalId: string) {
  return db
    .selectFrom('plan_goals')
    .select(['id', 'title'])
    .where('id', '=', goalId)
    .where('person_id', '=', personId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
}

/** The person's plan goals still on a plan, for linking a measure. */
export function selectGoalsOfPerson(db: Q, personId: string) {
  return db
    .selectFrom('plan_goals')
    .select(['id', 'title', 'area'])
    .where('person_id', '=', personId)
    .where('removed_at', 'is', null)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

/**
 * The measures of a person (or the one `measureId`), newest start first, with offer, provider, goal and who recorded
 * them.
 */
export function selectMeasures(db: Q, where: { personId: string } | { measureId: string; municipalityId: string }) {
  let q = db
    .selectFrom('measures')
    .innerJoin('offers', 'offers.id', 'measures.offer_id')
    .leftJoin('units', 'units.id', 'offers.provider_unit_id')
    .leftJoin('plan_goals', 'plan_goals.id', 'measures.goal_id')
    .leftJoin('staff', 'staff.id', 'measures.recorded_by')
    .selectAll('measures')
    .select([
      'offers.name as offer_name',
      'offers.kind as offer_kind',
      'offers.study_form as offer_study_form',
      'offers.provider_name',
      'units.name as unit_name',
      'plan_goals.title as goal_title',
      'staff.name as recorded_by_name',
    ]);
  q =
    'personId' in where
      ? q.where('measures.person_id', '=', where.personId)
      : q.where('measures.id', '=', where.measureId).where('measures.municipality_id', '=', where.municipalityId);
  return q.orderBy('measures.starts_on', 'desc').orderBy('measures.created_at', 'desc').execute();
}
export type MeasureRow = Awaited<ReturnType<typeof selectMeasures>>[number];

/** The referrals of a person (or the one `referralId`), newest first, with who recorded them. */
export function selectReferrals(db: Q, where: { personId: string } | { referralId: string; municipalityId: string }) {
  let q = db
    .selectFrom('referrals')
    .leftJoin('staff', 'staff.id', 'referrals.recorded_by')
    .selectAll('referrals')
    .select('staff.name as recorded_by_name');
  q =
    'personId' in where
      ? q.where('referrals.person_id', '=', where.personId)
      : q.where('referrals.id', '=', where.referralId).where('referrals.municipality_id', '=', where.municipalityId);
  return q.orderBy('referrals.sent_on', 'desc').orderBy('referrals.created_at', 'desc').execute();
}
export type ReferralRow = Awaited<ReturnType<typeof selectReferrals>>[number];
