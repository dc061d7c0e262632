/**
 * Rules for the contact details Lotsa keeps: phone numbers and Swedish postal codes. Shared by the
 * API's schemas and the web's forms.
 */

/** The separators people write in phone numbers; "(0)" is the trunk zero some write after +46. */
const PHONE_SEPARATORS = /[\s\-./]|\(0\)|[()]/g;
/** International: + (or 00) and 7 to 15 digits, the first no zero (E.164). */
const INTERNATIONAL = /^(?:\+|00)[1-9]\d{6,14}$/;
/** Swedish: a trunk zero, an area code and a number, 7 to 12 digits in all. */
const SWEDISH = /^0[1-9]\d{5,10}$/;

/** True for a phone number written as E.164 ("+46 70 174 06 05") or Swedish ("070-174 06 05"). */
export function isPhoneNumber(value: string): boolean {
  const digits = value.replace(PHONE_SEPARATORS, '');
  return INTERNATIONAL.test(digits) || SWEDISH.test(digits);
}

const POSTAL_CODE = /^([1-9]\d{2}) ?(\d{2})$/;

/** A Swedish postal code ("43330" or "433 30") as "433 30", or null when it is none. */
export function normalPostalCode(value: string): string | null {
  const m = POSTAL_CODE.exec(value.trim());
  return m ? `${m[1]} ${m[2]}` : null;
}
