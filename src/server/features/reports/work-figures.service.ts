/**
 * The figures page's reports (issue 15): outreach by channel, measures per offer and status on a
 * day. Counts only, never who. Inside the municipality its coordinator and managers see every count;
 * everyone else reads small cells as "<3", and a figure that would give a hidden count back (a share,
 * a cost per person, a caseload's load) is left out.
 */
import type { z } from 'zod';
import { channelFigures, monthsOf, type ChannelFigures } from '../../../core/channel-figures.js';
import { todayInSweden } from '../../../core/dates.js';
import { seesSmallCells, seesSmallCellsInside, SMALL_CELL, suppressSmallCells } from '../../../core/figures.js';
import {
  measureFigures,
  suppressOfferMoney,
  type MeasureFigures,
  type OfferFigure,
  type ShownOfferFigure,
} from '../../../core/measure-figures.js';
import type { periodFiguresQuery, statusFiguresQuery } from '../../../core/report-schemas.js';
import { statusFigures, type StatusFigures } from '../../../core/status-figures.js';
import { requireCapability } from '../../access/access.js';
import { AppError } from '../../http/app-error.js';
import type { RequestContext } from '../../http/context.js';
import { loadOutreachSettings } from '../contact/outreach-settings.js';
import { loadFigureSettings } from './reports.queries.js';
import type { SteeringWork } from './steering-pdf-work.js';
import {
  caseloadCounts,
  channelCounts,
  offerCounts,
  registerMonths,
  statusGroups,
  type FigureFilters,
} from './work-figures.queries.js';

/** The longest period a figure covers, in months (ten years). */
const MAX_MONTHS = 120;

type Shown<T> = T & { smallCellsSuppressed: boolean };
type PeriodQuery = z.infer<typeof periodFiguresQuery>;

/** Checks the capability and the period: an end before the start is 400 naming `to`. */
function periodOf(ctx: RequestContext, q: { from: string; to: string }) {
  requireCapability(ctx.actor, 'figures.read');
  if (q.to < q.from) throw new AppError('validation_failed', [{ field: 'to', code: 'end_before_start' }]);
  if (monthsOf(q.from, q.to).length > MAX_MONTHS)
    throw new AppError('validation_failed', [{ field: 'from', code: 'too_long' }]);
  return { from: q.from, to: q.to };
}
const filtersOf = (q: FigureFilters): FigureFilters => ({ targetGroup: q.targetGroup, contactPerson: q.contactPerson });
/**
 * Whether the reader gets small cells as "<3": inside the municipality all but its coordinator and
 * managers; in a file that leaves it (`leaving`, the steering group's PDF) all but its coordinator.
 */
const suppressFor = (ctx: RequestContext, leaving = false) =>
  leaving ? !seesSmallCells(ctx.actor) : !seesSmallCellsInside(ctx.actor);

/** Outreach by channel over a period: attempts and reached per rung of the municipality's ladder. */
export async function outreachByChannel(
  ctx: RequestContext,
  q: PeriodQuery,
  leaving = false,
): Promise<Shown<ChannelFigures>> {
  const period = periodOf(ctx, q);
  const { settings } = await loadOutreachSettings(ctx.db, ctx.actor.municipalityId);
  const counts = await channelCounts(ctx.db, ctx.actor.municipalityId, period, filtersOf(q));
  const register = await registerMonths(ctx.db, ctx.actor.municipalityId, period, filtersOf(q));
  const figures = channelFigures({ ...period, ladder: settings.ladder.map((s) => s.channel), counts, register });
  if (!suppressFor(ctx, leaving)) return { ...figures, smallCellsSuppressed: false };
  const shown = suppressSmallCells(figures, ['from', 'to', 'channel', 'month', 'reachedShare']);
  const hidden = (v: unknown) => v === SMALL_CELL;
  // A share of reached attempts would give back attempts hidden beside a shown reached count (and the reverse).
  const channels = shown.channels.map((c) => ({
    ...c,
    reachedShare: hidden(c.attempts) || hidden(c.reached) ? null : c.reachedShare,
  }));
  const months = shown.months.map((m) => ({
    ...m,
    reachedShare: hidden(m.inRegister) || hidden(m.reached) ? null : m.reachedShare,
  }));
  return { ...shown, channels, months, smallCellsSuppressed: true };
}

