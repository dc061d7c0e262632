/** Factories for test data, using only Skatteverket's test identity numbers. */
import { readFileSync } from 'node:fs';
import type { PersonCreate } from '../../core/schemas.js';

const NUMBERS = readFileSync(new URL('../../../reference/skatteverket-testpersonnummer-2000-2009.csv', import.meta.url), 'utf8')
  .split('\n')
  .slice(1)
  .filter((n) => n.startsWith('2008') || n.startsWith('2009'));
let next = 0;

/** A fresh test identity number (born 2008–2009), different on every call within a test file. */
export function testIdentityNumber(): string {
  return NUMBERS[next++ % NUMBERS.length]!;
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
    protectedIdentity: false,
    guardians: [{ name: 'Vera Testsson', relation: 'vårdnadshavare', phone: '070-1740606', email: null }],
    ...overrides,
  };
}
