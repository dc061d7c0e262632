/**
 * Measures per offer over a period (issue 15): participants, completed and interrupted, what the
 * offer cost and its cost per participant and per outcome, beside the seeds' cost of one young person
 * lost to society. Pure; the server counts in SQL and folds here.
 */
import type { CostUnit, EndReason } from './measures.js';
import { share, SMALL_CELL } from './figures.js';

/** End reasons that count as a measure completed (done, or left for studies or work). */
export const COMPLETED_END_REASONS: readonly EndReason[] = ['completed', 'moved_on_studies', 'moved_on_work'];
/** End reasons that count as a measure interrupted (broken off, or declined by the young person). */
export const INTERRUPTED_END_REASONS: readonly EndReason[] = ['interrupted', 'declined'];

/** One offer's counts in a period, as the SQL gives them. */
export type OfferCount = {
  offerId: string;
  name: string;
  kind: string;
  costAmount: number | null;
  costUnit: CostUnit | null;
  /** Persons with a measure of the offer running at some time in the period. */
  participants: number;
  /** Measures of the offer started in the period (a cost per participant is paid for each). */
  started: number;
  /** Days of the period the offer's measures ran, summed over measures (a cost per week is paid for these). */
  measureDays: number;
  completed: number;
  interrupted: number;
  /** Participants whose case closed in the period to studies or work. */
  outcomes: number;
};

/**
 * What an offer cost in a period: per participant, its amount for each measure started in the
 * period; per week, its amount for each seven days its measures ran in the period. Whole kronor;
 * null when the offer has no cost.
 */
export function offerCost(o: Pick<OfferCount, 'costAmount' | 'costUnit' | 'started' | 'measureDays'>): number | null {
  if (o.costAmount === null || o.costUnit === null) return null;
  return Math.round(o.costUnit === 'participant' ? o.costAmount * o.started : (o.costAmount * o.measureDays) / 7);
}

/** A quotient in whole kronor; null when there is nothing to divide by or no cost. */
function per(cost: number | null, n: number): number | null {
  return cost === null || n === 0 ? null : Math.round(cost / n);
}

export type OfferFigure = Omit<OfferCount, 'measureDays' | 'started'> & {
  cost: number | null;
  costPerParticipant: number | null;
  costPerOutcome: number | null;
  completedShare: number | null;
};

/** The measures figure of a period. */
export type MeasureFigures = {
  from: string;
  to: string;
  offers: OfferFigure[];
  total: { participants: number; completed: number; interrupted: number; outcomes: number; cost: number };
  /** The municipality's figure setting: what one young person lost to society costs. */
  lostYoungPersonCost: number;
  /** How many young persons kept from being lost would pay for the period's measures (two decimals). */
  costInLostYoungPersons: number;
};

/**
 * Folds the counts per offer: cost, cost per participant and per outcome, and the total cost set
 * against the cost of one young person lost to society. Total participants count persons once
 * (`distinctParticipants`), since one person may take part in several offers.
 */
export function measureFigures(input: {
  from: string;
  to: string;
  offers: readonly OfferCount[];
  distinctParticipants: number;
  distinctOutcomes: number;
  lostYoungPersonCost: number;
}): MeasureFigures {
  const offers = input.offers.map((o): OfferFigure => {
    const cost = offerCost(o);
    const { measureDays: _d, started: _s, ...rest } = o;
    return {
      ...rest,
      cost,
      costPerParticipant: per(cost, o.participants),
      costPerOutcome: per(cost, o.outcomes),
      completedShare: share(o.completed, o.completed + o.interrupted),
    };
  });
  const cost = offers.reduce((n, o) => n + (o.cost ?? 0), 0);
  return {
    from: input.from,
    to: input.to,
    offers,
    total: {
      participants: input.distinctParticipants,
      completed: offers.reduce((n, o) => n + o.completed, 0),
      interrupted: offers.reduce((n, o) => n + o.interrupted, 0),
      outcomes: input.distinctOutcomes,
      cost,
    },
    lostYoungPersonCost: input.lostYoungPersonCost,
    costInLostYoungPersons:
      input.lostYoungPersonCost > 0 ? Math.round((cost / input.lostYoungPersonCost) * 100) / 100 : 0,
  };
}

type Shown = number | typeof SMALL_CELL;
/** An offer's row as a reader of suppressed figures gets it: counts may read "<3". */
export type ShownOfferFigure = Omit<OfferFigure, 'participants' | 'completed' | 'interrupted' | 'outcomes'> & {
  participants: Shown;
  completed: Shown;
  interrupted: Shown;
  outcomes: Shown;
};

/**
 * The money of the offers as it may be shown beside suppressed counts. An offer whose participants read
 * "<3" shows no cost, nor cost per participant or per outcome: with one or two participants the offer's
 * cost is what one or two young persons cost (and, priced per participant, cost over price gives the
 * count back). A cost per outcome goes when the outcomes read "<3", the completed share when the
 * interrupted do. When exactly one offer's cost is left out this way, the next smallest cost goes too,
 * so the total cost minus the costs shown gives nothing back.
 */
export function suppressOfferMoney<T extends ShownOfferFigure>(offers: readonly T[]): T[] {
  const out = offers.map((o) => {
    const few = o.participants === SMALL_CELL;
    return {
      ...o,
      cost: few ? null : o.cost,
      costPerParticipant: few ? null : o.costPerParticipant,
      costPerOutcome: few || o.outcomes === SMALL_CELL ? null : o.costPerOutcome,
      completedShare: o.interrupted === SMALL_CELL ? null : o.completedShare,
    };
  });
  const hidden = out.filter((o, i) => o.cost === null && offers[i]!.cost !== null && offers[i]!.cost! > 0);
  if (hidden.length === 1) {
    const next = out
      .filter((o) => o.cost !== null && o.cost > 0)
      .sort((a, b) => (a.cost as number) - (b.cost as number))[0];
    if (next) Object.assign(next, { cost: null, costPerParticipant: null, costPerOutcome: null });
  }
  return out;
}
