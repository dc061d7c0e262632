/**
 * Where the server reads the time. Production uses the system's clock; a test gives the app a
 * fixed one, so that what depends on the hour or the day (the audit log's times, the access
 * follow-up's night reads, "today in Sweden") does not depend on when the suite runs.
 */
export type Clock = { now: () => Date };

/** The system's clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that always answers `at`. */
export function fixedClock(at: Date | string): Clock {
  const time = new Date(at).getTime();
  return { now: () => new Date(time) };
}
