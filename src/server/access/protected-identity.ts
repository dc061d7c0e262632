/**
 * What a protected identity (skyddade personuppgifter) hides from readers beyond the contact details
 * themselves (see `contactDetailsVisibleTo`): that they changed. The one rule for every place that
 * writes or reads `person_updated` events: the timeline, the register extract, edits and population lists.
 */
import { readEvent } from '../../core/events/index.js';

/**
 * Fields a `person_updated` event never names for a person with protected identity: address and
 * contact details, as edits name them (camelCase) and as population lists name them (columns).
 */
export const FIELDS_HIDDEN_WHEN_PROTECTED: ReadonlySet<string> = new Set([
  'streetAddress',
  'postalCode',
  'city',
  'phone',
  'email',
  'phoneGivenBy',
  'emailGivenBy',
  'signInCodeChannel',
  'street_address',
  'postal_code',
]);

/** The changed `fields` that may be named, given whether the person has protected identity. */
export function fieldsShown(fields: readonly string[], protectedIdentity: boolean): string[] {
  return protectedIdentity ? fields.filter((f) => !FIELDS_HIDDEN_WHEN_PROTECTED.has(f)) : [...fields];
}

/**
 * An event's payload as readers may see it: under protected identity a `person_updated` event names
 * no address or contact field, whenever it was recorded (also before the protection was added).
 * Null when readers see no event at all: a population list's update that named only such fields
 * (a list changes nothing else, so the bare event would still say the address changed). An edit
 * left with no field reads as one saved without changes, which any edit can be.
 */
export function payloadShown(
  type: string,
  payload: Record<string, unknown>,
  protectedIdentity: boolean,
): Record<string, unknown> | null {
  if (!protectedIdentity || type !== 'person_updated') return payload;
  const event = readEvent(type, payload);
  // A stored update whose payload no longer reads could name anything: it is not shown.
  if (event?.type !== 'person_updated') return null;
  const fields = fieldsShown(event.payload.fields, true);
  if (fields.length === 0 && event.payload.source === 'population_list') return null;
  return { ...payload, fields };
}

/**
 * Whether a reader sees a person's address and contact details: the contact category, and for a protected identity a
 * grant (`contact_visible`).
 */
export function contactDetailsShown(row: {
  contact_visible: boolean | null;
  sees_contact_occupation: boolean;
}): boolean {
  return Boolean(row.contact_visible) && row.sees_contact_occupation;
}