/** Measures per offer over a period, with the cost of one young person lost to society beside them. */
export async function measuresPerOffer(
  ctx: RequestContext,
  q: PeriodQuery,
  leaving = false,
): Promise<Shown<MeasureFigures>> {
  const period = periodOf(ctx, q);
  const { settings } = await loadFigureSettings(ctx.db, ctx.actor.municipalityId);
  const counts = await offerCounts(ctx.db, ctx.actor.municipalityId, period, filtersOf(q));
  const figures = measureFigures({ ...period, ...counts, lostYoungPersonCost: settings.lostYoungPersonCost });
  if (!suppressFor(ctx, leaving)) return { ...figures, smallCellsSuppressed: false };
  const money = [
    'costAmount',
    'cost',
    'costPerParticipant',
    'costPerOutcome',
    'lostYoungPersonCost',
    'costInLostYoungPersons',
  ];
  const shown = suppressSmallCells(figures, [
    'from',
    'to',
    'offerId',
    'name',
    'kind',
    'costUnit',
    'completedShare',
    ...money,
  ]);
  // An offer's money beside a hidden count would give the count, or one young person's cost, back.
  const offers = suppressOfferMoney(shown.offers as unknown as ShownOfferFigure[]) as unknown as OfferFigure[];
  return { ...shown, offers, smallCellsSuppressed: true };
}

/** Status on a day (today when not given): participants by status, gender and target group; caseloads. */
export async function statusNow(
  ctx: RequestContext,
  q: z.infer<typeof statusFiguresQuery>,
  leaving = false,
): Promise<Shown<StatusFigures & { defaultCapacity: number }>> {
  requireCapability(ctx.actor, 'figures.read');
  const on = q.on ?? todayInSweden(ctx.clock.now());
  const m = ctx.actor.municipalityId;
  const { settings } = await loadFigureSettings(ctx.db, m);
  const [groups, caseload] = [
    await statusGroups(ctx.db, m, on, filtersOf(q)),
    await caseloadCounts(ctx.db, m, on, filtersOf(q)),
  ];
  const figures = {
    ...statusFigures({ on, groups, caseload, defaultCapacity: settings.caseloadCapacity }),
    defaultCapacity: settings.caseloadCapacity,
  };
  if (!suppressFor(ctx, leaving)) return { ...figures, smallCellsSuppressed: false };
  const shown = suppressSmallCells(figures, ['on', 'contactPerson', 'capacity', 'defaultCapacity', 'load']);
  const hidden = (v: unknown) => v === SMALL_CELL;
  return {
    ...shown,
    // A hidden caseload shows neither its load nor whether it is over capacity (capacity 1, over: open 2).
    caseload: shown.caseload.map((c) => ({
      ...c,
      load: hidden(c.open) ? null : c.load,
      overCapacity: hidden(c.open) ? null : c.overCapacity,
    })),
    smallCellsSuppressed: true,
  };
}

/**
 * The work's figures for the steering group's PDF of a period: outreach by channel and measures per
 * offer over it, status and caseloads on its last day (today when it ends later), with the same
 * filters, suppressed as a file that leaves the municipality.
 */
export async function steeringWork(
  ctx: RequestContext,
  q: { from: string; to: string } & FigureFilters,
): Promise<SteeringWork> {
  const today = todayInSweden(ctx.clock.now());
  const period = { from: q.from, to: q.to, ...filtersOf(q), format: 'json' as const, lang: 'sv' as const };
  const channels = await outreachByChannel(ctx, period, true);
  const measures = await measuresPerOffer(ctx, period, true);
  const status = await statusNow(ctx, { ...period, on: q.to < today ? q.to : today }, true);
  return { channels, measures, status };
}
