/** Test helpers for outreach: a person in the register, assigned to a contact person. */
import { addDays } from '../../core/outreach.js';
import type { PersonCreate } from '../../core/schemas.js';
import { todayInSweden } from '../../core/dates.js';
import { buildPerson } from './factories.js';
import type { Client, Harness } from './harness.js';

/** The date `days` days before today in Sweden (as the server counts days), as YYYY-MM-DD. */
export const daysAgo = (days: number) => addDays(todayInSweden(), -days);

/**
 * Registers a person through the API, puts them in the register from `enteredOn` (the day before the
 * app's clock's day unless given) for `entryReason` and, when given, makes `contactPerson` their contact
 * person. Returns ids and the case.
 */
export async function personInRegister(
  h: Harness,
  options: { enteredOn?: string; entryReason?: string; contactPerson?: Client; person?: Partial<PersonCreate> } = {},
) {
  const { id } = (await h.as.coordinator.request('POST', '/api/v1/persons', buildPerson(options.person))).json() as {
    id: string;
  };
  await h.db
    .insertInto('register_periods')
    .values({
      municipality_id: h.municipalityId,
      person_id: id,
      entered_on: options.enteredOn ?? addDays(todayInSweden(h.clock.now()), -1),
      entry_reason: options.entryReason ?? 'moved_in',
    })
    .execute();
  const person = (await h.as.coordinator.request('GET', `/api/v1/persons/${id}`)).json();
  if (options.contactPerson) {
    const res = await h.as.coordinator.request('PATCH', `/api/v1/cases/${person.case.id}`, {
      contactPersonId: options.contactPerson.staffId,
      version: person.case.version,
    });
    if (res.statusCode !== 204) throw new Error(`assigning failed: ${res.body}`);
  }
  return { personId: id, caseId: person.case.id as string };
}
