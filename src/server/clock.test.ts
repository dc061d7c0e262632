import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const FEATURES = new URL('./features/', import.meta.url).pathname;

/**
 * Work that runs in a job or on a schedule, outside any request, where the system's clock is the only one:
 * imports, the register's reconciliation and its applied plan, and retention's file sweep.
 */
const OUTSIDE_REQUESTS = [
  'imports/process-import.ts',
  'register/apply-plan.ts',
  'register/reconcile.ts',
  'retention/retention.ts',
];

/** A reading of the system's clock: `new Date()` with no argument, `Date.now()`, or today's date without a time. */
const SYSTEM_CLOCK = /new Date\(\)|Date\.now\(\)|todayInSweden\(\)/;

describe('the clock', () => {
  it('is read from the request context in every feature that serves requests, so tests can set the time', () => {
    const sources = readdirSync(FEATURES, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !OUTSIDE_REQUESTS.includes(f),
    );
    const readers = sources.flatMap((f) =>
      readFileSync(path.join(FEATURES, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (SYSTEM_CLOCK.test(line) ? [`${f}:${i + 1}`] : [])),
    );
    expect(readers).toEqual([]);
  });
});
