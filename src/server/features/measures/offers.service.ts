/**
 * The municipality's catalogue of offers: what it is (core's versioned OFFER_KIND_LIST), who provides
 * it, where, for how many and at what cost. Coordinators maintain it; everyone who works with young
 * people reads it. Offers hold no personal data, but their changes are audited like the rest.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import { todayInSweden } from '../../../core/dates.js';
import { OFFER_KIND_LIST } from '../../../core/measures.js';
import type { Offer, offerBody, offerUpdateBody } from '../../../core/measure-schemas.js';
import { roleCan } from '../../../core/roles.js';
import { requireCapability } from '../../access/access.js';
import { audited, type RequestContext } from '../../http/context.js';
import { AppError } from '../../http/app-error.js';
import type { FieldMessageKey } from '../../../core/errors.js';
import { selectOffer, selectOffers, selectUnit, type OfferRow } from './measures.queries.js';

type OfferInput = z.output<typeof offerBody>;

/** The offer as the API shows it. */
export function presentOffer(r: OfferRow): Offer {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as Offer['kind'],
    kindListVersion: r.kind_list_version,
    studyForm: r.study_form as Offer['studyForm'],
    description: r.description,
    provider: { unitId: r.provider_unit_id, name: r.unit_name ?? r.provider_name ?? '' },
    location: r.location,
    capacity: r.capacity,
    inUse: r.in_use,
    costAmount: r.cost_amount,
    costUnit: r.cost_unit,
    active: r.active,
    version: r.version,
  };
}

/** Who reads the catalogue: those who book measures, browse persons, or keep the catalogue. */
function requireReader(ctx: RequestContext) {
  const { role } = ctx.actor;
  if (!roleCan(role, 'persons.browse') && !roleCan(role, 'offers.manage')) throw new AppError('forbidden');
}

/** The catalogue of the actor's municipality, active offers only unless asked. */
export async function listOffers(ctx: RequestContext, includeInactive: boolean): Promise<Offer[]> {
  requireReader(ctx);
  return (await selectOffers(ctx.db, ctx.actor.municipalityId, includeInactive)).map(presentOffer);
}

/** The active catalogue and the municipality's name, for the printed catalogue. */
export async function offersForPrint(
  ctx: RequestContext,
): Promise<{ municipality: string; offers: Offer[]; today: string }> {
  requireReader(ctx);
  const [rows, municipality] = await Promise.all([
    selectOffers(ctx.db, ctx.actor.municipalityId, false),
    ctx.db
      .selectFrom('municipalities')
      .select('name')
      .where('id', '=', ctx.actor.municipalityId)
      .executeTakeFirstOrThrow(),
  ]);
  return { municipality: municipality.name, offers: rows.map(presentOffer), today: todayInSweden(ctx.clock.now()) };
}

/** The rules an offer's fields must meet together: a provider, a study form only for studies, a cost with its unit. */
async function offerProblems(
  ctx: RequestContext,
  trx: RequestContext['db'],
  o: OfferInput,
): Promise<{ field: string; code: FieldMessageKey }[]> {
  const problems: { field: string; code: FieldMessageKey }[] = [];
  if (o.providerUnitId && !(await selectUnit(trx, ctx.actor.municipalityId, o.providerUnitId)))
    problems.push({ field: 'providerUnitId', code: 'invalid' });
  if (!o.providerUnitId && !o.providerName) problems.push({ field: 'providerName', code: 'required' });
  if (o.studyForm && o.kind !== 'studies') problems.push({ field: 'studyForm', code: 'invalid' });
  if (o.costAmount !== null && !o.costUnit) problems.push({ field: 'costUnit', code: 'required' });
  return problems;
}

/** Adds an offer to the catalogue. */
export async function createOffer(ctx: RequestContext, input: OfferInput): Promise<Offer> {
  requireCapability(ctx.actor, 'offers.manage');
  return audited(ctx, async ({ trx, audit }) => {
    const problems = await offerProblems(ctx, trx, input);
    if (problems.length) throw new AppError('validation_failed', problems);
    const row = await trx
      .insertInto('offers')
      .values({
        municipality_id: ctx.actor.municipalityId,
        name: input.name,
        kind: input.kind,
        kind_list_version: OFFER_KIND_LIST.version,
        study_form: input.studyForm,
        description: input.description,
        provider_unit_id: input.providerUnitId,
        provider_name: input.providerUnitId ? null : input.providerName,
        location: input.location,
        capacity: input.capacity,
        cost_amount: input.costAmount,
        cost_unit: input.costAmount === null ? null : input.costUnit,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({ action: 'create', entity: 'offer', entityId: row.id, detail: { kind: input.kind } });
    return presentOffer((await selectOffer(trx, ctx.actor.municipalityId, row.id))!);
  });
}

/**
 * Changes an offer, or takes it out of the catalogue (`active: false`); measures already booked keep it. 409 when
 * `version` is stale.
 */
export async function updateOffer(
  ctx: RequestContext,
  offerId: string,
  input: z.output<typeof offerUpdateBody>,
): Promise<Offer> {
  requireCapability(ctx.actor, 'offers.manage');
  return audited(ctx, async ({ trx, audit }) => {
    const current = await selectOffer(trx, ctx.actor.municipalityId, offerId);
    if (!current) throw new AppError('not_found');
    if (current.version !== input.version) throw new AppError('version_conflict');
    const pick = <K extends keyof OfferInput>(key: K, now: OfferInput[K]): OfferInput[K] =>
      input[key] === undefined ? now : (input[key] as OfferInput[K]);
    const next: OfferInput = {
      name: pick('name', current.name),
      kind: pick('kind', current.kind as OfferInput['kind']),
      studyForm: pick('studyForm', current.study_form as OfferInput['studyForm']),
      description: pick('description', current.description),
      providerUnitId: pick('providerUnitId', current.provider_unit_id),
      providerName: pick('providerName', current.provider_name),
      location: pick('location', current.location),
      capacity: pick('capacity', current.capacity),
      costAmount: pick('costAmount', current.cost_amount),
      costUnit: pick('costUnit', current.cost_unit),
    };
    const problems = await offerProblems(ctx, trx, next);
    if (problems.length) throw new AppError('validation_failed', problems);
    const updated = await trx
      .updateTable('offers')
      .set({
        name: next.name,
        kind: next.kind,
        kind_list_version: next.kind === current.kind ? current.kind_list_version : OFFER_KIND_LIST.version,
        study_form: next.studyForm,
        description: next.description,
        provider_unit_id: next.providerUnitId,
        provider_name: next.providerUnitId ? null : next.providerName,
        location: next.location,
        capacity: next.capacity,
        cost_amount: next.costAmount,
        cost_unit: next.costAmount === null ? null : next.costUnit,
        active: input.active ?? current.active,
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', offerId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('version_conflict');
    await audit({
      action: 'update',
      entity: 'offer',
      entityId: offerId,
      detail: { fields: Object.keys(input).filter((k) => k !== 'version') },
    });
    return presentOffer((await selectOffer(trx, ctx.actor.municipalityId, offerId))!);
  });
}
