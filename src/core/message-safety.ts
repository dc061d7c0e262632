/**
 * What may go out in a letter or a text message: no identity number written out, in any form a
 * person might type it: with or without century, with a hyphen, plus, dash or space before the last
 * four digits, and with spaces between the digit pairs of the date (`121212-1212`, `19121212 1212`,
 * `12 12 12 - 1212`). Shared by the template check and the text-message free text.
 */

const SEP = String.raw`[ \u00a0]?[-+\u2010-\u2015\u2212]?[ \u00a0]?`;
const PAIR = String.raw`\d{2}[ \u00a0]?`;
/**
 * Six or eight date digits (spaces allowed between pairs), an optional separator, four digits, not inside a longer
 * number.
 */
const IDENTITY_NUMBER = new RegExp(String.raw`(?<!\d)(?:${PAIR})?${PAIR}${PAIR}\d{2}${SEP}\d{4}(?!\d)`);

/** True when `text` holds something that reads as a personal identity or coordination number. */
export function containsIdentityNumber(text: string): boolean {
  return IDENTITY_NUMBER.test(text);
}

/** True when `text` holds a template placeholder (`{{…}}`), which free text may not. */
export function containsPlaceholder(text: string): boolean {
  return /\{\{|\}\}/.test(text);
}
