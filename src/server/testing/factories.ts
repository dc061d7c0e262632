/** Factories for test data, using only Skatteverket's test identity numbers. */
import { readFileSync } from 'node:fs';
import { todayInSweden } from '../../core/dates.js';
import { ageOn, birthDateOf } from '../../core/personnummer.js';
import type { PersonCreate } from '../../core/schemas.js';

const ALL_NUMBERS = readFileSync(
  new URL('../../../reference/skatteverket-testpersonnummer-2000-2009.csv', import.meta.url),
  'utf8',
)
  .split('\n')
  .slice(1)
  .filter((n) => /^\d{12}$/.test(n));
const NUMBERS = ALL_NUMBERS.filter((n) => n.startsWith('2008') || n.startsWith('2009'));
let next = 0;
/** Numbers handed out in this test file, so that no two calls give the same one. */
const given = new Set<string>();

/**
 * Starts handing out identity numbers from the first again. The set-up file calls it before each test file,
 * so a file gets the same numbers whether or not an earlier file ran in the same process (vitest.config.ts).
 */
export function forgetGivenIdentityNumbers(): void {
  next = 0;
  given.clear();
}

/** A fresh test identity number (born 2008–2009), different on every call within a test file. */
export function testIdentityNumber(): string {
  for (let tries = 0; tries < NUMBERS.length; tries++) {
    const n = NUMBERS[next++ % NUMBERS.length]!;
    if (!given.has(n)) {
      given.add(n);
      return n;
    }
  }
  throw new Error('No unused test identity number left');
}

/**
 * A fresh test identity number of someone who is `age` years old on `day` (YYYY-MM-DD; today in Sweden
 * unless given), so a test whose answer depends on age (under 18: the guardian is phoned) gives the same
 * answer whatever day the suite runs.
 */
export function testIdentityNumberAged(age: number, day: string = todayInSweden()): string {
  const on = new Date(`${day}T12:00:00Z`);
  const n = ALL_NUMBERS.find((x) => !given.has(x) && ageOn(birthDateOf(x), on) === age);
  if (!n) throw new Error(`No unused test identity number of someone ${age} years old on ${day}`);
  given.add(n);
  return n;
}

/** A valid body for POST /api/v1/persons; override what the test cares about. */
export function buildPerson(overrides: Partial<PersonCreate> = {}): PersonCreate {
  const n = next;
  return {
    personalIdentityNumber: testIdentityNumber(),
    givenName: `Testa${n}`,
    familyName: 'Testsson',
    streetAddress: 'Gamla Kronvägen 12',
    postalCode: '433 30',
    city: 'Partille',
    phone: '070-1740605',
    email: `testa${n}@example.se`,
    phoneGivenBy: 'young_person',
    emailGivenBy: 'young_person',
    protectedIdentity: false,
    guardians: [{ name: 'Vera Testsson', relation: 'vårdnadshavare', phone: '070-1740606', email: null }],
    ...overrides,
  };
}
