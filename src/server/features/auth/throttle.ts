/**
 * Sign-in throttling that cannot lock the owner out. Attempts are counted per (account, address)
 * pair, per account and per address over a sliding window:
 *
 * - a pair is slowed down after a few failures and refused (429 with Retry-After) after `perPair`,
 *   so one address can no longer guess at an account, while the owner elsewhere is untouched;
 * - an account's failures from every address together only *delay* each attempt (the right
 *   password too, so the delay tells nothing), never refuse it: guessing from many addresses is
 *   slowed, and the owner still gets in;
 * - an address's failures over every account (a shared NAT) likewise only delay, so colleagues
 *   behind the same address still sign in with their own passwords.
 *
 * An attempt is recorded before the password is checked, so that concurrent guesses count
 * against each other; a refused attempt is removed again, so refusals do not extend the window.
 * Attempts at one account are also taken one at a time (per process), so guesses sent in parallel
 * from many addresses each wait their turn and their delay. An IPv6 address counts by its /64
 * network, which one subscriber usually holds whole.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { Db } from '../../db/connection.js';
import { AppError } from '../../http/app-error.js';
import {
  addressAttemptCount,
  attemptCounts,
  deleteAttempt,
  deleteAttemptsBefore,
  deletePairAttempts,
  insertAttempt,
} from './auth.queries.js';

/** The limits: failures within `windowMinutes`; delays in milliseconds. */
export const THROTTLE = {
  windowMinutes: 15,
  /** Failures of one pair after which it is refused until the oldest leaves the window. */
  perPair: 5,
  /** Failures of one pair from which each further attempt of it waits. */
  pairSlowAfter: 2,
  /** Failures of one account, over all addresses, from which every attempt waits. */
  accountBudget: 10,
  /** Failures from one address, over all accounts, from which every attempt from it waits. */
  addressBudget: 30,
  delayStepMs: 500,
  maxDelayMs: 5_000,
};

/** Where throttling waits; tests replace `sleep` to observe the delay without waiting. */
export const throttleTiming = {
  sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The wait, in milliseconds, for the failures already recorded of a pair, its account and its address. */
export function throttleDelay(counts: { pair: number; account: number; address: number }): number {
  const over = (n: number, from: number) => Math.max(0, n - from);
  const steps = Math.max(
    over(counts.pair, THROTTLE.pairSlowAfter),
    over(counts.account, THROTTLE.accountBudget),
    over(counts.address, THROTTLE.addressBudget),
  );
  return Math.min(THROTTLE.maxDelayMs, steps * THROTTLE.delayStepMs);
}

/** The address a failure is counted against: IPv6 by its /64 network, an IPv4-mapped IPv6 address as IPv4. */
export function throttleAddress(ip: string | null): string | null {
  if (!ip || !isIPv6(ip)) return ip;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  const [head = '', tail] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `work` for `account` after every earlier attempt at the same account in this process has ended. */
export function oneAtATime<T>(account: string, work: () => Promise<T>): Promise<T> {
  const key = account.toLowerCase();
  const result = (queues.get(key) ?? Promise.resolve()).then(work, work);
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return result;
}

/**
 * Records an attempt of `email` from `ip`, waits as long as the earlier failures ask, and throws 429
 * (with the seconds until the pair may try again) when the pair has used up its attempts.
 */
export async function throttleAttempt(db: Db, email: string, from: string | null): Promise<void> {
  const ip = throttleAddress(from);
  const windowMinutes = THROTTLE.windowMinutes;
  const attemptId = await insertAttempt(db, { email, ip });
  const counts = await attemptCounts(db, { email, ip, exceptId: attemptId, windowMinutes });
  if (counts.pairIncluding > THROTTLE.perPair) {
    await deleteAttempt(db, attemptId);
    throw new AppError(
      'too_many_attempts',
      [],
      {},
      { retryAfterSeconds: Math.max(1, counts.retryAfter ?? THROTTLE.windowMinutes * 60) },
    );
  }
  const address = { n: ip ? await addressAttemptCount(db, { ip, exceptId: attemptId, windowMinutes }) : 0 };
  // Failures older than the window count for nothing; the table holds only the last minutes.
  await deleteAttemptsBefore(db, windowMinutes);
  const wait = throttleDelay({ pair: counts.pair, account: counts.account, address: address.n });
  if (wait > 0) await throttleTiming.sleep(wait);
}

/** Forgets the failures of `email` from `ip` after the right password came from there. */
export async function forgetPairFailures(db: Db, email: string, from: string | null): Promise<void> {
  const ip = throttleAddress(from);
  await deletePairAttempts(db, email, ip);
}
