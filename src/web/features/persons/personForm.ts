/** The values of the person form and how they map to and from the API. */
import type { CONTACT_GIVEN_BY, PersonCreate, PersonDetail, SIGN_IN_CODE_CHANNELS } from '../../../core/schemas.js';
import type { PersonUpdate } from '../../api/endpoints.js';

/** One guardian row in the form. */
export type GuardianValues = { key: string; name: string; relation: string; phone: string; email: string };

/** Everything the person form edits, as strings and booleans. */
export type PersonValues = {
  personalIdentityNumber: string;
  givenName: string;
  familyName: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  /** Who gave the phone number; '' when not recorded. */
  phoneGivenBy: GivenBy;
  emailGivenBy: GivenBy;
  /** Where the young person's sign-in code goes. */
  signInCodeChannel: (typeof SIGN_IN_CODE_CHANNELS)[number];
  protectedIdentity: boolean;
  guardians: GuardianValues[];
};

/** Who gave a contact detail, '' when not recorded. */
export type GivenBy = (typeof CONTACT_GIVEN_BY)[number] | '';

/** Field name (as the API names it, e.g. "guardians.0.name") → message. */
export type FieldErrors = Record<string, string>;

let keySeq = 0;
/** A new empty guardian row with a stable key for React. */
export function emptyGuardian(): GuardianValues {
  keySeq += 1;
  return { key: `g${keySeq}`, name: '', relation: '', phone: '', email: '' };
}

/** An empty form for a new person. */
export function emptyPerson(): PersonValues {
  return {
    personalIdentityNumber: '',
    givenName: '',
    familyName: '',
    streetAddress: '',
    postalCode: '',
    city: '',
    phone: '',
    email: '',
    phoneGivenBy: '',
    emailGivenBy: '',
    signInCodeChannel: 'sms',
    protectedIdentity: false,
    guardians: [],
  };
}

/** The form filled from a person read from the API. */
export function valuesOf(person: PersonDetail): PersonValues {
  return {
    personalIdentityNumber: person.personalIdentityNumber,
    givenName: person.givenName,
    familyName: person.familyName,
    streetAddress: person.streetAddress ?? '',
    postalCode: person.postalCode ?? '',
    city: person.city ?? '',
    phone: person.phone ?? '',
    email: person.email ?? '',
    phoneGivenBy: person.phoneGivenBy ?? '',
    emailGivenBy: person.emailGivenBy ?? '',
    signInCodeChannel: person.signInCodeChannel ?? 'sms',
    protectedIdentity: person.protectedIdentity,
    guardians: person.guardians.map((g) => ({
      ...emptyGuardian(),
      name: g.name,
      relation: g.relation ?? '',
      phone: g.phone ?? '',
      email: g.email ?? '',
    })),
  };
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

function common(values: PersonValues) {
  return {
    givenName: values.givenName.trim(),
    familyName: values.familyName.trim(),
    streetAddress: orNull(values.streetAddress),
    postalCode: orNull(values.postalCode),
    city: orNull(values.city),
    phone: orNull(values.phone),
    email: orNull(values.email),
    phoneGivenBy: values.phoneGivenBy || null,
    emailGivenBy: values.emailGivenBy || null,
    signInCodeChannel: values.signInCodeChannel,
    protectedIdentity: values.protectedIdentity,
    guardians: values.guardians.map((g) => ({
      name: g.name.trim(),
      relation: orNull(g.relation),
      phone: orNull(g.phone),
      email: orNull(g.email),
    })),
  };
}

/** The create request body. */
export function toCreateBody(values: PersonValues): PersonCreate {
  return { personalIdentityNumber: values.personalIdentityNumber.trim(), ...common(values) };
}

/** The update request body with the version that was read. */
export function toUpdateBody(values: PersonValues, version: number): PersonUpdate {
  return { ...common(values), version };
}

/** The element id of the input for an API field name. */
export function fieldId(field: string): string {
  return `person-${field.replaceAll('.', '-')}`;
}
