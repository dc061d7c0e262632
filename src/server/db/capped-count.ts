/**
 * Counts that stop: how many rows a list query would return, counted no further than a cap, so a
 * count over tens of thousands of rows reads at most the cap's worth. The person list and the work
 * queues say a count that reached the cap as a lower bound (`totalIsLowerBound`: "at least").
 */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from './types.js';

/** Above this many rows past a page's start, a list's total is a lower bound ("at least"), not counted further. */
export const COUNT_CAP = 10_000;

/**
 * A query of one row and column `total`: how many rows `rows` (a list query without its order or
 * limit, selecting as little as it can, e.g. `1`) has, counted up to one past `cap`. Run it alone, or
 * select it as a column of a statement that counts several lists at once.
 */
export function countUpTo<QDB, TB extends keyof QDB, O>(
  db: Kysely<Database>,
  rows: SelectQueryBuilder<QDB, TB, O>,
  cap: number,
) {
  const matching = rows.limit(cap + 1).as('matching');
  return (db as unknown as Kysely<Record<'matching', O>>)
    .selectFrom(matching as never)
    .select(sql<number>`count(*)::int`.as('total'));
}

/** The total of a count made by countUpTo, and whether it is a lower bound (the count reached the cap). */
export function cappedTotal(counted: number, cap: number): { total: number; totalIsLowerBound: boolean } {
  return { total: Math.min(counted, cap), totalIsLowerBound: counted > cap };
}
