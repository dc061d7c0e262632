/**
 * The outcome report for a period (cases closed between two days): counted in the database, folded by
 * core's rules, counts and shares only. Inside the municipality its coordinator and managers see small
 * cells; everyone else, and every file that leaves (the steering group's PDF), reads "<3" unless the
 * reader is the coordinator.
 */
import {
  outcomeReport,
  seesSmallCells,
  seesSmallCellsInside,
  suppressMedians,
  suppressSmallCells,
  type OutcomeReport,
} from '../../../core/figures.js';
import { OUTCOME_CODES } from '../../../core/outcomes.js';
import { requireCapability } from '../../access/access.js';
import { AppError } from '../../http/app-error.js';
import type { RequestContext } from '../../http/context.js';
import { loadFigureSettings, outcomeGroups } from './reports.queries.js';
import type { FigureFilters } from './work-figures.queries.js';

/** The report as the API shows it: suppressed where the reader may not see small cells, and saying so. */
export type ShownOutcomeReport = OutcomeReport & { smallCellsSuppressed: boolean };

/**
 * The outcome report for `from`–`to`; `leaving` when it goes outside the municipality (a file for the steering group).
 */
export async function outcomeReportFor(
  ctx: RequestContext,
  period: { from: string; to: string },
  leaving = false,
  filters: FigureFilters = {},
): Promise<ShownOutcomeReport> {
  requireCapability(ctx.actor, 'figures.read');
  if (period.to < period.from) throw new AppError('validation_failed', [{ field: 'to', code: 'end_before_start' }]);
  const { settings } = await loadFigureSettings(ctx.db, ctx.actor.municipalityId);
  const m = ctx.actor.municipalityId;
  const { groups, medians, medianCases } = await outcomeGroups(ctx.db, m, period, settings.targetMonths, filters);
  const report = outcomeReport({ ...period, outcomeCodes: OUTCOME_CODES, groups, medians, settings });
  const suppress = leaving ? !seesSmallCells(ctx.actor) : !seesSmallCellsInside(ctx.actor);
  // Every filter (a target group, one contact person's cases) goes through the same suppression.
  if (!suppress) return { ...report, smallCellsSuppressed: false };
  const shown = suppressSmallCells(report);
  return { ...shown, medianDays: suppressMedians(report.medianDays, medianCases), smallCellsSuppressed: true };
}
